package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.Member;
import com.example.loyalty.points.repository.MemberRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Erases a member's personal data ("the right to be forgotten"): display name, e-mail, phone, external id and login
 * (subject) become tombstones (NULL, with {@code erased_at} set), on the member row and on the rows of the members
 * merged into it (the same person); where another row names the member's login (a redemption they made themselves,
 * one they cancelled), the login is replaced by {@link #TOMBSTONE}. What accounting needs stays: the member id, the card
 * code (never handed out again), balance, ledger, lots, purchases, returns, redemptions and awards.
 * <p>
 * From then on no look-up finds the member (card, e-mail, phone, external id, id), their login is no longer theirs
 * ({@code GET /members/me} answers 404, a new enrolment makes a new member), and a {@code MemberErased} event per member
 * row tells the other services to erase their copies. Recorded in the audit log ({@code MEMBER_ERASED}) with the names of
 * the fields erased, never their values (the audit log itself cannot be erased). Idempotent: erasing an erased member
 * answers as the first time and changes nothing.
 */
@ApplicationScoped
public class MemberErasure {

    /** What replaces an erased member's login where another row names it. */
    public static final String TOMBSTONE = "erased";

    private final MemberRepository members;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final Counter erased;

    public MemberErasure(MemberRepository members, OutboxWriter outbox, AuditLog audit, MeterRegistry registry) {
        this.members = members;
        this.outbox = outbox;
        this.audit = audit;
        this.erased = Counter.builder("loyalty.points.members.erased")
                .description("members whose personal data was erased")
                .register(registry);
    }

    /**
     * @param memberIds the member rows erased: the member, then those merged into it
     * @param replayed  true when the member had been erased before (nothing changed now)
     */
    public record Erasure(UUID memberId, List<UUID> memberIds, Instant erasedAt, boolean replayed) {}

    /** What the audit log keeps of an erasure: which rows, which fields had a value; no values. */
    record Erased(List<UUID> memberIds, List<String> fields, Instant erasedAt) {}

    @Transactional
    public Erasure erase(UUID id, String actor, String reason) {
        Member member = members.lockRow(id)
                .orElseThrow(
                        () -> Problems.notFound("member-not-found", "Member not found", "no member with id " + id));
        if (member.mergedInto != null) {
            throw Problems.conflict(
                    "member-merged",
                    "Member merged",
                    "member " + id + " was merged into member " + member.mergedInto + "; erase that one");
        }
        List<UUID> ids = new ArrayList<>();
        ids.add(member.id);
        ids.addAll(members.mergedInto(member.id));
        if (member.erasedAt != null) {
            return new Erasure(member.id, List.copyOf(ids), member.erasedAt, true);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        EntityManager em = members.getEntityManager();
        // the rows merged into it are not loaded (nothing else locks a merged row for long): erased with one statement
        List<UUID> mergedIds = List.copyOf(ids.subList(1, ids.size()));
        @SuppressWarnings("unchecked")
        List<Object[]> merged = mergedIds.isEmpty()
                ? List.of()
                : em.createNativeQuery("select subject, display_name, email, phone, external_id from member "
                                + "where id in (:ids)")
                        .setParameter("ids", mergedIds)
                        .getResultList();
        TreeSet<String> fields = new TreeSet<>();
        List<String> subjects = new ArrayList<>();
        for (Object[] row : merged) {
            collect(fields, subjects, (String) row[0], (String) row[1], (String) row[2], (String) row[3], (String)
                    row[4]);
        }
        collect(fields, subjects, member.subject, member.displayName, member.email, member.phone, member.externalId);
        if (member.birthday != null) {
            fields.add("birthday");
        }

        member.subject = null;
        member.displayName = null;
        member.email = null;
        member.emailVerified = false;
        member.phone = null;
        member.phoneVerified = false;
        member.phoneKey = null;
        member.externalId = null;
        member.birthday = null;
        member.erasedAt = now;
        em.flush();
        if (!mergedIds.isEmpty()) {
            em.createNativeQuery(
                            "update member set subject = null, display_name = null, email = null, email_verified = false, "
                                    + "phone = null, phone_verified = false, phone_key = null, external_id = null, birthday = null, "
                                    + "erased_at = :now where id in (:ids)")
                    .setParameter("now", now)
                    .setParameter("ids", mergedIds)
                    .executeUpdate();
        }
        if (!subjects.isEmpty()) {
            for (String statement : List.of(
                    "update redemption set created_by = :tombstone where created_by in (:subjects)",
                    "update redemption set cancelled_by = :tombstone where cancelled_by in (:subjects)")) {
                em.createNativeQuery(statement)
                        .setParameter("tombstone", TOMBSTONE)
                        .setParameter("subjects", subjects)
                        .executeUpdate();
            }
        }
        // the information program: opt-ins go; their proof stays, without the member's own login
        em.createNativeQuery("delete from member_opt_in where member_id in (:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
        if (!subjects.isEmpty()) {
            em.createNativeQuery("update opt_in_change set changed_by = :tombstone where member_id in (:ids) "
                            + "and changed_by in (:subjects)")
                    .setParameter("tombstone", TOMBSTONE)
                    .setParameter("ids", ids)
                    .setParameter("subjects", subjects)
                    .executeUpdate();
        }
        // the RFM segment metrics-service computed is about the person: gone with them
        em.createNativeQuery("delete from member_segment where member_id in (:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
        for (UUID erasedId : ids) {
            outbox.write(
                    Topics.MEMBER_EVENTS,
                    EventTypes.MEMBER_ERASED,
                    MemberErased.SCHEMA_VERSION,
                    erasedId.toString(),
                    new MemberErased(now));
        }
        audit.record(
                actor,
                AuditAction.MEMBER_ERASED,
                "MEMBER",
                member.id.toString(),
                null,
                new Erased(List.copyOf(ids), List.copyOf(fields), now),
                reason);
        erased.increment();
        return new Erasure(member.id, List.copyOf(ids), now, false);
    }

    private static void collect(
            TreeSet<String> fields,
            List<String> subjects,
            String subject,
            String displayName,
            String email,
            String phone,
            String externalId) {
        if (subject != null) {
            fields.add("subject");
            subjects.add(subject);
        }
        if (displayName != null) {
            fields.add("displayName");
        }
        if (email != null) {
            fields.add("email");
        }
        if (phone != null) {
            fields.add("phone");
        }
        if (Objects.nonNull(externalId)) {
            fields.add("externalId");
        }
    }
}
