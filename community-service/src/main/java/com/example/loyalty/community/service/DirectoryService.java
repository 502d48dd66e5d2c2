package com.example.loyalty.community.service;

import com.example.loyalty.community.repository.CommunityMemberRepository;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the community's member directory (member id ↔ subject, display name, tier) from points-service's events, as
 * a handler of {@link EventConsumer} (which records the event id in the same transaction, so each event applies once).
 * MemberEnrolled brings the subject, display name and starting tier; TierChanged the tier. Events apply in their
 * occurred-at order per member: an older tier never overwrites a newer one. MembersMerged moves what the merged member
 * has to the survivor and lets its login act as the survivor; MemberErased drops the member's login and name and shows
 * what they wrote as by an erased member ({@link CommunityMemberRepository#merged}, {@link
 * CommunityMemberRepository#erased}). Other types are ignored.
 */
@ApplicationScoped
public class DirectoryService {

    private final CommunityMemberRepository members;

    public DirectoryService(CommunityMemberRepository members) {
        this.members = members;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventConsumer.Outcome apply(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.MEMBER_ENROLLED -> {
                MemberEnrolled enrolled = payload(event, MemberEnrolled.class);
                members.enrolled(
                        memberId(event),
                        blankToNull(enrolled.subject()),
                        blankToNull(enrolled.displayName()),
                        blankToNull(enrolled.tier()),
                        event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.MEMBERS_MERGED -> {
                MembersMerged merged = payload(event, MembersMerged.class);
                UUID survivor = memberId(event);
                UUID mergedId;
                try {
                    mergedId = UUID.fromString(merged.mergedMemberId());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new UnprocessableEventException(
                            "MembersMerged event " + event.eventId() + " has no mergedMemberId: "
                                    + merged.mergedMemberId(),
                            e);
                }
                if (mergedId.equals(survivor)) {
                    throw new UnprocessableEventException(
                            "MembersMerged event " + event.eventId() + " merges a member into itself");
                }
                members.merged(mergedId, survivor, blankToNull(merged.tier()), event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.MEMBER_ERASED -> {
                MemberErased erased = payload(event, MemberErased.class);
                members.erased(memberId(event), erased.erasedAt() != null ? erased.erasedAt() : event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.TIER_CHANGED -> {
                TierChanged changed = payload(event, TierChanged.class);
                if (changed.toTier() == null || changed.toTier().isBlank()) {
                    throw new UnprocessableEventException("TierChanged without toTier");
                }
                members.tierChanged(memberId(event), changed.toTier(), event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            default -> {
                return EventConsumer.Outcome.IGNORED;
            }
        }
    }

    /** A batch (a poll of loyalty-transactions) in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<EventEnvelope> events) {
        events.forEach(this::apply);
    }

    private static UUID memberId(EventEnvelope event) {
        try {
            return UUID.fromString(event.memberId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnprocessableEventException(
                    event.type() + " event " + event.eventId() + " has no member id: " + event.memberId(), e);
        }
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) {
        try {
            return EventJson.payload(event, type);
        } catch (EventJson.MalformedEventException e) {
            throw new UnprocessableEventException("unreadable " + event.type() + " payload: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
