package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.OptInExport;
import com.example.loyalty.points.service.OptIns;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The information program: members' opt-ins, and marketers' export of the members who opted in. */
@Path("/api/points")
@Authenticated
@Tag(name = "Opt-ins", description = "The information program: newsletter, e-mail and push consents")
public class OptInResource {

    static final String TEXT_CSV = "text/csv";

    private final OptIns optIns;
    private final OptInExport export;
    private final SecurityIdentity identity;

    public OptInResource(OptIns optIns, OptInExport export, SecurityIdentity identity) {
        this.optIns = optIns;
        this.export = export;
        this.identity = identity;
    }

    @GET
    @Path("/members/me/opt-ins")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's opt-ins",
            description = "newsletter, email and push, and per channel when and from where (APP, TILL, IMPORT) it was "
                    + "last given or withdrawn.")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public OptIns.View myOptIns() {
        return optIns.ofSubject(subject());
    }

    @PUT
    @Path("/members/me/opt-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Change the caller's opt-ins",
            description = "{newsletter, email, push}; a flag omitted stays as it is. Only the channels that change get "
                    + "a new consent time (source APP); each change is kept as proof (who, when, what). changed lists "
                    + "them.")
    @APIResponse(responseCode = "200", description = "The opt-ins now")
    @APIResponse(responseCode = "400", description = "Not a JSON object of booleans")
    @APIResponse(responseCode = "404", description = "Not enrolled")
    public OptIns.View changeMyOptIns(@Valid @NotNull OptInsRequest request) {
        return optIns.changeOwn(subject(), change(request));
    }

    @GET
    @Path("/members/{memberId}/opt-ins")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's opt-ins")
    @APIResponse(responseCode = "404", description = "No such member")
    public OptIns.View optInsOf(@PathParam("memberId") UUID memberId) {
        return optIns.ofMember(memberId);
    }

    @PUT
    @Path("/members/{memberId}/opt-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Record a member's opt-ins at the till",
            description = "As the member's own change, with source TILL and the staff login as who.")
    @APIResponse(responseCode = "200", description = "The opt-ins now")
    @APIResponse(responseCode = "404", description = "No such member")
    public OptIns.View recordOptInsAtTill(@PathParam("memberId") UUID memberId, @Valid @NotNull OptInsRequest request) {
        return optIns.changeAtTill(memberId, change(request), subject());
    }

    @GET
    @Path("/opt-ins/export")
    @Produces({TEXT_CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Export the members who opted in",
            description = "CSV with a header line (" + "memberId,cardCode,displayName,email,emailVerified,phone,"
                    + "phoneVerified,tier,segment,channel,consentedAt,source), one line per member opted in to the "
                    + "channel, of the tier and the RFM segment when given, in member-id order, streamed from a "
                    + "database cursor. Erased and merged-away members never appear. Cells starting with = + - @ "
                    + "are prefixed with ' (OWASP CSV injection). Recorded in the audit log (OPT_INS_EXPORTED, with "
                    + "the filters and the count) before any row is sent.")
    @APIResponse(
            responseCode = "200",
            description = "The members, as CSV",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "channel missing or not NEWSLETTER, EMAIL or PUSH")
    @APIResponse(responseCode = "403", description = "Neither marketer nor admin")
    public Response exportOptIns(
            @Parameter(description = "NEWSLETTER, EMAIL or PUSH (any case)", required = true)
                    @QueryParam("channel")
                    String channel,
            @Parameter(description = "Only members of this tier (its code)") @QueryParam("tier") @Size(max = 32)
                    String tier,
            @Parameter(description = "Only members of this RFM segment (e.g. CHAMPIONS)")
                    @QueryParam("segment")
                    @Size(max = 32)
                    String segment) {
        OptIns.Channel ch = OptIns.Channel.parse(channel);
        if (ch == null) {
            throw Problems.badRequest(
                    "invalid-channel", "Invalid channel", "channel must be NEWSLETTER, EMAIL or PUSH, was " + channel);
        }
        var filter = new OptInExport.Filter(ch, blankToNull(tier), blankToNull(segment));
        long count = export.record(filter, subject());
        StreamingOutput body = out -> export.write(filter, out);
        String file = "opt-ins-" + ch.name().toLowerCase(java.util.Locale.ROOT) + "-" + LocalDate.now() + ".csv";
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-Export-Count", count)
                .build();
    }

    private static OptIns.Change change(OptInsRequest r) {
        return new OptIns.Change(r.newsletter(), r.email(), r.push());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
