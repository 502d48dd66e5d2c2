package com.example.loyalty.metrics.rest;

import static com.example.loyalty.metrics.TestEvents.ADMIN;
import static com.example.loyalty.metrics.TestEvents.MARKETER;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNAUTHORIZED;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.SegmentChanged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.metrics.TestEvents;
import com.example.loyalty.metrics.domain.RfmScores;
import com.example.loyalty.metrics.domain.Segment;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository;
import com.example.loyalty.metrics.repository.MemberPurchaseRepository.PurchaseFact;
import com.example.loyalty.metrics.service.ActivityService;
import com.example.loyalty.metrics.service.RfmSchedule;
import com.example.loyalty.testing.TestKafka;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * RFM against the real database: a small population whose scores and segments are worked out by hand, a random one
 * checked against the rule in Java ({@link RfmScores}), the events of segment changes, paging, CSV, bad input and
 * roles. Every test uses a currency of its own (ISO 4217 codes no other test buys in), so the populations of other
 * tests never mix in.
 */
@QuarkusTest
class RfmResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String RFM = "/api/metrics/rfm";
    private static final String MEMBERS = "/api/metrics/rfm/members";
    private static final String RECOMPUTE = "/api/metrics/rfm/recompute";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    /** A currency the known populations also buy in, which must never count. */
    private static final String NOISE = "XDR";

    @Inject
    ActivityService activities;

    @Inject
    MemberPurchaseRepository purchases;

    @Inject
    RfmSchedule schedule;

    @Inject
    DataSource dataSource;

    /** Expected values of one member of the known population as of {@link #AS_OF}. */
    record Expected(int r, int f, int m, int recencyDays, long frequency, long monetary, Segment segment) {}

    /**
     * The known population: P1–P10 are scored (n = 10 for R; P1–P9 have purchases in the window, n = 9 for F and M,
     * P10 none: F = M = 1), P11 bought only after the as-of day and is not scored. Ranks worked out by hand:
     * <pre>
     * member days  k(R) R | freq k(F) F | spend   k(M) M | segment
     * P1       1   9    5 |  10   9   5 | 100000  9    5 | CHAMPIONS
     * P2       0  10    5 |   1   1   1 |   1000  1    1 | NEW
     * P3     280   2    1 |   9   8   5 |  90000  8    5 | CANT_LOSE_THEM
     * P4      20   8    4 |   6   7   4 |  60000  7    4 | CHAMPIONS
     * P5     150   4    2 |   4   5   3 |  40000  5    3 | LOYAL
     * P6      60   6    3 |   3   4   3 |  30000  4    3 | LOYAL
     * P7     100   5    3 |   2   3   2 |  20000  3    2 | POTENTIAL_LOYALIST (ties with P9)
     * P8      40   7    4 |   5   6   4 |  50000  6    4 | CHAMPIONS
     * P9     200   3    2 |   2   3   2 |  20000  3    2 | AT_RISK
     * P10    365   1    1 |   0   -   1 |      0  -    1 | HIBERNATING
     * </pre>
     * R = ceil(5k/10), F and M = ceil(5k/9). Boundaries in Tokyo time: P2's purchase at 23:59:59 on the as-of day
     * counts (0 days), its purchase a second later does not; P1's purchase at 00:00 on 2025-07-01 is the first
     * instant of the window and counts; P10's last purchase at 23:59:59 on 2025-06-30 is a second before it.
     */
    static final Map<String, Expected> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("P1", new Expected(5, 5, 5, 1, 10, 100_000, Segment.CHAMPIONS));
        KNOWN.put("P2", new Expected(5, 1, 1, 0, 1, 1_000, Segment.NEW));
        KNOWN.put("P3", new Expected(1, 5, 5, 280, 9, 90_000, Segment.CANT_LOSE_THEM));
        KNOWN.put("P4", new Expected(4, 4, 4, 20, 6, 60_000, Segment.CHAMPIONS));
        KNOWN.put("P5", new Expected(2, 3, 3, 150, 4, 40_000, Segment.LOYAL));
        KNOWN.put("P6", new Expected(3, 3, 3, 60, 3, 30_000, Segment.LOYAL));
        KNOWN.put("P7", new Expected(3, 2, 2, 100, 2, 20_000, Segment.POTENTIAL_LOYALIST));
        KNOWN.put("P8", new Expected(4, 4, 4, 40, 5, 50_000, Segment.CHAMPIONS));
        KNOWN.put("P9", new Expected(2, 2, 2, 200, 2, 20_000, Segment.AT_RISK));
        KNOWN.put("P10", new Expected(1, 1, 1, 365, 0, 0, Segment.HIBERNATING));
    }

    @Test
    void aKnownPopulationGetsTheScoresAndSegmentsWorkedOutByHand() {
        String currency = "XTS";
        Map<String, String> ids = seedKnownPopulation(currency);

        recompute(MARKETER, AS_OF, currency)
                .statusCode(SC_OK)
                .contentType("application/json")
                .body("currency", equalTo(currency))
                .body("asOf", equalTo("2026-06-30"))
                .body("windowMonths", equalTo(12))
                .body("members", equalTo(10))
                .body("changed", equalTo(10))
                .body("removed", equalTo(0));

        ValidatableResponse summary = given().auth()
                .oauth2(ADMIN)
                .queryParam("asOf", "2026-06-30")
                .queryParam("currency", "xts")
                .when()
                .get(RFM)
                .then()
                .statusCode(SC_OK)
                .body("currency", equalTo(currency))
                .body("asOf", equalTo("2026-06-30"))
                .body("members", equalTo(10))
                .body(
                        "segments.segment",
                        equalTo(List.of(Segment.values()).stream()
                                .map(Enum::name)
                                .toList()));
        String champions = "segments.find { it.segment == 'CHAMPIONS' }.";
        summary.body(champions + "members", equalTo(3))
                .body(champions + "percent", equalTo(30.0f))
                .body(champions + "meanR", equalTo(4.33f))
                .body(champions + "meanF", equalTo(4.33f))
                .body(champions + "meanM", equalTo(4.33f))
                .body(champions + "meanRecencyDays", equalTo(20.33f))
                .body(champions + "meanFrequency", equalTo(7.0f))
                .body(champions + "meanMonetary", equalTo(70_000.0f));
        String loyal = "segments.find { it.segment == 'LOYAL' }.";
        summary.body(loyal + "members", equalTo(2))
                .body(loyal + "meanR", equalTo(2.5f))
                .body(loyal + "meanF", equalTo(3.0f))
                .body(loyal + "meanM", equalTo(3.0f))
                .body(loyal + "meanRecencyDays", equalTo(105.0f))
                .body(loyal + "meanFrequency", equalTo(3.5f))
                .body(loyal + "meanMonetary", equalTo(35_000.0f));
        for (String one : new String[] {"NEW", "CANT_LOSE_THEM", "POTENTIAL_LOYALIST", "AT_RISK", "HIBERNATING"}) {
            summary.body("segments.find { it.segment == '" + one + "' }.members", equalTo(1));
        }
        String lost = "segments.find { it.segment == 'LOST' }.";
        summary.body(lost + "members", equalTo(0))
                .body(lost + "percent", equalTo(0.0f))
                .body(lost + "meanR", nullValue());

        List<Map<String, Object>> items = given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", currency)
                .when()
                .get(MEMBERS)
                .then()
                .statusCode(SC_OK)
                .body("total", equalTo(10))
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        items.forEach(i -> byId.put((String) i.get("memberId"), i));
        assertEquals(10, byId.size());
        KNOWN.forEach((name, e) -> {
            Map<String, Object> item = byId.get(ids.get(name));
            assertEquals(e.segment().name(), item.get("segment"), name);
            assertEquals(e.r(), item.get("r"), name + " R");
            assertEquals(e.f(), item.get("f"), name + " F");
            assertEquals(e.m(), item.get("m"), name + " M");
            assertEquals(e.recencyDays(), item.get("recencyDays"), name + " recency");
            assertEquals(e.frequency(), ((Number) item.get("frequency")).longValue(), name + " frequency");
            assertEquals(e.monetary(), ((Number) item.get("monetary")).longValue(), name + " monetary");
        });
        assertNull(byId.get(ids.get("P11")), "a member who bought only after the as-of day is not scored");
    }

    @Test
    void segmentChangesAreAnnouncedOnceThroughTheOutbox() throws Exception {
        String currency = "XAU";
        Map<String, String> ids = seedKnownPopulation(currency);
        List<String> members = new ArrayList<>(ids.values());

        recompute(ADMIN, AS_OF, currency).statusCode(SC_OK).body("changed", equalTo(10));
        List<Announced> first = announced(members);
        assertEquals(10, first.size(), "everyone scored for the first time is announced");
        for (Announced a : first) {
            assertEquals(Topics.LOYALTY_INSIGHTS, a.topic());
            assertEquals(a.envelope().memberId(), a.key());
            assertEquals(a.id(), a.envelope().eventId());
            assertEquals(EventTypes.SEGMENT_CHANGED, a.envelope().type());
            assertEquals(SegmentChanged.SCHEMA_VERSION, a.envelope().schemaVersion());
            assertNull(a.payload().previousSegment());
            assertEquals(currency, a.payload().currency());
            assertEquals(AS_OF, a.payload().asOf());
            assertNull(a.payload().quadrant());
        }
        SegmentChanged p3 = byKey(first, ids.get("P3")).payload();
        assertEquals(new SegmentChanged(currency, AS_OF, null, "CANT_LOSE_THEM", null, 1, 5, 5), p3);

        // the same data again: nothing changed, nothing announced
        recompute(MARKETER, AS_OF, currency).statusCode(SC_OK).body("changed", equalTo(0));
        assertEquals(10, announced(members).size());

        // P10 buys again: P10 becomes NEW, and the quintiles move under P7 and P8 (n = 10 active now)
        activities.applyAll(
                List.of(TestEvents.purchase(ids.get("P10"), 1_000, currency, Instant.parse("2026-06-30T03:00:00Z"))));
        recompute(MARKETER, AS_OF, currency).statusCode(SC_OK).body("changed", equalTo(3));
        List<Announced> all = announced(members);
        assertEquals(13, all.size());
        List<Announced> second = all.subList(10, 13);
        Map<String, SegmentChanged> changes = new HashMap<>();
        second.forEach(a -> changes.put(a.key(), a.payload()));
        assertEquals(
                new SegmentChanged(currency, AS_OF, "HIBERNATING", "NEW", null, 5, 1, 1), changes.get(ids.get("P10")));
        assertEquals(
                new SegmentChanged(currency, AS_OF, "POTENTIAL_LOYALIST", "AT_RISK", null, 2, 2, 2),
                changes.get(ids.get("P7")));
        assertEquals(
                new SegmentChanged(currency, AS_OF, "CHAMPIONS", "LOYAL", null, 3, 4, 4), changes.get(ids.get("P8")));

        // and the relay sends them to loyalty-insights, keyed by member id
        String p10 = ids.get("P10");
        List<ConsumerRecord<String, String>> sent = TestKafka.read(
                Topics.LOYALTY_INSIGHTS,
                r -> p10.equals(r.key()) && r.value().contains(EventTypes.SEGMENT_CHANGED),
                2,
                Duration.ofSeconds(60));
        assertEquals(2, sent.size());
        SegmentChanged last = EventJson.payload(EventJson.read(sent.get(1).value()), SegmentChanged.class);
        assertEquals("NEW", last.segment());
    }

    @Test
    void theMemberListIsPagedInMemberIdOrderAndFilteredBySegment() {
        String currency = "XAG";
        Map<String, String> ids = seedKnownPopulation(currency);
        recompute(MARKETER, AS_OF, currency).statusCode(SC_OK);
        List<String> scored = new ArrayList<>();
        KNOWN.keySet().forEach(name -> scored.add(ids.get(name)));
        scored.sort(null); // PostgreSQL orders uuids as their hex text

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            seen.addAll(members(MARKETER, currency, null, page, 3)
                    .statusCode(SC_OK)
                    .body("currency", equalTo(currency))
                    .body("asOf", equalTo("2026-06-30"))
                    .body("page", equalTo(page))
                    .body("size", equalTo(3))
                    .body("total", equalTo(10))
                    .body("totalPages", equalTo(4))
                    .body("items", hasSize(page < 3 ? 3 : 1))
                    .extract()
                    .jsonPath()
                    .getList("items.memberId", String.class));
        }
        assertEquals(scored, seen);
        members(MARKETER, currency, null, 4, 3).statusCode(SC_OK).body("items", hasSize(0));

        members(MARKETER, currency, "champions", 0, 100)
                .statusCode(SC_OK)
                .body("segment", equalTo("CHAMPIONS"))
                .body("total", equalTo(3))
                .body("items.memberId", equalTo(sorted(ids.get("P1"), ids.get("P4"), ids.get("P8"))))
                .body("items.segment", equalTo(List.of("CHAMPIONS", "CHAMPIONS", "CHAMPIONS")));
        members(MARKETER, currency, "At-Risk", 0, 100)
                .statusCode(SC_OK)
                .body("total", equalTo(1))
                .body("items[0].memberId", equalTo(ids.get("P9")))
                .body("items[0].r", equalTo(2))
                .body("items[0].recencyDays", equalTo(200))
                .body("items[0].monetary", equalTo(20_000));
        members(MARKETER, currency, "lost", 0, 100)
                .statusCode(SC_OK)
                .body("total", equalTo(0))
                .body("totalPages", equalTo(0))
                .body("items", hasSize(0));
    }

    @Test
    void withAcceptTextCsvTheWholeListIsExported() {
        String currency = "XPT";
        Map<String, String> ids = seedKnownPopulation(currency);
        recompute(MARKETER, AS_OF, currency).statusCode(SC_OK);

        String csv = given().auth()
                .oauth2(MARKETER)
                .accept("text/csv")
                .queryParam("currency", currency)
                .queryParam("page", "1") // ignored: the whole list
                .queryParam("size", "2")
                .when()
                .get(MEMBERS)
                .then()
                .statusCode(SC_OK)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("rfm-XPT-2026-06-30.csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\n");
        assertEquals("memberId,segment,r,f,m,recencyDays,frequency,monetary", lines[0]);
        assertEquals(11, lines.length, csv);
        Map<String, String> byId = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            byId.put(lines[i].substring(0, 36), lines[i]);
        }
        KNOWN.forEach((name, e) -> assertEquals(
                ids.get(name) + "," + e.segment() + "," + e.r() + "," + e.f() + "," + e.m() + "," + e.recencyDays()
                        + "," + e.frequency() + "," + e.monetary(),
                byId.get(ids.get(name)),
                name));

        String loyal = given().auth()
                .oauth2(ADMIN)
                .accept("text/csv, application/json;q=0.5")
                .queryParam("currency", currency)
                .queryParam("segment", "LOYAL")
                .when()
                .get(MEMBERS)
                .then()
                .statusCode(SC_OK)
                .header("Content-Disposition", containsString("rfm-XPT-2026-06-30-loyal.csv"))
                .extract()
                .asString();
        assertEquals(3, loyal.split("\n").length, loyal);
        assertTrue(loyal.contains(ids.get("P5") + ",LOYAL,2,3,3,150,4,40000"), loyal);

        // JSON stays the default
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", currency)
                .when()
                .get(MEMBERS)
                .then()
                .statusCode(SC_OK)
                .contentType("application/json");
    }

    @Test
    void theRecomputeStatementAgreesWithTheRuleOnARandomPopulation() {
        String currency = "XPD";
        Random random = new Random(20260630);
        List<PurchaseFact> facts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String member = UUID.randomUUID().toString();
            int n = 1 + random.nextInt(8);
            for (int j = 0; j < n; j++) {
                // from two years before to 20 days after the as-of day, on few distinct days and amounts: many ties
                int daysBefore = random.nextInt(750) - 20;
                Instant at = AS_OF.minusDays(daysBefore)
                        .atTime(LocalTime.of(random.nextInt(24), random.nextInt(60)))
                        .atZone(TOKYO)
                        .toInstant();
                long amount = 500L * (1 + random.nextInt(6));
                facts.add(new PurchaseFact(
                        "S001", "RFM-" + UUID.randomUUID(), UUID.fromString(member), at, amount, currency, false));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> purchases.insertAll(facts));

        // the rule, in Java
        Instant end = AS_OF.plusDays(1).atStartOfDay(TOKYO).toInstant();
        Instant start = AS_OF.minusMonths(12).plusDays(1).atStartOfDay(TOKYO).toInstant();
        Map<String, long[]> measures = new HashMap<>(); // last day, frequency, monetary
        for (PurchaseFact p : facts) {
            if (!p.occurredAt().isBefore(end)) {
                continue;
            }
            long[] m = measures.computeIfAbsent(p.memberId().toString(), k -> new long[] {Long.MIN_VALUE, 0, 0});
            m[0] = Math.max(m[0], LocalDate.ofInstant(p.occurredAt(), TOKYO).toEpochDay());
            if (!p.occurredAt().isBefore(start)) {
                m[1]++;
                m[2] += p.amount();
            }
        }
        List<RfmScores.Measures> population = new ArrayList<>();
        measures.forEach((id, m) ->
                population.add(new RfmScores.Measures(UUID.fromString(id), AS_OF.toEpochDay() - m[0], m[1], m[2])));
        Map<String, RfmScores.Scored> expected = new HashMap<>();
        RfmScores.scoreAll(population)
                .forEach(s -> expected.put(s.measures().memberId().toString(), s));

        recompute(MARKETER, AS_OF, currency).statusCode(SC_OK).body("members", equalTo(population.size()));
        List<Map<String, Object>> items = members(MARKETER, currency, null, 0, 1000)
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(expected.size(), items.size());
        for (Map<String, Object> item : items) {
            RfmScores.Scored e = expected.get((String) item.get("memberId"));
            String who = item.toString();
            assertEquals(e.measures().recencyDays(), ((Number) item.get("recencyDays")).longValue(), who);
            assertEquals(e.measures().frequency(), ((Number) item.get("frequency")).longValue(), who);
            assertEquals(e.measures().monetary(), ((Number) item.get("monetary")).longValue(), who);
            assertEquals(e.r(), item.get("r"), who);
            assertEquals(e.f(), item.get("f"), who);
            assertEquals(e.m(), item.get("m"), who);
            assertEquals(e.segment().name(), item.get("segment"), who);
        }
    }

    @Test
    void movingTheAsOfDayBackRemovesWhoHadNotBoughtYet() {
        String currency = "XBC";
        Map<String, String> ids = seedKnownPopulation(currency);
        recompute(MARKETER, AS_OF, currency).statusCode(SC_OK).body("members", equalTo(10));
        // on 2025-06-01 only P10 had bought (2025-02-15): alone, it is best in everything
        recompute(MARKETER, LocalDate.parse("2025-06-01"), currency)
                .statusCode(SC_OK)
                .body("members", equalTo(1))
                .body("removed", equalTo(9))
                .body("changed", equalTo(1));
        members(MARKETER, currency, null, 0, 100)
                .statusCode(SC_OK)
                .body("asOf", equalTo("2025-06-01"))
                .body("total", equalTo(1))
                .body("items[0].memberId", equalTo(ids.get("P10")))
                .body("items[0].segment", equalTo("CHAMPIONS"))
                .body("items[0].recencyDays", equalTo(106));
    }

    @Test
    void readsOfADayOrCurrencyNotComputedAreNotFound() {
        for (String path : new String[] {RFM, MEMBERS}) {
            given().auth()
                    .oauth2(MARKETER)
                    .queryParam("currency", "XBA")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(SC_NOT_FOUND)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://loyalty.example.com/problems/rfm-not-computed"))
                    .body("detail", containsString("XBA"));
        }
        given().auth()
                .oauth2(MARKETER)
                .accept("text/csv")
                .queryParam("currency", "XBA")
                .when()
                .get(MEMBERS)
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM);

        // a currency nobody bought in is computed with nobody in it
        recompute(MARKETER, AS_OF, "XBB").statusCode(SC_OK).body("members", equalTo(0));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", "XBB")
                .queryParam("asOf", "2026-06-29")
                .when()
                .get(RFM)
                .then()
                .statusCode(SC_NOT_FOUND)
                .contentType(PROBLEM)
                .body("detail", containsString("computed as of 2026-06-30, not as of 2026-06-29"));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", "XBB")
                .when()
                .get(RFM)
                .then()
                .statusCode(SC_OK)
                .body("asOf", equalTo("2026-06-30"))
                .body("members", equalTo(0))
                .body("segments", hasSize(12))
                .body("segments.members", everyZero())
                .body("segments[0].percent", nullValue());
    }

    @Test
    @SendsInvalidRequests("malformed dates, currencies, pages and sizes")
    void badInputIsABadRequestAndChangesNothing() {
        String future = LocalDate.now(TOKYO).plusDays(2).toString();
        for (String asOf : new String[] {"2026-13-01", "2026-02-30", "2026/06/30", "yesterday", future, "1969-12-31"}) {
            given().auth()
                    .oauth2(MARKETER)
                    .queryParam("asOf", asOf)
                    .when()
                    .get(RFM)
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM)
                    .body("status", equalTo(SC_BAD_REQUEST));
            given().auth()
                    .oauth2(MARKETER)
                    .queryParam("asOf", asOf)
                    .queryParam("currency", "XBD")
                    .when()
                    .post(RECOMPUTE)
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM);
        }
        // (an empty currency= is taken as absent: the program's currency)
        for (String currency : new String[] {"ZZZ", "JP", "J1Y", "JPYY", "   "}) {
            given().auth()
                    .oauth2(MARKETER)
                    .queryParam("currency", currency)
                    .when()
                    .get(RFM)
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM);
            given().auth()
                    .oauth2(MARKETER)
                    .queryParam("currency", currency)
                    .when()
                    .post(RECOMPUTE)
                    .then()
                    .statusCode(SC_BAD_REQUEST)
                    .contentType(PROBLEM);
        }
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", "ZZZ")
                .when()
                .get(RFM)
                .then()
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-currency"));
        // nothing was computed for XBD by the refused recomputes
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", "XBD")
                .when()
                .get(RFM)
                .then()
                .statusCode(SC_NOT_FOUND);

        String[][] listings = {
            {"segment", "vip"},
            {"segment", "need attention please"},
            {"page", "-1"},
            {"page", "abc"},
            {"page", "1000000"},
            {"size", "0"},
            {"size", "1001"},
            {"size", "99999"},
            {"currency", "EURO"}
        };
        for (String[] q : listings) {
            for (String accept : new String[] {"application/json", "text/csv"}) {
                given().auth()
                        .oauth2(MARKETER)
                        .accept(accept)
                        .queryParam(q[0], q[1])
                        .when()
                        .get(MEMBERS)
                        .then()
                        .statusCode(SC_BAD_REQUEST)
                        .contentType(PROBLEM)
                        .body("status", equalTo(SC_BAD_REQUEST));
            }
        }
        given().auth()
                .oauth2(MARKETER)
                .queryParam("segment", "vip")
                .when()
                .get(MEMBERS)
                .then()
                .body("type", equalTo("https://loyalty.example.com/problems/invalid-segment"))
                .body("detail", containsString("champions"));
    }

    @Test
    void onlyMarketersAndAdminsMayReadOrRecompute() {
        String member = TestTokens.newMember();
        String staff = TestTokens.token("staff-1", "staff");
        for (String token : new String[] {member, staff}) {
            given().auth().oauth2(token).when().get(RFM).then().statusCode(SC_FORBIDDEN);
            given().auth().oauth2(token).when().get(MEMBERS).then().statusCode(SC_FORBIDDEN);
            given().auth()
                    .oauth2(token)
                    .accept("text/csv")
                    .when()
                    .get(MEMBERS)
                    .then()
                    .statusCode(SC_FORBIDDEN);
            given().auth()
                    .oauth2(token)
                    .queryParam("currency", "CHW")
                    .when()
                    .post(RECOMPUTE)
                    .then()
                    .statusCode(SC_FORBIDDEN);
        }
        given().when().get(RFM).then().statusCode(SC_UNAUTHORIZED).contentType(PROBLEM);
        given().when().post(RECOMPUTE).then().statusCode(SC_UNAUTHORIZED).contentType(PROBLEM);
        given().when().get(MEMBERS).then().statusCode(SC_UNAUTHORIZED).contentType(PROBLEM);
        // the forbidden recompute did not happen
        given().auth()
                .oauth2(ADMIN)
                .queryParam("currency", "CHW")
                .when()
                .get(RFM)
                .then()
                .statusCode(SC_NOT_FOUND);
    }

    @Test
    void theDailyRecomputeComputesYesterdayForTheProgramCurrencyAndEveryOneComputedBefore() {
        recompute(MARKETER, AS_OF, "CHE").statusCode(SC_OK);
        List<String> done = schedule.recomputeYesterday();
        assertTrue(done.containsAll(List.of("JPY", "CHE")), done.toString());
        String yesterday = LocalDate.now(TOKYO).minusDays(1).toString();
        // no currency: the program's (JPY)
        given().auth()
                .oauth2(MARKETER)
                .when()
                .get(RFM)
                .then()
                .statusCode(SC_OK)
                .body("currency", equalTo("JPY"))
                .body("asOf", equalTo(yesterday));
        given().auth()
                .oauth2(MARKETER)
                .queryParam("currency", "CHE")
                .when()
                .get(RFM)
                .then()
                .statusCode(SC_OK)
                .body("asOf", equalTo(yesterday));
        // without asOf the recompute is as of today
        given().auth()
                .oauth2(MARKETER)
                .when()
                .post(RECOMPUTE)
                .then()
                .statusCode(SC_OK)
                .body("currency", equalTo("JPY"))
                .body("asOf", equalTo(LocalDate.now(TOKYO).toString()));
    }

    @Test
    void theOpenApiDocumentDescribesTheRfmEndpoints() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body("paths.'/api/metrics/rfm'.get.responses.keySet()", hasItems("200", "400", "401", "403", "404"))
                .body("paths.'/api/metrics/rfm'.get.parameters.name", hasItems("asOf", "currency"))
                .body("paths.'/api/metrics/rfm/recompute'.post.responses.keySet()", hasItems("200", "400", "403"))
                .body(
                        "paths.'/api/metrics/rfm/members'.get.parameters.name",
                        hasItems("segment", "page", "size", "currency"))
                .body(
                        "paths.'/api/metrics/rfm/members'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/csv"));
    }

    // --- helpers

    /**
     * Seeds the known population ({@link #KNOWN}) in {@code currency} through the consumer's service, plus purchases
     * that must not count: one in another currency, one after the as-of day, and a member who only bought after it.
     */
    private Map<String, String> seedKnownPopulation(String currency) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 1; i <= 11; i++) {
            ids.put("P" + i, UUID.randomUUID().toString());
        }
        List<EventEnvelope> events = new ArrayList<>();
        // P1: nine purchases 1-9 days before, one at the window's first instant (2025-07-01 00:00 in Tokyo)
        spread(events, ids.get("P1"), currency, 1, 9, 10_000);
        events.add(TestEvents.purchase(ids.get("P1"), 10_000, currency, Instant.parse("2025-06-30T15:00:00Z")));
        events.add(TestEvents.purchase(ids.get("P1"), 5_000, NOISE, daysBefore(0)));
        // P2: 23:59:59 on the as-of day in Tokyo counts; a second later is the next day
        events.add(TestEvents.purchase(ids.get("P2"), 1_000, currency, Instant.parse("2026-06-30T14:59:59Z")));
        events.add(TestEvents.purchase(ids.get("P2"), 999_999, currency, Instant.parse("2026-06-30T15:00:00Z")));
        spread(events, ids.get("P3"), currency, 280, 9, 10_000);
        spread(events, ids.get("P4"), currency, 20, 6, 10_000);
        spread(events, ids.get("P5"), currency, 150, 4, 10_000);
        spread(events, ids.get("P6"), currency, 60, 3, 10_000);
        spread(events, ids.get("P7"), currency, 100, 2, 10_000);
        spread(events, ids.get("P8"), currency, 40, 5, 10_000);
        spread(events, ids.get("P9"), currency, 200, 2, 10_000);
        // P10: last purchase a second before the window (2025-06-30 23:59:59 in Tokyo), one long before
        events.add(TestEvents.purchase(ids.get("P10"), 7_000, currency, Instant.parse("2025-06-30T14:59:59Z")));
        events.add(TestEvents.purchase(ids.get("P10"), 3_000, currency, Instant.parse("2025-02-15T03:00:00Z")));
        // P11: only after the as-of day
        events.add(TestEvents.purchase(ids.get("P11"), 50_000, currency, Instant.parse("2026-07-02T03:00:00Z")));
        activities.applyAll(events);
        return ids;
    }

    /** {@code count} purchases of {@code amount}, {@code from}, {@code from + 1}, ... days before the as-of day. */
    private static void spread(
            List<EventEnvelope> events, String member, String currency, int from, int count, long amount) {
        for (int d = from; d < from + count; d++) {
            events.add(TestEvents.purchase(member, amount, currency, daysBefore(d)));
        }
    }

    private static Instant daysBefore(int days) {
        return AS_OF.minusDays(days).atTime(12, 0).atZone(TOKYO).toInstant();
    }

    private static ValidatableResponse recompute(String token, LocalDate asOf, String currency) {
        return given().auth()
                .oauth2(token)
                .queryParam("asOf", asOf.toString())
                .queryParam("currency", currency)
                .when()
                .post(RECOMPUTE)
                .then();
    }

    private static ValidatableResponse members(String token, String currency, String segment, int page, int size) {
        var request = given().auth()
                .oauth2(token)
                .queryParam("currency", currency)
                .queryParam("page", page)
                .queryParam("size", size);
        if (segment != null) {
            request = request.queryParam("segment", segment);
        }
        return request.when().get(MEMBERS).then();
    }

    private static List<String> sorted(String... ids) {
        List<String> list = new ArrayList<>(List.of(ids));
        list.sort(null);
        return list;
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyZero() {
        return org.hamcrest.Matchers.everyItem(equalTo((Object) 0));
    }

    /** An outbox row of a SegmentChanged event. */
    record Announced(UUID id, String topic, String key, EventEnvelope envelope, SegmentChanged payload) {}

    /** The SegmentChanged outbox rows about {@code members}, in the order they were written. */
    private List<Announced> announced(List<String> members) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select id, topic, message_key, payload from outbox_event "
                        + "where event_type = ? and message_key = any (?) order by seq")) {
            ps.setString(1, EventTypes.SEGMENT_CHANGED);
            ps.setArray(2, c.createArrayOf("varchar", members.toArray()));
            List<Announced> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventEnvelope envelope = EventJson.read(rs.getString(4));
                    rows.add(new Announced(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            envelope,
                            EventJson.payload(envelope, SegmentChanged.class)));
                }
            }
            return rows;
        }
    }

    private static Announced byKey(List<Announced> rows, String key) {
        return rows.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }
}
