package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.Contacts;
import com.example.loyalty.points.service.MemberService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.ConstraintViolationException;
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
    private final SecurityIdentity identity;

    private final ObjectMapper json;
    private final Validator validator;

    public MemberResource(MemberService members, SecurityIdentity identity, ObjectMapper json, Validator validator) {
        this.members = members;
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
    @APIResponse(responseCode = "201", description = "Enrolled")
    @APIResponse(responseCode = "200", description = "Already enrolled")
    @APIResponse(
            responseCode = "409",
            description = "The token's verified e-mail or phone is verified for another member already")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EnrolRequest.class)))
    public Response enrol(String rawBody) throws JsonProcessingException {
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
        var enrolment = members.enrol(subject(), profile, vouched);
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
    public MemberResponse me() {
        return MemberResponse.from(members.me(subject()));
    }

    @GET
    @Path("/me/ledger")
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "The caller's point history", description = "Paged, newest first.")
    public LedgerPageResponse myLedger(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
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

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(
            summary = "Find the member at the till",
            description = "By exactly one of card code, e-mail, phone or externalId (the member's id in the system "
                    + "a history import brought them from). E-mail and phone find only a member who verified them "
                    + "with the identity provider; an unverified match answers 404 like no match. A phone matches "
                    + "whatever its spaces and hyphens, in international or national form.")
    @APIResponse(responseCode = "400", description = "None or more than one of the look-up parameters")
    @APIResponse(responseCode = "404", description = "No member matches")
    public MemberResponse lookup(
            @QueryParam("card") String card,
            @QueryParam("email") String email,
            @QueryParam("phone") String phone,
            @QueryParam("externalId") String externalId) {
        return MemberResponse.from(members.lookup(card, email, phone, externalId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member by id")
    public MemberResponse byId(@PathParam("id") UUID id) {
        return MemberResponse.from(members.byId(id));
    }

    @GET
    @Path("/{id}/ledger")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "A member's point history", description = "Paged, newest first.")
    public LedgerPageResponse ledger(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return LedgerPageResponse.from(members.ledgerOf(id, page, size));
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
