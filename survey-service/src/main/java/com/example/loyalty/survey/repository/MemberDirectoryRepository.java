package com.example.loyalty.survey.repository;

import com.example.loyalty.survey.domain.MemberDirectoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The member directory. Writes are upserts that are safe when events of one member arrive on two topics in
 * any order: the subject is set by MemberEnrolled, the tier follows the newest event that carries one.
 */
@ApplicationScoped
public class MemberDirectoryRepository implements PanacheRepositoryBase<MemberDirectoryEntry, UUID> {

    public Optional<MemberDirectoryEntry> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** MemberEnrolled: ties the subject to the member id (a subject belongs to one member) and sees the tier. */
    public void enrolled(UUID memberId, String subject, String tier, Instant at) {
        if (subject != null) {
            getEntityManager()
                    .createNativeQuery("update member_directory set subject = null, updated_at = now() "
                            + "where subject = :subject and member_id <> :id")
                    .setParameter("subject", subject)
                    .setParameter("id", memberId)
                    .executeUpdate();
        }
        upsert(memberId, subject, tier, at);
    }

    /** A tier carried by an event that happened at {@code at}; an older event than the one seen changes nothing. */
    public void tierSeen(UUID memberId, String tier, Instant at) {
        upsert(memberId, null, tier, at);
    }

    private void upsert(UUID memberId, String subject, String tier, Instant at) {
        getEntityManager()
                .createNativeQuery("""
                        insert into member_directory (member_id, subject, tier, tier_as_of, updated_at)
                        values (:id, :subject, :tier, :asOf, now())
                        on conflict (member_id) do update set
                            subject = coalesce(excluded.subject, member_directory.subject),
                            tier = case when excluded.tier is not null and (member_directory.tier_as_of is null
                                        or excluded.tier_as_of >= member_directory.tier_as_of)
                                   then excluded.tier else member_directory.tier end,
                            tier_as_of = greatest(member_directory.tier_as_of, excluded.tier_as_of),
                            updated_at = now()
                        """)
                .setParameter("id", memberId)
                .setParameter("subject", subject)
                .setParameter("tier", tier)
                .setParameter("asOf", tier == null ? null : at)
                .executeUpdate();
    }
}
