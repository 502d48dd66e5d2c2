package com.example.loyalty.points.repository;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.common.persistence.ScalarQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * The member look-up of every earn, and the one-column native queries written with {@link ScalarQueries}, reuse their
 * query plan: a hundred runs add at most one plan to Hibernate's cache. A native query with a basic result class
 * ({@code createNativeQuery(sql, UUID.class)}) added one per run, which cost a quarter of an earn's CPU.
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final int RUNS = 100;

    @Inject
    EntityManager em;

    @Inject
    MemberRepository members;

    @Test
    void theMemberLookUpOfAnEarnReusesItsPlan() {
        int added = plansAddedBy(() -> members.lockByCardCode("0000000000000000"));
        assertTrue(added <= 1, RUNS + " look-ups added " + added + " query plans");
    }

    @Test
    void aScalarNativeQueryReusesItsPlan() {
        int added = plansAddedBy(
                () -> ScalarQueries.of(em, "select id from member where card_code = :card", "id", UUID.class)
                        .setParameter("card", "0000000000000000")
                        .getResultList());
        assertTrue(added <= 1, RUNS + " runs added " + added + " query plans");
    }

    private int plansAddedBy(Runnable query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int before = plans();
            for (int i = 0; i < RUNS; i++) {
                query.run();
            }
            return plans() - before;
        });
    }

    private int plans() {
        return em.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getQueryEngine()
                .getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
