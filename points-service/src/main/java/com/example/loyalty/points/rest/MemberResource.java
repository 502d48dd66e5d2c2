package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Paging;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.service.Contacts;
import com.example.loyalty.points.service.MemberErasure;
import com.example.loyalty.points.service.MemberExport;
import com.example.loyalty.points.service.MemberMerge;
import com.example.loyalty.points.service.MemberService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Members", description = "Enrolment, the member's own account and look-ups at the till")
public class MemberResource {

    private final MemberService members;
    private final MemberMerge merge;
    private final MemberExport export;
    private final MemberErasure erasure;
    private final SecurityIdentity identity;

    private final ObjectMapper json;
    private final Validator validator;

    public MemberResource(
            MemberService members,
            MemberMerge merge,
            MemberExport export,
            MemberErasure erasure,
            SecurityIdentity identity,
            ObjectMapper json,
            Validator validator) {
        this.members = members;
        this.merge = merge;
        this.export = export;
        this.erasure = erasure;
        this.identity = identity;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "Enrol the caller",
            description = "Idempotent: the first call creates the member (201), later calls return it (200). An e-mail "
                    + "or phone is verified only when the token vouches for it (email_verified, "
                    + "phone_number_verified); one given in the body is stored unverified unless it is the token's "
                    + "verified value. A later call takes over what the token vouches for then.")
    @APIResponse(
            responseCode = "201",
            description = "Enrolled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already enrolled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The token's verified e-mail or phone is verified for another member already; or a "
                    + "referral code from a member enrolled already")
    @APIResponse(responseCode = "422", description = "An unknown referral code, or the caller's own")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolRequest.class)))
    public Response enrol(
            @Parameter(description = "The referral code of the member who referred the caller (or in the body)")
                    @QueryParam("referralCode")
                    @jakarta.validation.constraints.Pattern(
                            regexp = "\\s*[A-Za-z0-9]{4,16}\\s*",
                            message = "must be a referral code")
                    String referralCode,
            String rawBody)
            throws JsonProcessingException {
        // The body is optional (a bare POST enrols from the token's claims), so it is read by hand.
        EnrolRequest body = rawBody == null || rawBody.isBlank()
                ? new EnrolRequest(null, null, null)
                : json.readValue(rawBody, EnrolRequest.class);
        if (body == null) {
            body = new EnrolRequest(null, null, null);
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        var profile = new MemberService.Profile(
                firstNonBlank(body.displayName(), claim("name"), claim("preferred_username")),
                body.email(),
                body.phone());
        // only the identity provider vouches for an e-mail or phone (OIDC standard claims); the body's are unverified
        var vouched = new Contacts.Vouched(
                claim("email"),
                claimIsTrue("email_verified"),
                claim("phone_number"),
                claimIsTrue("phone_number_verified"));
        String code = body.referralCode() != null ? body.referralCode() : referralCode;
        var enrolment = members.enrol(subject(), profile, vouched, code);
        return Response.status(enrolment.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(MemberResponse.from(enrolment.member()))
                .build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "The caller's account",
            description = "Balance (available and pending points), debt, tier, spend in the rolling window and what "
                    + "the next tier needs.")
    @APIResponse(
            responseCode = "200",
            description = "The caller's account",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "404", description = "The caller is not enrolled")
    public MemberResponse me() {
        return MemberResponse.from(members.me(subject()));
    }

    @GET
    @Path("/me/ledger")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "The caller's point history", description = "Paged, newest first.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the caller's ledger",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LedgerPageResponse.class)))
    @APIResponse(responseCode = "404", description = "The caller is not enrolled")
    public LedgerPageResponse myLedger(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return LedgerPageResponse.from(members.ledgerOf(subject(), page, size));
    }

    @GET
    @Path("/me/expiring")
    @RolesAllowed(Roles.MEMBER)
    @Operation(
            summary = "What of the caller's points expires when",
            description = "The points expiring within the period (now up to now + within), by expiry date, soonest "
                    + "first, with the total. within is a number of days, 1d to 3660d (default 30d).")
    @APIResponse(responseCode = "200", description = "The expiring points")
    @APIResponse(responseCode = "400", description = "within is not a number of days from 1d to 3660d")
    @APIResponse(responseCode = "404", description = "The caller is not enrolled")
    public ExpiringResponse myExpiring(
            @Parameter(description = "The period, in days", example = "30d") @QueryParam("within") String within) {
        return ExpiringResponse.from(members.expiringOf(subject(), WithinParam.parse(within)));
    }

    @APIResponse(
            responseCode = "200",
            description = "The member",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Find the member at the till by card or external id",
            description = "By exactly one of card code or externalId (the member's id in the system a history import "
                    + "brought them from). E-mail and phone are personal data and never go in a URL: look them up with "
                    + "POST /api/points/members/lookup.")
    @APIResponse(responseCode = "400", description = "Not exactly one of card or externalId")
    @APIResponse(responseCode = "404", description = "No member matches")
    public MemberResponse lookup(@QueryParam("card") String card, @QueryParam("externalId") String externalId) {
        return MemberResponse.from(members.lookup(card, externalId));
    }

    @POST
    @Path("/lookup")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Find the member at the till by e-mail or phone",
            description = "By exactly one of e-mail or phone, in the body so that they never appear in a URL or an "
                    + "access log. Finds only a member who verified the value with the identity provider; an "
                    + "unverified match answers 404 like no match. A phone matches whatever its spaces and hyphens, "
                    + "in international or national form. Reads only: nothing is written.")
    @APIResponse(
            responseCode = "200",
            description = "The member",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", description = "No body, or not exactly one of email or phone")
    @APIResponse(responseCode = "404", description = "No member matches")
    public MemberResponse lookupByContact(@Valid MemberLookupRequest body) {
        if (body == null) {
            throw Problems.badRequest("invalid-lookup", "Invalid look-up", "give exactly one of email or phone");
        }
        return MemberResponse.from(members.lookupByContact(body.email(), body.phone()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member by id")
    @APIResponse(
            responseCode = "200",
            description = "The member",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "404", description = "No such member")
    public MemberResponse byId(@PathParam("id") UUID id) {
        return MemberResponse.from(members.byId(id));
    }

    @GET
    @Path("/{id}/ledger")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's point history", description = "Paged, newest first.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the member's ledger (the survivor's, for a merged member)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LedgerPageResponse.class)))
    @APIResponse(responseCode = "404", description = "No such member")
    public LedgerPageResponse ledger(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return LedgerPageResponse.from(members.ledgerOf(id, page, size));
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Merge another member into this one",
            description = "Two accounts of one person become one: the other member's balance (MERGE ledger entries on "
                    + "both), point lots, debt, purchases, returns, redemptions and awards move to this member (the "
                    + "survivor), whose qualifying spend is recomputed and tier re-evaluated (never lowered). The "
                    + "merged member's card code and login keep working for the survivor; the survivor's history "
                    + "lists the merged member's entries too. A retried merge answers as the first and changes "
                    + "nothing. Publishes MembersMerged; recorded in the audit log (MEMBERS_MERGED).")
    @APIResponse(responseCode = "200", description = "Merged (or merged before: replayed is true)")
    @APIResponse(responseCode = "400", description = "Not exactly one of mergedMemberId and cardCode")
    @APIResponse(responseCode = "404", description = "No such member or card")
    @APIResponse(responseCode = "409", description = "One of them was merged into a third member already, or erased")
    @APIResponse(responseCode = "422", description = "A member merged into itself")
    public MergeResponse merge(@PathParam("id") UUID id, @Valid MergeRequest body) {
        if (body == null) {
            throw Problems.badRequest(
                    "invalid-merge", "Invalid merge", "give exactly one of mergedMemberId or cardCode");
        }
        return MergeResponse.from(merge.merge(
                new MemberMerge.MergeCommand(id, body.mergedMemberId(), body.cardCode(), subject(), body.reason())));
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Everything stored about a member",
            description = "The member's rows of every table of points-service, as stored: profile, ledger, lots, "
                    + "purchases, returns, redemptions, awards, and the audit log's entries about them; with the "
                    + "members merged into them. Each export is recorded in the audit log (MEMBER_EXPORTED).")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "404", description = "No such member")
    public MemberExportResponse export(@PathParam("id") UUID id) {
        return MemberExportResponse.from(export.export(id, subject()));
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErasureRequest.class)))
    @Operation(
            summary = "Erase a member's personal data",
            description = "Display name, e-mail, phone, external id and login are replaced by tombstones (also on the "
                    + "members merged into them); ledger, lots, purchases, redemptions and awards stay for "
                    + "accounting. The member is then found by no look-up and their login no longer reaches the "
                    + "membership. Idempotent. Publishes MemberErased for the other services; recorded in the audit "
                    + "log (MEMBER_ERASED) without the erased values.")
    @APIResponse(responseCode = "200", description = "Erased (or erased before: replayed is true)")
    @APIResponse(responseCode = "404", description = "No such member")
    @APIResponse(responseCode = "409", description = "The member was merged into another: erase that one")
    public ErasureResponse erase(@PathParam("id") UUID id, String rawBody) throws JsonProcessingException {
        // the body is optional (a bare POST erases without a reason), so it is read by hand
        ErasureRequest body =
                rawBody == null || rawBody.isBlank() ? null : json.readValue(rawBody, ErasureRequest.class);
        if (body != null) {
            var violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return ErasureResponse.from(erasure.erase(id, subject(), body == null ? null : body.reason()));
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value instanceof JsonString text) {
                return text.getString();
            }
            return value != null ? value.toString() : null;
        }
        return null;
    }

    /** A boolean claim: true only when the token says true (a JSON true, or the text "true" some mappers write). */
    private boolean claimIsTrue(String name) {
        return "true".equals(claim(name));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
