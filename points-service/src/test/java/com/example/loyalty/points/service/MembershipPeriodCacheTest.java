package com.example.loyalty.points.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * "No paid period exists" is kept in memory so that earns skip the membership query; a period recorded by another
 * instance (here: an insert straight in the database, as another instance's commit would be) makes this one ask again.
 */
@QuarkusTest
class MembershipPeriodCacheTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MembershipPeriodCache cache;

    @Test
    void anInsertCommittedElsewhereDropsWhatThisInstanceKnew() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(cache::isListening);
        // what this instance knows is made "no period" (other tests may have paid some), and then served from memory
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            cache.invalidate();
            return !cache.get(() -> false) && !cache.get(() -> true);
        });
        assertFalse(cache.get(() -> true), "served from memory, not loaded again");

        // the trigger fires per statement: an insert of no row tells the listeners as a real one would
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into membership_period select * from membership_period where false");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get(() -> true));
    }
}
