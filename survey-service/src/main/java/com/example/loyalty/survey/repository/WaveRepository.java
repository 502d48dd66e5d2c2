package com.example.loyalty.survey.repository;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.survey.domain.SurveyStatus;
import com.example.loyalty.survey.domain.Wave;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class WaveRepository implements PanacheRepositoryBase<Wave, UUID> {

    public List<Wave> ofSurvey(UUID surveyId) {
        return list("surveyId = ?1 order by opensAt, createdAt", surveyId);
    }

    /** The survey's wave open at {@code now} (waves of one survey never overlap, so there is at most one). */
    public Optional<Wave> openOf(UUID surveyId, Instant now) {
        return find(
                        "surveyId = ?1 and closedAt is null and opensAt <= ?2 and closesAt > ?2 order by opensAt desc",
                        surveyId,
                        now)
                .firstResultOptional();
    }

    /** Waves open at {@code now} among the given surveys. */
    public List<Wave> openOf(Collection<UUID> surveyIds, Instant now) {
        if (surveyIds.isEmpty()) {
            return List.of();
        }
        return list("surveyId in ?1 and closedAt is null and opensAt <= ?2 and closesAt > ?2", surveyIds, now);
    }

    /** Every wave open at {@code now} whose survey is published, soonest closing first. */
    public List<Wave> openOfPublishedSurveys(Instant now) {
        return list(
                "closedAt is null and opensAt <= ?1 and closesAt > ?1 and surveyId in "
                        + "(select s.id from Survey s where s.status = ?2) order by closesAt, id",
                now,
                SurveyStatus.PUBLISHED);
    }

    /** Adds the member ids of a MEMBERS target in one statement. */
    public void addMembers(UUID waveId, Set<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        getEntityManager()
                .createNativeQuery("insert into wave_member (wave_id, member_id) "
                        + "select :wave, m from unnest(cast(string_to_array(:members, ',') as uuid[])) as m")
                .setParameter("wave", waveId)
                .setParameter(
                        "members",
                        String.join(",", memberIds.stream().map(UUID::toString).toList()))
                .executeUpdate();
    }

    public List<UUID> membersOf(UUID waveId) {
        return ScalarQueries.of(
                        getEntityManager(),
                        "select member_id from wave_member where wave_id = :wave order by member_id",
                        "member_id",
                        UUID.class)
                .setParameter("wave", waveId)
                .getResultList();
    }

    public boolean targetsMember(UUID waveId, UUID memberId) {
        return !getEntityManager()
                .createNativeQuery("select 1 from wave_member where wave_id = :wave and member_id = :member")
                .setParameter("wave", waveId)
                .setParameter("member", memberId)
                .getResultList()
                .isEmpty();
    }
}
