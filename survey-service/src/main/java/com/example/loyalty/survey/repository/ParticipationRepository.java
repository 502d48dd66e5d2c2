package com.example.loyalty.survey.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** {@code wave_participation}: who took part in an anonymous wave, as keyed hashes of subjects. */
@ApplicationScoped
public class ParticipationRepository {

    private final EntityManager em;

    public ParticipationRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the participation in the current transaction; false if it was there already. A concurrent
     * transaction recording the same one makes this one wait for it, and then also answers false.
     */
    public boolean record(UUID waveId, String subjectHash) {
        return em.createNativeQuery("insert into wave_participation (wave_id, subject_hash) values (:wave, :hash) "
                                + "on conflict do nothing")
                        .setParameter("wave", waveId)
                        .setParameter("hash", subjectHash)
                        .executeUpdate()
                == 1;
    }

    public boolean exists(UUID waveId, String subjectHash) {
        return !em.createNativeQuery("select 1 from wave_participation where wave_id = :wave and subject_hash = :hash")
                .setParameter("wave", waveId)
                .setParameter("hash", subjectHash)
                .getResultList()
                .isEmpty();
    }
}
