package com.example.loyalty.survey.service;

import com.example.loyalty.survey.domain.Survey;

/** A survey with the wave open now ({@code null} if none). */
public record SurveyView(Survey survey, WaveView openWave) {
}
