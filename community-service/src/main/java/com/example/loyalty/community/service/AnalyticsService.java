package com.example.loyalty.community.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.community.repository.AnalyticsRepository;
import com.example.loyalty.community.repository.AnalyticsRepository.Window;
import com.example.loyalty.community.repository.SpaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The community's activity for marketers: a window of Asia/Tokyo days ({@code to} inclusive; default the last 30
 * days up to today), the whole community or one space. At most {@link #MAX_DAYS} days.
 */
@ApplicationScoped
public class AnalyticsService {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;
    public static final int TOP = 10;
    public static final int UNANSWERED = 20;

    /** Everything the report shows. */
    public record Report(
            LocalDate from,
            LocalDate to,
            UUID spaceId,
            AnalyticsRepository.Activity activity,
            AnalyticsRepository.Questions questions,
            Double answeredShare,
            List<AnalyticsRepository.Unanswered> unanswered,
            List<AnalyticsRepository.Ranked> topByViews,
            List<AnalyticsRepository.Ranked> topByReactions,
            List<AnalyticsRepository.Contributor> topContributors) {}

    private final AnalyticsRepository analytics;
    private final SpaceRepository spaces;
    private final Clock clock;

    public AnalyticsService(AnalyticsRepository analytics, SpaceRepository spaces) {
        this.analytics = analytics;
        this.spaces = spaces;
        this.clock = Clock.system(ZONE);
    }

    @Transactional
    public Report report(String fromParam, String toParam, String spaceParam) {
        LocalDate to = day(toParam, "to");
        LocalDate from = day(fromParam, "from");
        if (to == null) {
            to = from == null ? LocalDate.now(clock) : from.plusDays(DEFAULT_DAYS - 1);
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (from.isAfter(to)) {
            throw Problems.badRequest("bad-window", "Bad window", "from " + from + " is after to " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw Problems.badRequest(
                    "bad-window", "Window too long", days + " days asked; at most " + MAX_DAYS + " (one year)");
        }
        UUID spaceId = null;
        if (spaceParam != null && !spaceParam.isBlank()) {
            spaceId = Params.id(spaceParam, "space");
            if (spaces.findById(spaceId) == null) {
                throw Problems.notFound("space-not-found", "No such space", "no space " + spaceId);
            }
        }
        Window w = new Window(
                from.atStartOfDay(ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(ZONE).toInstant(),
                from,
                to,
                spaceId);
        AnalyticsRepository.Questions questions = analytics.questions(w);
        Double share = questions.asked() == 0
                ? null
                : Math.round(questions.answered() * 10_000.0 / questions.asked()) / 10_000.0;
        return new Report(
                from,
                to,
                spaceId,
                analytics.activity(w),
                questions,
                share,
                analytics.unanswered(w, UNANSWERED),
                analytics.topByViews(w, TOP),
                analytics.topByReactions(w, TOP),
                analytics.topContributors(w, TOP));
    }

    private static LocalDate day(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("bad-date", "Bad date", name + " is a day as YYYY-MM-DD, not " + value);
        }
    }
}
