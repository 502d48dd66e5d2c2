package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.domain.RuleKind;
import com.example.loyalty.points.service.EarningRuleService;
import com.example.loyalty.points.service.Earnings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Earning rules",
        description = "The rules purchases earn by: base rates, channel, category and SKU multipliers, campaigns; "
                + "versioned, never retroactive, audited (docs/earning-rules.md)")
public class RuleResource {

    private final EarningRuleService rules;
    private final Earnings earnings;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Validator validator;

    public RuleResource(
            EarningRuleService rules,
            Earnings earnings,
            SecurityIdentity identity,
            ObjectMapper json,
            Validator validator) {
        this.rules = rules;
        this.earnings = earnings;
        this.identity = identity;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Create an earning rule",
            description = "Its first version is in force from now; its window from validFrom (now when absent, never "
                    + "in the past) to validTo. Audited as RULE_CREATED.")
    @APIResponse(
            responseCode = "201",
            description = "Created: the rule with its id",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "403", description = "Not a marketer or admin")
    @APIResponse(
            responseCode = "422",
            description = "invalid-rule (fields missing, of another kind, out of bounds); rule-in-past (validFrom "
                    + "before now)")
    public Response create(@Valid @NotNull RuleRequest request) {
        var created = rules.create(request.definition(), subject());
        return Response.status(Response.Status.CREATED)
                .entity(RuleResponse.from(created))
                .build();
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "List earning rules", description = "Newest first, optionally of a kind and in a status now.")
    @APIResponse(responseCode = "200", description = "The rules, each with the version in force now")
    @APIResponse(responseCode = "400", description = "Unknown kind or status, limit out of 1-500")
    public List<RuleResponse> list(
            @QueryParam("kind") RuleKind kind,
            @QueryParam("status") EarningRuleService.Status status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return rules.list(kind, status, limit).stream().map(RuleResponse::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "An earning rule with every version")
    @APIResponse(responseCode = "200", description = "The rule")
    @APIResponse(responseCode = "404", description = "Unknown rule")
    public RuleResponse get(@PathParam("id") UUID id) {
        return RuleResponse.from(rules.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Change an earning rule",
            description = "A new version with the whole definition, in force from effectiveAt (now when absent, never "
                    + "in the past); the version before stays as it was for purchases before then. Changes scheduled "
                    + "from then on are cancelled. A paused rule stays paused. Audited as RULE_CHANGED.")
    @APIResponse(responseCode = "200", description = "The rule with its new version")
    @APIResponse(responseCode = "404", description = "Unknown rule")
    @APIResponse(responseCode = "409", description = "rule-ended: the rule has ended by then")
    @APIResponse(responseCode = "422", description = "invalid-rule; rule-in-past (effectiveAt before now)")
    public RuleResponse change(@PathParam("id") UUID id, @Valid @NotNull RuleRequest request) {
        return RuleResponse.from(
                rules.change(id, request.definition(), request.effectiveAt(), subject(), request.reason()));
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleStateRequest.class)))
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(summary = "Pause an earning rule", description = "From effectiveAt (now when absent). RULE_PAUSED.")
    @APIResponse(responseCode = "200", description = "Paused")
    @APIResponse(responseCode = "404", description = "Unknown rule")
    @APIResponse(responseCode = "409", description = "rule-not-active: paused or ended by then")
    @APIResponse(responseCode = "422", description = "rule-in-past")
    public RuleResponse pause(@PathParam("id") UUID id, String rawBody) throws JsonProcessingException {
        RuleStateRequest r = stateRequest(rawBody);
        return RuleResponse.from(rules.pause(id, r.effectiveAt(), subject(), r.reason()));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleStateRequest.class)))
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Resume a paused earning rule",
            description = "From effectiveAt (now when absent). RULE_RESUMED.")
    @APIResponse(responseCode = "200", description = "Resumed")
    @APIResponse(responseCode = "404", description = "Unknown rule")
    @APIResponse(responseCode = "409", description = "rule-not-paused")
    @APIResponse(responseCode = "422", description = "rule-in-past")
    public RuleResponse resume(@PathParam("id") UUID id, String rawBody) throws JsonProcessingException {
        RuleStateRequest r = stateRequest(rawBody);
        return RuleResponse.from(rules.resume(id, r.effectiveAt(), subject(), r.reason()));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleStateRequest.class)))
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "End an earning rule for good",
            description = "From effectiveAt (now when absent); purchases before then keep earning by it. RULE_ENDED.")
    @APIResponse(responseCode = "200", description = "Ended")
    @APIResponse(responseCode = "404", description = "Unknown rule")
    @APIResponse(responseCode = "409", description = "rule-ended: ended already")
    @APIResponse(responseCode = "422", description = "rule-in-past")
    public RuleResponse end(@PathParam("id") UUID id, String rawBody) throws JsonProcessingException {
        RuleStateRequest r = stateRequest(rawBody);
        return RuleResponse.from(rules.end(id, r.effectiveAt(), subject(), r.reason()));
    }

    @POST
    @Path("/simulate")
    @RolesAllowed({Roles.STAFF, Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "What a purchase would earn, and why",
            description = "By the rules in force at occurredAt (now when absent) and the member's tier now, step by "
                    + "step: base rate, tier, boosts, channel, SKU or category, campaigns, rounding. Nothing is "
                    + "recorded; a purchase recorded with the same data earns the same.")
    @APIResponse(responseCode = "200", description = "The points and the explanation")
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "404", description = "Unknown card")
    @APIResponse(
            responseCode = "422",
            description = "unsupported-currency; purchase-in-future; purchase-too-old; invalid-items")
    public SimulateResponse simulate(@Valid @NotNull SimulateRequest request) {
        var items = request.items() == null
                ? List.<com.example.loyalty.points.service.EarningEngine.Item>of()
                : request.items().stream().map(PurchaseRequest.Item::toItem).toList();
        var s = earnings.simulate(
                request.cardCode(),
                request.amount(),
                request.currency(),
                request.channel().name(),
                request.occurredAt(),
                items);
        var e = s.earning();
        return new SimulateResponse(
                e.points(),
                s.cardCode(),
                s.tier(),
                s.segment(),
                request.amount(),
                request.currency(),
                request.channel().name(),
                s.occurredAt(),
                e.rate(),
                e.applied().stream()
                        .map(a -> new PurchaseResponse.AppliedRuleResponse(
                                a.ruleId(), a.version(), a.kind().name(), a.name(), a.points()))
                        .toList(),
                e.steps().stream().map(SimulateResponse.Step::of).toList());
    }

    /** The optional body of a pause, resume or end (a bare POST acts now, without a reason), read by hand. */
    private RuleStateRequest stateRequest(String rawBody) throws JsonProcessingException {
        if (rawBody == null || rawBody.isBlank()) {
            return new RuleStateRequest(null, null);
        }
        RuleStateRequest body = json.readValue(rawBody, RuleStateRequest.class);
        if (body == null) {
            return new RuleStateRequest(null, null);
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    private String subject() {
        return identity.getPrincipal().getName();
    }
}
