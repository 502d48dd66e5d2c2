package com.example.loyalty.community.rest;

import com.example.loyalty.community.repository.AnalyticsRepository;
import com.example.loyalty.community.service.AnalyticsService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The community's activity over a window of Asia/Tokyo days")
public record AnalyticsResponse(
        @Schema(description = "First day") LocalDate from,
        @Schema(description = "Last day (inclusive)") LocalDate to,

        @Schema(description = "The space, or null for the whole community", nullable = true)
        UUID spaceId,

        Totals totals,

        @Schema(description = "Every day of the window, oldest first")
        List<Day> daily,

        Questions questions,
        List<ViewedContent> topContentByViews,
        List<ReactedContent> topContentByReactions,
        List<Contributor> topContributors) {

    @Schema(description = "Counts over the whole window")
    public record Totals(
            long posts,
            long comments,
            long reactions,

            @Schema(description = "Unique viewers per post and UTC day")
            long views,

            @Schema(description = "Distinct members who posted, commented or reacted")
            long activeMembers) {}

    public record Day(LocalDate day, long posts, long comments, long reactions, long views) {}

    public record Questions(
            @Schema(description = "Questions asked in the window")
            long asked,

            @Schema(description = "Of those, the ones with a visible answer")
            long answered,

            @Schema(description = "answered / asked, 4 decimals; null when none were asked", nullable = true)
            Double answeredShare,

            @Schema(description = "Median hours to the first visible answer", nullable = true)
            Double medianHoursToFirstAnswer,

            @Schema(description = "Median hours to the acceptance of a visible answer", nullable = true)
            Double medianHoursToAcceptedAnswer,

            @Schema(description = "Questions without a visible answer, the 20 waiting longest")
            List<Unanswered> unanswered) {}

    public record Unanswered(UUID id, String title, Instant createdAt) {}

    public record ViewedContent(
            UUID id,
            String title,
            @Schema(description = "Views in the window") long views) {}

    public record ReactedContent(
            UUID id,
            String title,

            @Schema(description = "Reactions to the post in the window")
            long reactions) {}

    public record Contributor(
            UUID memberId,
            @Schema(nullable = true) String displayName,

            @Schema(description = "Sum of the weights of standing contributions in the window")
            long score) {}

    static AnalyticsResponse from(AnalyticsService.Report r) {
        List<Day> daily = r.activity().days().stream()
                .map(d -> new Day(d.day(), d.posts(), d.comments(), d.reactions(), d.views()))
                .toList();
        Totals totals = new Totals(
                daily.stream().mapToLong(Day::posts).sum(),
                daily.stream().mapToLong(Day::comments).sum(),
                daily.stream().mapToLong(Day::reactions).sum(),
                daily.stream().mapToLong(Day::views).sum(),
                r.activity().activeMembers());
        AnalyticsRepository.Questions q = r.questions();
        return new AnalyticsResponse(
                r.from(),
                r.to(),
                r.spaceId(),
                totals,
                daily,
                new Questions(
                        q.asked(),
                        q.answered(),
                        r.answeredShare(),
                        q.medianHoursToFirstAnswer(),
                        q.medianHoursToAccepted(),
                        r.unanswered().stream()
                                .map(u -> new Unanswered(u.id(), u.title(), u.createdAt()))
                                .toList()),
                r.topByViews().stream()
                        .map(t -> new ViewedContent(t.id(), t.title(), t.count()))
                        .toList(),
                r.topByReactions().stream()
                        .map(t -> new ReactedContent(t.id(), t.title(), t.count()))
                        .toList(),
                r.topContributors().stream()
                        .map(c -> new Contributor(c.memberId(), c.displayName(), c.score()))
                        .toList());
    }
}
