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
import com.example.loyalty.points.repository.LotRepository;
import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Enrolment, the member's own view, and look-ups at the till. */
@ApplicationScoped
public class MemberService {

    private static final int CARD_CODE_ATTEMPTS = 5;
    /** Longest display name stored ({@code member.display_name}); a longer one from the token is cut. */
    static final int MAX_DISPLAY_NAME = 255;

    private final MemberRepository members;
    private final RollingSpend rollingSpend;
    private final LedgerRepository ledger;
    private final Ledger accounts;
    private final LotRepository lots;
    private final TierService tiers;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final Phones phones;
    private final ReferralService referrals;
    private final Counter enrolled;

    public MemberService(
            MemberRepository members,
            RollingSpend rollingSpend,
            LedgerRepository ledger,
            Ledger accounts,
            LotRepository lots,
            TierService tiers,
            OutboxWriter outbox,
            PointsConfig config,
            ReferralService referrals,
            MeterRegistry registry) {
        this.members = members;
        this.referrals = referrals;
        this.rollingSpend = rollingSpend;
        this.ledger = ledger;
        this.accounts = accounts;
        this.lots = lots;
        this.tiers = tiers;
        this.outbox = outbox;
        this.config = config;
        this.phones = new Phones(config.phone().countryCode());
        this.enrolled = Counter.builder("loyalty.points.members.enrolled")
                .description("members enrolled")
                .register(registry);
    }

    /** Profile fields given at enrolment (the body, the display name already completed from the token); any may be null. */
    public record Profile(String displayName, String email, String phone) {}

    public record Enrolment(MemberView member, boolean created) {}

    /**
     * Enrols the token's subject; a second call (also a concurrent one) returns the existing member, taking over what
     * the token now vouches for (a verified e-mail or phone, see {@link Contacts}). An e-mail or phone that is verified
     * for another member already is a 409, also when both enrol at the same moment.
     */
    public Enrolment enrol(String subject, Profile profile, Contacts.Vouched token) {
        return enrol(subject, profile, token, null);
    }

    /**
     * {@link #enrol(String, Profile, Contacts.Vouched)} with the referral code of the member who referred the caller
     * (null: none; see {@link ReferralService}): 422 for an unknown code or the caller's own, 409 when the caller is
     * enrolled already (unless this is a retry of an enrolment with the same code); nothing is created then.
     */
    public Enrolment enrol(String subject, Profile profile, Contacts.Vouched token, String referralCode) {
        return Transactions.withUniqueRaceFallback(
                () -> enrolOnce(subject, profile, token, referralCode, Transactions::flushDetectingRace),
                // the winner of the race is committed now: its subject is found (a replay) or its verified value is
                // (a 409 from the checks); only a third racer can still collide here
                () -> enrolOnce(
                        subject,
                        profile,
                        token,
                        referralCode,
                        em -> Transactions.flushOrThrow(
                                em,
                                () -> Problems.conflict(
                                        "contact-taken",
                                        "Contact taken",
                                        "another member enrolled with this verified e-mail or phone at the same "
                                                + "moment"))));
    }

    private Enrolment enrolOnce(
            String subject,
            Profile profile,
            Contacts.Vouched token,
            String referralCode,
            Consumer<EntityManager> flushDetecting) {
        boolean vouches = token.emailVerified() || token.phoneVerified();
        // locked when the token may verify something, so that concurrent calls of one member update it one at a time
        Optional<Member> found = vouches ? members.lockBySubject(subject) : members.findBySubject(subject);
        if (found.isPresent()) {
            Member member = found.get();
            if (referralCode != null) {
                referrals.checkEnrolled(member, referralCode);
            }
            if (takeOverVerified(member, token)) {
                flushDetecting.accept(members.getEntityManager());
            }
            return new Enrolment(view(member), false);
        }
        Optional<Contacts.Email> email = Contacts.email(profile.email(), token);
        Optional<Contacts.Phone> phone = Contacts.phone(profile.phone(), token, phones);
        // a holder with this subject is this member, enrolled a moment ago by a concurrent call: the insert below
        // collides on the subject and the fallback answers as a replay
        email.filter(Contacts.Email::verified).ifPresent(e -> checkEmailFree(e.value(), subject));
        phone.filter(Contacts.Phone::verified).ifPresent(p -> checkPhoneFree(p.key(), subject));
        UUID referrer = referralCode == null ? null : referrals.referrerOf(referralCode);
        TierLadderView ladder = tiers.ladder();
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.subject = subject;
        member.displayName = truncate(profile.displayName(), MAX_DISPLAY_NAME);
        email.ifPresent(e -> {
            member.email = e.value();
            member.emailVerified = e.verified();
        });
        phone.ifPresent(p -> {
            member.phone = p.value();
            member.phoneKey = p.key();
            member.phoneVerified = p.verified();
        });
        member.tierCode = ladder.steps().get(0).code();
        member.balance = 0;
        member.windowSpend = 0;
        member.windowMonths = ladder.windowMonths();
        member.enrolledAt = Instant.now();
        member.cardCode = freeCardCode();
        member.referralPending = referrer != null;
        members.persist(member);
        flushDetecting.accept(members.getEntityManager());
        if (referrer != null) {
            referrals.refer(member.id, referrer, referralCode);
        }
        outbox.write(
                Topics.MEMBER_EVENTS,
                EventTypes.MEMBER_ENROLLED,
                MemberEnrolled.SCHEMA_VERSION,
                member.id.toString(),
                new MemberEnrolled(member.cardCode, member.tierCode, member.subject, member.displayName));
        enrolled.increment();
        return new Enrolment(view(member), true);
    }

    /**
     * An enrolled member calls again: what the token vouches for now replaces what is stored (a member from before
     * verification existed, or one who verified their e-mail or phone since). Nothing else of the profile changes.
     *
     * @return whether the member changed
     */
    private boolean takeOverVerified(Member member, Contacts.Vouched token) {
        Optional<String> email =
                token.verifiedEmail().filter(e -> !(member.emailVerified && Contacts.sameEmail(member.email, e)));
        Optional<Contacts.Phone> phone = token.verifiedPhone(phones)
                .filter(p -> !(member.phoneVerified && p.key().equals(member.phoneKey)));
        // checked before the member changes: a query flushes pending changes, and a collision must be a 409 here
        email.ifPresent(e -> checkEmailFree(e, member.subject));
        phone.ifPresent(p -> checkPhoneFree(p.key(), member.subject));
        email.ifPresent(e -> {
            member.email = e;
            member.emailVerified = true;
        });
        phone.ifPresent(p -> {
            member.phone = p.value();
            member.phoneKey = p.key();
            member.phoneVerified = true;
        });
        return email.isPresent() || phone.isPresent();
    }

    /** A 409 unless nobody but the member with {@code subject} holds {@code email} verified. */
    private void checkEmailFree(String email, String subject) {
        if (members.findByVerifiedEmail(email)
                .filter(m -> !subject.equals(m.subject))
                .isPresent()) {
            throw Problems.conflict(
                    "email-taken", "E-mail taken", "this verified e-mail address belongs to another member");
        }
    }

    /** A 409 unless nobody but the member with {@code subject} holds the phone with {@code phoneKey} verified. */
    private void checkPhoneFree(String phoneKey, String subject) {
        if (members.findByVerifiedPhone(phoneKey)
                .filter(m -> !subject.equals(m.subject))
                .isPresent()) {
            throw Problems.conflict(
                    "phone-taken", "Phone taken", "this verified phone number belongs to another member");
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
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

    /** The member at the till, by exactly one of card code or the id of an imported member. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView lookup(String card, String externalId) {
        if ((card == null) == (externalId == null)) {
            throw Problems.badRequest(
                    "invalid-lookup", "Invalid look-up", "give exactly one of the query parameters card or externalId");
        }
        Optional<Member> found =
                card != null ? members.findByCardCode(card.trim()) : members.findByExternalId(externalId.trim());
        return view(found.orElseThrow(MemberService::noMatch));
    }

    /**
     * The member at the till, by exactly one of e-mail or phone. Only a member whose value is verified is found: an
     * unverified match answers exactly as no match, so nobody can enrol with someone else's phone and have that
     * person's purchases credited to them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView lookupByContact(String email, String phone) {
        if ((email == null) == (phone == null)) {
            throw Problems.badRequest("invalid-lookup", "Invalid look-up", "give exactly one of email or phone");
        }
        Optional<Member> found = email != null
                ? members.findByVerifiedEmail(email.strip())
                : phones.key(phone).flatMap(members::findByVerifiedPhone);
        return view(found.orElseThrow(MemberService::noMatch));
    }

    private static RuntimeException noMatch() {
        return Problems.notFound("member-not-found", "Member not found", "no member matches the look-up");
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

    /** Most expiry dates one answer lists. */
    public static final int MAX_EXPIRY_DATES = 400;

    /**
     * What of a member's points expires within a period: per expiry date (soonest first, at most
     * {@link #MAX_EXPIRY_DATES}), with the total.
     *
     * @param until     the end of the period
     * @param truncated true when more dates expire in the period than are listed (the total counts them all)
     */
    public record Expiring(Instant from, Instant until, long total, List<ExpiringDate> dates, boolean truncated) {}

    /**
     * Points expiring at one instant.
     *
     * @param expiresAt when they expire (midnight in the program's zone)
     * @param lastDay   the last day they can be spent, in the program's zone
     */
    public record ExpiringDate(Instant expiresAt, LocalDate lastDay, long points, long lots) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Expiring expiringOf(String subject, Duration within) {
        Member member = existing(subject);
        Instant now = Instant.now();
        Instant until = now.plus(within);
        List<LotRepository.ExpiringGroup> groups = lots.expiring(member.id, now, until, MAX_EXPIRY_DATES + 1);
        boolean truncated = groups.size() > MAX_EXPIRY_DATES;
        List<ExpiringDate> dates = groups.stream()
                .limit(MAX_EXPIRY_DATES)
                .map(g -> new ExpiringDate(
                        g.expiresAt(),
                        LocalDate.ofInstant(g.expiresAt().minusNanos(1), config.zone()),
                        g.points(),
                        g.lots()))
                .toList();
        long total = truncated
                ? lots.expiringPoints(member.id, now, until)
                : dates.stream().mapToLong(ExpiringDate::points).sum();
        return new Expiring(now, until, total, dates, truncated);
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
        Ledger.Balances points = accounts.balances(member, now);
        return new MemberView(
                member.id,
                member.externalId,
                member.cardCode,
                member.displayName,
                member.email,
                member.emailVerified,
                member.phone,
                member.phoneVerified,
                points.balance(),
                points.available(),
                points.pending(),
                points.debt(),
                ladder.step(member.tierCode),
                spend,
                ladder.windowMonths(),
                ladder.next(member.tierCode),
                member.enrolledAt,
                member.birthday);
    }
}
