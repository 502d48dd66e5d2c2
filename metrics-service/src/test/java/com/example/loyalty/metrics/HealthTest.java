package com.example.loyalty.metrics;

import com.example.loyalty.testing.ServiceHealthTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Health, metrics, OpenAPI and migrations of metrics-service (see {@link ServiceHealthTestBase}). */
@QuarkusTest
class HealthTest extends ServiceHealthTestBase {

    @Override
    protected String applicationName() {
        return "metrics-service";
    }

    @Override
    protected String apiSegment() {
        return "metrics";
    }

    @Override
    protected String memberApiPath() {
        // marketers' and admins' API: a member is refused (403), which is timed like any answer
        return "/api/metrics/follow-ups";
    }

    @Override
    protected List<String> ownMigrations() {
        return List.of(
                "1 member activity",
                "2 surveys",
                "3 member purchase",
                "4 rfm",
                "5 clv model",
                "6 member attitude",
                "7 member directory",
                "8 community engagement",
                "9 purchase returns",
                "10 merges erasure",
                "11 paid memberships",
                "12 member rfm fillfactor");
    }

    @Override
    protected List<String> kafkaChannels() {
        return List.of(
                "outbox",
                "dead-letters",
                "loyalty-transactions",
                "survey-responses",
                "member-events",
                "community-activity");
    }

    @Override
    protected List<String> ownTables() {
        return List.of(
                "member_activity",
                "survey_question",
                "survey_answer_daily",
                "survey_choice_daily",
                "follow_up",
                "member_purchase",
                "member_rfm",
                "rfm_run",
                "clv_model",
                "member_attitude",
                "member_response",
                "member_directory",
                "community_contribution",
                "purchase_return",
                "member_merge",
                "paid_membership_term");
    }
}
