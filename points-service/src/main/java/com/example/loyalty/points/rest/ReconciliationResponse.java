package com.example.loyalty.points.rest;

import com.example.loyalty.points.service.Reconciliation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The accounting invariants, checked on one snapshot of the database")
public record ReconciliationResponse(
        @Schema(description = "When the snapshot was taken") Instant checkedAt,

        @Schema(description = "True when every invariant holds")
        boolean ok,

        @Schema(description = "Violations in all") long violationCount,
        List<CheckResponse> checks) {

    @Schema(description = "One invariant and its violations (at most 100 listed, all counted)")
    public record CheckResponse(
            @Schema(examples = "balance-equals-ledger") String name,
            @Schema(description = "What it says") String rule,
            boolean holds,
            long violationCount,
            List<ViolationResponse> violations) {}

    @Schema(description = "A violation: the member, the lot or ledger entry concerned, expected and found values")
    public record ViolationResponse(UUID memberId, UUID lotId, UUID entryId, long expected, long actual) {}

    static ReconciliationResponse from(Reconciliation.Report report) {
        List<CheckResponse> checks = report.checks().stream()
                .map(c -> new CheckResponse(
                        c.name(),
                        c.rule(),
                        c.holds(),
                        c.violationCount(),
                        c.violations().stream()
                                .map(v -> new ViolationResponse(
                                        v.memberId(), v.lotId(), v.entryId(), v.expected(), v.actual()))
                                .toList()))
                .toList();
        return new ReconciliationResponse(
                report.checkedAt(),
                report.ok(),
                checks.stream().mapToLong(CheckResponse::violationCount).sum(),
                checks);
    }
}
