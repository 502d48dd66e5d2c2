package com.example.loyalty.points.service;

import com.example.loyalty.messaging.outbox.ParkedEvents;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The admin's actions on parked outbox events ({@link ParkedEvents}), each audited in the same transaction: an event
 * put back in line is audited as OUTBOX_EVENT_RETRIED, all of them as OUTBOX_EVENTS_RETRIED (only when there were
 * any: putting back none changes nothing).
 */
@ApplicationScoped
public class OutboxAdminService {

    private final ParkedEvents parked;
    private final AuditLog audit;

    public OutboxAdminService(ParkedEvents parked, AuditLog audit) {
        this.parked = parked;
        this.audit = audit;
    }

    /** What an event is once back in line: no longer parked, its failed attempts forgotten. */
    public record BackInLine(boolean parked, int attempts) {}

    /** How many parked events were put back in line. */
    public record Retried(int retried) {}

    /** Puts one parked event back in line; 404 problem if there is no parked event with that id. */
    @Transactional
    public ParkedEvents.Parked retry(UUID id, String by) {
        ParkedEvents.Parked before = parked.retry(id, by);
        audit.record(
                by,
                AuditAction.OUTBOX_EVENT_RETRIED,
                AuditTarget.OUTBOX_EVENT,
                id.toString(),
                before,
                new BackInLine(false, 0),
                null);
        return before;
    }

    /** Puts every parked event back in line; returns how many. */
    @Transactional
    public int retryAll(String by) {
        int count = parked.retryAll(by);
        if (count > 0) {
            audit.record(
                    by,
                    AuditAction.OUTBOX_EVENTS_RETRIED,
                    AuditTarget.OUTBOX,
                    AuditTarget.OUTBOX_PARKED,
                    null,
                    new Retried(count),
                    null);
        }
        return count;
    }
}
