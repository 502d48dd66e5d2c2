package com.example.loyalty.survey.service;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.SegmentChanged;
import com.example.loyalty.events.TierChanged;
import com.example.loyalty.messaging.consumer.EventConsumer;
import com.example.loyalty.messaging.consumer.UnprocessableEventException;
import com.example.loyalty.survey.config.SurveysConfig;
import com.example.loyalty.survey.domain.LoyaltyQuadrant;
import com.example.loyalty.survey.repository.MemberDirectoryRepository;
import com.example.loyalty.survey.repository.MemberDirectoryRepository.SegmentSeen;
import com.example.loyalty.survey.repository.SurveyResponseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keeps the member directory (subject → member id, tier, RFM segment, loyalty quadrant) from points-service's and
 * metrics-service's events. A handler of {@link EventConsumer}, which runs it in the transaction that records the
 * event ids, so each event changes the directory once. MemberEnrolled ties subject and member id; TierChanged carries
 * the tier; SegmentChanged (in the program currency) the segment and quadrant; MembersMerged makes the merged member's
 * login answer as the survivor and moves its named responses and wave targets to the survivor; MemberErased drops the
 * member's logins and anonymises their named responses (subject tombstoned, free text erased, scores kept). Other types
 * are ignored, so a newer producer never stalls this consumer.
 */
@ApplicationScoped
public class DirectoryService {

    /** Segment and quadrant names as stored: upper case, as metrics-service spells them. */
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private final MemberDirectoryRepository directory;
    private final SurveyResponseRepository responses;
    private final SurveysConfig config;

    public DirectoryService(
            MemberDirectoryRepository directory, SurveyResponseRepository responses, SurveysConfig config) {
        this.directory = directory;
        this.responses = responses;
        this.config = config;
    }

    /**
     * Applies a batch of SegmentChanged events (a poll of loyalty-insights) in the caller's transaction, with one
     * statement: per member, the segment and quadrant of the event as of the latest day, unless the directory already
     * holds a later day. Events in another currency than the program's ({@code surveys.targeting.currency}) and
     * events of other types are skipped. A segment or quadrant name this service does not know is stored as it comes
     * (a SEGMENT or QUADRANT target can only name known ones); a missing quadrant is stored as UNKNOWN.
     *
     * @throws UnprocessableEventException if an event cannot be applied (no member id, no segment, no day, …); the
     *                                     consumer then applies the batch event by event and dead-letters that one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applySegments(List<EventEnvelope> events) {
        List<SegmentSeen> seen = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            if (!EventTypes.SEGMENT_CHANGED.equals(event.type())) {
                continue;
            }
            requireVersion(event, SegmentChanged.SCHEMA_VERSION);
            SegmentChanged changed = payload(event, SegmentChanged.class);
            UUID memberId = memberId(event);
            if (changed.currency() == null || changed.currency().isBlank()) {
                throw unprocessable(event, "no currency", null);
            }
            if (!config.targeting()
                    .currency()
                    .equalsIgnoreCase(changed.currency().trim())) {
                continue;
            }
            if (changed.asOf() == null) {
                throw unprocessable(event, "no asOf day", null);
            }
            String segment = name(event, "segment", changed.segment());
            if (segment == null) {
                throw unprocessable(event, "no segment", null);
            }
            String quadrant = name(event, "quadrant", changed.quadrant());
            seen.add(new SegmentSeen(
                    memberId, segment, quadrant == null ? LoyaltyQuadrant.UNKNOWN.name() : quadrant, changed.asOf()));
        }
        directory.segmentsSeen(seen);
    }

    /** A segment or quadrant name in upper case; {@code null} if blank. */
    private static String name(EventEnvelope event, String what, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String name = given.trim().toUpperCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw unprocessable(event, what + " '" + given + "' is not a name such as CHAMPIONS", null);
        }
        return name;
    }

    /** Applies a batch of events in order, in the caller's transaction (a batch consumer's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(java.util.List<EventEnvelope> events) {
        events.forEach(this::apply);
    }

    /**
     * Applies one event in the consumer's transaction; APPLIED or IGNORED (another type).
     *
     * @throws UnprocessableEventException if the event's content cannot be applied; the transaction rolls back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventConsumer.Outcome apply(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.MEMBER_ENROLLED -> {
                requireVersion(event, MemberEnrolled.SCHEMA_VERSION);
                MemberEnrolled enrolled = payload(event, MemberEnrolled.class);
                String subject =
                        enrolled.subject() == null || enrolled.subject().isBlank() ? null : enrolled.subject();
                directory.enrolled(memberId(event), subject, tier(enrolled.tier()), event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.TIER_CHANGED -> {
                requireVersion(event, TierChanged.SCHEMA_VERSION);
                TierChanged changed = payload(event, TierChanged.class);
                directory.tierSeen(memberId(event), tier(changed.toTier()), event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.MEMBERS_MERGED -> {
                requireVersion(event, MembersMerged.SCHEMA_VERSION);
                MembersMerged merged = payload(event, MembersMerged.class);
                UUID survivor = memberId(event);
                UUID mergedId = uuid(event, "mergedMemberId", merged.mergedMemberId());
                if (mergedId.equals(survivor)) {
                    throw unprocessable(event, "a member merged into itself", null);
                }
                // the merged member's logins, before its row points elsewhere
                List<String> subjects = directory.subjectsOf(mergedId);
                directory.merged(mergedId, survivor, tier(merged.tier()), event.occurredAt());
                responses.moveResponses(mergedId, survivor, subjects);
                responses.moveWaveMembers(mergedId, survivor);
                return EventConsumer.Outcome.APPLIED;
            }
            case EventTypes.MEMBER_ERASED -> {
                requireVersion(event, MemberErased.SCHEMA_VERSION);
                MemberErased erased = payload(event, MemberErased.class);
                UUID memberId = memberId(event);
                List<String> subjects = directory.subjectsOf(memberId);
                responses.eraseResponses(memberId, subjects);
                directory.erased(memberId, erased.erasedAt() != null ? erased.erasedAt() : event.occurredAt());
                return EventConsumer.Outcome.APPLIED;
            }
            default -> {
                return EventConsumer.Outcome.IGNORED;
            }
        }
    }

    private static String tier(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    private static void requireVersion(EventEnvelope event, int known) {
        if (event.schemaVersion() != known) {
            throw unprocessable(
                    event,
                    "schema version " + event.schemaVersion() + " of " + event.type() + " is not supported (supported: "
                            + known + ")",
                    null);
        }
    }

    private static <T> T payload(EventEnvelope event, Class<T> type) {
        if (event.payload() == null || !event.payload().isObject()) {
            throw unprocessable(event, "payload missing", null);
        }
        try {
            return EventJson.payload(event, type);
        } catch (EventJson.MalformedEventException e) {
            throw unprocessable(event, e.getMessage(), e);
        }
    }

    private static UUID uuid(EventEnvelope event, String field, String value) {
        if (value == null) {
            throw unprocessable(event, "no " + field, null);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw unprocessable(event, field + " '" + value + "' is not a UUID", e);
        }
    }

    private static UUID memberId(EventEnvelope event) {
        if (event.memberId() == null) {
            throw unprocessable(event, "no member id", null);
        }
        try {
            return UUID.fromString(event.memberId());
        } catch (IllegalArgumentException e) {
            throw unprocessable(event, "member id '" + event.memberId() + "' is not a UUID", e);
        }
    }

    private static UnprocessableEventException unprocessable(EventEnvelope event, String why, Throwable cause) {
        return new UnprocessableEventException(event.type() + " event " + event.eventId() + ": " + why, cause);
    }
}
