package com.example.loyalty.points.rest;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.points.service.MemberTiers;
import com.example.loyalty.points.service.TierLadderView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/points/members/me/tier-progress")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Tiers")
public class TierProgressResource {

    private final MemberTiers memberTiers;
    private final SecurityIdentity identity;

    public TierProgressResource(MemberTiers memberTiers, SecurityIdentity identity) {
        this.memberTiers = memberTiers;
        this.identity = identity;
    }

    @Schema(description = "Spend (JPY), purchases and points")
    public record Amounts(long spend, long purchases, long points) {
        static Amounts of(TierLadderView.Figures f) {
            return f == null ? null : new Amounts(f.spend(), f.purchases(), f.points());
        }
    }

    @Schema(description = "The qualification period now")
    public record PeriodView(String kind, Integer months, Integer startMonth, Instant from, Instant to) {}

    @Schema(description = "What a tier still needs: the thresholds not yet reached (0: reached or not required)")
    public record Needed(
            long spend,
            long purchases,
            long points,

            @Schema(description = "ANY: reaching one of them is enough; ALL: every one")
            String qualifyBy) {}

    @Schema(description = "What keeping the current tier needs")
    public record Keep(
            @Schema(description = "The member qualifies for their tier now")
            boolean qualifies,

            long spend,
            long purchases,
            long points,
            String qualifyBy,

            @Schema(
                    description = "Qualify again by then, or be downgraded at the next evaluation after it (the end of "
                            + "the grace period once marked; in a calendar period, its end)")
            Instant by,

            @Schema(description = "Since the evaluation that found the member below their tier")
            Instant belowSince) {}

    @Schema(description = "A member's way to the next tier and to keeping theirs")
    public record TierProgressResponse(
            String tier,
            String tierName,
            String nextTier,
            String nextTierName,
            PeriodView period,

            @Schema(description = "The member's figures in the period")
            Amounts current,

            @Schema(description = "What the next tier still needs (null at the top)")
            Needed needed,

            Keep keep,

            @Schema(description = "An admin holds the member's tier until then")
            Instant overrideUntil) {}

    @GET
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "What the next tier needs and what keeping mine needs")
    @APIResponse(
            responseCode = "200",
            description = "The caller's tier progress",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TierProgressResponse.class)))
    @APIResponse(responseCode = "404", description = "The caller is not enrolled")
    public TierProgressResponse tierProgress() {
        MemberTiers.Progress p = memberTiers.progress(identity.getPrincipal().getName());
        TierLadderView.Period period = p.period();
        return new TierProgressResponse(
                p.tier().code(),
                p.tier().name(),
                p.nextTier() == null ? null : p.nextTier().code(),
                p.nextTier() == null ? null : p.nextTier().name(),
                new PeriodView(
                        period.kind().name(),
                        period.kind() == TierLadderView.PeriodKind.ROLLING ? period.months() : null,
                        period.kind() == TierLadderView.PeriodKind.FISCAL_YEAR ? period.startMonth() : null,
                        p.periodFrom(),
                        p.periodTo()),
                Amounts.of(p.current()),
                p.needed() == null
                        ? null
                        : new Needed(
                                p.needed().spend(),
                                p.needed().purchases(),
                                p.needed().points(),
                                p.nextTier().qualifyBy().name()),
                new Keep(
                        p.keeps(),
                        p.keep().spend(),
                        p.keep().purchases(),
                        p.keep().points(),
                        p.tier().qualifyBy().name(),
                        p.keepBy(),
                        p.belowSince()),
                p.overrideUntil());
    }
}
