package com.example.loyalty.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.SurveyResponded.Answer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValidatedResponseTest {

    private static SurveyResponded response(boolean anonymous, String memberId, List<Answer> answers) {
        return new SurveyResponded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                memberId,
                "sub",
                anonymous,
                "GOLD",
                "APP",
                "S001",
                Instant.parse("2026-03-01T10:00:00Z"),
                answers);
    }

    private static Answer score(String id, String type, Integer score) {
        return new Answer(id, type, null, score, null, null, null);
    }

    @Test
    void everyScaleIsChecked() {
        String member = UUID.randomUUID().toString();
        List<List<Answer>> bad = List.of(
                List.of(score("nps", "NPS", 11)),
                List.of(score("nps", "NPS", -1)),
                List.of(score("nps", "NPS", null)),
                List.of(score("keep", "CONTINUED_USE", 11)),
                List.of(score("nrs", "NRS", 0)),
                List.of(score("nrs", "NRS", 6)),
                List.of(score("csi", "CSI", 101)),
                List.of(score("ces", "CES", 11)),
                List.of(score("dwb", "DWB", 0)),
                List.of(new Answer("e", "CES_BINARY", null, null, null, null, null)),
                List.of(new Answer("c", "CHOICE", null, null, null, null, " ")),
                List.of(new Answer("t", "TEXT", null, null, null, null, null)),
                List.of(score("x", "STARS", 3)),
                List.of(score("nps", "NPS", 9), score("nps", "NPS", 9)),
                List.of(score(" ", "NPS", 9)),
                List.of(new Answer("t", "TEXT", null, null, null, "nul \u0000 inside", null)),
                List.of(new Answer("c", "CHOICE", null, null, null, null, "a\u0000")),
                List.of());
        for (List<Answer> answers : bad) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> ValidatedResponse.of(UUID.randomUUID(), response(false, member, answers)),
                    answers.toString());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> ValidatedResponse.of(
                        UUID.randomUUID(), response(false, "not-a-member", List.of(score("nps", "NPS", 9)))));
        SurveyResponded nulStore = new SurveyResponded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                null,
                null,
                true,
                null,
                "APP",
                "S\u00001",
                Instant.now(),
                List.of(score("nps", "NPS", 9)));
        assertThrows(IllegalArgumentException.class, () -> ValidatedResponse.of(UUID.randomUUID(), nulStore));
    }

    @Test
    void aValidResponseKeepsItsAnswersAndJoinsItsReasons() {
        String member = UUID.randomUUID().toString();
        ValidatedResponse r = ValidatedResponse.of(
                UUID.randomUUID(),
                response(
                        false,
                        member,
                        List.of(
                                score("nps", "nps", 3),
                                new Answer("csi", "CSI", "PERCEIVED_VALUE", 55, null, null, null),
                                new Answer("why", "TEXT", null, null, null, " Too slow at the till ", null),
                                new Answer("more", "TEXT", null, null, null, "   ", null),
                                new Answer("else", "TEXT", null, null, null, "Staff were kind", null))));
        assertEquals(UUID.fromString(member), r.memberId());
        assertEquals(QuestionType.NPS, r.answers().get(0).type());
        assertEquals("PERCEIVED_VALUE", r.answers().get(1).dimension());
        assertEquals("Too slow at the till\n\nStaff were kind", r.reason());
    }

    @Test
    void anAnonymousResponseCarriesNoMember() {
        ValidatedResponse r = ValidatedResponse.of(
                UUID.randomUUID(), response(true, UUID.randomUUID().toString(), List.of(score("nps", "NPS", 9))));
        assertNull(r.memberId());
        assertNull(r.reason());
    }

    @Test
    void aLongReasonIsCut() {
        String text = "あ".repeat(5_000);
        ValidatedResponse r = ValidatedResponse.of(
                UUID.randomUUID(),
                response(
                        false,
                        null,
                        List.of(score("nps", "NPS", 1), new Answer("why", "TEXT", null, null, null, text, null))));
        assertEquals(ValidatedResponse.MAX_REASON_LENGTH, r.reason().length());
        assertTrue(text.startsWith(r.reason()));
    }
}
