package com.example.loyalty.community.service;

import com.example.loyalty.common.web.FieldProblem;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.config.EventsConfig;
import com.example.loyalty.community.domain.CommunityEvent;
import com.example.loyalty.community.domain.CommunityMember;
import com.example.loyalty.community.domain.Contribution;
import com.example.loyalty.community.domain.ContributionKind;
import com.example.loyalty.community.domain.EventRegistration;
import com.example.loyalty.community.domain.RegistrationStatus;
import com.example.loyalty.community.repository.CommunityEventRepository;
import com.example.loyalty.community.repository.CommunityMemberRepository;
import com.example.loyalty.community.repository.EventRegistrationRepository;
import com.example.loyalty.community.repository.EventRegistrationRepository.Counts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Community events: marketers create them, members register (a seat while there is one, else the waitlist) and
 * cancel (a freed seat goes to the first on the waitlist), staff check members in (an EVENT_ATTENDED contribution).
 * Every change to an event's registrations happens under a row lock on the event, in one transaction, so the seats
 * are counted and handed out one registration at a time and never overbooked.
 */
@ApplicationScoped
public class CommunityEvents {

    private final CommunityEventRepository events;
    private final EventRegistrationRepository registrations;
    private final CommunityMemberRepository members;
    private final Contributions contributions;
    private final Callers callers;
    private final EventsConfig config;
    private final MeterRegistry registry;

    public CommunityEvents(
            CommunityEventRepository events,
            EventRegistrationRepository registrations,
            CommunityMemberRepository members,
            Contributions contributions,
            Callers callers,
            EventsConfig config,
            MeterRegistry registry) {
        this.events = events;
        this.registrations = registrations;
        this.members = members;
        this.contributions = contributions;
        this.callers = callers;
        this.config = config;
        this.registry = registry;
    }

    /** What a marketer asks for; where is online, a store, or not said. */
    public record NewEvent(
            String title,
            String description,
            Instant startsAt,
            Instant endsAt,
            int capacity,
            boolean online,
            String storeId,
            Instant registrationOpensAt,
            Instant registrationClosesAt) {}

    /** The caller's own registration for an event; the position only while waitlisted (1 = next to get a seat). */
    public record MyRegistration(
            UUID id, RegistrationStatus status, Long waitlistPosition, Instant registeredAt, Instant attendedAt) {}

    /** An event with its counts and, for a member caller, their registration ({@code null} when none). */
    public record EventView(CommunityEvent event, Counts counts, MyRegistration mine) {}

    public record EventPage(List<EventView> items, int page, int size, long total) {}

    /** A check-in: the registration, when, and the contribution it earned. */
    public record Attendance(
            UUID registrationId, UUID eventId, UUID memberId, Instant attendedAt, UUID contributionId, int weight) {}

    @Transactional
    public CommunityEvent create(NewEvent input) {
        Instant now = now();
        List<FieldProblem> errors = new ArrayList<>();
        if (!input.startsAt().isAfter(now)) {
            errors.add(new FieldProblem("startsAt", "must be in the future"));
        }
        if (input.endsAt() != null && !input.endsAt().isAfter(input.startsAt())) {
            errors.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (input.capacity() < 1 || input.capacity() > config.maxCapacity()) {
            errors.add(new FieldProblem("capacity", "must be between 1 and " + config.maxCapacity()));
        }
        if (input.online() && input.storeId() != null) {
            errors.add(new FieldProblem("location", "either online or in a store, not both"));
        }
        Instant closes = input.registrationClosesAt() != null ? input.registrationClosesAt() : input.startsAt();
        Instant over = input.endsAt() != null ? input.endsAt() : input.startsAt();
        if (input.registrationOpensAt() != null && !input.registrationOpensAt().isBefore(closes)) {
            errors.add(new FieldProblem("registrationOpensAt", "must be before registration closes"));
        }
        if (input.registrationClosesAt() != null && input.registrationClosesAt().isAfter(over)) {
            errors.add(new FieldProblem("registrationClosesAt", "must not be after the event is over"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid("invalid-event", "Invalid event", errors);
        }
        CommunityEvent event = new CommunityEvent();
        event.id = UUID.randomUUID();
        event.title = input.title().trim();
        event.description = input.description();
        event.startsAt = micros(input.startsAt());
        event.endsAt = micros(input.endsAt());
        event.capacity = input.capacity();
        event.online = input.online();
        event.storeId = input.storeId();
        event.registrationOpensAt = micros(input.registrationOpensAt());
        event.registrationClosesAt = micros(input.registrationClosesAt());
        event.createdBy = callers.subject();
        event.createdAt = now;
        events.persist(event);
        return event;
    }

    /** Events not over yet, soonest first, with the caller's registrations. */
    @Transactional
    public EventPage upcoming(int page, int size) {
        Instant now = now();
        List<CommunityEvent> found = events.upcoming(now, page, size);
        List<UUID> ids = found.stream().map(e -> e.id).toList();
        Map<UUID, Counts> counts = registrations.counts(ids);
        Map<UUID, EventRegistration> mine = callers.findMember()
                .map(m -> registrations.standingOf(m.memberId, ids).stream()
                        .collect(Collectors.toMap(r -> r.eventId, Function.identity())))
                .orElse(Map.of());
        List<EventView> items = found.stream()
                .map(e -> new EventView(e, counts.getOrDefault(e.id, Counts.NONE), view(mine.get(e.id))))
                .toList();
        return new EventPage(items, page, size, events.countUpcoming(now));
    }

    @Transactional
    public EventView get(UUID eventId) {
        CommunityEvent event = events.findByIdOptional(eventId).orElseThrow(() -> noSuchEvent(eventId));
        MyRegistration mine = callers.findMember()
                .flatMap(m -> registrations.standing(eventId, m.memberId))
                .map(this::view)
                .orElse(null);
        return new EventView(event, registrations.counts(eventId), mine);
    }

    /**
     * Registers the calling member: a seat while one is free (and nobody waits), else a place on the waitlist.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 unknown event; 409 outside the registration window or
     *     registered already; 403 banned
     */
    @Transactional
    public MyRegistration register(UUID eventId) {
        CommunityMember member = callers.writer();
        CommunityEvent event = events.findForUpdate(eventId).orElseThrow(() -> noSuchEvent(eventId));
        Instant now = now();
        if (now.isBefore(event.registrationOpens())) {
            throw Problems.conflict(
                    "registration-not-open",
                    "Registration not open yet",
                    "registration for this event opens at " + event.registrationOpens());
        }
        if (!now.isBefore(event.registrationCloses())) {
            throw Problems.conflict(
                    "registration-closed",
                    "Registration closed",
                    "registration for this event closed at " + event.registrationCloses());
        }
        UUID id = UUID.randomUUID();
        EventRegistrationRepository.Placed placed = registrations
                .place(id, eventId, member.memberId, event.capacity, now)
                .orElseThrow(() -> Problems.conflict(
                        "already-registered",
                        "Registered already",
                        "this member is registered for this event already; cancel first to register again"));
        registry.counter("loyalty.community.event.registrations", "status", tag(placed.status()))
                .increment();
        return new MyRegistration(id, placed.status(), placed.waitlistPosition(), now, null);
    }

    /**
     * Cancels the calling member's registration; a seat it held goes to the first on the waitlist.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 unknown event or not registered; 409 once the event
     *     started or the member was checked in
     */
    @Transactional
    public void cancel(UUID eventId) {
        CommunityMember member = callers.member();
        CommunityEvent event = events.findForUpdate(eventId).orElseThrow(() -> noSuchEvent(eventId));
        EventRegistration registration = registrations
                .standing(eventId, member.memberId)
                .orElseThrow(() -> Problems.notFound(
                        "not-registered", "Not registered", "this member has no registration for this event"));
        Instant now = now();
        if (registration.attendedAt != null) {
            throw Problems.conflict(
                    "attended", "Attended already", "this member was checked in at the event; nothing to cancel");
        }
        if (!now.isBefore(event.startsAt)) {
            throw Problems.conflict(
                    "event-started",
                    "Event started",
                    "the event started at " + event.startsAt + "; too late to cancel");
        }
        boolean freesSeat = registration.status == RegistrationStatus.SEATED;
        registration.status = RegistrationStatus.CANCELLED;
        registration.cancelledAt = now;
        registry.counter("loyalty.community.event.cancellations").increment();
        if (freesSeat) {
            registrations.firstWaitlisted(eventId).ifPresent(next -> {
                next.status = RegistrationStatus.SEATED;
                next.seatedAt = now;
                registry.counter("loyalty.community.event.promotions").increment();
            });
        }
    }

    /**
     * Checks a seated member in at the event (staff, on the day): records their attendance once and an EVENT_ATTENDED
     * contribution caused by the registration.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 unknown event, or the member has no registration; 409
     *     outside the check-in window, waitlisted, banned, or checked in already
     */
    @Transactional
    public Attendance checkIn(UUID eventId, UUID memberId) {
        CommunityEvent event = events.findForUpdate(eventId).orElseThrow(() -> noSuchEvent(eventId));
        Instant now = now();
        Instant opens = event.startsAt.minus(config.checkInOpensBefore());
        Instant closes = event.over().plus(config.checkInClosesAfter());
        if (now.isBefore(opens)) {
            throw Problems.conflict("check-in-not-open", "Check-in not open", "check-in opens at " + opens);
        }
        if (now.isAfter(closes)) {
            throw Problems.conflict("check-in-closed", "Check-in closed", "check-in closed at " + closes);
        }
        EventRegistration registration = registrations
                .standing(eventId, memberId)
                .orElseThrow(() -> Problems.notFound(
                        "not-registered",
                        "Not registered",
                        "member " + memberId + " is not registered for this event"));
        if (registration.status != RegistrationStatus.SEATED) {
            throw Problems.conflict(
                    "not-seated", "Not seated", "the member is on the waitlist of this event, without a seat");
        }
        if (registration.attendedAt != null) {
            throw Problems.conflict(
                    "checked-in-already",
                    "Checked in already",
                    "the member was checked in at " + registration.attendedAt);
        }
        CommunityMember member = members.findById(memberId);
        if (member != null && member.banned()) {
            throw Problems.conflict(
                    "member-banned", "Member banned", "a banned member earns no attendance in the community");
        }
        String staff = callers.subject();
        registration.attendedAt = now;
        registration.checkedInBy = staff;
        Optional<Contribution> contribution = contributions.record(
                Contributions.Cause.of(ContributionKind.EVENT_ATTENDED, memberId, eventId, registration.id, null)
                        .by(staff),
                now);
        return new Attendance(
                registration.id,
                eventId,
                memberId,
                now,
                contribution.map(c -> c.id).orElse(null),
                contribution.map(c -> c.weight).orElse(0));
    }

    private MyRegistration view(EventRegistration r) {
        if (r == null) {
            return null;
        }
        Long position = r.status == RegistrationStatus.WAITLISTED ? registrations.waitlistPosition(r) : null;
        return new MyRegistration(r.id, r.status, position, r.registeredAt, r.attendedAt);
    }

    private static RuntimeException noSuchEvent(UUID id) {
        return Problems.notFound("event-not-found", "No such event", "no community event " + id);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String tag(RegistrationStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
