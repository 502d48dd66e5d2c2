package com.example.loyalty.points.rest;

import com.example.loyalty.points.repository.ActionRuleRepository.Version;
import com.example.loyalty.points.service.ActionRules;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An action that earns fixed points: its rule in force now and the versions scheduled after it")
public record ActionRuleResponse(
        @Schema(description = "The action", examples = "BIRTHDAY")
        String action,

        @Schema(description = "The version in force now; null if none")
        VersionDto current,

        @Schema(description = "Versions that begin later, soonest first")
        List<VersionDto> scheduled) {

    @Schema(description = "One version of an action's rule")
    public record VersionDto(
            UUID id,

            @Schema(description = "Points the action earns (0: off)")
            long points,

            @Schema(description = "Cap per member per calendar day; null: none")
            Long dailyCap,

            @Schema(description = "Cap per member per calendar month; null: none")
            Long monthlyCap,

            @Schema(description = "Cap per member per calendar year; null: none")
            Long yearlyCap,

            @Schema(description = "Valid from (inclusive)") Instant validFrom,

            @Schema(description = "Valid until (exclusive); null: until a later version")
            Instant validTo,

            Instant createdAt,

            @Schema(description = "Token subject of who made it (bootstrap: from the settings)")
            String createdBy,

            String reason) {

        static VersionDto from(Version v) {
            return v == null
                    ? null
                    : new VersionDto(
                            v.id(),
                            v.points(),
                            v.dailyCap(),
                            v.monthlyCap(),
                            v.yearlyCap(),
                            v.validFrom(),
                            v.validTo(),
                            v.createdAt(),
                            v.createdBy(),
                            v.reason());
        }
    }

    static ActionRuleResponse from(ActionRules.ActionView v) {
        return new ActionRuleResponse(
                v.action().name(),
                VersionDto.from(v.current()),
                v.scheduled().stream().map(VersionDto::from).toList());
    }
}
