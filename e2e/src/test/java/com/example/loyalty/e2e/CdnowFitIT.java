package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CDNOW sample (2,357 customers, 6,919 purchases in USD) goes in through the product's own import, end to end: CSV
 * to points-service as history, the outbox to Kafka, metrics-service's consumer; the BG/NBD and Gamma-Gamma fits on the
 * calibration period 1997-01-01 to 1997-09-30 then reproduce the published results to 3 significant figures.
 */
@ExtendWith(LoyaltyStack.class)
@org.junit.jupiter.api.Order(5)
class CdnowFitIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void theSampleImportedThroughTheProductReproducesThePublishedFits() throws IOException {
        StringBuilder members = new StringBuilder("externalId,displayName,email,phone,enrolledAt\n");
        StringBuilder purchases =
                new StringBuilder("externalMemberId,transactionId,amount,currency,occurredAt,storeId,channel\n");
        Set<String> customers = new LinkedHashSet<>();
        int line = 0;
        try (InputStream in = CdnowFitIT.class.getResourceAsStream("/cdnow/cdnow_sample.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                String[] f = row.trim().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                line++;
                String customer = "cdnow-" + f[0];
                String day = f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6);
                if (customers.add(customer)) {
                    members.append(customer)
                            .append(",CDNOW customer ")
                            .append(f[0])
                            .append(",,,")
                            .append(day)
                            .append('\n');
                }
                purchases
                        .append(customer)
                        .append(",cdnow-")
                        .append(line)
                        .append(',')
                        .append(f[4])
                        .append(",USD,")
                        .append(day)
                        .append(",CDNOW,ONLINE\n");
            }
        }
        assertEquals(2_357, customers.size());
        assertEquals(6_919, line);

        Imports.run("members", members.toString(), PATIENCE);
        JsonPath done = Imports.run("purchases", purchases.toString(), PATIENCE);
        assertEquals(0, done.getInt("rowsRejected"), () -> done.prettify());

        Map<String, Object> calibration = Map.of("calibrationEnd", "1997-09-30", "currency", "USD");
        AtomicReference<JsonPath> fit = new AtomicReference<>();
        // the purchases reach metrics-service through Kafka: fit until every member and repeater is there and two fits
        // in a row agree
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonPath now = as("marketer1")
                    .body(calibration)
                    .post("/api/metrics/clv/fit")
                    .then()
                    .extract()
                    .jsonPath();
            JsonPath before = fit.getAndSet(now);
            return now.getInt("members") == 2_357
                    && now.getInt("repeaters") == 946
                    && before != null
                    && before.getDouble("bgNbd.logLikelihood") == now.getDouble("bgNbd.logLikelihood");
        });
        JsonPath p = fit.get();
        assertThreeFigures(0.243, p.getDouble("bgNbd.r"), "r");
        assertThreeFigures(4.414, p.getDouble("bgNbd.alpha"), "alpha");
        assertThreeFigures(0.793, p.getDouble("bgNbd.a"), "a");
        assertThreeFigures(2.426, p.getDouble("bgNbd.b"), "b");
        assertThreeFigures(-9582.43, p.getDouble("bgNbd.logLikelihood"), "log-likelihood");
        assertThreeFigures(6.25, p.getDouble("gammaGamma.p"), "p");
        assertThreeFigures(3.74, p.getDouble("gammaGamma.q"), "q");
        assertThreeFigures(15.44, p.getDouble("gammaGamma.v"), "v");
    }

    /** Equal to 3 significant figures: within half a unit of the third figure of the published value. */
    private static void assertThreeFigures(double expected, double actual, String what) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 2);
        assertEquals(expected, actual, unit / 2, what);
    }
}
