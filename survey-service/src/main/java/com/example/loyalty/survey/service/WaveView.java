package com.example.loyalty.survey.service;

import com.example.loyalty.survey.domain.TargetType;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.domain.WaveStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A wave as the API shows it, with its status as of when it was read and its target: the tiers, segments or quadrants
 * it names, and the member ids of a MEMBERS target (each list empty for the other targets).
 */
public record WaveView(
        UUID id,
        UUID surveyId,
        String name,
        Instant opensAt,
        Instant closesAt,
        Instant closedAt,
        WaveStatus status,
        TargetType targetType,
        List<String> targetTiers,
        List<String> targetSegments,
        List<String> targetQuadrants,
        List<UUID> memberIds,
        Instant createdAt,
        String createdBy) {

    static WaveView of(Wave w, List<UUID> memberIds, Instant now) {
        return new WaveView(
                w.id,
                w.surveyId,
                w.name,
                w.opensAt,
                w.closesAt,
                w.closedAt,
                w.statusAt(now),
                w.targetType,
                List.copyOf(w.targetTiers),
                List.copyOf(w.targetSegments),
                List.copyOf(w.targetQuadrants),
                List.copyOf(memberIds),
                w.createdAt,
                w.createdBy);
    }
}
