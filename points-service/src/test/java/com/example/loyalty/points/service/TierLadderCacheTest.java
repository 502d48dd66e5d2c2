package com.example.loyalty.points.service;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The ladder is cached, and a change made by another instance (here: straight in the database, as another instance's
 * commit would) reaches this one through LISTEN/NOTIFY.
 */
@QuarkusTest
class TierLadderCacheTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TierLadderCache cache;

    @Test
    void aChangeCommittedElsewhereIsSeenHere() throws Exception {
        String staff = TestTokens.token("staff-cache", "staff");
        await().atMost(Duration.ofSeconds(10)).until(cache::isListening);
        given().auth().oauth2(staff).when().get("/api/points/tiers").then().statusCode(SC_OK);
        try {
            execute("update tier set name = 'Silver (changed elsewhere)' where code = 'SILVER'");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().auth()
                            .oauth2(staff)
                            .when()
                            .get("/api/points/tiers")
                            .then()
                            .statusCode(SC_OK)
                            .body("tiers.find { it.code == 'SILVER' }.name", equalTo("Silver (changed elsewhere)")));
        } finally {
            execute("update tier set name = 'Silver' where code = 'SILVER'");
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().auth()
                        .oauth2(staff)
                        .when()
                        .get("/api/points/tiers")
                        .then()
                        .body("tiers.find { it.code == 'SILVER' }.name", equalTo("Silver")));
        assertTrue(cache.isListening());
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
