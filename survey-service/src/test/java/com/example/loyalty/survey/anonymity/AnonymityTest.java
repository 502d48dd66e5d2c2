package com.example.loyalty.survey.anonymity;

import static com.example.loyalty.survey.SurveyApi.answers;
import static com.example.loyalty.survey.SurveyApi.respond;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.SurveyResponded;
import com.example.loyalty.events.Topics;
import com.example.loyalty.survey.Db;
import com.example.loyalty.survey.SurveyApi;
import com.example.loyalty.survey.config.SurveysConfig;
import com.example.loyalty.survey.service.AnswerMixer;
import com.example.loyalty.survey.service.SubjectHasher;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Anonymous answers cannot be joined to participations (docs/survey-anonymity.md). Several members
 * answer an anonymous wave; then the test plays someone who can read the whole database, holds the hash key (so knows
 * which participation row is whose) and reads the SurveyResponded events, and tries to find each member's answer: by
 * the transaction (xmin), by the time, by the order (ids, insertion order, physical order, the outbox sequence, Kafka),
 * and by the events. Each member's answer is unique (its text names the member), so a join that works is seen.
 *
 * <p>The same joins do link every answer while it is staged (written, like the old design wrote the answer, in the
 * participation's transaction): that shows the joins detect a linkable design, and is the documented limit of the
 * staging window.
 */
@QuarkusTest
class AnonymityTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnswerMixer mixer;

    @Inject
    SubjectHasher hasher;

    @Inject
    SurveysConfig config;

    /** One database row as the test reads it: its transaction, its physical place and a few columns. */
    record Row(long xmin, String ctid, Map<String, Object> columns) {
        Object get(String column) {
            return columns.get(column);
        }
    }

    @Test
    void anonymousAnswersCannotBeJoinedToTheirParticipations() {
        int k = config.anonymity().batchSize();
        int n = 2 * k + 5;
        Db db = new Db(dataSource);
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(true));
        UUID wave = UUID.fromString(SurveyApi.openWaveId(survey));

        // n members answer, one after the other; each answer names its member (only the test knows that)
        List<SurveyApi.Member> members = new ArrayList<>();
        Map<String, String> subjectByText = new HashMap<>();
        List<Instant[]> requestWindows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SurveyApi.Member member = SurveyApi.newMember();
            String text = "answer of member " + i;
            Instant before = Instant.now();
            respond(member.token(), survey, answers(Map.of("nps", i % 11, "reason", text)))
                    .statusCode(SC_CREATED);
            requestWindows.add(new Instant[] {before, Instant.now()});
            members.add(member);
            subjectByText.put(text, member.subject());
        }
        Map<String, String> subjectByHash = members.stream()
                .collect(Collectors.toMap(m -> hasher.hash(wave, m.subject()), SurveyApi.Member::subject));
        List<String> submissionOrder =
                members.stream().map(SurveyApi.Member::subject).toList();

        // the participations: whose each one is, and in which transaction and order it was written
        List<Row> participations = rows(
                "select xmin::text::bigint, ctid::text, subject_hash from wave_participation where wave_id = ? "
                        + "order by xmin::text::bigint",
                wave);
        assertEquals(n, participations.size());
        Map<Long, String> subjectByParticipationXmin = new HashMap<>();
        participations.forEach(p -> subjectByParticipationXmin.put(p.xmin(), subjectByHash.get(p.get("subject_hash"))));
        assertEquals(
                submissionOrder,
                participations.stream()
                        .map(p -> subjectByHash.get(p.get("subject_hash")))
                        .toList(),
                "the participations' transactions follow the order of the answers");

        // the detector works: the staged answers are written in the participations' transactions, as the old design
        // wrote the answers, and the xmin join links every one of them (the limit of the staging window); the mixer
        // may already have moved some of them (it runs on its own every few seconds)
        Set<Long> participationXmins = subjectByParticipationXmin.keySet();
        List<Row> staged = rows(
                "select xmin::text::bigint, ctid::text, answers->1->>'text' as text from anonymous_answer_staging "
                        + "where wave_id = ?",
                wave);
        assertTrue(staged.size() >= k, "at least k stay staged while the wave is open: " + staged.size());
        for (Row s : staged) {
            assertEquals(
                    subjectByText.get((String) s.get("text")),
                    subjectByParticipationXmin.get(s.xmin()),
                    "a staged answer is linked by its xmin");
        }

        // the wave is still open: the mixer keeps k answers back, and moves the rest in batches of at least k. The
        // scheduled mixer may hold the wave's lock when the test calls it (then this call skips the wave, and the
        // scheduled run's batch is not yet committed), so the test waits for a pass to have moved the batch
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            mixer.mixAll();
            return db.staged(survey) < 2 * k;
        });
        long waiting = db.staged(survey);
        assertTrue(
                waiting >= k && waiting < 2 * k, "at least k answers stay staged while the wave is open: " + waiting);
        assertEquals(n - waiting, db.count("select count(*) from survey_response where wave_id = ?", wave));
        // the wave ends: the rest moves as its last batch (at least k)
        SurveyApi.closeWave(survey, wave.toString()).statusCode(SC_OK);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            mixer.mixAll();
            return db.staged(survey) == 0;
        });
        assertEquals(new Db.Written(n, n, n), db.writtenFor(survey));

        List<Row> responses = rows(
                "select xmin::text::bigint, ctid::text, id, answered_at, anonymous, subject, member_id, tier, "
                        + "answers->1->>'text' as text from survey_response where wave_id = ? order by ctid",
                wave);
        assertEquals(n, responses.size());
        List<String> truth = responses.stream()
                .map(r -> subjectByText.get((String) r.get("text")))
                .toList();
        assertEquals(new HashSet<>(submissionOrder), new HashSet<>(truth), "every answer arrived once");

        // 1. by transaction: no answer shares its xmin with any participation, and each transaction that wrote answers
        // wrote at least k of them
        for (Row r : responses) {
            assertFalse(participationXmins.contains(r.xmin()), "an answer's xmin is a participation's: " + r);
            assertTrue((Boolean) r.get("anonymous")
                    && r.get("subject") == null
                    && r.get("member_id") == null
                    && r.get("tier") == null);
        }
        Map<Long, Long> batchSizes =
                responses.stream().collect(Collectors.groupingBy(Row::xmin, Collectors.counting()));
        assertTrue(batchSizes.size() >= 2, "the open wave's batch and the last one: " + batchSizes);
        batchSizes.values().forEach(size -> assertTrue(size >= k, "a batch of fewer than k answers: " + batchSizes));
        // ... and commit order gives no more: a batch holds answers of participations from before and after others
        // of the same batch, so "the batch's participations" are all the staged ones, at least k (2k for all but
        // the last)

        // 2. by time: an answer says only the day (the same for all of a batch); the participations have no time
        for (Row r : responses) {
            Instant answeredAt = ((java.sql.Timestamp) r.get("answered_at")).toInstant();
            assertEquals(answeredAt.truncatedTo(ChronoUnit.DAYS), answeredAt, "only the day: " + answeredAt);
        }
        assertEquals(
                0L,
                db.count("select count(*) from information_schema.columns where table_name = 'wave_participation' "
                        + "and data_type like 'timestamp%'"));

        // 3. by order: ids are random (UUID v4); neither the physical order, the id order, nor the order of the
        // outbox or of Kafka follows the order of the participations (a join by rank links no more than chance)
        responses.forEach(r -> assertEquals(4, ((UUID) r.get("id")).version()));
        assertFewLinks("physical order (ctid)", submissionOrder, truth);
        List<String> byId = responses.stream()
                .sorted((a, b) -> a.get("id").toString().compareTo(b.get("id").toString()))
                .map(r -> subjectByText.get((String) r.get("text")))
                .toList();
        assertFewLinks("id order", submissionOrder, byId);
        List<Row> outbox = rows(
                "select xmin::text::bigint, ctid::text, payload, created_at from outbox_event "
                        + "where event_type = 'SurveyResponded' and payload like ? order by seq",
                "%" + survey + "%");
        assertEquals(n, outbox.size());
        List<String> byOutbox = outbox.stream()
                .map(o -> EventJson.payload(EventJson.read((String) o.get("payload")), SurveyResponded.class))
                .map(e -> subjectByText.get(e.answers().get(1).text()))
                .toList();
        assertFewLinks("outbox order", submissionOrder, byOutbox);
        for (Row o : outbox) {
            assertFalse(participationXmins.contains(o.xmin()), "an event's xmin is a participation's");
        }
        // by the time the events were written: none was written while its member's request ran
        for (int i = 0; i < n; i++) {
            Instant[] window = requestWindows.get(i);
            String subject = submissionOrder.get(i);
            for (int j = 0; j < n; j++) {
                Instant createdAt = ((java.sql.Timestamp) outbox.get(j).get("created_at")).toInstant();
                boolean during = !createdAt.isBefore(window[0]) && !createdAt.isAfter(window[1]);
                assertFalse(during && subject.equals(byOutbox.get(j)), "an event written during its own request");
            }
        }

        // 4. by the events: nothing in them names a member, their keys are random, they carry the day only, and
        // their order on Kafka does not follow the participations
        List<ConsumerRecord<String, String>> records =
                TestKafka.read(Topics.SURVEY_RESPONSES, r -> r.value().contains(survey), n, KAFKA_WAIT);
        assertEquals(n, records.size());
        Set<String> identities = new HashSet<>();
        members.forEach(m -> {
            identities.add(m.subject());
            identities.add(m.memberId());
            identities.add(hasher.hash(wave, m.subject()));
        });
        Set<UUID> responseIds = responses.stream().map(r -> (UUID) r.get("id")).collect(Collectors.toSet());
        List<String> byKafka = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            identities.forEach(id ->
                    assertFalse(record.value().contains(id) || record.key().equals(id)));
            assertEquals(4, UUID.fromString(record.key()).version(), "a random key");
            EventEnvelope envelope = EventJson.read(record.value());
            assertNull(envelope.memberId());
            SurveyResponded event = EventJson.payload(envelope, SurveyResponded.class);
            assertTrue(event.anonymous());
            assertNull(event.memberId());
            assertNull(event.subject());
            assertNull(event.tier());
            assertEquals(event.answeredAt().truncatedTo(ChronoUnit.DAYS), event.answeredAt());
            assertTrue(responseIds.contains(event.responseId()), "the event names the mixed answer's id");
            byKafka.add(subjectByText.get(event.answers().get(1).text()));
        }
        assertFewLinks("Kafka order", submissionOrder, byKafka);
    }

    @Test
    void aWaveOfFewerThanKAnswersMovesAsOneBatchWhenItEnds() {
        int k = config.anonymity().batchSize();
        Db db = new Db(dataSource);
        String survey = SurveyApi.publishedSurvey(SurveyApi.npsSurvey(true));
        String wave = SurveyApi.openWaveId(survey);
        for (int i = 0; i < 3; i++) {
            respond(SurveyApi.newMember().token(), survey, answers(Map.of("nps", i)))
                    .statusCode(SC_CREATED);
        }
        mixer.mixAll();
        assertEquals(3, db.staged(survey), "fewer than 2k: nothing moves while the wave is open");
        assertEquals(new Db.Written(3, 3, 0), db.writtenFor(survey));

        SurveyApi.closeWave(survey, wave).statusCode(SC_OK);
        // an answer after the end is refused; the staged ones move together
        respond(SurveyApi.newMember().token(), survey, answers(Map.of("nps", 9, "reason", "late")))
                .statusCode(409);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            mixer.mixAll();
            return db.staged(survey) == 0;
        });
        assertEquals(new Db.Written(3, 3, 3), db.writtenFor(survey));
        assertEquals(
                1L,
                db.count(
                        "select count(distinct xmin::text) from survey_response where survey_id = ?",
                        UUID.fromString(survey)),
                "one batch of all " + 3 + " (< k = " + k + ")");
    }

    /**
     * A join by rank (the i-th participation to the i-th answer) links no more answers than chance: a random order
     * matches about one; fewer than half is met by a random order with a probability below 1e-9, and never by the
     * order of the participations.
     */
    private static void assertFewLinks(String by, List<String> participationOrder, List<String> answerOrder) {
        assertEquals(participationOrder.size(), answerOrder.size());
        long linked = 0;
        for (int i = 0; i < participationOrder.size(); i++) {
            if (participationOrder.get(i).equals(answerOrder.get(i))) {
                linked++;
            }
        }
        assertTrue(
                linked < participationOrder.size() / 2,
                "joined by " + by + ": " + linked + " of " + participationOrder.size() + " answers linked");
    }

    private List<Row> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 3; i <= columns; i++) {
                        values.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(new Row(rs.getLong(1), rs.getString(2), values));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
