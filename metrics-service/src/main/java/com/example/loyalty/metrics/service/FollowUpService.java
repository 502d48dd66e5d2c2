package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.metrics.domain.FollowUp;
import com.example.loyalty.metrics.domain.FollowUpKind;
import com.example.loyalty.metrics.domain.FollowUpStatus;
import com.example.loyalty.metrics.repository.FollowUpRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The follow-up queue: listing, reading and moving items through open → contacted → resolved. */
@ApplicationScoped
public class FollowUpService {

    /** What a listing asks for; a null field matches any item. */
    public record Criteria(FollowUpStatus status, UUID surveyId, FollowUpKind kind, String storeId, String assignee) {}

    /** One page of the queue. */
    public record FollowUpPage(List<FollowUpView> items, int page, int size, long total) {}

    private final FollowUpRepository followUps;

    public FollowUpService(FollowUpRepository followUps) {
        this.followUps = followUps;
    }

    /** Page {@code page} (from 0) of the items matching {@code criteria}, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUpPage list(Criteria criteria, int page, int size) {
        FollowUpRepository.Filter filter = new FollowUpRepository.Filter(
                criteria.status(), criteria.surveyId(), criteria.kind(), criteria.storeId(), criteria.assignee());
        return new FollowUpPage(
                followUps.page(filter, page, size).stream()
                        .map(FollowUpView::of)
                        .toList(),
                page,
                size,
                followUps.count(filter));
    }

    /** The item; 404 problem if there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUpView get(UUID id) {
        return followUps.findByIdOptional(id).map(FollowUpView::of).orElseThrow(() -> notFound(id));
    }

    /**
     * Changes an item's status, note and/or assignee (nulls keep the current value).
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if there is no such item, 409 if the status cannot move
     *                                                     that way or a note is written about an erased member
     *                                                     (nothing changes then)
     */
    @Transactional
    public FollowUpView update(UUID id, FollowUpStatus status, String note, String assignee) {
        FollowUp item = followUps.lock(id).orElseThrow(() -> notFound(id));
        if (item.erasedAt != null && note != null) {
            throw Problems.conflict(
                    "member-erased",
                    "Conflict",
                    "the member of follow-up " + id + " asked to be forgotten; no note can be written about them");
        }
        try {
            item.update(status, note, assignee, Instant.now());
        } catch (IllegalStateException e) {
            throw Problems.conflict("invalid-transition", "Conflict", e.getMessage());
        }
        return FollowUpView.of(item);
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("unknown-follow-up", "Not found", "there is no follow-up item " + id);
    }
}
