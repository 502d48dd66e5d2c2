package com.example.loyalty.survey.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.survey.config.SurveysConfig;
import com.example.loyalty.survey.domain.LoyaltyQuadrant;
import com.example.loyalty.survey.domain.RfmSegment;
import com.example.loyalty.survey.domain.Survey;
import com.example.loyalty.survey.domain.SurveyStatus;
import com.example.loyalty.survey.domain.TargetType;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.repository.SurveyRepository;
import com.example.loyalty.survey.repository.WaveRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Waves: answer windows of a published survey, each with a target. The windows of one survey never overlap,
 * so at any moment a survey has at most one open wave; wave changes of one survey are serialised by a lock on
 * the survey row. Every wave created, closed early or cancelled is published on the survey-waves topic
 * ({@link WaveEvents}) in the same transaction.
 */
@ApplicationScoped
public class WaveService {

    private static final Pattern TIER = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final SurveyRepository surveys;
    private final WaveRepository waves;
    private final SurveysConfig config;
    private final WaveEvents events;

    public WaveService(SurveyRepository surveys, WaveRepository waves, SurveysConfig config, WaveEvents events) {
        this.surveys = surveys;
        this.waves = waves;
        this.config = config;
        this.events = events;
    }

    /** Who a wave asks, as received. */
    public record TargetInput(
            TargetType type, List<String> tiers, List<UUID> memberIds, List<String> segments, List<String> quadrants) {
        public static final TargetInput ALL =
                new TargetInput(TargetType.ALL, List.of(), List.of(), List.of(), List.of());
    }

    /** A wave as received; {@code opensAt} defaults to now, {@code target} to ALL. */
    public record WaveInput(String name, Instant opensAt, Instant closesAt, TargetInput target) {}

    @Transactional
    public WaveView create(UUID surveyId, WaveInput input, String by) {
        Survey survey = surveys.lock(surveyId).orElseThrow(() -> SurveyService.unknownSurvey(surveyId));
        if (survey.status != SurveyStatus.PUBLISHED) {
            throw Problems.conflict(
                    "survey-not-published",
                    "Survey not published",
                    "survey " + surveyId + " is " + survey.status + "; waves can only be added to a PUBLISHED survey");
        }
        return open(survey, input, by);
    }

    /** Opens a wave of a survey the caller has locked and checked. */
    WaveView open(Survey survey, WaveInput input, String by) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant opensAt = input.opensAt() != null ? input.opensAt().truncatedTo(ChronoUnit.MICROS) : now;
        Instant closesAt = input.closesAt() != null ? input.closesAt().truncatedTo(ChronoUnit.MICROS) : null;
        checkWindow(opensAt, closesAt, now);
        TargetInput target = input.target() != null ? input.target() : TargetInput.ALL;
        List<String> tiers = tiersOf(target);
        Set<UUID> members = membersOf(target);
        List<String> segments =
                namesOf(target.type(), TargetType.SEGMENT, "segments", target.segments(), RfmSegment.NAMES);
        List<String> quadrants =
                namesOf(target.type(), TargetType.QUADRANT, "quadrants", target.quadrants(), LoyaltyQuadrant.NAMES);

        List<Wave> existingWaves = waves.ofSurvey(survey.id);
        for (Wave existing : existingWaves) {
            if (existing.overlaps(opensAt, closesAt)) {
                throw Problems.conflict(
                        "overlapping-wave",
                        "Overlapping wave",
                        "the window " + opensAt + " – " + closesAt + " overlaps wave " + existing.id + " ('"
                                + existing.name + "', " + existing.opensAt + " – " + existing.effectiveEnd()
                                + "); a survey has one wave at a time");
            }
        }
        int number = existingWaves.size() + 1;
        Wave wave = new Wave();
        wave.id = UUID.randomUUID();
        wave.surveyId = survey.id;
        wave.name =
                input.name() != null && !input.name().isBlank() ? input.name().trim() : "Wave " + number;
        wave.opensAt = opensAt;
        wave.closesAt = closesAt;
        wave.targetType = target.type();
        wave.targetTiers = tiers;
        wave.targetSegments = segments;
        wave.targetQuadrants = quadrants;
        wave.createdAt = now;
        wave.createdBy = by;
        waves.persist(wave);
        waves.flush();
        waves.addMembers(wave.id, members);
        events.published(wave);
        return WaveView.of(wave, List.copyOf(members), now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WaveView> list(UUID surveyId) {
        surveys.findByIdOptional(surveyId).orElseThrow(() -> SurveyService.unknownSurvey(surveyId));
        return waves.ofSurvey(surveyId).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WaveView get(UUID surveyId, UUID waveId) {
        return view(waveOf(surveyId, waveId));
    }

    /** Ends a wave early (an open one) or cancels it (a scheduled one). */
    @Transactional
    public WaveView close(UUID surveyId, UUID waveId) {
        surveys.lock(surveyId).orElseThrow(() -> SurveyService.unknownSurvey(surveyId));
        Wave wave = waveOf(surveyId, waveId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (wave.closedAt != null || !now.isBefore(wave.closesAt)) {
            throw Problems.conflict("wave-closed", "Wave already closed", "wave " + waveId + " is already closed");
        }
        wave.closedAt = now;
        events.closed(wave);
        return view(wave);
    }

    /** The wave with its status as of now and, for a MEMBERS target, the member ids it lists. */
    WaveView view(Wave wave) {
        return WaveView.of(
                wave, wave.targetType == TargetType.MEMBERS ? waves.membersOf(wave.id) : List.of(), Instant.now());
    }

    private Wave waveOf(UUID surveyId, UUID waveId) {
        return waves.findByIdOptional(waveId)
                .filter(w -> w.surveyId.equals(surveyId))
                .orElseThrow(() -> unknownWave(surveyId, waveId));
    }

    private void checkWindow(Instant opensAt, Instant closesAt, Instant now) {
        if (closesAt == null) {
            throw invalidWindow("closesAt is required");
        }
        if (!closesAt.isAfter(opensAt)) {
            throw invalidWindow("closesAt (" + closesAt + ") must be after opensAt (" + opensAt + ")");
        }
        if (!closesAt.isAfter(now)) {
            throw invalidWindow("closesAt (" + closesAt + ") lies in the past");
        }
        if (opensAt.plus(config.waves().maxWindow()).isBefore(closesAt)) {
            throw invalidWindow(
                    "a wave is open for at most " + config.waves().maxWindow().toDays() + " days");
        }
    }

    private List<String> tiersOf(TargetInput target) {
        List<String> given = target.tiers() == null ? List.of() : target.tiers();
        if (target.type() == null) {
            throw invalidTarget("target.type is required: one of " + java.util.Arrays.toString(TargetType.values()));
        }
        if (target.type() != TargetType.TIER) {
            if (!given.isEmpty()) {
                throw invalidTarget("target.tiers only apply to a TIER target");
            }
            return List.of();
        }
        if (given.isEmpty()) {
            throw invalidTarget("a TIER target needs at least one tier code in target.tiers");
        }
        Set<String> tiers = new LinkedHashSet<>();
        for (String tier : given) {
            if (tier == null || !TIER.matcher(tier).matches()) {
                throw invalidTarget("'" + tier + "' is not a tier code such as GOLD");
            }
            tiers.add(tier.toUpperCase(Locale.ROOT));
        }
        return new ArrayList<>(tiers);
    }

    /**
     * The names of a SEGMENT or QUADRANT target: required (at least one) for a target of {@code type}, refused for
     * any other; each one of {@code known}, in any case; upper case, each once, in the order given.
     */
    private static List<String> namesOf(
            TargetType given, TargetType type, String field, List<String> names, List<String> known) {
        List<String> list = names == null ? List.of() : names;
        if (given != type) {
            if (!list.isEmpty()) {
                throw invalidTarget("target." + field + " only apply to a " + type + " target");
            }
            return List.of();
        }
        if (list.isEmpty()) {
            throw invalidTarget("a " + type + " target needs at least one name in target." + field + ", of "
                    + String.join(", ", known));
        }
        Set<String> result = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : list) {
            String upper = name == null ? null : name.trim().toUpperCase(Locale.ROOT);
            if (upper == null || !known.contains(upper)) {
                unknown.add(name == null ? "null" : "'" + name + "'");
            } else {
                result.add(upper);
            }
        }
        if (!unknown.isEmpty()) {
            throw invalidTarget("unknown " + field + " " + String.join(", ", unknown) + " in target." + field
                    + "; known: " + String.join(", ", known));
        }
        return new ArrayList<>(result);
    }

    private Set<UUID> membersOf(TargetInput target) {
        List<UUID> given = target.memberIds() == null ? List.of() : target.memberIds();
        if (target.type() != TargetType.MEMBERS) {
            if (!given.isEmpty()) {
                throw invalidTarget("target.memberIds only apply to a MEMBERS target");
            }
            return Set.of();
        }
        if (given.isEmpty()) {
            throw invalidTarget("a MEMBERS target needs at least one member id in target.memberIds");
        }
        if (given.size() > config.waves().maxMembers()) {
            throw invalidTarget(
                    "a MEMBERS target lists at most " + config.waves().maxMembers() + " member ids");
        }
        if (given.contains(null)) {
            throw invalidTarget("target.memberIds must not contain null");
        }
        return new LinkedHashSet<>(given);
    }

    static RuntimeException unknownWave(UUID surveyId, UUID waveId) {
        return Problems.notFound("unknown-wave", "Unknown wave", "survey " + surveyId + " has no wave " + waveId);
    }

    private static RuntimeException invalidWindow(String detail) {
        return Problems.unprocessable("invalid-window", "Invalid answer window", detail);
    }

    private static RuntimeException invalidTarget(String detail) {
        return Problems.unprocessable("invalid-target", "Invalid target", detail);
    }
}
