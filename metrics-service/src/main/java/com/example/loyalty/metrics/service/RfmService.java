package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.RfmWindow;
import com.example.loyalty.metrics.domain.Segment;
import com.example.loyalty.metrics.repository.RfmRepository;
import com.example.loyalty.metrics.repository.RfmRepository.MemberRow;
import com.example.loyalty.metrics.repository.RfmRepository.Recomputed;
import com.example.loyalty.metrics.repository.RfmRepository.Run;
import com.example.loyalty.metrics.repository.RfmRepository.SegmentRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * RFM per member and currency (product.md, Metrics; rules in {@link com.example.loyalty.metrics.domain.RfmScores}
 * and {@link Segment}): the recompute, which replaces a currency's scores as of a day and announces every segment
 * change through the outbox in the same transaction, and the reads of the last recompute (summary per segment, member
 * list, CSV export). Reads never compute: a currency or day not computed is a 404 problem naming what is there.
 */
@ApplicationScoped
public class RfmService {

    private static final Logger LOG = Logger.getLogger(RfmService.class);
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    /** What a recompute did. */
    public record Recompute(Run run, long removed, Duration took) {}

    /** One segment of a summary; the means are null when the segment has no member. */
    public record SegmentStats(
            Segment segment,
            long members,
            Double percent,
            Double meanR,
            Double meanF,
            Double meanM,
            Double meanRecencyDays,
            Double meanFrequency,
            Double meanMonetary) {}

    /** The last recompute of a currency and its members per segment (every segment, in the order they match). */
    public record Summary(Run run, List<SegmentStats> segments) {}

    /** One page of a currency's members. */
    public record MemberPage(Run run, Segment segment, int page, int size, long total, List<MemberRow> items) {}

    private final RfmRepository rfm;
    private final OutboxWriter outbox;
    private final MetricsConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Counter changes;

    public RfmService(RfmRepository rfm, OutboxWriter outbox, MetricsConfig config, MeterRegistry registry) {
        this.rfm = rfm;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
        this.clock = Clock.systemUTC();
        this.changes = Counter.builder("loyalty.metrics.rfm.segment.changes")
                .description("members whose RFM segment changed at a recompute (SegmentChanged events written)")
                .register(registry);
    }

    /**
     * Scores every member with a purchase in {@code currency} up to the end of {@code asOf} (in the behaviour zone)
     * and replaces the currency's rows with them, in one statement over member_purchase; every member whose segment
     * differs from the one before (or who is scored for the first time) gets a SegmentChanged event in the outbox, in
     * this transaction. Recomputes of one currency wait for each other.
     *
     * @param trigger what asked for it ({@code api}, {@code schedule}), a tag of the timer
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600) // a million members take a while; the default 60 s is for requests
    public Recompute recompute(String currency, LocalDate asOf, String trigger) {
        long started = System.nanoTime();
        RfmWindow window = new RfmWindow(
                asOf, config.behaviour().zone(), config.behaviour().rfmWindowMonths());
        rfm.lock(currency);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        Recomputed result = rfm.recompute(currency, window, now);
        Run run = new Run(currency, asOf, window.months(), result.members(), result.changed(), now);
        rfm.saveRun(run);
        if (result.changed() > 0) {
            outbox.nudgeAfterCommit();
        }
        changes.increment(result.changed());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Timer.builder("loyalty.metrics.rfm.recompute")
                .description("time to recompute the RFM scores of a currency")
                .tag("trigger", trigger)
                .register(registry)
                .record(took);
        LOG.infof(
                "RFM of %s as of %s recomputed: %d members, %d segment changes, %d removed, in %d ms",
                currency, asOf, result.members(), result.changed(), result.removed(), took.toMillis());
        return new Recompute(run, result.removed(), took);
    }

    /**
     * The last recompute of {@code currency}: members, share and means per segment.
     *
     * @param asOf null for whatever day was computed last; otherwise that day must be the one computed last
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if that is not computed
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(String currency, LocalDate asOf) {
        Run run = computed(currency, asOf);
        Map<Segment, SegmentRow> rows = new EnumMap<>(Segment.class);
        for (SegmentRow row : rfm.segments(currency)) {
            rows.put(row.segment(), row);
        }
        long total = rows.values().stream().mapToLong(SegmentRow::members).sum();
        List<SegmentStats> stats = new ArrayList<>();
        for (Segment s : Segment.values()) {
            SegmentRow row = rows.get(s);
            if (row == null) {
                stats.add(new SegmentStats(s, 0, total == 0 ? null : 0.0, null, null, null, null, null, null));
            } else {
                stats.add(new SegmentStats(
                        s,
                        row.members(),
                        round(BigDecimal.valueOf(row.members() * 100)
                                .divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP)),
                        round(row.meanR()),
                        round(row.meanF()),
                        round(row.meanM()),
                        round(row.meanRecencyDays()),
                        round(row.meanFrequency()),
                        round(row.meanMonetary())));
            }
        }
        return new Summary(run, stats);
    }

    /**
     * Page {@code page} (from 0) of {@code currency}'s members of the last recompute, of {@code segment} unless null,
     * in member-id order.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if the currency was never computed
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberPage members(String currency, Segment segment, int page, int size) {
        Run run = computed(currency, null);
        return new MemberPage(
                run,
                segment,
                page,
                size,
                rfm.count(currency, segment),
                rfm.members(currency, segment, (long) page * size, size));
    }

    /**
     * The last recompute of {@code currency}, for an export to name before it streams.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 404 if the currency was never computed
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Run exportable(String currency) {
        return computed(currency, null);
    }

    /**
     * Streams every member of {@code currency} (of {@code segment} unless null) to {@code sink}, through a database
     * cursor: memory stays flat whatever the number of members. Runs outside any transaction (it may outlast one).
     */
    public void export(String currency, Segment segment, RfmRepository.RowSink sink) throws IOException {
        try {
            rfm.export(currency, segment, 2_000, sink);
        } catch (SQLException e) {
            throw new IOException("RFM export of " + currency + " failed: " + e.getMessage(), e);
        }
    }

    /** Currencies the daily recompute covers: the program's and every one recomputed before. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> scheduledCurrencies() {
        List<String> currencies = new ArrayList<>();
        currencies.add(config.behaviour().currency());
        for (String c : rfm.currencies()) {
            if (!currencies.contains(c)) {
                currencies.add(c);
            }
        }
        return currencies;
    }

    /** Today in the behaviour zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.behaviour().zone()));
    }

    /**
     * {@code value} as an ISO 4217 code in upper case, or the program's currency when null.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 if it is not a known ISO 4217 code
     */
    public String currency(String value) {
        if (value == null) {
            return config.behaviour().currency();
        }
        if (!CURRENCY.matcher(value).matches()) {
            throw Problems.badRequest("invalid-currency", "Bad request", "currency must be 3 letters (ISO 4217)");
        }
        String code = value.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw invalidCurrency(value);
        }
        return code;
    }

    /**
     * {@code value} (an ISO date) as a day RFM can be computed as of: from {@link RfmWindow#EARLIEST} to today in the
     * behaviour zone; null when null.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 otherwise
     */
    public LocalDate asOf(String value) {
        if (value == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problems.badRequest("invalid-date", "Bad request", "asOf is not a calendar date: " + value);
        }
        LocalDate today = today();
        if (day.isAfter(today)) {
            throw Problems.badRequest(
                    "invalid-date",
                    "Bad request",
                    "asOf " + day + " is in the future (today is " + today + " in "
                            + config.behaviour().zone() + ")");
        }
        if (day.isBefore(RfmWindow.EARLIEST)) {
            throw Problems.badRequest(
                    "invalid-date", "Bad request", "asOf " + day + " is before " + RfmWindow.EARLIEST);
        }
        return day;
    }

    private Run computed(String currency, LocalDate asOf) {
        Optional<Run> run = rfm.run(currency);
        if (run.isEmpty()) {
            throw Problems.notFound(
                    "rfm-not-computed",
                    "Not found",
                    "RFM has not been computed for " + currency + " yet; POST /api/metrics/rfm/recompute?currency="
                            + currency + " computes it");
        }
        if (asOf != null && !asOf.equals(run.get().asOf())) {
            throw Problems.notFound(
                    "rfm-not-computed",
                    "Not found",
                    "RFM for " + currency + " is computed as of " + run.get().asOf() + ", not as of " + asOf
                            + "; POST /api/metrics/rfm/recompute?asOf=" + asOf + "&currency=" + currency
                            + " computes it (and replaces the one as of "
                            + run.get().asOf() + ")");
        }
        return run.get();
    }

    private static RuntimeException invalidCurrency(String value) {
        return Problems.badRequest(
                "invalid-currency", "Bad request", "currency is not an ISO 4217 currency code: " + value);
    }

    private static Double round(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
