package com.example.loyalty.metrics.rest;

import com.example.loyalty.metrics.repository.QuadrantRepository.MemberQuadrant;
import com.example.loyalty.metrics.service.QuadrantService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a quadrant's members, by member id")
public record QuadrantMemberPageResponse(
        @Schema(description = "Constant name of the quadrant")
        String quadrant,

        @Schema(description = "What marketers should do with these members")
        String action,

        @Schema(description = "The members of this page") List<Item> items,
        @Schema(description = "Page index, from 0") int page,
        @Schema(description = "Page size asked for") int size,

        @Schema(description = "Members in the quadrant, on all pages")
        long total,

        @Schema(description = "Number of pages of this size")
        long totalPages) {

    @Schema(description = "A member's place")
    public record Item(
            UUID memberId,

            @Schema(
                    description = "What decided the attitudinal side: SURVEY or COMMUNITY; absent when unknown",
                    nullable = true)
            String attitudeBasis,

            @Schema(description = "NPS or CONTINUED_USE; absent without an answer", nullable = true)
            String attitudeType,

            @Schema(description = "Latest NPS or continued-use score, 0–10")
            Integer attitudeScore,

            @Schema(description = "When that answer was given")
            Instant answeredAt,

            @Schema(description = "Community contributions in the engagement window")
            long communityContributions,

            @Schema(description = "Their contribution score (weights summed)")
            long communityScore,

            @Schema(description = "R, 1–5; absent without scored purchases")
            Integer recencyScore,

            @Schema(description = "F, 1–5") Integer frequencyScore,
            @Schema(description = "M, 1–5") Integer monetaryScore,
            @Schema(description = "RFM segment") String segment) {

        static Item from(MemberQuadrant m) {
            return new Item(
                    m.memberId(),
                    m.attitudeBasis() == null ? null : m.attitudeBasis().name(),
                    m.attitudeType(),
                    m.attitudeScore(),
                    m.answeredAt(),
                    m.communityContributions(),
                    m.communityScore(),
                    m.recencyScore(),
                    m.frequencyScore(),
                    m.monetaryScore(),
                    m.segment());
        }
    }

    static QuadrantMemberPageResponse from(QuadrantService.MemberPage p) {
        return new QuadrantMemberPageResponse(
                p.quadrant().name(),
                p.quadrant().action(),
                p.items().stream().map(Item::from).toList(),
                p.page(),
                p.size(),
                p.total(),
                (p.total() + p.size() - 1) / p.size());
    }
}
