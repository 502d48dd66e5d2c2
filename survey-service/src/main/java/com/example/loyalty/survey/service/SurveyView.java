package com.example.loyalty.survey.service;

import com.example.loyalty.survey.domain.Question;
import com.example.loyalty.survey.domain.Survey;
import com.example.loyalty.survey.domain.SurveyStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A survey definition as the API shows it, with the wave open now ({@code null} if none). */
public record SurveyView(
        UUID id,
        Map<String, String> title,
        boolean anonymous,
        SurveyStatus status,
        List<Question> questions,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        Instant publishedAt,
        Instant closedAt,
        WaveView openWave) {

    static SurveyView of(Survey s, WaveView openWave) {
        return new SurveyView(
                s.id,
                s.title,
                s.anonymous,
                s.status,
                List.copyOf(s.questions),
                s.createdAt,
                s.createdBy,
                s.updatedAt,
                s.publishedAt,
                s.closedAt,
                openWave);
    }
}
