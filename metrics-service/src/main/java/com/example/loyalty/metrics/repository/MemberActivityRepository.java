package com.example.loyalty.metrics.repository;

import com.example.loyalty.metrics.domain.MemberActivity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class MemberActivityRepository implements PanacheRepositoryBase<MemberActivity, UUID> {

    /**
     * The member's aggregate, created empty on first sight, row-locked until the transaction ends so
     * concurrent events of one member (e.g. during a consumer-group rebalance) are applied one after another.
     */
    public MemberActivity lockOrCreate(UUID memberId) {
        getEntityManager()
                .createNativeQuery("insert into member_activity (member_id, updated_at) values (:id, now()) "
                        + "on conflict (member_id) do nothing")
                .setParameter("id", memberId)
                .executeUpdate();
        return findById(memberId, LockModeType.PESSIMISTIC_WRITE);
    }
}
