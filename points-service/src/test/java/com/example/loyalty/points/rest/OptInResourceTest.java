package com.example.loyalty.points.rest;

import static com.example.loyalty.points.rest.MemberMergeTest.merge;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.PointsDb;
import com.example.loyalty.points.service.OptInExport;
import com.example.loyalty.testing.contract.ContractValidation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The information program: opt-ins, their proof, and the streamed export of opted-in members. */
@QuarkusTest
class OptInResourceTest {

    static final String MINE = "/api/points/members/me/opt-ins";
    static final String EXPORT = "/api/points/opt-ins/export";

    @Inject
    AgroalDataSource dataSource;

    PointsDb db() {
        return new PointsDb(dataSource);
    }

    static JsonPath put(String token, String path, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(path)
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath();
    }

    static Map<String, Object> flags(Boolean newsletter, Boolean email, Boolean push) {
        Map<String, Object> body = new HashMap<>();
        body.put("newsletter", newsletter);
        body.put("email", email);
        body.put("push", push);
        return body;
    }

    @Test
    void aMemberChangesTheirOptInsAndOnlyChangedChannelsGetANewConsent() throws Exception {
        var member = PointsApi.enrolNewMember();
        given().auth()
                .oauth2(member.token())
                .when()
                .get(MINE)
                .then()
                .statusCode(SC_OK)
                .body("newsletter", equalTo(false))
                .body("email", equalTo(false))
                .body("push", equalTo(false))
                .body("channels[0].changedAt", nullValue());

        JsonPath first = put(member.token(), MINE, flags(true, true, false));
        assertEquals(List.of("NEWSLETTER", "EMAIL"), first.getList("changed"));
        assertEquals("APP", first.getString("channels[0].source"));
        String newsletterAt = first.getString("channels[0].changedAt");
        String emailAt = first.getString("channels[1].changedAt");
        assertEquals(null, first.getString("channels[2].changedAt"), "push never changed");

        Thread.sleep(5);
        JsonPath second = put(member.token(), MINE, flags(true, false, null));
        assertEquals(List.of("EMAIL"), second.getList("changed"));
        assertEquals(true, second.getBoolean("newsletter"));
        assertEquals(false, second.getBoolean("email"));
        assertEquals(newsletterAt, second.getString("channels[0].changedAt"), "the newsletter did not change");
        assertNotEquals(emailAt, second.getString("channels[1].changedAt"));

        // staff at the till, for the member
        JsonPath till =
                put(PointsApi.STAFF, "/api/points/members/" + member.id() + "/opt-ins", flags(null, null, true));
        assertEquals("TILL", till.getString("channels[2].source"));
        given().auth()
                .oauth2(member.token())
                .contentType(ContentType.JSON)
                .body(flags(null, null, true))
                .when()
                .put("/api/points/members/" + member.id() + "/opt-ins")
                .then()
                .statusCode(SC_FORBIDDEN);

        // the proof: who, when, what, from where
        assertEquals(
                List.of("NEWSLETTER true APP", "EMAIL true APP", "EMAIL false APP", "PUSH true TILL"),
                db().strings(
                                "select channel || ' ' || granted || ' ' || source from opt_in_change where member_id = ? "
                                        + "order by changed_at, channel desc",
                                UUID.fromString(member.id())));
        assertEquals(
                3,
                db().number(
                                "select count(*) from opt_in_change where member_id = ? and changed_by = "
                                        + "(select subject from member where id = ?)",
                                UUID.fromString(member.id()),
                                UUID.fromString(member.id())));
        // a string where the document says boolean
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(member.token())
                .contentType(ContentType.JSON)
                .body("{\"email\": \"yes\"}")
                .when()
                .put(MINE)
                .then()
                .statusCode(SC_BAD_REQUEST));
    }

    @Test
    void theExportFiltersByChannelTierAndSegmentAndIsAudited() throws Exception {
        String segment = "SEG"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        List<String> tiers = db().strings("select code from tier order by rank");
        String low = tiers.get(0);
        String high = tiers.get(tiers.size() - 1);
        var wanted = PointsApi.enrolNewMember();
        var otherTier = PointsApi.enrolNewMember();
        var pushOnly = PointsApi.enrolNewMember();
        var noSegment = PointsApi.enrolNewMember();
        put(wanted.token(), MINE, flags(false, true, false));
        put(otherTier.token(), MINE, flags(false, true, false));
        put(pushOnly.token(), MINE, flags(false, false, true));
        put(noSegment.token(), MINE, flags(true, true, true));
        for (var m : List.of(wanted, otherTier, pushOnly)) {
            segment(m.id(), segment);
        }
        db().update(
                        "update member set tier_code = ? where id in (?, ?, ?)",
                        high,
                        UUID.fromString(wanted.id()),
                        UUID.fromString(pushOnly.id()),
                        UUID.fromString(noSegment.id()));
        db().update(
                        "update member set tier_code = ?, display_name = ? where id = ?",
                        low,
                        "=HYPERLINK(\"http://x\"),\"evil\"",
                        UUID.fromString(otherTier.id()));

        List<Map<String, String>> rows = export(PointsApi.MARKETER, "email", high, segment.toLowerCase());
        assertEquals(1, rows.size());
        assertEquals(wanted.id(), rows.get(0).get("memberId"));
        assertEquals(wanted.cardCode(), rows.get(0).get("cardCode"));
        assertEquals("EMAIL", rows.get(0).get("channel"));
        assertEquals("APP", rows.get(0).get("source"));
        assertEquals(segment, rows.get(0).get("segment"));

        List<Map<String, String>> bySegment = export(PointsApi.ADMIN, "EMAIL", null, segment);
        assertEquals(2, bySegment.size());
        Map<String, String> evil = bySegment.stream()
                .filter(r -> r.get("memberId").equals(otherTier.id()))
                .findFirst()
                .orElseThrow();
        // a formula is text for a spreadsheet, and the quotes and comma survive the CSV round trip
        assertEquals("'=HYPERLINK(\"http://x\"),\"evil\"", evil.get("displayName"));
        assertEquals(1, export(PointsApi.MARKETER, "PUSH", null, segment).size());
        assertEquals(0, export(PointsApi.MARKETER, "NEWSLETTER", null, segment).size());

        assertEquals(
                "EMAIL 1",
                db().string(
                                "select (after->>'channel') || ' ' || (after->>'members') from audit_entry where action = "
                                        + "'OPT_INS_EXPORTED' and after->>'tier' = ? and after->>'segment' = ?",
                                high,
                                segment.toLowerCase()));

        for (String token : List.of(wanted.token(), PointsApi.STAFF)) {
            given().auth()
                    .oauth2(token)
                    .queryParam("channel", "EMAIL")
                    .when()
                    .get(EXPORT)
                    .then()
                    .statusCode(SC_FORBIDDEN);
        }
        given().auth()
                .oauth2(PointsApi.MARKETER)
                .queryParam("channel", "SMS")
                .when()
                .get(EXPORT)
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType(startsWith("application/problem+json"));
        // without the channel the document requires
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(PointsApi.MARKETER)
                .when()
                .get(EXPORT)
                .then()
                .statusCode(SC_BAD_REQUEST));
    }

    @Test
    void erasedAndMergedAwayMembersNeverAppearAndErasureDropsTheOptIns() throws Exception {
        String segment = "SEG"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        var survivor = PointsApi.enrolNewMember();
        var merged = PointsApi.enrolNewMember();
        var erased = PointsApi.enrolNewMember();
        put(survivor.token(), MINE, flags(false, false, true));
        put(merged.token(), MINE, flags(true, true, false));
        put(erased.token(), MINE, flags(true, true, true));
        for (var m : List.of(survivor, merged, erased)) {
            segment(m.id(), segment);
        }
        assertEquals(2, export(PointsApi.MARKETER, "NEWSLETTER", null, segment).size());

        merge(survivor.id(), Map.of("mergedMemberId", merged.id())).statusCode(SC_OK);
        given().auth()
                .oauth2(PointsApi.ADMIN)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/points/members/" + erased.id() + "/erasure")
                .then()
                .statusCode(SC_OK);

        // the survivor keeps its own choices (push only); the proof of both members' consents stays with it
        assertEquals(0, export(PointsApi.MARKETER, "NEWSLETTER", null, segment).size());
        List<Map<String, String>> push = export(PointsApi.MARKETER, "PUSH", null, segment);
        assertEquals(1, push.size());
        assertEquals(survivor.id(), push.get(0).get("memberId"));
        assertEquals(
                3,
                db().number("select count(*) from opt_in_change where member_id = ?", UUID.fromString(survivor.id())));
        // erasure: the opt-ins go; the proof stays without the member's login
        assertEquals(
                0, db().number("select count(*) from member_opt_in where member_id = ?", UUID.fromString(erased.id())));
        assertEquals(
                List.of("erased"),
                db().strings(
                                "select distinct changed_by from opt_in_change where member_id = ?",
                                UUID.fromString(erased.id())));
    }

    @Test
    void theExportStreamsThousandsOfMembers() throws Exception {
        String segment = "SEG"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        int n = 3000;
        db().update(
                        "insert into member (id, card_code, display_name, phone, tier_code, balance, enrolled_at) "
                                + "select gen_random_uuid(), 'T' || substr(md5(random()::text || g), 1, 24), ? || ' ' || g, "
                                + "'+81 90-0000-' || lpad(g::text, 4, '0'), (select code from tier order by rank limit 1), 0, "
                                + "now() from generate_series(1, ?) g",
                        segment,
                        n);
        db().update(
                        "insert into member_segment (member_id, segment, as_of, updated_at) select id, ?, current_date, "
                                + "now() from member where display_name like ?",
                        segment,
                        segment + " %");
        db().update(
                        "insert into member_opt_in (member_id, email, email_at, email_source, updated_at) select member_id, "
                                + "true, now(), 'IMPORT', now() from member_segment where segment = ?",
                        segment);
        List<Map<String, String>> rows = export(PointsApi.MARKETER, "EMAIL", null, segment);
        assertEquals(n, rows.size());
        assertTrue(rows.get(0).get("phone").startsWith("'+81"), "a phone in international form is escaped as text");
        List<String> ids = rows.stream().map(r -> r.get("memberId")).toList();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids, "in member-id order");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreEscaped() {
        assertEquals("'=1+2", OptInExport.cell("=1+2"));
        assertEquals("'+81 90", OptInExport.cell("+81 90"));
        assertEquals("'-3", OptInExport.cell("-3"));
        assertEquals("'@SUM(A1)", OptInExport.cell("@SUM(A1)"));
        assertEquals("'\tx", OptInExport.cell("\tx"));
        assertEquals("Hanako", OptInExport.cell("Hanako"));
        assertEquals("", OptInExport.cell(null));
    }

    private void segment(String memberId, String segment) {
        db().update(
                        "insert into member_segment (member_id, segment, as_of, updated_at) values (?, ?, current_date, now())",
                        UUID.fromString(memberId),
                        segment);
    }

    private static List<Map<String, String>> export(String token, String channel, String tier, String segment)
            throws Exception {
        var request = given().auth().oauth2(token).queryParam("channel", channel);
        if (tier != null) {
            request = request.queryParam("tier", tier);
        }
        if (segment != null) {
            request = request.queryParam("segment", segment);
        }
        var response = request.when().get(EXPORT).then().statusCode(SC_OK).contentType(startsWith("text/csv"));
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = response.extract().asInputStream()) {
            CsvMapper csv = new CsvMapper();
            csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                    .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema()
                            .withHeader())
                    .readValues(in);
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
