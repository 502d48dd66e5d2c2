package com.example.loyalty.metrics.repository;

import static com.example.loyalty.metrics.TestSurveys.choice;
import static com.example.loyalty.metrics.TestSurveys.nps;
import static com.example.loyalty.metrics.TestSurveys.response;
import static com.example.loyalty.metrics.TestSurveys.score;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.QuestionType;
import com.example.loyalty.metrics.TestSurveys;
import com.example.loyalty.metrics.service.SurveyResponseService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What members say, kept per member as survey responses are applied: the quadrant's attitude and the profile's answers. */
@QuarkusTest
class MemberAttitudeRepositoryTest {

    private static final Instant MARCH = Instant.parse("2026-03-10T03:00:00Z");

    @Inject
    SurveyResponseService service;

    @Inject
    MemberAttitudeRepository attitudes;

    @Test
    void theLatestNpsOrContinuedUseAnswerIsTheMembersAttitude() {
        UUID survey = UUID.randomUUID();
        String member = UUID.randomUUID().toString();
        TestSurveys.apply(service, response(survey, null, nps(3)).member(member).at(MARCH));
        TestSurveys.apply(
                service,
                response(survey, null, score("cu", "CONTINUED_USE", 9))
                        .member(member)
                        .at(MARCH.plusSeconds(60)));
        // an older answer arriving late changes nothing
        TestSurveys.apply(service, response(survey, null, nps(0)).member(member).at(MARCH.minusSeconds(3600)));

        MemberAttitudeRepository.Attitude attitude = QuarkusTransaction.requiringNew()
                .call(() -> attitudes.attitudeOf(UUID.fromString(member)))
                .orElseThrow();
        assertEquals(QuestionType.CONTINUED_USE, attitude.type());
        assertEquals(9, attitude.score());
        assertEquals(MARCH.plusSeconds(60), attitude.answeredAt());
    }

    @Test
    void everyNamedResponseIsKeptNewestFirstAnonymousOnesNever() {
        UUID survey = UUID.randomUUID();
        String member = UUID.randomUUID().toString();
        TestSurveys.apply(
                service,
                response(survey, null, nps(10), choice("why", "staff"))
                        .member(member)
                        .at(MARCH),
                response(survey, null, nps(7)).member(member).at(MARCH.plusSeconds(3600)),
                response(survey, null, nps(1)).anonymous().at(MARCH.plusSeconds(7200)));

        List<MemberAttitudeRepository.KeptResponse> kept =
                QuarkusTransaction.requiringNew().call(() -> attitudes.lastResponses(UUID.fromString(member), 10));
        assertEquals(2, kept.size());
        assertEquals(MARCH.plusSeconds(3600), kept.get(0).answeredAt());
        assertEquals(7, kept.get(0).answers().get(0).score());
        assertEquals(
                List.of("nps", "why"),
                kept.get(1).answers().stream().map(a -> a.questionId()).toList());
        assertEquals("staff", kept.get(1).answers().get(1).choice());
        assertEquals(
                7,
                QuarkusTransaction.requiringNew()
                        .call(() -> attitudes.attitudeOf(UUID.fromString(member)))
                        .orElseThrow()
                        .score());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> attitudes.lastResponses(UUID.randomUUID(), 10))
                .isEmpty());
    }
}
