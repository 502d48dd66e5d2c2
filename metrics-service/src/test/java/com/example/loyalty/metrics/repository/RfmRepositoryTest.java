package com.example.loyalty.metrics.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.example.loyalty.metrics.domain.RfmWindow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The recompute statement's memory: the configured work_mem, for the recompute's transaction only. */
@QuarkusTest
class RfmRepositoryTest {

    /** ISO 4217's code for testing: no other test has purchases in it, so the recompute touches nothing. */
    private static final String CURRENCY = "XTS";

    @Inject
    RfmRepository rfm;

    @Inject
    EntityManager em;

    @Test
    void theRecomputeGetsTheConfiguredWorkMemForItsTransactionOnly() {
        String during = QuarkusTransaction.requiringNew().call(() -> {
            rfm.lock(CURRENCY);
            RfmRepository.Recomputed result = rfm.recompute(
                    CURRENCY, new RfmWindow(LocalDate.of(2026, 3, 31), ZoneId.of("Asia/Tokyo"), 12), Instant.now());
            assertEquals(0, result.members(), "no purchases in " + CURRENCY);
            return workMem();
        });
        assertEquals("256MB", during, "metrics.behaviour.rfm-recompute-work-mem's default");
        String after = QuarkusTransaction.requiringNew().call(this::workMem);
        assertNotEquals("256MB", after, "set for the recompute's transaction only");
    }

    private String workMem() {
        return (String)
                em.createNativeQuery("select current_setting('work_mem')").getSingleResult();
    }
}
