package com.example.loyalty.community;

import static io.restassured.RestAssured.given;
import static org.apache.http.HttpStatus.SC_OK;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.example.loyalty.testing.ServiceHealthTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health, metrics, OpenAPI and migrations of community-service (see {@link ServiceHealthTestBase}). */
@QuarkusTest
class HealthTest extends ServiceHealthTestBase {

    @Override
    protected String applicationName() {
        return "community-service";
    }

    @Override
    protected String apiSegment() {
        return "community";
    }

    @Override
    protected String memberApiPath() {
        return "/api/community/members/me";
    }

    @Override
    protected List<String> ownMigrations() {
        return List.of(
                "1 community core",
                "2 content",
                "3 events",
                "4 moderation",
                "5 member merge erasure",
                "6 search vector fast path");
    }

    @Override
    protected List<String> kafkaChannels() {
        return List.of("outbox", "dead-letters", "member-events", "loyalty-transactions");
    }

    @Override
    protected List<String> ownTables() {
        return List.of(
                "community_member",
                "contribution",
                "moderation_action",
                "space",
                "post",
                "post_revision",
                "comment",
                "comment_revision",
                "reaction",
                "content_view",
                "content_view_pending",
                "community_event",
                "event_registration",
                "post_search",
                "comment_search",
                "content_report");
    }

    @Test
    void theOpenApiDocumentDescribesTheCommunityApi() {
        given().when()
                .get("/q/openapi")
                .then()
                .statusCode(SC_OK)
                .body(not(containsString("Preliminary")))
                .body(containsString("The brand community"))
                .body(containsString("/api/community/members/me"))
                .body(containsString("/api/community/events/{id}/registrations"))
                .body(containsString("/api/community/ranks"))
                .body(containsString("/api/community/ambassadors/candidates"))
                .body(containsString("/api/community/moderation/actions"));
    }
}
