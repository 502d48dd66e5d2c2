package com.example.loyalty.survey.rest;

import com.example.loyalty.survey.domain.TargetType;
import com.example.loyalty.survey.service.WaveService;
import com.example.loyalty.survey.service.WaveView;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who a wave asks: everyone (ALL), members of some tiers (TIER) or listed members (MEMBERS)")
public record TargetDto(
        @Schema(description = "ALL, TIER or MEMBERS", required = true)
        TargetType type,

        @Schema(description = "TIER only: tier codes, e.g. GOLD; a member qualifies by the tier they hold now")
        List<String> tiers,

        @Schema(description = "MEMBERS only: points-service member ids")
        List<UUID> memberIds) {

    WaveService.TargetInput toInput() {
        return new WaveService.TargetInput(type, tiers, memberIds);
    }

    static TargetDto from(WaveView w) {
        return new TargetDto(w.targetType(), w.targetTiers(), w.memberIds());
    }
}
