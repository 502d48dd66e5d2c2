package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public Optional<Member> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public Optional<Member> findByCardCode(String cardCode) {
        return find("cardCode", cardCode).firstResultOptional();
    }

    public Optional<Member> findByEmail(String email) {
        return find("lower(email) = lower(?1) order by enrolledAt", email).firstResultOptional();
    }

    public Optional<Member> findByPhone(String phone) {
        return find("phone = ?1 order by enrolledAt", phone).firstResultOptional();
    }

    /** Loads and row-locks the member: every write that moves points goes through this lock. */
    public Optional<Member> lockByCardCode(String cardCode) {
        return find("cardCode", cardCode)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<Member> lockById(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Member> lockBySubject(String subject) {
        return find("subject", subject).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public long countByTier(String tierCode) {
        return count("tierCode", tierCode);
    }
}
