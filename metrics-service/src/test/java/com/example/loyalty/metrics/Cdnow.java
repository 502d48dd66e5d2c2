package com.example.loyalty.metrics;

import com.example.loyalty.metrics.domain.clv.PurchaseSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The CDNOW sample (public research data, copied to src/test/resources/cdnow, see the README there) and the published
 * fits on it.
 */
public final class Cdnow {

    /** Calibration end of the published summary: 1997-01-01 to 1997-09-30. */
    public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    // Fader, Hardie & Lee (2005) BG/NBD on cdnow_summary; Gamma-Gamma on its 946 repeaters (Fader & Hardie's note)
    public static final double R = 0.243;
    public static final double ALPHA = 4.414;
    public static final double A = 0.793;
    public static final double B = 2.426;
    public static final double LOG_LIKELIHOOD = -9582.43;
    public static final double P = 6.25;
    public static final double Q = 3.74;
    public static final double V = 15.44;
    public static final int CUSTOMERS = 2357;
    public static final int REPEATERS = 946;

    /** One line of cdnow_sample.txt; {@code cents} is the dollar value in cents. */
    public record Transaction(String customerId, int sampleId, LocalDate date, int cds, long cents) {}

    /** One line of cdnow_summary_money.csv (ID = sample id). */
    public record Summary(int id, int x, double tx, double t, double zbar) {

        public PurchaseSummary toPurchaseSummary() {
            return new PurchaseSummary(x, tx, t, zbar);
        }
    }

    private Cdnow() {}

    /** The 6,919 transactions of the sample, in file order. */
    public static List<Transaction> transactions() {
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        List<Transaction> list = new ArrayList<>();
        for (String line : lines("/cdnow/cdnow_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 5) {
                list.add(new Transaction(
                        f[0],
                        Integer.parseInt(f[1]),
                        LocalDate.parse(f[2], yyyymmdd),
                        Integer.parseInt(f[3]),
                        new BigDecimal(f[4]).movePointRight(2).longValueExact()));
            }
        }
        return list;
    }

    /** The 2,357 customers of cdnow_summary_money.csv, in file order. */
    public static List<Summary> summaries() {
        List<Summary> list = new ArrayList<>();
        List<String> lines = lines("/cdnow/cdnow_summary_money.csv");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            list.add(new Summary(
                    Integer.parseInt(f[0]),
                    Integer.parseInt(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4])));
        }
        return list;
    }

    /** The member id a CDNOW customer gets in the service's tests: a name-based UUID of the customer id. */
    public static UUID memberId(String customerId) {
        return UUID.nameUUIDFromBytes(("cdnow-" + customerId).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Cdnow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
