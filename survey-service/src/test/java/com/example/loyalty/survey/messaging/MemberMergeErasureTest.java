package com.example.loyalty.survey.messaging;

import static com.example.loyalty.survey.SurveyApi.PATIENCE;
import static com.example.loyalty.survey.SurveyApi.answers;
import static com.example.loyalty.survey.SurveyApi.respond;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.survey.Db;
import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** points-service's MembersMerged and MemberErased, published on the real member-events topic, applied here. */
@QuarkusTest
class MemberMergeErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMergeMovesResponsesAndTargetsAndTheMergedLoginAnswersAsTheSurvivor() {
        Db db = new Db(dataSource);
        var survivor = SurveyApi.newMember();
        var merged = SurveyApi.newMember();
        SurveyApi.enrolled(survivor, "REGULAR");
        SurveyApi.enrolled(merged, "REGULAR");
        db.awaitDirectory(survivor.memberId(), survivor.subject(), "REGULAR");
        db.awaitDirectory(merged.memberId(), merged.subject(), "REGULAR");
        String named = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        String answered = respond(merged.token(), named, answers(Map.of("nps", 8)))
                .statusCode(SC_CREATED)
                .body("memberId", equalTo(merged.memberId()))
                .extract()
                .path("responseId");
        String targeted = SurveyApi.createDraft(SurveyApi.npsSurvey(false));
        SurveyApi.publish(
                        targeted, Map.of("target", Map.of("type", "MEMBERS", "memberIds", List.of(merged.memberId()))))
                .statusCode(SC_OK);
        assertFalse(SurveyApi.openSurveyIds(survivor.token()).contains(targeted));

        EventEnvelope event = send(
                survivor.memberId(),
                EventTypes.MEMBERS_MERGED,
                MembersMerged.SCHEMA_VERSION,
                new MembersMerged(merged.memberId(), "8800123", 500, "GOLD"));
        db.awaitProcessed(Topics.MEMBER_EVENTS, event.eventId());

        UUID survivorId = UUID.fromString(survivor.memberId());
        UUID mergedId = UUID.fromString(merged.memberId());
        assertEquals(survivorId, db.single("select merged_into from member_directory where member_id = ?", mergedId));
        assertEquals("GOLD", db.single("select tier from member_directory where member_id = ?", survivorId));
        assertEquals(
                survivorId, db.single("select member_id from survey_response where id = ?", UUID.fromString(answered)));
        assertEquals(
                List.of(survivorId),
                List.of(db.single(
                        "select member_id from wave_member m join wave w on w.id = m.wave_id where w.survey_id = ?",
                        UUID.fromString(targeted))));
        assertEquals(
                1,
                db.count(
                        "select count(*) from wave_member m join wave w on w.id = m.wave_id where w.survey_id = ?",
                        UUID.fromString(targeted)));

        // the wave that asked the merged member asks the survivor; the merged login answers as the survivor
        assertTrue(SurveyApi.openSurveyIds(survivor.token()).contains(targeted));
        assertTrue(SurveyApi.openSurveyIds(merged.token()).contains(targeted));
        respond(merged.token(), targeted, answers(Map.of("nps", 10)))
                .statusCode(SC_CREATED)
                .body("memberId", equalTo(survivor.memberId()))
                .body("tier", equalTo("GOLD"));
    }

    @Test
    void anErasureDropsTheLoginAndAnonymisesTheNamedResponses() {
        Db db = new Db(dataSource);
        var member = SurveyApi.newMember();
        SurveyApi.enrolled(member, "SILVER");
        db.awaitDirectory(member.memberId(), member.subject(), "SILVER");
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(false));
        UUID response = UUID.fromString(
                respond(member.token(), survey, answers(Map.of("nps", 9, "reason", "I am Taro Yamada, 090-1234-5678")))
                        .statusCode(SC_CREATED)
                        .extract()
                        .path("responseId"));
        UUID memberId = UUID.fromString(member.memberId());

        EventEnvelope event = send(
                member.memberId(),
                EventTypes.MEMBER_ERASED,
                MemberErased.SCHEMA_VERSION,
                new MemberErased(Instant.now()));
        db.awaitProcessed(Topics.MEMBER_EVENTS, event.eventId());

        assertNull(db.single("select subject from member_directory where member_id = ?", memberId));
        assertNotNull(db.single("select erased_at from member_directory where member_id = ?", memberId));
        assertEquals("erased:" + response, db.single("select subject from survey_response where id = ?", response));
        String answers = db.single("select answers::text from survey_response where id = ?", response)
                .toString();
        assertFalse(answers.contains("Taro"), answers);
        assertTrue(answers.contains("\"text\": \"[erased]\""), answers);
        // the score stays for the survey's metrics
        assertEquals(
                9,
                ((Number) db.single(
                                "select (a ->> 'score')::int from survey_response r, jsonb_array_elements(r.answers) a "
                                        + "where r.id = ? and a ->> 'questionId' = 'nps'",
                                response))
                        .intValue());
        assertEquals(0, db.count("select count(*) from survey_response where subject = ?", member.subject()));

        // a late (replayed) enrolment does not bring the login back
        EventEnvelope late = SurveyApi.enrolled(member, "SILVER");
        db.awaitProcessed(Topics.MEMBER_EVENTS, late.eventId());
        assertNull(db.single("select subject from member_directory where member_id = ?", memberId));
        // the same erasure delivered again changes nothing (and fails nothing)
        TestKafka.send(Topics.MEMBER_EVENTS, member.memberId(), EventJson.write(event));
        EventEnvelope again = send(
                member.memberId(),
                EventTypes.MEMBER_ERASED,
                MemberErased.SCHEMA_VERSION,
                new MemberErased(Instant.now()));
        db.awaitProcessed(Topics.MEMBER_EVENTS, again.eventId());
        assertEquals("erased:" + response, db.single("select subject from survey_response where id = ?", response));
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Objects.equals(
                        1L,
                        db.count(
                                "select count(*) from processed_event where consumer = ? and event_id = ?",
                                Topics.MEMBER_EVENTS,
                                event.eventId())));
    }

    private static EventEnvelope send(String memberId, String type, int version, Object payload) {
        EventEnvelope event = EventJson.envelope(type, version, Instant.now(), memberId, payload);
        TestKafka.send(Topics.MEMBER_EVENTS, memberId, EventJson.write(event));
        return event;
    }
}
