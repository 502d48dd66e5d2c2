package com.example.loyalty.e2e;

import com.example.loyalty.launcher.StackConfig;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The platform's promises, checked in its databases and its broker after a load ({@link LoadClient}), whatever
 * happened to the stack meanwhile:
 * <ul>
 *   <li>every member's balance equals the sum of their ledger;</li>
 *   <li>every acknowledged request is in the ledger exactly once (an earn by its transaction id, a redemption by its
 *       idempotency key, a survey answer's award by its wave); a request given up is there at most once;</li>
 *   <li>every outbox event of the load was relayed and reached each of its consumers, which recorded it once in their
 *       inbox ({@code processed_event}): points-service's purchases at metrics-service, survey-service's answers at
 *       points-service and metrics-service; no purchase was reported twice;</li>
 *   <li>metrics-service's purchase count of each member equals points-service's;</li>
 *   <li>nothing was added to a dead-letter topic ({@code *.dlq}) since the {@link #deadLetterBaseline baseline}.</li>
 * </ul>
 * Consumers are asynchronous, so the checks that depend on them wait until they hold, up to a patience, and then
 * report what still differs.
 */
final class Invariants {

    /** The result: each check's name with what it found, and the failures among them. */
    record Report(Map<String, String> found, List<String> failures) {
        boolean passed() {
            return failures.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            found.forEach((k, v) -> b.append("  ")
                    .append(failures.contains(k) ? "FAIL " : "ok   ")
                    .append(k)
                    .append(": ")
                    .append(v)
                    .append('\n'));
            return b.toString();
        }
    }

    private final StackConfig config;
    private final Duration patience;
    private final boolean inboxKept;

    Invariants(StackConfig config, Duration patience) {
        this(config, patience, true);
    }

    /**
     * @param inboxKept false when the services prune their inbox within the run (a soak): the check then proves that
     *                  each event was applied once by the counts alone (metrics' purchases against points'), not by
     *                  the inbox rows, which are gone
     */
    Invariants(StackConfig config, Duration patience, boolean inboxKept) {
        this.config = config;
        this.patience = patience;
        this.inboxKept = inboxKept;
    }

    // ---- dead-letter topics ----

    /** The number of records in every dead-letter topic now (sum of end offsets), by topic. */
    Map<String, Long> deadLetterBaseline() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30000))) {
            Set<String> dlqs = admin.listTopics().names().get().stream()
                    .filter(t -> t.endsWith(".dlq"))
                    .collect(Collectors.toSet());
            Map<String, Long> counts = new TreeMap<>();
            if (dlqs.isEmpty()) {
                return counts;
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (TopicDescription d :
                    admin.describeTopics(dlqs).allTopicNames().get().values()) {
                d.partitions()
                        .forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            admin.listOffsets(request)
                    .all()
                    .get()
                    .forEach((tp, info) -> counts.merge(tp.topic(), info.offset(), Long::sum));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter topics", e);
        }
    }

    // ---- the check ----

    Report check(LoadClient load, Map<String, Long> deadLettersBefore) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> memberIds =
                load.members().stream().map(LoadClient.Member::id).toList();

        long deadline = System.nanoTime() + patience.toNanos();
        // the asynchronous checks first: wait until they hold (or the patience is spent)
        Map<String, String> async;
        List<String> asyncFailures;
        do {
            async = new LinkedHashMap<>();
            asyncFailures = new ArrayList<>();
            asyncChecks(load, memberIds, async, asyncFailures);
            if (asyncFailures.isEmpty()) {
                break;
            }
            sleep(1000);
        } while (System.nanoTime() < deadline);
        found.putAll(async);
        failures.addAll(asyncFailures);

        syncChecks(load, memberIds, found, failures);

        Map<String, Long> deadLettersAfter = deadLetterBaseline();
        Map<String, Long> added = new TreeMap<>();
        deadLettersAfter.forEach((topic, n) -> {
            long before = deadLettersBefore.getOrDefault(topic, 0L);
            if (n > before) {
                added.put(topic, n - before);
            }
        });
        put(
                found,
                failures,
                "nothing dead-lettered",
                added.isEmpty(),
                added.isEmpty() ? "0 new records in " + deadLettersAfter.keySet() : "new: " + added);
        return new Report(found, failures);
    }

    private void syncChecks(LoadClient load, List<String> memberIds, Map<String, String> found, List<String> failures) {
        try (Connection points = connect("points")) {
            long mismatched = scalar(points, """
                    select count(*) from member m
                    where m.balance <> (select coalesce(sum(e.points), 0) from ledger_entry e where e.member_id = m.id)""");
            put(found, failures, "every balance = its ledger sum", mismatched == 0, mismatched + " members differ");

            // earns: the ledger entry of each acknowledged purchase, exactly once; given up ones at most once
            List<String> earnKeys = keys(load.acknowledged(LoadClient.Kind.EARN));
            Map<String, Long> earnEntries = countBy(
                    points,
                    "select reference_id, count(*) from ledger_entry where kind = 'EARN' and reference_type = 'PURCHASE'"
                            + " and reference_id = any(?) group by reference_id",
                    earnKeys);
            long earnWrong = earnKeys.stream()
                    .filter(k -> earnEntries.getOrDefault(k, 0L) != 1)
                    .count();
            put(
                    found,
                    failures,
                    "acknowledged earns in the ledger once",
                    earnWrong == 0,
                    earnKeys.size() + " acknowledged, " + earnWrong + " not exactly once");

            List<String> redeemKeys = keys(load.acknowledged(LoadClient.Kind.REDEEM));
            Map<String, Long> redeemEntries = countBy(
                    points,
                    "select r.idempotency_key, count(e.id) from redemption r join ledger_entry e on e.kind = 'REDEEM'"
                            + " and e.reference_type = 'REDEMPTION' and e.reference_id = r.id::text"
                            + " where r.idempotency_key = any(?) group by r.idempotency_key",
                    redeemKeys);
            long redeemWrong = redeemKeys.stream()
                    .filter(k -> redeemEntries.getOrDefault(k, 0L) != 1)
                    .count();
            put(
                    found,
                    failures,
                    "acknowledged redemptions in the ledger once",
                    redeemWrong == 0,
                    redeemKeys.size() + " acknowledged, " + redeemWrong + " not exactly once");

            List<LoadClient.Op> givenUp = load.givenUp();
            List<String> givenUpKeys = keys(givenUp);
            Map<String, Long> givenUpEarns = countBy(
                    points,
                    "select reference_id, count(*) from ledger_entry where reference_type = 'PURCHASE'"
                            + " and kind = 'EARN' and reference_id = any(?) group by reference_id",
                    givenUpKeys);
            Map<String, Long> givenUpRedeems = countBy(
                    points,
                    "select idempotency_key, count(*) from redemption where idempotency_key = any(?)"
                            + " group by idempotency_key",
                    givenUpKeys);
            long doubled = givenUpKeys.stream()
                    .filter(k -> givenUpEarns.getOrDefault(k, 0L) > 1 || givenUpRedeems.getOrDefault(k, 0L) > 1)
                    .count();
            put(
                    found,
                    failures,
                    "requests given up at most once",
                    doubled == 0,
                    givenUp.size() + " given up, " + doubled + " twice");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void asyncChecks(
            LoadClient load, List<String> memberIds, Map<String, String> found, List<String> failures) {
        try (Connection points = connect("points");
                Connection surveys = connect("surveys");
                Connection metrics = connect("metrics")) {
            // outboxes relayed
            for (Map.Entry<String, Connection> db :
                    Map.of("points", points, "surveys", surveys).entrySet()) {
                long pending = scalar(db.getValue(), "select count(*) from outbox_event where published_at is null");
                long parked = scalar(db.getValue(), "select count(*) from outbox_event where parked_at is not null");
                put(
                        found,
                        failures,
                        "outbox of " + db.getKey() + " relayed",
                        pending == 0 && parked == 0,
                        pending + " pending, " + parked + " parked");
            }

            // the load's purchase events: once per purchase, each recorded once by metrics-service's consumer
            List<String> earnEvents = strings(
                    points,
                    "select id::text from outbox_event where event_type = 'PointsEarned' and message_key = any(?)",
                    memberIds);
            Map<String, Long> perTransaction = countBy(
                    points,
                    "select (payload::jsonb -> 'payload' ->> 'transactionId'), count(*) from outbox_event"
                            + " where event_type = 'PointsEarned' and message_key = any(?) group by 1",
                    memberIds);
            long twice = perTransaction.values().stream().filter(n -> n > 1).count();
            put(
                    found,
                    failures,
                    "one PointsEarned event per purchase",
                    twice == 0,
                    perTransaction.size() + " purchases, " + twice + " reported twice");
            if (inboxKept) {
                long missingAtMetrics = missing(metrics, "loyalty-transactions", earnEvents);
                put(
                        found,
                        failures,
                        "purchase events applied by metrics-service",
                        missingAtMetrics == 0,
                        earnEvents.size() + " events, " + missingAtMetrics + " not in its inbox");
            }

            // the load's survey answers: each at points-service (the award) and metrics-service (the aggregates)
            List<String> surveyIds = List.copyOf(load.surveys());
            List<String> answerEvents = strings(
                    surveys,
                    "select id::text from outbox_event where event_type = 'SurveyResponded'"
                            + " and (payload::jsonb -> 'payload' ->> 'surveyId') = any(?)",
                    surveyIds);
            if (inboxKept) {
                long missingAtPoints = missing(points, "survey-responses", answerEvents);
                long missingAtMetricsSurveys = missing(metrics, "survey-responses", answerEvents);
                put(
                        found,
                        failures,
                        "answer events applied by points-service and metrics-service",
                        missingAtPoints == 0 && missingAtMetricsSurveys == 0,
                        answerEvents.size() + " events, " + missingAtPoints + " missing at points, "
                                + missingAtMetricsSurveys + " at metrics");
            }

            // every acknowledged answer stored once and awarded once (by its wave)
            List<LoadClient.Op> answers = load.acknowledged(LoadClient.Kind.ANSWER);
            // survey-service knows the respondent by their token subject (its member id may not be known yet)
            Map<String, String> subjectOf =
                    rows(points, "select id::text, subject from member where id::text = any(?)", memberIds);
            Map<String, Long> bySubject = countBy(
                    surveys,
                    "select survey_id::text || '/' || subject, count(*) from survey_response"
                            + " where survey_id::text = any(?) group by 1",
                    surveyIds);
            Map<String, Long> responses = new HashMap<>();
            subjectOf.forEach((memberId, subject) -> bySubject.forEach((key, n) -> {
                if (key.endsWith("/" + subject)) {
                    responses.put(key.substring(0, key.length() - subject.length()) + memberId, n);
                }
            }));
            Map<String, String> surveyOfWave = rows(
                    surveys, "select id::text, survey_id::text from wave where survey_id::text = any(?)", surveyIds);
            Map<String, Long> awards = new HashMap<>();
            countBy(
                            points,
                            "select reference_id || '/' || member_id::text, count(*) from ledger_entry"
                                    + " where reference_type = 'SURVEY' and reference_id = any(?) group by 1",
                            List.copyOf(surveyOfWave.keySet()))
                    .forEach((waveAndMember, n) -> {
                        String[] parts = waveAndMember.split("/");
                        awards.put(surveyOfWave.get(parts[0]) + "/" + parts[1], n);
                    });
            long answerWrong = answers.stream()
                    .map(a -> a.key() + "/" + a.member().id())
                    .filter(k -> responses.getOrDefault(k, 0L) != 1 || awards.getOrDefault(k, 0L) != 1)
                    .count();
            long awardedTwice = awards.values().stream().filter(n -> n > 1).count();
            put(
                    found,
                    failures,
                    "acknowledged answers stored and awarded once",
                    answerWrong == 0 && awardedTwice == 0,
                    answers.size() + " acknowledged, " + answerWrong + " not exactly once, " + awardedTwice
                            + " awarded twice");

            // metrics-service's purchase count of each member = points-service's
            Map<String, Long> pointsCounts = countBy(
                    points,
                    "select member_id::text, count(*) from purchase where member_id::text = any(?) group by 1",
                    memberIds);
            Map<String, Long> metricsCounts = countBy(
                    metrics,
                    "select member_id::text, count(*) from member_purchase where member_id::text = any(?) group by 1",
                    memberIds);
            Map<String, Long> activityCounts = countBy(
                    metrics,
                    "select member_id::text, purchase_count from member_activity where member_id::text = any(?)",
                    memberIds);
            long differ = memberIds.stream()
                    .filter(id -> !Objects.equals(pointsCounts.getOrDefault(id, 0L), metricsCounts.getOrDefault(id, 0L))
                            || !Objects.equals(pointsCounts.getOrDefault(id, 0L), activityCounts.getOrDefault(id, 0L)))
                    .count();
            long total =
                    pointsCounts.values().stream().mapToLong(Long::longValue).sum();
            put(
                    found,
                    failures,
                    "metrics' purchase counts = points'",
                    differ == 0,
                    total + " purchases of " + memberIds.size() + " members, " + differ + " members differ");
        } catch (SQLException e) {
            found.put("databases reachable", e.toString());
            failures.add("databases reachable");
        }
    }

    /**
     * metrics-service's aggregates against a recount from the source events (points-service's PointsEarned and
     * survey-service's SurveyResponded, as they sit in the producers' outboxes): per member, the purchase count, the
     * spend and the points earned; per survey, the number of NPS answers and their sum.
     */
    Report recount(LoadClient load) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<String> memberIds =
                load.members().stream().map(LoadClient.Member::id).toList();
        List<String> surveyIds = List.copyOf(load.surveys());
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            found.clear();
            failures.clear();
            try (Connection points = connect("points");
                    Connection surveys = connect("surveys");
                    Connection metrics = connect("metrics")) {
                Map<String, String> fromEvents = rows(
                        points,
                        "select message_key, count(*) || ' purchases, ' || sum((payload::jsonb -> 'payload' ->> 'amount')"
                                + "::bigint) || ' JPY, ' || sum((payload::jsonb -> 'payload' ->> 'points')::bigint)"
                                + " || ' points' from outbox_event where event_type = 'PointsEarned'"
                                + " and message_key = any(?) group by 1",
                        memberIds);
                Map<String, String> aggregates = rows(
                        metrics,
                        "select member_id::text, purchase_count || ' purchases, ' || total_spend || ' JPY, '"
                                + " || points_earned || ' points' from member_activity where member_id::text = any(?)",
                        memberIds);
                long differ = memberIds.stream()
                        .filter(id -> !Objects.equals(fromEvents.get(id), aggregates.get(id)))
                        .count();
                put(
                        found,
                        failures,
                        "member activity = recount of PointsEarned",
                        differ == 0,
                        fromEvents.size() + " members, " + differ + " differ"
                                + (differ == 0 ? "" : " (events " + fromEvents + ", aggregates " + aggregates + ")"));

                Map<String, String> answersFromEvents = rows(
                        surveys,
                        "select (payload::jsonb -> 'payload' ->> 'surveyId'), count(*) || ' answers, sum '"
                                + " || sum((a ->> 'score')::int) from outbox_event,"
                                + " jsonb_array_elements(payload::jsonb -> 'payload' -> 'answers') a"
                                + " where event_type = 'SurveyResponded' and a ->> 'questionId' = 'nps'"
                                + " and (payload::jsonb -> 'payload' ->> 'surveyId') = any(?) group by 1",
                        surveyIds);
                Map<String, String> answerAggregates = rows(
                        metrics,
                        "select survey_id::text, sum(n) || ' answers, sum ' || sum(total) from survey_answer_daily"
                                + " where dim_kind = 'ALL' and question_id = 'nps' and survey_id::text = any(?)"
                                + " group by 1",
                        surveyIds);
                long surveysDiffer = surveyIds.stream()
                        .filter(id -> !Objects.equals(answersFromEvents.get(id), answerAggregates.get(id)))
                        .count();
                put(
                        found,
                        failures,
                        "survey aggregates = recount of SurveyResponded",
                        surveysDiffer == 0,
                        answersFromEvents.size() + " surveys, " + surveysDiffer + " differ"
                                + (surveysDiffer == 0
                                        ? ""
                                        : " (events " + answersFromEvents + ", aggregates " + answerAggregates + ")"));
            } catch (SQLException e) {
                found.put("databases reachable", e.toString());
                failures.add("databases reachable");
            }
            if (failures.isEmpty() || System.nanoTime() > deadline) {
                return new Report(new LinkedHashMap<>(found), List.copyOf(failures));
            }
            sleep(1000);
        }
    }

    // ---- helpers ----

    /** How many of {@code eventIds} the consumer has not recorded in its inbox. */
    private static long missing(Connection db, String consumer, List<String> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = db.prepareStatement("select count(*) from unnest(?::uuid[]) as e(id) where not"
                + " exists (select 1 from processed_event p where p.consumer = ? and p.event_id = e.id)")) {
            ps.setArray(1, db.createArrayOf("text", eventIds.toArray()));
            ps.setString(2, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> keys(List<LoadClient.Op> ops) {
        return ops.stream().map(LoadClient.Op::key).toList();
    }

    private static void put(Map<String, String> found, List<String> failures, String name, boolean ok, String what) {
        found.put(name, what);
        if (!ok) {
            failures.add(name);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(database), "postgres", "postgres");
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> countBy(Connection c, String sql, List<String> values) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, array(c, values));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return m;
    }

    private static Map<String, String> rows(Connection c, String sql, List<String> values) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, array(c, values));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return m;
    }

    private static List<String> strings(Connection c, String sql, List<String> values) throws SQLException {
        List<String> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, array(c, values));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getString(1));
                }
            }
        }
        return list;
    }

    private static Array array(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
