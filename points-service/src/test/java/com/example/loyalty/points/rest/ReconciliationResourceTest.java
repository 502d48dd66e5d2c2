package com.example.loyalty.points.rest;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.AccountingFixture;
import com.example.loyalty.points.ReconciliationProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReconciliationResourceTest {

    @Inject
    AccountingFixture fixture;

    @Test
    void everyInvariantHoldsAfterOrdinaryWork() {
        var m = PointsApi.funded(300);
        PointsApi.redeem(m, 120);
        JsonPath report = reconcile();
        assertTrue(report.getBoolean("ok"), report.prettify());
        assertEquals(0, report.getLong("violationCount"));
        assertEquals(
                List.of(
                        "balance-equals-ledger",
                        "balance-equals-lots",
                        "lot-within-its-points",
                        "consumptions-within-lot",
                        "lot-accounted-for",
                        "debit-equals-its-lots",
                        "debt-only-at-zero-balance",
                        "never-negative"),
                report.getList("checks.name", String.class));
    }

    @Test
    void aBalanceThatIsNotItsLedgerIsReported() {
        var m = PointsApi.funded(100);
        fixture.execute("update member set balance = balance + 5 where id = ?::uuid", m.id());
        try {
            JsonPath report = reconcile();
            assertFalse(report.getBoolean("ok"));
            Map<String, Object> ledger = violation(report, "balance-equals-ledger", m.id());
            assertEquals(100, ((Number) ledger.get("expected")).longValue());
            assertEquals(105, ((Number) ledger.get("actual")).longValue());
            violation(report, "balance-equals-lots", m.id());
            // what the extension runs after every test class sees it too
            assertTrue(
                    ReconciliationProbe.violations().stream()
                            .anyMatch(v -> v.startsWith("balance-equals-ledger: member " + m.id())),
                    ReconciliationProbe.violations().toString());
        } finally {
            fixture.execute("update member set balance = balance - 5 where id = ?::uuid", m.id());
        }
        assertTrue(reconcile().getBoolean("ok"));
    }

    @Test
    void aLotThatLostPointsNoDebitTookIsReported() {
        var m = PointsApi.funded(100);
        fixture.execute("update point_lot set remaining = remaining - 1 where member_id = ?::uuid", m.id());
        try {
            JsonPath report = reconcile();
            assertFalse(report.getBoolean("ok"));
            Map<String, Object> lot = violation(report, "lot-accounted-for", m.id());
            assertEquals(0, ((Number) lot.get("expected")).longValue());
            assertEquals(1, ((Number) lot.get("actual")).longValue());
            violation(report, "balance-equals-lots", m.id());
        } finally {
            fixture.execute("update point_lot set remaining = remaining + 1 where member_id = ?::uuid", m.id());
        }
        assertTrue(reconcile().getBoolean("ok"));
    }

    @Test
    void debtBesideABalanceIsReported() {
        var m = PointsApi.funded(10);
        fixture.execute("update member set debt = 3 where id = ?::uuid", m.id());
        try {
            violation(reconcile(), "debt-only-at-zero-balance", m.id());
        } finally {
            fixture.execute("update member set debt = 0 where id = ?::uuid", m.id());
        }
    }

    @Test
    void onlyAdminsReconcile() {
        for (String token : new String[] {
            PointsApi.STAFF, PointsApi.MARKETER, PointsApi.funded(1).token()
        }) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/points/reconciliation")
                    .then()
                    .statusCode(SC_FORBIDDEN);
        }
    }

    private static JsonPath reconcile() {
        return given().auth()
                .oauth2(PointsApi.ADMIN)
                .when()
                .get("/api/points/reconciliation")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> violation(JsonPath report, String check, String memberId) {
        List<Map<String, Object>> found = report.getList(
                "checks.find { it.name == '" + check + "' }.violations.findAll { it.memberId == '" + memberId + "' }");
        assertEquals(1, found.size(), check + ": " + report.prettify());
        return found.get(0);
    }
}
