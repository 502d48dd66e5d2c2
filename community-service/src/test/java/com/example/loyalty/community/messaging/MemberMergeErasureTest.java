package com.example.loyalty.community.messaging;

import static com.example.loyalty.community.CommunityApi.accept;
import static com.example.loyalty.community.CommunityApi.comment;
import static com.example.loyalty.community.CommunityApi.createPost;
import static com.example.loyalty.community.CommunityApi.getPost;
import static com.example.loyalty.community.CommunityApi.newPost;
import static com.example.loyalty.community.CommunityApi.newSpace;
import static com.example.loyalty.community.CommunityApi.react;
import static com.example.loyalty.community.CommunityApi.review;
import static com.example.loyalty.community.CommunityFixtures.PATIENCE;
import static com.example.loyalty.community.CommunityFixtures.profile;
import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.loyalty.community.CommunityApi.Member;
import com.example.loyalty.community.CommunityFixtures;
import com.example.loyalty.events.EventEnvelope;
import com.example.loyalty.events.EventJson;
import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.MemberErased;
import com.example.loyalty.events.MembersMerged;
import com.example.loyalty.events.Topics;
import com.example.loyalty.testing.TestKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** points-service's MembersMerged and MemberErased, published on the real member-events topic, applied here. */
@QuarkusTest
class MemberMergeErasureTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMergeMovesTheMembersContentAndStandingAndTheMergedLoginActsAsTheSurvivor() {
        CommunityFixtures db = new CommunityFixtures(dataSource);
        Member survivor = db.member(0);
        Member merged = db.member(0);
        Member other = db.member(0);
        String space = newSpace();
        String survivorPost = newPost(survivor, space, "DISCUSSION");
        String mergedPost = newPost(merged, space, "DISCUSSION");
        // both reviewed the same product: the survivor keeps its review, the merged member's stays where it is
        String product = "P-" + UUID.randomUUID();
        createPost(survivor.token(), space, review(product, 5)).statusCode(SC_CREATED);
        String mergedReview = createPost(merged.token(), space, review(product, 2))
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        react(merged.token(), survivorPost, "LIKE").statusCode(SC_CREATED);
        react(other.token(), mergedPost, "THANKS").statusCode(SC_CREATED);
        long scores = db.score(survivor) + db.score(merged);
        db.ban(merged);

        EventEnvelope event = send(
                survivor.memberId().toString(),
                EventTypes.MEMBERS_MERGED,
                MembersMerged.SCHEMA_VERSION,
                new MembersMerged(merged.memberId().toString(), "8800123", 100, "GOLD"));
        awaitProcessed(db, event);

        assertEquals(
                survivor.memberId(),
                db.single("select merged_into from community_member where member_id = ?", merged.memberId()));
        assertEquals(scores, db.score(survivor));
        assertEquals(0, db.score(merged));
        assertEquals("GOLD", db.single("select tier from community_member where member_id = ?", survivor.memberId()));
        // a merge does not lift a ban
        assertNotNull(db.single("select banned_at from community_member where member_id = ?", survivor.memberId()));
        assertEquals(
                survivor.memberId(),
                db.single("select author_member_id from post where id = ?", UUID.fromString(mergedPost)));
        assertEquals(
                merged.memberId(),
                db.single("select author_member_id from post where id = ?", UUID.fromString(mergedReview)));
        assertEquals(
                survivor.memberId(),
                db.single("select member_id from reaction where post_id = ?", UUID.fromString(survivorPost)));
        assertEquals(0, db.count("select count(*) from contribution where member_id = ?", merged.memberId()));
        assertEquals(
                survivor.memberId().toString(),
                db.single(
                        "select actor_id from contribution where kind = 'REACTION_RECEIVED' and content_id = ?",
                        UUID.fromString(survivorPost)));

        // the merged member's login acts as the survivor, and still owns what it wrote
        profile(merged.token())
                .statusCode(SC_OK)
                .body("memberId", equalTo(survivor.memberId().toString()));
        getPost(merged.token(), mergedPost).statusCode(SC_OK).body("author.you", equalTo(true));
    }

    @Test
    void anErasureDropsLoginAndNameAndKeepsWhatTheMemberWroteAsByAnErasedMember() {
        CommunityFixtures db = new CommunityFixtures(dataSource);
        Member member = db.member(0);
        Member reader = db.member(0);
        String space = newSpace();
        String post = newPost(member, space, "QUESTION");
        String answer = comment(reader.token(), post, "Try the blue one")
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        comment(member.token(), post, "Thanks!").statusCode(SC_CREATED);
        given().auth()
                .oauth2(member.token())
                .contentType(ContentType.JSON)
                .body(Map.of("body", "Edited question body"))
                .when()
                .patch("/api/community/posts/{id}", post)
                .then()
                .statusCode(SC_OK);
        accept(member.token(), post, answer).statusCode(SC_OK);
        getPost(member.token(), post).statusCode(SC_OK);
        getPost(reader.token(), post).statusCode(SC_OK).body("author.displayName", equalTo(member.displayName()));
        long views = db.count("select count(*) from content_view where content_id = ?", UUID.fromString(post));

        EventEnvelope event = send(
                member.memberId().toString(),
                EventTypes.MEMBER_ERASED,
                MemberErased.SCHEMA_VERSION,
                new MemberErased(Instant.now()));
        awaitProcessed(db, event);

        assertNull(db.single("select subject from community_member where member_id = ?", member.memberId()));
        assertNull(db.single("select display_name from community_member where member_id = ?", member.memberId()));
        assertNotNull(db.single("select erased_at from community_member where member_id = ?", member.memberId()));
        for (String sql : new String[] {
            "select count(*) from post where author_subject = ?",
            "select count(*) from post where accepted_by = ?",
            "select count(*) from comment where author_subject = ?",
            "select count(*) from post_revision where replaced_by = ?",
            "select count(*) from content_view where viewer = ?"
        }) {
            assertEquals(0, db.count(sql, member.subject()), sql);
        }
        assertEquals(views, db.count("select count(*) from content_view where content_id = ?", UUID.fromString(post)));
        // the post stays, by an erased member
        getPost(reader.token(), post)
                .statusCode(SC_OK)
                .body("body", equalTo("Edited question body"))
                .body("author.displayName", nullValue())
                .body("author.erased", equalTo(true))
                .body("author.brand", equalTo(false))
                .body("author.you", equalTo(false));
        // the login no longer maps to the member
        profile(member.token()).statusCode(409);

        // a late (replayed) enrolment does not bring login and name back
        EventEnvelope late = send(
                member.memberId().toString(),
                EventTypes.MEMBER_ENROLLED,
                MemberEnrolled.SCHEMA_VERSION,
                new MemberEnrolled("8800", "REGULAR", member.subject(), member.displayName()));
        awaitProcessed(db, late);
        assertNull(db.single("select subject from community_member where member_id = ?", member.memberId()));
        assertNull(db.single("select display_name from community_member where member_id = ?", member.memberId()));
    }

    private static void awaitProcessed(CommunityFixtures db, EventEnvelope event) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> db.count(
                                "select count(*) from processed_event where consumer = ? and event_id = ?",
                                Topics.MEMBER_EVENTS,
                                event.eventId())
                        == 1);
    }

    private static EventEnvelope send(String memberId, String type, int version, Object payload) {
        EventEnvelope event = EventJson.envelope(type, version, Instant.now(), memberId, payload);
        TestKafka.send(Topics.MEMBER_EVENTS, memberId, EventJson.write(event));
        return event;
    }
}
