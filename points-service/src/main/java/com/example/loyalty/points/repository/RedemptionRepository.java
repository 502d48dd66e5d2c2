package com.example.loyalty.points.repository;

import com.example.loyalty.common.web.Paging;
import com.example.loyalty.points.domain.Redemption;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RedemptionRepository implements PanacheRepositoryBase<Redemption, UUID> {

    public Optional<Redemption> findByKey(UUID memberId, String idempotencyKey) {
        return find("memberId = ?1 and idempotencyKey = ?2", memberId, idempotencyKey)
                .firstResultOptional();
    }

    /** The redemption holding this coupon code (canonical form, see service/CouponCodes). */
    public Optional<Redemption> findByCoupon(String couponCode) {
        return find("couponCode", couponCode).firstResultOptional();
    }

    /** Whether any redemption holds this coupon code. */
    public boolean couponTaken(String couponCode) {
        return count("couponCode", couponCode) > 0;
    }

    /** Redemptions of {@code rewardId} the member holds, voided ones left out. */
    public long standing(UUID memberId, UUID rewardId) {
        return count(
                "memberId = ?1 and rewardId = ?2 and status <> ?3",
                memberId,
                rewardId,
                com.example.loyalty.points.domain.CouponStatus.VOIDED);
    }

    /** The member's reward redemptions and donations, newest first. */
    public List<Redemption> rewardsOf(UUID memberId, int page, int size) {
        return Paging.window(page, size)
                .map(w -> find("memberId = ?1 and rewardId is not null order by createdAt desc, id", memberId)
                        .range(w.first(), w.last())
                        .list())
                .orElse(List.of());
    }

    public long countRewardsOf(UUID memberId) {
        return count("memberId = ?1 and rewardId is not null", memberId);
    }
}
