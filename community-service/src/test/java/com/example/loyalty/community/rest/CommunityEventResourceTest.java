package com.example.loyalty.community.rest;

import static com.example.loyalty.community.CommunityFixtures.ADMIN;
import static com.example.loyalty.community.CommunityFixtures.MARKETER;
import static com.example.loyalty.community.CommunityFixtures.STAFF;
import static com.example.loyalty.community.CommunityFixtures.STAFF_SUBJECT;
import static com.example.loyalty.community.CommunityFixtures.cancel;
import static com.example.loyalty.community.CommunityFixtures.checkIn;
import static com.example.loyalty.community.CommunityFixtures.createEvent;
import static com.example.loyalty.community.CommunityFixtures.event;
import static com.example.loyalty.community.CommunityFixtures.getEvent;
import static com.example.loyalty.community.CommunityFixtures.newEvent;
import static com.example.loyalty.community.CommunityFixtures.profile;
import static com.example.loyalty.community.CommunityFixtures.register;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_ACCEPTED;
import static org.apache.http.HttpStatus.SC_BAD_REQUEST;
import static org.apache.http.HttpStatus.SC_CONFLICT;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_FORBIDDEN;
import static org.apache.http.HttpStatus.SC_NOT_FOUND;
import static org.apache.http.HttpStatus.SC_NO_CONTENT;
import static org.apache.http.HttpStatus.SC_OK;
import static org.apache.http.HttpStatus.SC_UNPROCESSABLE_ENTITY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.community.CommunityFixtures;
import com.example.loyalty.testing.TestTokens;
import com.example.loyalty.testing.contract.ContractValidation;
import com.example.loyalty.testing.contract.SendsInvalidRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommunityEventResourceTest {

    @Inject
    AgroalDataSource dataSource;

    CommunityFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CommunityFixtures(dataSource);
    }

    @Test
    void aMarketerCreatesAnEventThatEveryoneCanRead() {
        Map<String, Object> body = event(20, Duration.ofDays(3));
        var created = createEvent(MARKETER, body)
                .statusCode(SC_CREATED)
                .body("id", notNullValue())
                .extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/community/events/" + id));
        Member member = fixtures.member();
        getEvent(member.token(), id)
                .statusCode(SC_OK)
                .body("id", equalTo(id))
                .body("title", equalTo(body.get("title")))
                .body("startsAt", equalTo(body.get("startsAt")))
                .body("capacity", equalTo(20))
                .body("registered", equalTo(0))
                .body("waitlisted", equalTo(0))
                .body("seatsLeft", equalTo(20))
                .body("location.storeId", equalTo("S001"))
                .body("registrationClosesAt", equalTo(body.get("startsAt")))
                .body("myRegistration", nullValue());
        // the contract's minimal body, by an admin, online
        createEvent(
                        ADMIN,
                        Map.of(
                                "title",
                                "Online Q&A",
                                "startsAt",
                                Instant.now().plusSeconds(3600).toString(),
                                "capacity",
                                5,
                                "location",
                                Map.of("online", true)))
                .statusCode(SC_CREATED)
                .body("location.online", equalTo(true))
                .body("endsAt", nullValue());
        given().auth()
                .oauth2(STAFF)
                .when()
                .get("/api/community/events")
                .then()
                .statusCode(SC_OK)
                .body("items.id", hasItem(id))
                .body("page", equalTo(0));
    }

    @Test
    void onlyMarketersAndAdminsCreateEvents() {
        Member member = fixtures.member();
        createEvent(member.token(), event(5, Duration.ofDays(1))).statusCode(SC_FORBIDDEN);
        createEvent(STAFF, event(5, Duration.ofDays(1))).statusCode(SC_FORBIDDEN);
        given().contentType(ContentType.JSON)
                .body(event(5, Duration.ofDays(1)))
                .when()
                .post("/api/community/events")
                .then()
                .statusCode(401);
    }

    @Test
    @SendsInvalidRequests("events without a title or capacity, a capacity of 0, a startsAt that is no date-time")
    void badEventsAreProblemsAndNothingIsCreated() {
        String title = "Bad event " + UUID.randomUUID();
        Map<String, Object> noTitle = event(5, Duration.ofDays(1));
        noTitle.remove("title");
        createEvent(MARKETER, noTitle).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");
        Map<String, Object> noCapacity = event(5, Duration.ofDays(1));
        noCapacity.put("title", title);
        noCapacity.remove("capacity");
        createEvent(MARKETER, noCapacity).statusCode(SC_BAD_REQUEST);
        Map<String, Object> zeroCapacity = event(0, Duration.ofDays(1));
        zeroCapacity.put("title", title);
        createEvent(MARKETER, zeroCapacity).statusCode(SC_BAD_REQUEST);
        Map<String, Object> badDate = event(5, Duration.ofDays(1));
        badDate.put("title", title);
        badDate.put("startsAt", "tomorrow");
        createEvent(MARKETER, badDate).statusCode(SC_BAD_REQUEST).contentType("application/problem+json");

        Map<String, Object> past = event(5, Duration.ofDays(-1));
        past.put("title", title);
        past.put("endsAt", Instant.now().minusSeconds(60).toString());
        createEvent(MARKETER, past)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-event"))
                .body("errors.field", hasItems("startsAt"));
        Map<String, Object> backwards = event(5, Duration.ofDays(1));
        backwards.put("title", title);
        backwards.put("endsAt", Instant.now().toString());
        backwards.put("location", Map.of("online", true, "storeId", "S001"));
        backwards.put(
                "registrationOpensAt", Instant.now().plus(Duration.ofDays(2)).toString());
        createEvent(MARKETER, backwards)
                .statusCode(SC_UNPROCESSABLE_ENTITY)
                .body("errors.field", hasItems("endsAt", "location", "registrationOpensAt"))
                .body("errorCount", equalTo(3));
        assertEquals(0, fixtures.count("select count(*) from community_event where title = ?", title));
    }

    @Test
    @SendsInvalidRequests("a string where the document says integer (capacity), a page beyond the maximum")
    void inputTheDocumentForbidsIsRefusedAndNothingIsCreated() {
        String title = "Strict event " + UUID.randomUUID();
        // a string where the document says integer: no coercion
        Map<String, Object> stringCapacity = event(5, Duration.ofDays(1));
        stringCapacity.put("title", title);
        stringCapacity.put("capacity", "5");
        createEvent(MARKETER, stringCapacity)
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", endsWith("/malformed-body"))
                .body("field", equalTo("capacity"));
        // a NUL in a text field
        Map<String, Object> nul = event(5, Duration.ofDays(1));
        nul.put("title", title + "\u0000");
        createEvent(MARKETER, nul)
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-text"))
                .body("field", equalTo("title"));
        assertEquals(0, fixtures.count("select count(*) from community_event where title like ?", title + "%"));
        // page × size overflowed an int
        given().auth()
                .oauth2(STAFF)
                .queryParam("page", 107_374_183)
                .queryParam("size", 20)
                .when()
                .get("/api/community/events")
                .then()
                .statusCode(SC_BAD_REQUEST)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void seatsFirstThenTheWaitlistAndNobodyRegistersTwice() {
        String id = newEvent(2);
        Member a = fixtures.member();
        Member b = fixtures.member();
        Member c = fixtures.member();
        register(a.token(), id)
                .statusCode(SC_CREATED)
                .body("status", equalTo("SEATED"))
                .body("eventId", equalTo(id))
                .body("waitlistPosition", nullValue());
        register(b.token(), id).statusCode(SC_CREATED).body("status", equalTo("SEATED"));
        register(c.token(), id)
                .statusCode(SC_ACCEPTED)
                .body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1));
        register(a.token(), id)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-registered"));
        register(c.token(), id).statusCode(SC_CONFLICT).body("type", endsWith("/already-registered"));
        getEvent(c.token(), id)
                .statusCode(SC_OK)
                .body("registered", equalTo(2))
                .body("waitlisted", equalTo(1))
                .body("seatsLeft", equalTo(0))
                .body("myRegistration.status", equalTo("WAITLISTED"))
                .body("myRegistration.waitlistPosition", equalTo(1));
        getEvent(a.token(), id).body("myRegistration.status", equalTo("SEATED"));
        assertEquals(
                3, fixtures.count("select count(*) from event_registration where event_id = ?", UUID.fromString(id)));
    }

    @Test
    void unknownEventsAre404AndOnlyMembersRegister() {
        Member member = fixtures.member();
        String unknown = UUID.randomUUID().toString();
        register(member.token(), unknown)
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", endsWith("/event-not-found"));
        getEvent(member.token(), unknown).statusCode(SC_NOT_FOUND);
        cancel(member.token(), unknown).statusCode(SC_NOT_FOUND);
        checkIn(STAFF, unknown, member.memberId()).statusCode(SC_NOT_FOUND);
        String id = newEvent(3);
        register(STAFF, id).statusCode(SC_FORBIDDEN);
        register(MARKETER, id).statusCode(SC_FORBIDDEN);
        register(CommunityFixtures.unknownMember().token(), id)
                .statusCode(SC_CONFLICT)
                .body("type", endsWith("/membership-pending"));
        getEvent(MARKETER, id).body("registered", equalTo(0));
    }

    @Test
    void aCancelledSeatGoesToTheFirstOnTheWaitlistInOrder() {
        String id = newEvent(1);
        Member seated = fixtures.member();
        Member first = fixtures.member();
        Member second = fixtures.member();
        Member third = fixtures.member();
        register(seated.token(), id).statusCode(SC_CREATED);
        register(first.token(), id).statusCode(SC_ACCEPTED).body("waitlistPosition", equalTo(1));
        register(second.token(), id).statusCode(SC_ACCEPTED).body("waitlistPosition", equalTo(2));
        register(third.token(), id).statusCode(SC_ACCEPTED).body("waitlistPosition", equalTo(3));

        cancel(seated.token(), id).statusCode(SC_NO_CONTENT);
        getEvent(first.token(), id)
                .body("registered", equalTo(1))
                .body("waitlisted", equalTo(2))
                .body("myRegistration.status", equalTo("SEATED"))
                .body("myRegistration.waitlistPosition", nullValue());
        getEvent(second.token(), id).body("myRegistration.waitlistPosition", equalTo(1));
        getEvent(third.token(), id).body("myRegistration.waitlistPosition", equalTo(2));
        getEvent(seated.token(), id).body("myRegistration", nullValue());

        // leaving the waitlist moves those behind up, and frees no seat
        cancel(second.token(), id).statusCode(SC_NO_CONTENT);
        getEvent(third.token(), id)
                .body("registered", equalTo(1))
                .body("waitlisted", equalTo(1))
                .body("myRegistration.waitlistPosition", equalTo(1));
        cancel(second.token(), id)
                .statusCode(SC_NOT_FOUND)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-registered"));

        // a member who cancelled may register again, at the back of the line
        register(seated.token(), id).statusCode(SC_ACCEPTED).body("waitlistPosition", equalTo(2));
        cancel(first.token(), id).statusCode(SC_NO_CONTENT);
        getEvent(third.token(), id).body("myRegistration.status", equalTo("SEATED"));
        getEvent(seated.token(), id).body("myRegistration.waitlistPosition", equalTo(1));
    }

    @Test
    void registrationOnlyInsideItsWindow() {
        Map<String, Object> later = event(5, Duration.ofDays(2));
        later.put("registrationOpensAt", Instant.now().plus(Duration.ofDays(1)).toString());
        String notYet =
                createEvent(MARKETER, later).statusCode(SC_CREATED).extract().path("id");
        Member member = fixtures.member();
        register(member.token(), notYet)
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/registration-not-open"));

        String closed = newEvent(5);
        fixtures.update(
                "update community_event set registration_closes_at = now() - interval '1 minute' where id = ?",
                UUID.fromString(closed));
        register(member.token(), closed).statusCode(SC_CONFLICT).body("type", endsWith("/registration-closed"));
        getEvent(member.token(), closed).body("registered", equalTo(0)).body("myRegistration", nullValue());
        assertEquals(
                0, fixtures.count("select count(*) from event_registration where member_id = ?", member.memberId()));
    }

    @Test
    void aBannedMemberMayNotRegister() {
        String id = newEvent(5);
        Member member = fixtures.member();
        CommunityFixtures.ban(ADMIN, member.memberId(), Map.of("reason", "spam"))
                .statusCode(SC_OK);
        register(member.token(), id)
                .statusCode(SC_FORBIDDEN)
                .contentType("application/problem+json")
                .body("type", endsWith("/banned"));
        getEvent(member.token(), id).statusCode(SC_OK).body("registered", equalTo(0));
        CommunityFixtures.unban(ADMIN, member.memberId(), Map.of("reason", "appeal granted"))
                .statusCode(SC_OK);
        register(member.token(), id).statusCode(SC_CREATED);
    }

    @Test
    void staffCheckInASeatedMemberOnceAndTheAttendanceCounts() throws Exception {
        String id = newEvent(1);
        Member member = fixtures.member(10);
        Member waiting = fixtures.member();
        register(member.token(), id).statusCode(SC_CREATED);
        register(waiting.token(), id).statusCode(SC_ACCEPTED);
        profile(member.token()).body("score", equalTo(10)).body("rank.code", equalTo("NEWCOMER"));

        String contributionId = checkIn(STAFF, id, member.memberId())
                .statusCode(SC_CREATED)
                .body("memberId", equalTo(member.memberId().toString()))
                .body("eventId", equalTo(id))
                .body("weight", equalTo(20))
                .body("contributionId", notNullValue())
                .extract()
                .path("contributionId");
        checkIn(ADMIN, id, member.memberId())
                .statusCode(SC_CONFLICT)
                .contentType("application/problem+json")
                .body("type", endsWith("/checked-in-already"));
        checkIn(STAFF, id, waiting.memberId()).statusCode(SC_CONFLICT).body("type", endsWith("/not-seated"));
        checkIn(STAFF, id, fixtures.member().memberId())
                .statusCode(SC_NOT_FOUND)
                .body("type", endsWith("/not-registered"));
        checkIn(MARKETER, id, member.memberId()).statusCode(SC_FORBIDDEN);
        checkIn(member.token(), id, member.memberId()).statusCode(SC_FORBIDDEN);
        // a member id that is no UUID, and none at all
        ContractValidation.withoutRequestChecks(() -> {
            checkIn(STAFF, id, "not-a-uuid").statusCode(SC_BAD_REQUEST);
            return given().auth()
                    .oauth2(STAFF)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post("/api/community/events/{id}/attendance", id)
                    .then()
                    .statusCode(SC_BAD_REQUEST);
        });

        // the contribution: once, by the staff member, about the event, caused by the registration
        assertEquals(
                1,
                fixtures.count(
                        "select count(*) from contribution where member_id = ? and kind = 'EVENT_ATTENDED'",
                        member.memberId()));
        assertEquals(
                STAFF_SUBJECT,
                fixtures.single("select actor_id from contribution where id = ?", UUID.fromString(contributionId)));
        assertEquals(
                fixtures.single(
                        "select id from event_registration where member_id = ? and event_id = ?",
                        member.memberId(),
                        UUID.fromString(id)),
                fixtures.single("select source_id from contribution where id = ?", UUID.fromString(contributionId)));
        assertEquals(
                1,
                fixtures.count(
                        "select count(*) from outbox_event where event_type = 'EventAttended' and message_key = ?"
                                + " and payload like ?",
                        member.memberId().toString(),
                        "%" + contributionId + "%"));
        // score 10 + 20: the member moves up from Newcomer to Member (20)
        profile(member.token())
                .statusCode(SC_OK)
                .body("score", equalTo(30))
                .body("rank.code", equalTo("MEMBER"))
                .body("rank.name", equalTo("Member"))
                .body("nextRank.code", equalTo("CONTRIBUTOR"))
                .body("nextRank.pointsToGo", equalTo(70))
                .body("badges.code", hasItem("EVENT_GOER"))
                .body("contributions[0].kind", equalTo("EVENT_ATTENDED"))
                .body("contributions[0].weight", equalTo(20))
                .body("contributions[0].revoked", equalTo(false));
        getEvent(member.token(), id).body("myRegistration.attendedAt", notNullValue());
        // an attended registration cannot be cancelled
        cancel(member.token(), id).statusCode(SC_CONFLICT).body("type", endsWith("/attended"));
    }

    @Test
    void checkInOnlyAroundTheEvent() {
        String later = createEvent(MARKETER, event(5, Duration.ofDays(2)))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        Member member = fixtures.member();
        register(member.token(), later).statusCode(SC_CREATED);
        checkIn(STAFF, later, member.memberId()).statusCode(SC_CONFLICT).body("type", endsWith("/check-in-not-open"));
        fixtures.update(
                "update community_event set starts_at = now() - interval '3 days', ends_at = now() - interval '2 days'"
                        + " where id = ?",
                UUID.fromString(later));
        checkIn(STAFF, later, member.memberId()).statusCode(SC_CONFLICT).body("type", endsWith("/check-in-closed"));
        profile(member.token()).body("score", equalTo(0)).body("contributions", org.hamcrest.Matchers.empty());
    }

    @Test
    void theListShowsUpcomingEventsSoonestFirstWithMyRegistration() throws Exception {
        Member member = fixtures.member();
        String soon = newEvent(3);
        String over = newEvent(3);
        fixtures.update(
                "update community_event set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour'"
                        + " where id = ?",
                UUID.fromString(over));
        register(member.token(), soon).statusCode(SC_CREATED);
        List<Map<String, Object>> items = given().auth()
                .oauth2(member.token())
                .queryParam("size", 100)
                .when()
                .get("/api/community/events")
                .then()
                .statusCode(SC_OK)
                .body("items.id", hasItem(soon))
                .body("items.id", not(hasItem(over)))
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Object> mine =
                items.stream().filter(e -> soon.equals(e.get("id"))).findFirst().orElseThrow();
        assertEquals("SEATED", ((Map<?, ?>) mine.get("myRegistration")).get("status"));
        assertEquals(1, mine.get("registered"));
        List<Instant> starts = items.stream()
                .map(e -> Instant.parse((String) e.get("startsAt")))
                .toList();
        assertEquals(starts.stream().sorted().toList(), starts, "soonest first");
        // a page of size 0, below the document's minimum
        ContractValidation.withoutRequestChecks(() -> given().auth()
                .oauth2(member.token())
                .queryParam("size", 0)
                .when()
                .get("/api/community/events")
                .then()
                .statusCode(SC_BAD_REQUEST));
    }

    @Test
    void noTokenIs401() {
        given().when().get("/api/community/events").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.expired("x", "member"))
                .when()
                .post("/api/community/events/{id}/registrations", UUID.randomUUID())
                .then()
                .statusCode(401)
                .body(not(containsString("Exception")));
    }
}
