package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.domain.PointAction;
import com.example.loyalty.points.service.ActionRules;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/action-rules")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(
        name = "Action rules",
        description = "Fixed points for actions (birthday, referral, survey answered, community), with caps")
public class ActionRuleResource {

    private final ActionRules rules;
    private final SecurityIdentity identity;

    public ActionRuleResource(ActionRules rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Every action with its rule",
            description = "For each action, the version in force now and the versions scheduled after it.")
    public List<ActionRuleResponse> list() {
        return rules.list().stream().map(ActionRuleResponse::from).toList();
    }

    @PUT
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETER, Roles.ADMIN})
    @Operation(
            summary = "Change an action's rule from now or later",
            description = "A new version of the action's points and caps from validFrom (default now; never in the "
                    + "past): actions that happen from then on earn by it, actions before it keep the rule of their "
                    + "time. The version in force at validFrom ends there; versions scheduled from validFrom on are "
                    + "replaced. Points 0 turns the action off. Recorded in the audit log (ACTION_RULE_CHANGED).")
    @APIResponse(responseCode = "200", description = "The action with its versions after the change")
    @APIResponse(responseCode = "400", description = "A malformed body")
    @APIResponse(responseCode = "404", description = "No such action")
    @APIResponse(
            responseCode = "422",
            description = "validFrom in the past; a cap below the points, a day's cap above the month's or the "
                    + "month's above the year's")
    public ActionRuleResponse change(@PathParam("action") String action, @Valid @NotNull ActionRuleRequest body) {
        PointAction pointAction = PointAction.parse(action)
                .orElseThrow(() -> Problems.notFound(
                        "unknown-action",
                        "Unknown action",
                        "no action " + action + "; the actions are " + Arrays.toString(PointAction.values())));
        rules.change(
                pointAction,
                new ActionRules.Terms(body.points(), body.dailyCap(), body.monthlyCap(), body.yearlyCap()),
                body.validFrom(),
                identity.getPrincipal().getName(),
                body.reason());
        return rules.list().stream()
                .filter(v -> v.action() == pointAction)
                .map(ActionRuleResponse::from)
                .findFirst()
                .orElseThrow();
    }
}
