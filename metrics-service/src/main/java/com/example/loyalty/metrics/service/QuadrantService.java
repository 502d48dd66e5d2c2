package com.example.loyalty.metrics.service;

import com.example.loyalty.metrics.config.MetricsConfig;
import com.example.loyalty.metrics.domain.Attitude;
import com.example.loyalty.metrics.domain.Quadrant;
import com.example.loyalty.metrics.repository.QuadrantRepository;
import com.example.loyalty.metrics.repository.QuadrantRepository.MemberQuadrant;
import com.example.loyalty.metrics.repository.QuadrantRepository.Rules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The loyalty quadrant: every member placed by what they say and show against what they do, with the action for each
 * group ({@link Quadrant}). Attitude comes from the member's latest NPS or continued-use answer (passives as
 * configured) and their community engagement over the last {@code metrics.behaviour.community.window-days}, combined
 * by {@link Attitude#of} (a detractor answer wins; otherwise high if either says so); behaviour from their latest RFM
 * scores in the asked currency (high from {@code behaviouralHighFrom}).
 */
@ApplicationScoped
public class QuadrantService {

    /** Members per quadrant. */
    public record QuadrantCounts(
            String currency,
            int behaviouralHighFrom,
            boolean passiveIsHigh,
            int communityWindowDays,
            int communityAttachedScore,
            Map<Quadrant, Long> counts) {}

    /** One page of a quadrant's members. */
    public record MemberPage(Quadrant quadrant, List<MemberQuadrant> items, int page, int size, long total) {}

    private final QuadrantRepository quadrants;
    private final MetricsConfig config;

    public QuadrantService(QuadrantRepository quadrants, MetricsConfig config) {
        this.quadrants = quadrants;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuadrantCounts counts(String currency) {
        Rules rules = rules(currency);
        return new QuadrantCounts(
                rules.currency(),
                rules.behaviouralHighFrom(),
                rules.passiveIsHigh(),
                config.behaviour().community().windowDays(),
                rules.communityAttachedScore(),
                quadrants.counts(rules));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberPage members(Quadrant quadrant, String currency, int page, int size) {
        Rules rules = rules(currency);
        long total = quadrants.counts(rules).get(quadrant);
        return new MemberPage(quadrant, quadrants.page(rules, quadrant, page, size), page, size, total);
    }

    /** The member's place in the quadrant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberQuadrant of(UUID memberId, String currency) {
        return quadrants.of(rules(currency), memberId);
    }

    /** The header of {@link #writeCsv}. */
    public static final String CSV_HEADER = "memberId,quadrant,action,attitudeType,attitudeScore,answeredAt,"
            + "recencyScore,frequencyScore,monetaryScore,segment,attitudeBasis,communityContributions,communityScore";

    /**
     * Writes every member of the quadrant as CSV (RFC 4180; no field needs quoting: ids, numbers, constants and
     * ISO-8601 times), streamed from a database cursor in one read-only transaction.
     */
    @Transactional
    public void writeCsv(Quadrant quadrant, String currency, OutputStream out) {
        Rules rules = rules(currency);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            w.write(CSV_HEADER);
            w.write("\r\n");
            quadrants.stream(rules, quadrant, 5_000, m -> {
                try {
                    w.write(m.memberId() + "," + m.quadrant() + ","
                            + m.quadrant().action() + ","
                            + text(m.attitudeType()) + "," + text(m.attitudeScore()) + "," + text(m.answeredAt()) + ","
                            + text(m.recencyScore()) + "," + text(m.frequencyScore()) + ","
                            + text(m.monetaryScore()) + "," + text(m.segment()) + ","
                            + text(m.attitudeBasis()) + "," + m.communityContributions() + ","
                            + m.communityScore() + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Rules rules(String currency) {
        return new Rules(
                currency(currency),
                config.behaviour().behaviouralHighFrom(),
                config.behaviour().passiveIsHigh(),
                communitySince(),
                config.behaviour().community().attachedScore());
    }

    /** The start of the community engagement window: {@code window-days} before now. */
    Instant communitySince() {
        return Instant.now()
                .minus(Duration.ofDays(config.behaviour().community().windowDays()));
    }

    /** The asked currency, or the program's; 400 if it is not an ISO 4217 code. */
    String currency(String asked) {
        return PurchaseCurrency.resolve(
                        asked == null || asked.isBlank() ? null : asked,
                        config.behaviour().currency())
                .getCurrencyCode();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
