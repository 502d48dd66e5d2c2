package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.domain.TargetType;
import com.example.loyalty.survey.service.WaveService;
import com.example.loyalty.survey.service.WaveView;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description =
                "Who a wave asks: everyone (ALL), members of some tiers (TIER), listed members (MEMBERS), members "
                        + "of some RFM segments (SEGMENT) or of some loyalty quadrants (QUADRANT). Each list belongs to its "
                        + "type only and is empty for the others.")
public record TargetDto(
        @Schema(description = "ALL, TIER, MEMBERS, SEGMENT or QUADRANT", required = true)
        TargetType type,

        @Schema(description = "TIER only: tier codes, e.g. GOLD; a member qualifies by the tier they hold now")
        List<String> tiers,

        @Schema(description = "MEMBERS only: points-service member ids")
        List<UUID> memberIds,

        @Schema(
                description = "SEGMENT only: RFM segment names, any case, of CHAMPIONS, CANT_LOSE_THEM, LOYAL, "
                        + "AT_RISK, NEW, PROMISING, POTENTIAL_LOYALIST, NEED_ATTENTION, ABOUT_TO_SLEEP, HIBERNATING, "
                        + "LOST, OTHERS; a member qualifies by the segment metrics-service last assigned them in the "
                        + "program currency (members it has not scored yet are in no segment)")
        List<String> segments,

        @Schema(
                description = "QUADRANT only: loyalty quadrant names, any case, of KEEP_AND_REWARD, LATENT_FAN, "
                        + "TEMPORARY_FAN, FIX_EXPERIENCE, UNKNOWN; a member qualifies by the quadrant metrics-service "
                        + "last assigned them with their segment (UNKNOWN: scored, but not classified; members it has "
                        + "not scored yet are in no quadrant)")
        List<String> quadrants) {

    WaveService.TargetInput toInput() {
        return new WaveService.TargetInput(type, tiers, memberIds, segments, quadrants);
    }

    static TargetDto from(WaveView w) {
        return new TargetDto(w.targetType(), w.targetTiers(), w.memberIds(), w.targetSegments(), w.targetQuadrants());
    }
}
