package com.example.loyalty.points.rest;

import com.example.loyalty.points.repository.TierEvaluationRepository;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A batch tier evaluation and its progress")
public record TierEvaluationResponse(
        UUID id,

        @Schema(description = "RUNNING, DONE, FAILED, or SUPERSEDED (a later ladder change started a new one)")
        String status,

        @Schema(description = "LADDER_CHANGE, SCHEDULE or MANUAL")
        String trigger,

        @Schema(description = "The ladder version when it started")
        long ladderVersion,

        @Schema(description = "Live members when it started (at least membersDone)")
        long membersTotal,

        @Schema(description = "Members evaluated so far") long membersDone,
        @Schema(description = "Members moved up so far") long upgraded,
        @Schema(description = "Members moved down so far") long downgraded,
        Instant startedAt,
        String startedBy,
        Instant finishedAt,
        @Schema(description = "Why it failed (FAILED only)") String error) {

    static TierEvaluationResponse of(TierEvaluationRepository.Row r) {
        return new TierEvaluationResponse(
                r.id(),
                r.status(),
                r.trigger(),
                r.ladderVersion(),
                Math.max(r.membersTotal(), r.membersDone()),
                r.membersDone(),
                r.upgraded(),
                r.downgraded(),
                r.startedAt(),
                r.startedBy(),
                r.finishedAt(),
                r.error());
    }
}
