package com.example.loyalty.messaging.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.messaging.probe.ProbeConsumer;
import com.example.loyalty.messaging.probe.Probes;
import com.example.loyalty.testing.PostgresResource;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for 60 s while events flow (a failover, a restart): nothing reaches the dead-letter topic,
 * and once the database is back every event is applied exactly once. Before the shared consumer idiom, a consumer
 * gave up after a few seconds of retries and dead-lettered good events.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry registry;

    @Test
    void everyEventIsAppliedOnceAfterTheDatabaseComesBackAndNoneIsDeadLettered() throws Exception {
        double rejectedBefore = rejected();
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(Probes.send(10_000 + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Probes.applications(db, sent.get(19)) == 1);

        PostgresResource.proxy().cut();
        long cutAt = System.nanoTime();
        try {
            // events keep coming while the database is away, on every partition
            int n = 0;
            while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
                sent.add(Probes.send(20_000 + n++));
                Thread.sleep(250);
            }
        } finally {
            PostgresResource.proxy().restore();
        }
        assertTrue(retries() > 0, "the consumer met the outage and retried");

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> applied(sent) == sent.size());
        for (UUID id : sent) {
            assertEquals(1, Probes.applications(db, id), "event " + id + " applied exactly once");
        }
        assertEquals(sent.size(), Probes.count(db, "select count(*) from probe_effect where n >= 10000"));
        assertEquals(rejectedBefore, rejected(), "no record was given up");
        Set<String> ids = new HashSet<>();
        sent.forEach(id -> ids.add(id.toString()));
        assertEquals(
                0,
                TestKafka.read(
                                ProbeConsumer.CHANNEL + ".dlq",
                                r -> r.value() != null && ids.stream().anyMatch(r.value()::contains),
                                1,
                                Duration.ofSeconds(3))
                        .size(),
                "nothing dead-lettered");
    }

    private int applied(List<UUID> sent) {
        return Probes.count(db, "select count(distinct event_id) from probe_effect where n >= 10000");
    }

    private double rejected() {
        return registry.find("loyalty.probe.events.rejected").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private double retries() {
        return registry.find("loyalty.probe.events.retries").tags("kind", "transient").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
