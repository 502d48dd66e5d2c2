package com.example.loyalty.survey.service;

import com.example.loyalty.survey.domain.Wave;

import java.util.List;
import java.util.UUID;

/** A wave with the member ids of a MEMBERS target (empty for other targets). */
public record WaveView(Wave wave, List<UUID> memberIds) {
}
