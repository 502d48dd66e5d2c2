package com.example.loyalty.survey.repository;

import com.example.loyalty.common.persistence.ScalarQueries;
import com.example.loyalty.survey.domain.StagedAnswer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * {@code anonymous_answer_staging} and the wave locks that keep the answer mixer and the last answers of a wave apart
 * (docs/survey-anonymity.md). Row locks on {@code wave}, in PostgreSQL's terms: an anonymous answer
 * holds FOR KEY SHARE on its wave until it commits; mixing an open wave takes FOR NO KEY UPDATE (answers go on, two
 * mixers do not mix one wave at once); flushing an ended wave takes FOR UPDATE, which waits for no answer in flight:
 * it skips the wave while one is.
 */
@ApplicationScoped
public class StagedAnswerRepository implements PanacheRepositoryBase<StagedAnswer, UUID> {

    /**
     * Locks the wave for an anonymous answer, until the transaction ends: true if it is open by the database's clock.
     * An answer that has to wait for a mixer flushing the wave reads the wave again afterwards and finds it ended.
     */
    public boolean lockOpenForAnswer(UUID waveId) {
        return !getEntityManager()
                .createNativeQuery("select 1 from wave where id = :w and closed_at is null "
                        + "and opens_at <= clock_timestamp() and clock_timestamp() < closes_at for key share")
                .setParameter("w", waveId)
                .getResultList()
                .isEmpty();
    }

    /** The waves that have staged answers. */
    public List<UUID> stagedWaves() {
        return ScalarQueries.of(
                        getEntityManager(),
                        "select distinct wave_id from anonymous_answer_staging",
                        "wave_id",
                        UUID.class)
                .getResultList();
    }

    /**
     * Locks an ended wave for its last flush: false if it is still open, or an answer to it is in flight (it holds its
     * lock until it commits), or another mixer has it. Once locked, the row is written (a no-op update of
     * {@code closes_at}), so an answer that read the wave as open and now waits for this lock reads it again when it
     * gets it, finds it ended and is refused: no answer is staged for a wave after its last flush.
     */
    public boolean lockEndedForFlush(UUID waveId) {
        boolean locked = !getEntityManager()
                .createNativeQuery("select 1 from wave where id = :w "
                        + "and (closed_at is not null or closes_at <= clock_timestamp()) for update skip locked")
                .setParameter("w", waveId)
                .getResultList()
                .isEmpty();
        if (locked) {
            getEntityManager()
                    .createNativeQuery("update wave set closes_at = closes_at where id = :w")
                    .setParameter("w", waveId)
                    .executeUpdate();
        }
        return locked;
    }

    /** Locks a wave for mixing while answers go on: false if another mixer has it. */
    public boolean lockForMixing(UUID waveId) {
        return !getEntityManager()
                .createNativeQuery("select 1 from wave where id = :w for no key update skip locked")
                .setParameter("w", waveId)
                .getResultList()
                .isEmpty();
    }

    /** The staged answers of a wave (committed ones: answers in flight are not seen). */
    public List<StagedAnswer> ofWave(UUID waveId) {
        return list("waveId", waveId);
    }

    public void deleteAll(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            delete("id in ?1", ids);
        }
    }

    /** How many answers of the survey wait in staging. */
    public long countOfSurvey(UUID surveyId) {
        return count("surveyId", surveyId);
    }
}
