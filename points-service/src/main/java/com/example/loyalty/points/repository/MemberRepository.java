package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    // Aliases. A merged member's card code, login (subject), external id and id stand for the survivor
    // (member.merged_into, one hop at most), so every look-up and every lock below answers the survivor. An erased
    // member is found by no look-up (its subject, e-mail, phone and external id are gone; its card code is refused);
    // only a lock by id (accounting: awards, returns of its purchases) still finds it.

    /** The member signed in with {@code subject}: the survivor for a merged member's login; never an erased one. */
    public Optional<Member> findBySubject(String subject) {
        return live(find("subject", subject).firstResultOptional());
    }

    /** The member with card {@code cardCode}: the survivor for a merged member's card; never an erased one. */
    public Optional<Member> findByCardCode(String cardCode) {
        return live(find("cardCode", cardCode).firstResultOptional());
    }

    public Optional<Member> findByExternalId(String externalId) {
        return live(find("externalId", externalId).firstResultOptional());
    }

    /** The member whose verified e-mail this is (case ignored); members with it unverified are never found. */
    public Optional<Member> findByVerifiedEmail(String email) {
        return live(
                find("lower(email) = lower(?1) and emailVerified = true", email).firstResultOptional());
    }

    /** The member whose verified phone has this key (service/Phones); members with it unverified are never found. */
    public Optional<Member> findByVerifiedPhone(String phoneKey) {
        return live(find("phoneKey = ?1 and phoneVerified = true", phoneKey).firstResultOptional());
    }

    /** The member an id stands for (the survivor for a merged id); never an erased one. */
    public Optional<Member> findLive(UUID id) {
        return live(findByIdOptional(id));
    }

    /** Whether any member row, merged and erased ones included, holds {@code cardCode} (card codes are never reused). */
    public boolean cardCodeTaken(String cardCode) {
        return count("cardCode", cardCode) > 0;
    }

    /** Whether {@code cardCode} is the card of member {@code memberId}, its own or that of a member merged into it. */
    public boolean cardStandsFor(String cardCode, UUID memberId) {
        return cardCode != null
                && standsFor("cardCode", cardCode).filter(memberId::equals).isPresent();
    }

    /** The survivor for a merged member; empty for an erased one. */
    private Optional<Member> live(Optional<Member> found) {
        Optional<Member> member =
                found.flatMap(m -> m.mergedInto == null ? Optional.of(m) : findByIdOptional(m.mergedInto));
        return member.filter(m -> m.erasedAt == null);
    }

    /**
     * Loads and row-locks the member holding card {@code cardCode}, or the survivor for a merged member's card: every
     * write that moves points goes through this lock. Never an erased member.
     */
    public Optional<Member> lockByCardCode(String cardCode) {
        return lockStandingFor("cardCode", cardCode).filter(m -> m.erasedAt == null);
    }

    /**
     * Loads and row-locks the member {@code id} stands for: the member itself, or the survivor for a merged member's id
     * (so an award or reversal addressed to a merged id reaches the survivor, who holds its awards now). Erased members
     * are found (their accounting goes on).
     */
    public Optional<Member> lockById(UUID id) {
        return lockStandingFor("id", id);
    }

    /** Loads and row-locks the member signed in with {@code subject} (the survivor for a merged member's login). */
    public Optional<Member> lockBySubject(String subject) {
        return lockStandingFor("subject", subject).filter(m -> m.erasedAt == null);
    }

    /** Loads and row-locks exactly the row {@code id}, merged or erased alike (a merge locks both of its rows so). */
    public Optional<Member> lockRow(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Loads and row-locks, in one statement, the member that the member with {@code attribute = value} stands for (the
     * survivor for a merged member): every earn starts so, and a look-up then a lock were two round trips. The
     * subquery reads the id without loading its row into the persistence context (an unlocked copy there would be the
     * one a later lock returns, stale); only the locked row is loaded. A JPQL query, not a native one: Hibernate 7.2
     * caches no plan for a native query with a basic result class, which once made this a quarter of an earn's CPU.
     */
    private Optional<Member> lockStandingFor(String attribute, Object value) {
        return hopToSurvivor(
                find("id = (select coalesce(x.mergedInto, x.id) from Member x where x." + attribute + " = ?1)", value)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResultOptional());
    }

    /** The id the member with {@code attribute = value} stands for, read without loading the row. */
    private Optional<UUID> standsFor(String attribute, Object value) {
        return getEntityManager()
                .createQuery(
                        "select coalesce(m.mergedInto, m.id) from Member m where m." + attribute + " = :value",
                        UUID.class)
                .setParameter("value", value)
                .getResultList()
                .stream()
                .findFirst();
    }

    /**
     * If a merge committed while the lock was awaited (the row came back merged), locks its survivor instead. The
     * merged row stays locked too, which is harmless: a merge refuses a merged member before it locks it.
     */
    private Optional<Member> hopToSurvivor(Optional<Member> locked) {
        Optional<Member> member = locked;
        for (int hops = 0; member.isPresent() && member.get().mergedInto != null; hops++) {
            if (hops == 3) {
                throw new IllegalStateException("member " + locked.get().id + " is merged along a chain of aliases");
            }
            member = lockRow(member.get().mergedInto);
        }
        return member;
    }

    /** The ids of the members merged into {@code survivorId} (merges are flattened: each points at its final survivor). */
    public List<UUID> mergedInto(UUID survivorId) {
        return getEntityManager()
                .createQuery("select m.id from Member m where m.mergedInto = :s order by m.mergedAt, m.id", UUID.class)
                .setParameter("s", survivorId)
                .getResultList();
    }

    /**
     * Row-locks the member unless another transaction holds the lock already (then false at once, no waiting): for
     * jobs that share members between instances. Load the member afterwards with {@link #lockById} (the lock is held).
     */
    public boolean tryLock(UUID id) {
        return SqlArrays.work(getEntityManager(), c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select id from member where id = ? for update skip locked")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public long countByTier(String tierCode) {
        return count("tierCode", tierCode);
    }

    /** A member to insert from an imported file; any profile field and the enrolment time may be null. */
    public record NewImportedMember(
            UUID id,
            String externalId,
            String cardCode,
            String displayName,
            String email,
            String phone,
            Instant enrolledAt) {}

    /** A member an import inserted. */
    public record Inserted(UUID id, String externalId, String cardCode) {}

    /**
     * Inserts imported members in one statement, in the caller's transaction, without a login (no subject), in tier
     * {@code tierCode} with a balance of 0. A row whose external id or card code is taken already is skipped, not an
     * error: the caller tells the two apart ({@link #existingExternalIds}).
     *
     * @return the rows inserted
     */
    public List<Inserted> insertImported(List<NewImportedMember> rows, String tierCode, int windowMonths) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = rows.size();
        List<UUID> ids = new ArrayList<>(n);
        List<String> externalIds = new ArrayList<>(n);
        List<String> cardCodes = new ArrayList<>(n);
        List<String> names = new ArrayList<>(n);
        List<String> emails = new ArrayList<>(n);
        List<String> phones = new ArrayList<>(n);
        List<String> enrolledAt = new ArrayList<>(n);
        for (NewImportedMember r : rows) {
            ids.add(r.id());
            externalIds.add(r.externalId());
            cardCodes.add(r.cardCode());
            names.add(r.displayName());
            emails.add(r.email());
            phones.add(r.phone());
            enrolledAt.add(r.enrolledAt().toString());
        }
        return SqlArrays.work(getEntityManager(), c -> {
            // in external id order, so two imports of overlapping files wait on each other instead of deadlocking
            try (PreparedStatement ps = c.prepareStatement("insert into member (id, external_id, card_code, "
                    + "display_name, email, phone, tier_code, balance, enrolled_at, window_spend, window_months, version) "
                    + "select u.id, u.external_id, u.card_code, u.display_name, u.email, u.phone, ?, 0, u.enrolled_at, "
                    + "0, ?, 0 from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                    + "?::varchar[], ?::timestamptz[]) "
                    + "as u(id, external_id, card_code, display_name, email, phone, enrolled_at) "
                    + "order by u.external_id "
                    + "on conflict do nothing returning id, external_id, card_code")) {
                ps.setString(1, tierCode);
                ps.setInt(2, windowMonths);
                SqlArrays.bind(ps, 3, c, "uuid", ids);
                SqlArrays.bind(ps, 4, c, "varchar", externalIds);
                SqlArrays.bind(ps, 5, c, "varchar", cardCodes);
                SqlArrays.bind(ps, 6, c, "varchar", names);
                SqlArrays.bind(ps, 7, c, "varchar", emails);
                SqlArrays.bind(ps, 8, c, "varchar", phones);
                SqlArrays.bind(ps, 9, c, "text", enrolledAt);
                List<Inserted> inserted = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new Inserted(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
                    }
                }
                return inserted;
            }
        });
    }

    /** Which of {@code externalIds} belong to a member. */
    public Set<String> existingExternalIds(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Set.of();
        }
        return SqlArrays.work(getEntityManager(), c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select external_id from member where external_id = any(?::varchar[])")) {
                SqlArrays.bind(ps, 1, c, "varchar", externalIds);
                Set<String> found = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
    }

    /** What an import needs to know of a member its rows name. */
    public record MemberRef(UUID id, String externalId, String cardCode, String tierCode, long balance) {}

    /**
     * The members with any of these external ids or card codes, each ref under the external id and card code asked for
     * but with the id, tier and balance of the member they stand for (the survivor for a merged member's); erased
     * members are not found.
     */
    public List<MemberRef> refs(Collection<String> externalIds, Collection<String> cardCodes) {
        if (externalIds.isEmpty() && cardCodes.isEmpty()) {
            return List.of();
        }
        return SqlArrays.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement("select s.id, m.external_id, m.card_code, s.tier_code, "
                    + "s.balance from member m join member s on s.id = coalesce(m.merged_into, m.id) "
                    + "where (m.external_id = any(?::varchar[]) or m.card_code = any(?::varchar[])) "
                    + "and s.erased_at is null and m.erased_at is null")) {
                SqlArrays.bind(ps, 1, c, "varchar", externalIds);
                SqlArrays.bind(ps, 2, c, "varchar", cardCodes);
                List<MemberRef> refs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new MemberRef(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5)));
                    }
                }
                return refs;
            }
        });
    }

    /** Points held by all members together, and owed by them (debt). */
    public record Totals(long balance, long debt) {}

    /** The sum of every member's balance and debt: one scan of the member table, so not for every request. */
    public Totals totals() {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("select coalesce(sum(balance), 0), coalesce(sum(debt), 0) from member")
                .getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
