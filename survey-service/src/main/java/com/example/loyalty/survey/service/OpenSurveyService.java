package com.example.loyalty.survey.service;

import com.example.loyalty.survey.domain.MemberDirectoryEntry;
import com.example.loyalty.survey.domain.Question;
import com.example.loyalty.survey.domain.Survey;
import com.example.loyalty.survey.domain.Wave;
import com.example.loyalty.survey.repository.MemberDirectoryRepository;
import com.example.loyalty.survey.repository.ParticipationRepository;
import com.example.loyalty.survey.repository.SurveyRepository;
import com.example.loyalty.survey.repository.SurveyResponseRepository;
import com.example.loyalty.survey.repository.WaveRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The surveys a member may answer now: wave open, the member in its target, not answered in this wave. */
@ApplicationScoped
public class OpenSurveyService {

    private final SurveyRepository surveys;
    private final WaveRepository waves;
    private final SurveyResponseRepository responses;
    private final ParticipationRepository participations;
    private final MemberDirectoryRepository directory;
    private final Targeting targeting;
    private final SubjectHasher hasher;

    public OpenSurveyService(
            SurveyRepository surveys,
            WaveRepository waves,
            SurveyResponseRepository responses,
            ParticipationRepository participations,
            MemberDirectoryRepository directory,
            Targeting targeting,
            SubjectHasher hasher) {
        this.surveys = surveys;
        this.waves = waves;
        this.responses = responses;
        this.participations = participations;
        this.directory = directory;
        this.targeting = targeting;
        this.hasher = hasher;
    }

    /** A survey open to the caller with the wave it would answer; {@code waveClosesAt} counts an early close. */
    public record OpenSurvey(
            UUID id,
            Map<String, String> title,
            boolean anonymous,
            List<Question> questions,
            UUID waveId,
            String waveName,
            Instant waveOpensAt,
            Instant waveClosesAt) {

        static OpenSurvey of(Survey s, Wave w) {
            return new OpenSurvey(
                    s.id, s.title, s.anonymous, List.copyOf(s.questions), w.id, w.name, w.opensAt, w.effectiveEnd());
        }
    }

    /** Soonest closing first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpenSurvey> openFor(String subject) {
        Instant now = Instant.now();
        List<Wave> open = waves.openOfPublishedSurveys(now);
        if (open.isEmpty()) {
            return List.of();
        }
        MemberDirectoryEntry member = directory.findBySubject(subject).orElse(null);
        Map<UUID, Survey> byId = surveys
                .list("id in ?1", open.stream().map(w -> w.surveyId).toList())
                .stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<OpenSurvey> result = new ArrayList<>();
        for (Wave wave : open) {
            Survey survey = byId.get(wave.surveyId);
            if (survey == null || !targeting.includes(wave, member) || answered(survey, wave, subject)) {
                continue;
            }
            result.add(OpenSurvey.of(survey, wave));
        }
        return result;
    }

    private boolean answered(Survey survey, Wave wave, String subject) {
        return survey.anonymous
                ? participations.exists(wave.id, hasher.hash(wave.id, subject))
                : responses.answered(wave.id, subject);
    }
}
