package com.example.loyalty.points.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The tables {@code referral_code} (a member's code to hand out) and {@code referral} (who referred whom). */
@ApplicationScoped
public class ReferralRepository {

    /** A referral: the referred member, who referred them, and whether their first purchase was made. */
    public record Referral(UUID memberId, UUID referrerId, String code, Instant referredAt, UUID firstPurchaseId) {}

    private final EntityManager em;

    public ReferralRepository(EntityManager em) {
        this.em = em;
    }

    /** The member's code. */
    public Optional<String> codeOf(UUID memberId) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select code from referral_code where member_id = ?")) {
                ps.setObject(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Gives the member the code unless they have one or the code is taken; true when this call stored it. */
    public boolean insertCode(UUID memberId, String code, Instant at) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into referral_code (member_id, code, created_at) values (?, ?, ?) on conflict do nothing")) {
                ps.setObject(1, memberId);
                ps.setString(2, code);
                ps.setTimestamp(3, Timestamp.from(at));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * The member a code belongs to, as they stand now: the survivor for a code of a merged member; empty for an unknown
     * code or an erased member's.
     */
    public Optional<UUID> ownerOf(String code) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select coalesce(m.merged_into, m.id) from referral_code r "
                    + "join member m on m.id = r.member_id where r.code = ? and m.erased_at is null")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                }
            }
        });
    }

    public Optional<Referral> referralOf(UUID memberId) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id, referrer_id, code, referred_at, "
                    + "first_purchase_id from referral where member_id = ?")) {
                ps.setObject(1, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Referral>empty();
                    }
                    return Optional.of(new Referral(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getObject(5, UUID.class)));
                }
            }
        });
    }

    /** Records that {@code referrerId} referred the new member; false when the member has a referral already. */
    public boolean insertReferral(UUID memberId, UUID referrerId, String code, Instant at) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into referral (member_id, referrer_id, code, "
                    + "referred_at) values (?, ?, ?, ?) on conflict (member_id) do nothing")) {
                ps.setObject(1, memberId);
                ps.setObject(2, referrerId);
                ps.setString(3, code);
                ps.setTimestamp(4, Timestamp.from(at));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Marks the member's referral as settled by their first purchase; the referrer's id when this call did (the
     * member was referred and had made no purchase before), empty otherwise. At most once per referral, also under
     * concurrent purchases.
     */
    public Optional<UUID> settleByFirstPurchase(UUID memberId, UUID purchaseId, Instant at) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update referral set first_purchase_id = ?, "
                            + "first_purchase_at = ? where member_id = ? and first_purchase_id is null returning referrer_id")) {
                ps.setObject(1, purchaseId);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setObject(3, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                }
            }
        });
    }

    /** How many members the member referred, and how many of them made their first purchase. */
    public long[] counts(UUID referrerId) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*), count(first_purchase_id) from referral " + "where referrer_id = ?")) {
                ps.setObject(1, referrerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        });
    }
}
