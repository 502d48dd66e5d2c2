package com.example.loyalty.points.service;

import com.example.loyalty.common.persistence.Transactions;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.LedgerEntry;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.LedgerRepository;
import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Enrolment, the member's own view, and look-ups at the till. */
@ApplicationScoped
public class MemberService {

    private static final int CARD_CODE_ATTEMPTS = 5;

    private final MemberRepository members;
    private final RollingSpend rollingSpend;
    private final LedgerRepository ledger;
    private final TierService tiers;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final Counter enrolled;

    public MemberService(
            MemberRepository members,
            RollingSpend rollingSpend,
            LedgerRepository ledger,
            TierService tiers,
            OutboxWriter outbox,
            PointsConfig config,
            MeterRegistry registry) {
        this.members = members;
        this.rollingSpend = rollingSpend;
        this.ledger = ledger;
        this.tiers = tiers;
        this.outbox = outbox;
        this.config = config;
        this.enrolled = Counter.builder("loyalty.points.members.enrolled")
                .description("members enrolled")
                .register(registry);
    }

    /** Profile fields taken at enrolment; any may be null. */
    public record Profile(String displayName, String email, String phone) {}

    public record Enrolment(MemberView member, boolean created) {}

    /** Enrols the token's subject; a second call (also a concurrent one) returns the existing member. */
    public Enrolment enrol(String subject, Profile profile) {
        return Transactions.withUniqueRaceFallback(
                () -> enrolOnce(subject, profile), () -> new Enrolment(view(existing(subject)), false));
    }

    private Enrolment enrolOnce(String subject, Profile profile) {
        Optional<Member> found = members.findBySubject(subject);
        if (found.isPresent()) {
            return new Enrolment(view(found.get()), false);
        }
        TierLadderView ladder = tiers.ladder();
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.subject = subject;
        member.displayName = profile.displayName();
        member.email = profile.email();
        member.phone = profile.phone();
        member.tierCode = ladder.steps().get(0).code();
        member.balance = 0;
        member.windowSpend = 0;
        member.windowMonths = ladder.windowMonths();
        member.enrolledAt = Instant.now();
        member.cardCode = freeCardCode();
        members.persist(member);
        Transactions.flushDetectingRace(members.getEntityManager());
        outbox.write(
                Topics.MEMBER_EVENTS,
                EventTypes.MEMBER_ENROLLED,
                MemberEnrolled.SCHEMA_VERSION,
                member.id.toString(),
                new MemberEnrolled(member.cardCode, member.tierCode, member.subject, member.displayName));
        enrolled.increment();
        return new Enrolment(view(member), true);
    }

    private String freeCardCode() {
        for (int i = 0; i < CARD_CODE_ATTEMPTS; i++) {
            String code = CardCodes.generate(config.card().prefix());
            if (!members.cardCodeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free card code after " + CARD_CODE_ATTEMPTS + " attempts");
    }

    // Read paths run without a JTA transaction of their own (SUPPORTS): one or two reads, nothing to commit, and
    // the begin/commit round trips and Narayana's bookkeeping were a good part of a look-up's cost.
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView me(String subject) {
        return view(existing(subject));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView byId(UUID id) {
        return view(members.findLive(id)
                .orElseThrow(
                        () -> Problems.notFound("member-not-found", "Member not found", "no member with id " + id)));
    }

    /** The member at the till, by exactly one of card code, e-mail, phone or the id of an imported member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView lookup(String card, String email, String phone, String externalId) {
        int given = (card != null ? 1 : 0)
                + (email != null ? 1 : 0)
                + (phone != null ? 1 : 0)
                + (externalId != null ? 1 : 0);
        if (given != 1) {
            throw Problems.badRequest(
                    "invalid-lookup",
                    "Invalid look-up",
                    "give exactly one of the query parameters card, email, phone or externalId");
        }
        Optional<Member> found;
        if (card != null) {
            found = members.findByCardCode(card.trim());
        } else if (email != null) {
            found = members.findByEmail(email.trim());
        } else if (phone != null) {
            found = members.findByPhone(phone.trim());
        } else {
            found = members.findByExternalId(externalId.trim());
        }
        return view(found.orElseThrow(
                () -> Problems.notFound("member-not-found", "Member not found", "no member matches the look-up")));
    }

    /** A page of a member's history, newest first. */
    public record LedgerPage(List<LedgerLine> entries, int page, int size, long total) {}

    /** One movement of points; {@code memberId} differs from the member asked for on the history of a merged member. */
    public record LedgerLine(
            UUID id,
            UUID memberId,
            String kind,
            long points,
            long balanceAfter,
            String referenceType,
            String referenceId,
            String reason,
            Instant createdAt) {

        static LedgerLine of(LedgerEntry e) {
            return new LedgerLine(
                    e.id,
                    e.memberId,
                    e.kind.name(),
                    e.points,
                    e.balanceAfter,
                    e.referenceType,
                    e.referenceId,
                    e.reason,
                    e.createdAt);
        }
    }

    @Transactional
    public LedgerPage ledgerOf(String subject, int page, int size) {
        return ledgerPage(existing(subject).id, page, size);
    }

    /**
     * The history of the member {@code memberId} stands for (the survivor for a merged id), erased members included:
     * their ledger is kept for accounting.
     */
    @Transactional
    public LedgerPage ledgerOf(UUID memberId, int page, int size) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() ->
                        Problems.notFound("member-not-found", "Member not found", "no member with id " + memberId));
        return ledgerPage(member.mergedInto != null ? member.mergedInto : member.id, page, size);
    }

    /**
     * A member's history with that of the members merged into them: each entry keeps the member it was booked on, and
     * the MERGE entries show the balance moving across, so the page as a whole still sums to the survivor's balance.
     */
    private LedgerPage ledgerPage(UUID memberId, int page, int size) {
        List<UUID> ids = new java.util.ArrayList<>();
        ids.add(memberId);
        ids.addAll(members.mergedInto(memberId));
        return new LedgerPage(
                ledger.page(ids, page, size).stream().map(LedgerLine::of).toList(), page, size, ledger.countFor(ids));
    }

    private Member existing(String subject) {
        return members.findBySubject(subject)
                .orElseThrow(() -> Problems.notFound(
                        "not-enrolled", "Not enrolled", "you are not enrolled yet: POST /api/points/members/me first"));
    }

    MemberView view(Member member) {
        TierLadderView ladder = tiers.ladder();
        Instant now = Instant.now();
        long spend = rollingSpend.peek(member, ladder, now);
        return new MemberView(
                member.id,
                member.externalId,
                member.cardCode,
                member.displayName,
                member.email,
                member.phone,
                member.balance,
                ladder.step(member.tierCode),
                spend,
                ladder.windowMonths(),
                ladder.next(member.tierCode),
                member.enrolledAt);
    }
}
