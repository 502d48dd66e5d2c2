package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.apache.http.HttpStatus.SC_ACCEPTED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** History imports of points-service, as an admin does them through the gateway. */
final class Imports {

    private Imports() {}

    /** Imports {@code csv} as {@code kind} (members, purchases) and waits until it is done; its final status. */
    static JsonPath run(String kind, String csv, Duration patience) {
        String id = as("admin1")
                .contentType("text/csv")
                .body(csv)
                .post("/api/points/imports?kind=" + kind)
                .then()
                .statusCode(SC_ACCEPTED)
                .extract()
                .path("id")
                .toString();
        AtomicReference<JsonPath> status = new AtomicReference<>();
        await().atMost(patience).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonPath s = as("admin1")
                    .get("/api/points/imports/" + id)
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .jsonPath();
            status.set(s);
            return !"RUNNING".equals(s.getString("status"));
        });
        assertEquals("DONE", status.get().getString("status"), status.get()::prettify);
        return status.get();
    }
}
