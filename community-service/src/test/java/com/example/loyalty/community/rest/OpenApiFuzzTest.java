package com.example.loyalty.community.rest;

import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.fuzz.OpenApiFuzzer;
import com.example.loyalty.testing.fuzz.TableSnapshot;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation of community-service's live OpenAPI document, sent bad input by every kind of caller
 * ({@link OpenApiFuzzer}): no 5xx, every error problem JSON, and no rejected request writes a row (row counts of
 * every table of its schema before and after each one).
 */
@QuarkusTest
class OpenApiFuzzTest {

    @Inject
    AgroalDataSource db;

    @Test
    void badInputIsRejectedWithProblemsAndWritesNothing() {
        new OpenApiFuzzer(
                        "community-service",
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port),
                        OpenApiFuzzer.callers(TestTokens.newMember()),
                        new TableSnapshot(
                                db,
                                Map.of(),
                                // the view flusher drains it every few seconds, whatever the requests do
                                Set.of("content_view_pending")),
                        3000)
                .run()
                .assertPassed();
    }
}
