package com.example.loyalty.metrics.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The change a batch of responses makes to the survey aggregates, added up in memory first so the database gets
 * one upsert per cell instead of one per answer. A cell is (survey, dimension, day, question, dimension value);
 * days are calendar days in the configured zone. Cells are handed out in primary-key order, so concurrent writers
 * lock rows in the same order.
 */
public final class SurveyCells {

    /** A cell's coordinates, ordered as the table's primary key. */
    public record Key(UUID surveyId, Breakdown kind, LocalDate day, String questionId, String value)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = surveyId.compareTo(o.surveyId);
            if (c == 0) {
                c = kind.name().compareTo(o.kind.name());
            }
            if (c == 0) {
                c = day.compareTo(o.day);
            }
            if (c == 0) {
                c = questionId.compareTo(o.questionId);
            }
            return c != 0 ? c : value.compareTo(o.value);
        }
    }

    private final ZoneId zone;
    private final Map<Key, AnswerCounts> cells = new HashMap<>();

    public SurveyCells(ZoneId zone) {
        this.zone = zone;
    }

    /** The calendar day of {@code response} in this zone. */
    public LocalDate dayOf(ValidatedResponse response) {
        return response.answeredAt().atZone(zone).toLocalDate();
    }

    /** Counts every answer of {@code response} under every dimension; {@code tier} is the member's tier or null. */
    public void add(ValidatedResponse response, String tier) {
        LocalDate day = dayOf(response);
        for (Breakdown kind : Breakdown.values()) {
            String value = kind.valueOf(response, tier);
            for (ValidatedResponse.Answer a : response.answers()) {
                AnswerCounts c = cells.computeIfAbsent(
                        new Key(response.surveyId(), kind, day, a.questionId(), value), k -> new AnswerCounts());
                switch (a.type()) {
                    case TEXT -> c.addText();
                    case CHOICE -> c.addChoice(a.choice());
                    case CES_BINARY -> c.addYesNo(a.yes());
                    default -> c.addScore(a.type(), a.score());
                }
            }
        }
    }

    /** The cells, in primary-key order. */
    public Map<Key, AnswerCounts> cells() {
        return Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    /** Number of cells. */
    public int size() {
        return cells.size();
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }
}
