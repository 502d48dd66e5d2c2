package com.example.loyalty.points.rest;

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
 * Every operation of points-service's live OpenAPI document, sent bad input by every kind of caller
 * ({@link OpenApiFuzzer}): no 5xx, every error problem JSON, and no rejected request writes a row or moves a point
 * (row counts of every table, the sums of balances and of ledger points, and a digest of every balance).
 */
@QuarkusTest
class OpenApiFuzzTest {

    @Inject
    AgroalDataSource db;

    @Test
    void badInputIsRejectedWithProblemsAndWritesNothing() {
        String member = PointsApi.enrolNewMember().token();
        TableSnapshot snapshot = new TableSnapshot(
                db,
                Map.of(
                        "sum(member.balance)",
                        "select coalesce(sum(balance), 0) from member",
                        "sum(ledger_entry.points)",
                        "select coalesce(sum(points), 0) from ledger_entry",
                        "balances digest",
                        "select md5(coalesce(string_agg(id || ':' || balance, ',' order by id), '')) from member"),
                Set.of());
        new OpenApiFuzzer(
                        "points-service",
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port),
                        OpenApiFuzzer.callers(member),
                        snapshot,
                        3000)
                .run()
                .assertPassed();
    }
}
