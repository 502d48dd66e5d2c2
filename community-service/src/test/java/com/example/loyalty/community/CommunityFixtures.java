package com.example.loyalty.community;

import static io.restassured.RestAssured.given;

import com.example.loyalty.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Members put straight into the community's directory (where the directory consumer is not the point), staff tokens,
 * community events; members, tokens and plain SQL as {@link CommunityApi} has them.
 */
public final class CommunityFixtures extends CommunityApi {

    public static final String ADMIN_SUBJECT = "admin-" + UUID.randomUUID();
    public static final String ADMIN = TestTokens.token(ADMIN_SUBJECT, "admin");
    public static final String STAFF_SUBJECT = "staff-" + UUID.randomUUID();
    public static final String STAFF = TestTokens.token(STAFF_SUBJECT, "staff");
    /** Consumer group join and the first fetch can take a while on a busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    public CommunityFixtures(AgroalDataSource dataSource) {
        super(dataSource);
    }

    /** A member the directory knows, in the REGULAR tier. */
    @Override
    public Member member() {
        return member(0);
    }

    /** A member the directory knows, with a score to start from (as if from earlier contributions). */
    public Member member(long score) {
        return member("REGULAR", score);
    }

    /** A member whose enrolment has not reached the community. */
    public static Member unknownMember() {
        String subject = UUID.randomUUID().toString();
        return new Member(subject, TestTokens.token(subject, "member"), UUID.randomUUID(), null);
    }

    /** Records a contribution row as {@code Contributions.record} would, score included (for reads, not for rules). */
    public UUID contribution(Member member, String kind, int weight, Instant at, boolean revoked) {
        UUID id = UUID.randomUUID();
        update(
                """
                insert into contribution (id, member_id, kind, content_id, source_id, weight, occurred_at, revoked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                member.memberId(),
                kind,
                UUID.randomUUID(),
                UUID.randomUUID(),
                weight,
                Timestamp.from(at),
                revoked ? Timestamp.from(at.plusSeconds(1)) : null);
        if (!revoked) {
            update("update community_member set score = score + ? where member_id = ?", weight, member.memberId());
        }
        return id;
    }

    /** An event body starting in {@code startsIn}, with the capacity. */
    public static Map<String, Object> event(int capacity, Duration startsIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Tasting " + UUID.randomUUID().toString().substring(0, 6));
        body.put("description", "Coffee tasting with our roasters");
        Instant starts = Instant.now().plus(startsIn).truncatedTo(ChronoUnit.SECONDS);
        body.put("startsAt", starts.toString());
        body.put("endsAt", starts.plus(Duration.ofHours(2)).toString());
        body.put("capacity", capacity);
        body.put("location", Map.of("storeId", "S001"));
        return body;
    }

    public static ValidatableResponse createEvent(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/community/events")
                .then();
    }

    /** Creates an event starting in an hour (check-in is open, registration too); returns its id. */
    public static String newEvent(int capacity) {
        return createEvent(MARKETER, event(capacity, Duration.ofHours(1)))
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static ValidatableResponse register(String token, String eventId) {
        return given().auth()
                .oauth2(token)
                .when()
                .post("/api/community/events/{id}/registrations", eventId)
                .then();
    }

    public static ValidatableResponse cancel(String token, String eventId) {
        return given().auth()
                .oauth2(token)
                .when()
                .delete("/api/community/events/{id}/registrations/me", eventId)
                .then();
    }

    public static ValidatableResponse getEvent(String token, String eventId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/community/events/{id}", eventId)
                .then();
    }

    public static ValidatableResponse checkIn(String token, String eventId, Object memberId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("memberId", String.valueOf(memberId)))
                .when()
                .post("/api/community/events/{id}/attendance", eventId)
                .then();
    }

    public static ValidatableResponse profile(String token) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/community/members/me")
                .then();
    }

    public static ValidatableResponse ban(String token, UUID memberId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/community/members/{id}/ban", memberId)
                .then();
    }

    public static ValidatableResponse unban(String token, UUID memberId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/community/members/{id}/unban", memberId)
                .then();
    }
}
