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
                "18 rewards causes");
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
                "card_design");
    }
}
