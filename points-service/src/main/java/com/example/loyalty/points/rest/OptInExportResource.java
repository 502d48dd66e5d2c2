package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.OptInExport;
import com.example.loyalty.points.service.OptIns;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Marketers' export of the members who opted in (the information program). */
@Path("/api/points/opt-ins")
@Authenticated
@Tag(name = "Opt-ins", description = "The information program: newsletter, e-mail and push consents")
public class OptInExportResource {

    static final String TEXT_CSV = "text/csv";

    private final OptInExport export;
    private final SecurityIdentity identity;

    public OptInExportResource(OptInExport export, SecurityIdentity identity) {
        this.export = export;
        this.identity = identity;
    }

    @GET
    @Path("/export")
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
            @Parameter(description = "NEWSLETTER, EMAIL or PUSH (any case)", required = true) @QueryParam("channel")
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
