package com.example.loyalty.points;

import com.example.loyalty.testing.ServiceHealthTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Health, metrics, OpenAPI and migrations of points-service (see {@link ServiceHealthTestBase}). */
@QuarkusTest
class HealthTest extends ServiceHealthTestBase {

    @Override
    protected String applicationName() {
        return "points-service";
    }

    @Override
    protected String apiSegment() {
        return "points";
    }

    @Override
    protected String memberApiPath() {
        return "/api/points/tiers";
    }

    @Override
    protected List<String> ownMigrations() {
        return List.of(
                "1 points core",
                "2 survey awards",
                "3 tier ladder notify",
                "4 rolling spend",
                "5 imports",
                "6 community awards",
                "7 lots returns debt",
                "8 audit log",
                "9 lot restorations",
                "10 point adjustments",
                "11 card verified contacts designs",
                "12 purchase unique per store",
                "13 member merge erasure",
                "14 member segments",
                "15 earning rules",
                "16 action points",
                "17 tier evaluation",
                "18 rewards causes",
                "19 paid membership opt ins",
                "20 survey waves",
                "21 membership period notify",
                "22 member referral pending",
                "23 member paid periods");
    }

    @Override
    protected List<String> kafkaChannels() {
        return List.of(
                "outbox", "dead-letters", "survey-responses", "survey-waves", "community-activity", "loyalty-insights");
    }

    @Override
    protected List<String> ownTables() {
        return List.of(
                "member",
                "purchase",
                "redemption",
                "ledger_entry",
                "tier",
                "tier_ladder",
                "survey_award",
                "import_job",
                "import_error",
                "community_award",
                "point_lot",
                "lot_consumption",
                "purchase_return",
                "audit_entry",
                "point_adjustment",
                "card_design",
                "member_segment",
                "earning_rule",
                "earning_rule_version",
                "purchase_rule",
                "purchase_item",
                "tier_evaluation",
                "cause",
                "reward",
                "membership_plan",
                "paid_membership",
                "membership_period",
                "membership_webhook_event",
                "member_opt_in",
                "opt_in_change",
                "action_rule",
                "action_rule_version",
                "action_award",
                "referral_code",
                "referral",
                "survey_wave",
                "survey_response_held");
    }
}
