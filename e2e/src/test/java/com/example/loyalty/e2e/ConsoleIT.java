package com.example.loyalty.e2e;

import static com.example.loyalty.e2e.LoyaltyStack.as;
import static com.example.loyalty.e2e.LoyaltyStack.balance;
import static org.apache.http.HttpStatus.SC_CREATED;
import static org.apache.http.HttpStatus.SC_OK;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15's console in a real browser (the system's headless Chromium) against the real stack, through the gateway
 * that serves it: sign-in is Keycloak's login page (authorization code with PKCE), every screen calls the real APIs.
 * The story: member1 sees their card and QR code; staff1 finds them by card code and records a purchase after the
 * simulation; member1's balance shows it; marketer1 previews a tier change on the real members and publishes it, reads
 * the NPS chart with its band, and moves a follow-up item; admin1 adjusts points and finds it in the audit log; the
 * console renders in Japanese and in English. Each screen is saved under {@code target/screenshots/} and checked with
 * axe-core (WCAG 2.1 A and AA).
 *
 * <p>Without Chromium and chromedriver the class is skipped with a notice that names the command installing them
 * ({@code .ci/run} installs them, so CI always runs it).
 */
@ExtendWith(LoyaltyStack.class)
@Order(20)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(60);

    private static String console;
    private static String cardCode;
    private static String coupon;
    private static long balanceBefore;
    private static long earned;
    private static String transactionId;
    private static String surveyId;
    private static Map<String, Object> originalLadder;

    @BeforeAll
    static void chromiumIsInstalled() {
        Browser.missing().ifPresent(reason -> {
            System.out.println("[console] NOTICE: " + reason);
            Assumptions.abort(reason);
        });
        console = LoyaltyStack.config().gatewayUrl() + "/";
        for (String member : List.of("member1", "member2")) {
            as(member).post("/api/points/members/me").then().statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
        }
        originalLadder = as("marketer1")
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .extract()
                .as(Map.class);
    }

    @AfterAll
    static void theLadderIsPutBack() {
        if (originalLadder != null) {
            Map<String, Object> ladder = new java.util.HashMap<>(originalLadder);
            ladder.remove("version");
            ladder.remove("evaluationId");
            as("marketer1").body(ladder).put("/api/points/tiers").then().statusCode(SC_OK);
        }
    }

    @Test
    @Order(1)
    void aMemberSignsInThroughKeycloakAndSeesTheirCardAndQrCode() {
        try (Browser b = new Browser("en").signIn(console, "member1")) {
            WebElement qr = b.await(By.id("card-qr"));
            b.until(d -> (Boolean) b.script("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
            cardCode = b.await(By.id("card-code")).getText().trim();
            assertTrue(cardCode.matches("\\d{16}"), cardCode);
            b.await(By.id("history-title"));
            balanceBefore = digits(b.await(By.id("balance")).getText());
            assertEquals(balance("member1"), balanceBefore);
            b.screenshot("01-member-card");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the member's card");
        }
    }

    @Test
    @Order(2)
    void staffFindTheMemberBySimulateAndRecordAPurchase() {
        try (Browser b = new Browser("en").signIn(console, "staff1")) {
            b.await(By.id("member-query")).sendKeys(cardCode);
            b.await(By.id("find")).click();
            b.await(By.id("found-member"));
            b.await(By.id("amount")).sendKeys("5400");
            transactionId = b.await(By.id("transaction-id")).getAttribute("value");
            b.await(By.id("simulate")).click();
            String wouldEarn = b.await(By.cssSelector("#simulation h2")).getText();
            b.screenshot("02-till-simulation");
            b.await(By.id("record")).click();
            earned = digits(b.await(By.id("earned")).getText());
            assertTrue(earned > 0, "earned " + earned);
            assertEquals(digits(wouldEarn), earned, "the simulation said what the purchase earned");
            assertEquals(
                    balanceBefore + earned,
                    digits(b.await(By.id("receipt-balance")).getText()));
            b.screenshot("03-till-receipt");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the till");
        }
    }

    @Test
    @Order(3)
    void theMembersBalanceShowsThePurchase() {
        try (Browser b = new Browser("en").signIn(console, "member1")) {
            b.awaitText(By.id("balance"), String.format("%,d", balanceBefore + earned));
            b.awaitText(By.id("history"), "+" + String.format("%,d", earned));
        }
    }

    @Test
    @Order(4)
    void theMemberRedeemsARewardAnswersASurveyAndChangesTheirOptIns() {
        String reward = as("marketer1")
                .body(Map.of(
                        "name",
                        "Console tote bag " + System.nanoTime(),
                        "kind",
                        "PRODUCT",
                        "pointsPrice",
                        10,
                        "stock",
                        5,
                        "eligibleTiers",
                        List.of()))
                .post("/api/points/rewards")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        String survey = publishedSurvey(Map.of(
                "title", Map.of("en", "Console: the new store", "ja", "コンソール: 新しい店舗"),
                "anonymous", false,
                "questions",
                        List.of(
                                Map.of(
                                        "id",
                                        "nrs",
                                        "type",
                                        "NRS",
                                        "required",
                                        true,
                                        "text",
                                        Map.of("en", "Will you come again?")),
                                Map.of(
                                        "id",
                                        "effort",
                                        "type",
                                        "CES_BINARY",
                                        "text",
                                        Map.of("en", "Was it hard to find things?")),
                                Map.of(
                                        "id",
                                        "liked",
                                        "type",
                                        "CHOICE",
                                        "text",
                                        Map.of("en", "What did you like most?"),
                                        "options",
                                        List.of(
                                                Map.of("id", "staff", "text", Map.of("en", "The staff")),
                                                Map.of("id", "range", "text", Map.of("en", "The range")))),
                                Map.of("id", "comment", "type", "TEXT", "text", Map.of("en", "Anything else?")))));
        try (Browser b = new Browser("en").signIn(console, "member1")) {
            b.go(console, "rewards");
            b.await(By.cssSelector("button.redeem[data-id='" + reward + "']")).click();
            b.await(By.cssSelector("button.confirm-redeem")).click();
            coupon = b.await(By.id("coupon")).getText().trim();
            assertTrue(coupon.replace("-", "").length() == 16, coupon);
            b.screenshot("04-member-rewards");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the member's rewards");

            b.go(console, "surveys");
            b.await(By.xpath("//li[h2[normalize-space(.)='Console: the new store']]//button"))
                    .click();
            b.await(By.cssSelector("input[name='q-nrs'][value='5']")).click();
            b.await(By.cssSelector("input[name='q-effort'][value='false']")).click();
            b.await(By.cssSelector("input[name='q-liked'][value='staff']")).click();
            b.await(By.id("q-comment")).sendKeys("Bright and friendly");
            b.screenshot("04-member-survey");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on a survey form");
            b.await(By.id("submit-answers")).click();
            b.await(By.id("answered"));

            b.go(console, "profile");
            WebElement push = b.await(By.id("opt-push"));
            boolean before = push.isSelected();
            push.click();
            b.await(By.id("save-opt-ins")).click();
            b.await(By.id("opt-ins-saved"));
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the profile");
            assertEquals(
                    !before,
                    as("member1")
                            .get("/api/points/members/me/opt-ins")
                            .then()
                            .statusCode(SC_OK)
                            .extract()
                            .path("push"));
        }
        List<String> open = as("member1")
                .get("/api/surveys/me/open")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("id", String.class);
        assertTrue(!open.contains(survey), "answered, so no longer open");
    }

    @Test
    @Order(5)
    void staffRedeemPointsAndRecordAReturnAtTheTill() {
        try (Browser b = new Browser("en").signIn(console, "staff1")) {
            b.await(By.id("member-query")).sendKeys(cardCode);
            b.await(By.id("find")).click();
            b.await(By.id("mode-redeem")).click();
            b.await(By.id("redeem-points")).sendKeys("5");
            b.await(By.id("redeem")).click();
            long shown = digits(b.await(By.id("outcome-balance")).getText());
            b.screenshot("05-till-redeem");
            // the receipt's balance is the ledger's balance after that redemption (survey awards may land around it)
            Map<String, Object> redemption = as("member1")
                    .get("/api/points/members/me/ledger?page=0&size=50")
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .jsonPath()
                    .getMap("items.find { it.kind == 'REDEEM' && it.points == -5 }");
            assertEquals(shown, ((Number) redemption.get("balanceAfter")).longValue());

            b.await(By.id("mode-return")).click();
            b.await(By.id("return-transaction")).sendKeys(transactionId);
            b.await(By.id("return-amount")).sendKeys("1000");
            b.await(By.id("record-return")).click();
            String returned = b.await(By.cssSelector("#outcome h2")).getText();
            assertTrue(returned.startsWith("Return recorded") && digits(returned) > 0, returned);
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the till's return");

            // the reward the member redeemed in the app: its coupon, typed in lower case, and the reward handed over
            b.await(By.id("coupon-code")).sendKeys(coupon.toLowerCase(java.util.Locale.ROOT));
            b.await(By.id("look-up-coupon")).click();
            b.awaitText(By.id("coupon-status"), "Ready to use");
            b.screenshot("05-till-coupon");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the till's coupon");
            b.await(By.id("fulfil-coupon")).click();
            b.awaitText(By.id("coupon-outcome"), "handed over");
            b.awaitText(By.id("coupon-status"), "Used");
        }
        assertEquals(
                "FULFILLED",
                as("staff1")
                        .get("/api/points/coupons/{code}", coupon.replace("-", ""))
                        .then()
                        .statusCode(SC_OK)
                        .extract()
                        .path("status"));
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void aMarketerPreviewsATierChangeOnTheRealMembersAndPublishesIt() {
        List<Map<String, Object>> tiers = (List<Map<String, Object>>) originalLadder.get("tiers");
        Map<String, Object> second = tiers.get(1);
        String code = (String) second.get("code");
        long threshold = ((Number) second.getOrDefault("thresholdSpend", 0)).longValue();
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "tiers");
            b.await(By.id("preview"));
            String before = b.await(By.id("moved-up")).getText();
            assertTrue(before.startsWith("0 "), "the ladder as it is moves nobody: " + before);
            // down to 1 yen: every member who bought anything qualifies for the second tier
            WebElement spend = b.await(By.id("tier-" + code + "-thresholdSpend"));
            spend.clear();
            spend.sendKeys("1");
            b.until(d -> !d.findElement(By.id("moved-up")).getText().startsWith("0 "));
            assertTrue(threshold > 1, "the second tier's threshold was " + threshold);
            b.screenshot("06-tier-preview");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the tier preview");
            b.await(By.id("publish")).click();
            b.await(By.id("published"));
        }
        Number published = as("marketer1")
                .get("/api/points/tiers")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("tiers[1].thresholdSpend");
        assertEquals(1L, published.longValue());
    }

    @Test
    @Order(7)
    void theMarketerSeesTheNpsChartWithItsBand() {
        surveyId = npsSurveyAnsweredByBothMembers();
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "nps");
            new Select(b.await(By.id("survey"))).selectByValue(surveyId);
            b.awaitText(By.id("nps-n"), "2");
            new Select(b.await(By.id("interval"))).selectByValue("day");
            b.await(By.id("nps-chart"));
            b.until(d -> Boolean.TRUE.equals(b.script("const c = Chart.getChart('nps-chart');"
                    + " return !!c && c.data.datasets.length === 3"
                    + " && c.data.datasets[0].data.some(v => v !== null)"
                    + " && c.data.datasets[1].data.some(v => v !== null)")));
            assertEquals("0", b.await(By.id("nps-score")).getText().split(" ")[0]);
            b.screenshot("07-nps-dashboard");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the NPS dashboard");

            // the significance of a change: nothing before today against today cannot be tested, and the console shows
            // metrics-service's problem saying why
            b.script("arguments[0].value = '2000-01-01'", b.await(By.id("a-from")));
            b.script(
                    "arguments[0].value = arguments[1]",
                    b.await(By.id("a-to")),
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))
                            .minusDays(1)
                            .toString());
            String today =
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
            b.script("arguments[0].value = arguments[1]", b.await(By.id("b-from")), today);
            b.script("arguments[0].value = arguments[1]", b.await(By.id("b-to")), today);
            b.await(By.id("run-compare")).click();
            b.awaitText(By.cssSelector("[role='alert']"), "nothing to compare");

            b.go(console, "behaviour");
            b.await(By.id("recompute")).click();
            b.await(By.id("rfm-grid"));
            b.await(By.cssSelector("button.export-segment")).click();
            b.await(By.id("exported"));
            b.await(By.id("quadrants"));
            b.until(d -> Boolean.TRUE.equals(
                    b.script("return !!Chart.getChart('churn-chart') && !!Chart.getChart('ltv-chart')")));
            b.screenshot("07-behaviour");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the behaviour dashboard");
        }
    }

    @Test
    @Order(11)
    void theMarketerSchedulesACampaignAndEndsIt() {
        String name = "Console double points " + System.nanoTime();
        java.time.LocalDateTime start =
                java.time.LocalDateTime.now().plusDays(30).withSecond(0).withNano(0);
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "rules");
            b.await(By.id("rule-name")).sendKeys(name);
            b.await(By.id("rule-multiplier")).sendKeys("2");
            b.script("arguments[0].value = arguments[1]", b.await(By.id("rule-from")), start.toString());
            b.script(
                    "arguments[0].value = arguments[1]",
                    b.await(By.id("rule-to")),
                    start.plusDays(7).toString());
            b.await(By.id("create-rule")).click();
            b.awaitText(By.id("rule-created"), "Scheduled");
            WebElement row = b.await(By.xpath("//table[@id='rules']//tr[td[normalize-space(.)='" + name + "']]"));
            b.screenshot("11-rules");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on rules and campaigns");
            row.findElement(By.cssSelector("button.end")).click();
            b.await(By.cssSelector("button.confirm-end")).click();
            b.awaitText(
                    By.xpath("//table[@id='rules']//tr[td[normalize-space(.)='" + name + "']]/td[@class='state']"),
                    "Ended");
        }
    }

    @Test
    @Order(8)
    void theMarketerMovesAFollowUpItem() {
        String itemId = await().atMost(KAFKA_WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            List<String> ids = as("marketer1")
                                    .queryParam("status", "open")
                                    .queryParam("surveyId", surveyId)
                                    .get("/api/metrics/follow-ups")
                                    .then()
                                    .statusCode(SC_OK)
                                    .extract()
                                    .jsonPath()
                                    .getList("items.id", String.class);
                            return ids.isEmpty() ? null : ids.get(0);
                        },
                        id -> id != null);
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "follow-ups");
            WebElement row = b.await(By.cssSelector("tr[data-id='" + itemId + "']"));
            b.screenshot("08-follow-ups");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the follow-up queue");
            row.findElement(By.cssSelector("button.move[data-status='contacted']"))
                    .click();
            b.awaitText(By.id("moved"), "Contacted");
        }
        as("marketer1")
                .get("/api/metrics/follow-ups/{id}", itemId)
                .then()
                .statusCode(SC_OK)
                .body("status", is("contacted"));
    }

    @Test
    @Order(9)
    void anAdminAdjustsPointsAndFindsTheChangeInTheAuditLog() throws java.io.IOException {
        String reason = "Console test: goodwill for a late delivery " + System.nanoTime();
        try (Browser b = new Browser("en").signIn(console, "admin1")) {
            b.go(console, "adjust");
            b.await(By.id("adjust-card")).sendKeys(cardCode);
            b.await(By.id("adjust-find")).click();
            b.await(By.id("adjust-points")).sendKeys("120");
            b.await(By.id("adjust-reason")).sendKeys(reason);
            b.await(By.id("adjust-save")).click();
            b.awaitText(By.id("adjusted"), "120");
            b.screenshot("09-adjust");
            b.go(console, "audit");
            b.awaitText(By.id("audit"), reason);
            b.screenshot("09-audit-log");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the audit log");

            b.go(console, "members");
            b.await(By.id("member-search")).sendKeys("member2@example.com");
            b.await(By.id("member-find")).click();
            b.await(By.id("member-card-code"));
            b.await(By.id("export")).click();
            b.await(By.id("member-done"));
            b.await(By.id("start-erase")).click();
            b.await(By.id("confirm-erase"));
            b.screenshot("09-members");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the members screen");

            java.nio.file.Path csv = java.nio.file.Files.createTempFile("console-import", ".csv");
            long run = System.nanoTime();
            java.nio.file.Files.writeString(
                    csv,
                    "externalId,displayName\nconsole-" + run + "-1,Aoi Import\nconsole-" + run + "-2,Ren Import\n");
            b.go(console, "imports");
            b.await(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
            b.await(By.id("start-import")).click();
            b.awaitText(By.id("import-title"), "Done");
            b.awaitText(By.id("import-counts"), "2 of 2 rows in, 0 rejected");
            b.screenshot("09-imports");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on imports");
        }
    }

    @Test
    @Order(10)
    void theConsoleRendersInJapaneseAndInEnglish() {
        try (Browser b = new Browser("ja")) {
            b.driver.get(console);
            b.awaitText(By.id("login"), "ログイン");
            assertEquals("ja", b.script("return document.documentElement.lang"));
            b.screenshot("10-welcome-ja");
            new Select(b.await(By.id("language"))).selectByValue("en");
            b.awaitText(By.id("login"), "Sign in");
            assertEquals("en", b.script("return document.documentElement.lang"));
        }
        try (Browser b = new Browser("ja").signIn(console, "member1")) {
            b.awaitText(By.id("balance-title"), "ポイント残高");
            b.awaitText(By.id("balance"), "ポイント");
            b.screenshot("10-member-card-ja");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the member's card in Japanese");
            new Select(b.await(By.id("language"))).selectByValue("en");
            b.awaitText(By.id("balance-title"), "Balance");
        }
    }

    @Test
    @Order(12)
    void aMemberAsksInTheCommunityAndRegistersForAnEventAndAnAdminHidesAReportedPost() {
        String space = "Console space " + System.nanoTime();
        as("marketer1")
                .body(Map.of("name", space, "description", "Questions about the new store"))
                .post("/api/community/spaces")
                .then()
                .statusCode(SC_CREATED);
        String event = "Console tasting " + System.nanoTime();
        java.time.Instant starts = java.time.Instant.now().plus(java.time.Duration.ofDays(7));
        as("marketer1")
                .body(Map.of(
                        "title",
                        event,
                        "startsAt",
                        starts.toString(),
                        "endsAt",
                        starts.plus(java.time.Duration.ofHours(2)).toString(),
                        "capacity",
                        10))
                .post("/api/community/events")
                .then()
                .statusCode(SC_CREATED);
        String question = "Where is the coffee corner? " + System.nanoTime();
        String postId;
        try (Browser b = new Browser("en").signIn(console, "member1")) {
            b.go(console, "community");
            b.await(By.xpath("//nav//button[normalize-space(.)='" + space + "']"))
                    .click();
            b.awaitText(By.id("space-title"), space);
            new Select(b.await(By.id("post-kind"))).selectByValue("QUESTION");
            b.await(By.id("post-title")).sendKeys(question);
            b.await(By.id("post-body")).sendKeys("I could not find it on the first floor.");
            b.await(By.id("publish-post")).click();
            b.awaitText(By.id("feed"), question);
            postId = b.await(By.xpath("//li[@class='post'][h3[contains(., '" + question + "')]]"))
                    .getAttribute("data-id");
            b.await(By.xpath("//li[@class='event'][h3[normalize-space(.)='" + event
                            + "']]//button[contains(@class,'register')]"))
                    .click();
            b.awaitText(By.id("events"), "You have a seat.");
            b.screenshot("12-community");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the community");
        }
        as("member2")
                .body(Map.of("reason", "OFF_TOPIC", "note", "Console test report"))
                .post("/api/community/posts/{id}/reports", postId)
                .then()
                .statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
        try (Browser b = new Browser("en").signIn(console, "admin1")) {
            b.go(console, "moderation");
            WebElement row = b.await(By.cssSelector("#reports tr[data-id='" + postId + "']"));
            row.findElement(By.cssSelector("button.moderate")).click();
            b.await(By.id("moderation-reason")).sendKeys("Asked twice");
            b.screenshot("12-moderation");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on moderation");
            // the author is banned from the queue, and let back in (member1 writes again in later steps)
            b.await(By.cssSelector("button.ban")).click();
            b.awaitText(By.id("moderated"), "Author banned.");
            String rowCss = "#reports tr[data-id='" + postId + "']";
            b.awaitText(By.cssSelector(rowCss + " td.author"), "Banned");
            String author = as("member1")
                    .get("/api/community/members/me")
                    .then()
                    .statusCode(SC_OK)
                    .extract()
                    .path("memberId");
            as("admin1")
                    .get("/api/community/members/{id}", author)
                    .then()
                    .statusCode(SC_OK)
                    .body("banned", is(true));
            b.await(By.cssSelector(rowCss + " button.moderate")).click();
            b.await(By.id("moderation-reason")).sendKeys("Appeal granted");
            b.await(By.cssSelector("button.unban")).click();
            b.awaitText(By.id("moderated"), "Ban lifted.");
            as("admin1")
                    .get("/api/community/members/{id}", author)
                    .then()
                    .statusCode(SC_OK)
                    .body("banned", is(false));
            b.await(By.cssSelector(rowCss + " button.moderate")).click();
            b.await(By.id("moderation-reason")).sendKeys("Asked twice");
            b.await(By.cssSelector("button.hide")).click();
            b.awaitText(By.id("moderated"), "Hidden.");
        }
        // hidden: members no longer find it
        as("member2").get("/api/community/posts/{id}", postId).then().statusCode(404);
    }

    @Test
    @Order(13)
    void theMarketerAddsRestocksAndRetiresARewardAndOpensACause() {
        String reward = "Console mug " + System.nanoTime();
        String cause = "Console forest " + System.nanoTime();
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "catalogue");
            b.await(By.id("reward-name")).sendKeys(reward);
            new Select(b.await(By.id("reward-kind"))).selectByValue("PRODUCT");
            b.await(By.id("reward-price")).sendKeys("300");
            b.await(By.id("reward-stock")).sendKeys("3");
            b.await(By.id("add-reward")).click();
            b.awaitText(By.id("catalogue-notice"), reward + " added.");
            String row = "//table[@id='catalogue']//tr[td[normalize-space(.)='" + reward + "']]";
            b.await(By.xpath(row + "//button[contains(@class,'restock')]")).click();
            b.awaitText(By.xpath(row + "/td[4]"), "13");
            b.await(By.id("cause-name")).sendKeys(cause);
            b.await(By.id("cause-ratio")).sendKeys("0.5");
            b.await(By.id("add-cause")).click();
            b.awaitText(By.id("causes"), cause);
            b.screenshot("13-rewards-and-causes");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on rewards and causes");
            b.await(By.xpath(row + "//button[contains(@class,'retire')]")).click();
            b.awaitText(By.xpath(row + "/td[7]"), "Retired");
        }
    }

    @Test
    @Order(14)
    void theMarketerBuildsASurveyInBothLanguagesPublishesItAndRunsItsWaves() {
        String title = "Console builder " + System.nanoTime();
        String closes = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))
                .plusDays(10)
                .toString();
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "survey-builder");
            b.await(By.id("survey-title-en")).sendKeys(title);
            b.await(By.id("survey-title-ja")).sendKeys("コンソールで作成 " + title);
            b.await(By.cssSelector("fieldset.question[data-index='0'] .q-en")).sendKeys("Would you recommend us?");
            b.await(By.cssSelector("fieldset.question[data-index='0'] .q-ja")).sendKeys("当店をおすすめしますか？");
            // saved as a draft first, then opened again: the builder shows what was saved, and takes more
            b.await(By.id("save-draft")).click();
            b.awaitText(By.id("builder-notice"), "saved as a draft");
            String draft = "//table[@id='survey-list']//tr[td[normalize-space(.)='" + title + "']]";
            b.awaitText(By.xpath(draft + "/td[2]"), "Draft");
            b.await(By.xpath(draft + "//button[contains(@class,'edit-draft')]")).click();
            b.awaitText(By.id("builder-title"), "Editing the draft " + title);
            b.until(d -> "Would you recommend us?"
                            .equals(d.findElement(By.cssSelector("fieldset.question[data-index='0'] .q-en"))
                                    .getDomProperty("value"))
                    && title.equals(d.findElement(By.id("survey-title-en")).getDomProperty("value")));
            b.await(By.id("add-question")).click();
            new Select(b.await(By.cssSelector("fieldset.question[data-index='1'] .q-type"))).selectByValue("CHOICE");
            b.await(By.cssSelector("fieldset.question[data-index='1'] .q-en")).sendKeys("What brings you here?");
            b.await(By.cssSelector("fieldset.question[data-index='1'] .q-options"))
                    .sendKeys("coffee | Coffee | コーヒー\nbooks | Books | 本");
            b.script("arguments[0].value = arguments[1]", b.await(By.id("wave-closes")), closes);
            b.screenshot("14-survey-builder");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the survey builder");
            b.await(By.id("publish-survey")).click();
            b.awaitText(By.id("builder-notice"), "published");
            String row = "//table[@id='survey-list']//tr[td[normalize-space(.)='" + title + "']]";
            b.awaitText(By.xpath(row + "/td[2]"), "Published");
            b.await(By.xpath(row + "//button[contains(@class,'waves')]")).click();
            b.await(By.cssSelector("button.close-wave")).click();
            b.awaitText(By.id("waves"), "Closed");
            b.script("arguments[0].value = arguments[1]", b.await(By.id("new-wave-closes")), closes);
            new Select(b.await(By.id("wave-target"))).selectByValue("TIER");
            b.await(By.id("wave-target-list")).sendKeys("SILVER, GOLD");
            b.await(By.id("add-wave")).click();
            b.awaitText(By.id("builder-notice"), "Wave added.");
            b.awaitText(By.id("waves"), "Some tiers");
        }
        List<Map<String, Object>> surveys = as("marketer1")
                .get("/api/surveys?page=0&size=100")
                .then()
                .statusCode(SC_OK)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.title.en == '" + title + "' }");
        assertEquals(1, surveys.size(), "the draft was changed and published, not copied");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> questions =
                (List<Map<String, Object>>) surveys.get(0).get("questions");
        assertEquals(
                List.of("NPS", "CHOICE"),
                questions.stream().map(q -> q.get("type")).toList());
        assertEquals("当店をおすすめしますか？", ((Map<?, ?>) questions.get(0).get("text")).get("ja"));
        assertEquals(2, ((List<?>) questions.get(1).get("options")).size());
    }

    @Test
    @Order(15)
    void anotherMemberAnswersAQuestionTheAskerAcceptsItAndTheMarketerReadsTheCommunityAnalytics() {
        String space = "Console answers " + System.nanoTime();
        String spaceId = as("marketer1")
                .body(Map.of("name", space))
                .post("/api/community/spaces")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        String question = "Is there parking? " + System.nanoTime();
        String postId = as("member1")
                .body(Map.of("kind", "QUESTION", "title", question, "body", "For a small car."))
                .post("/api/community/spaces/{id}/posts", spaceId)
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id");
        String post = "//li[@class='post'][@data-id='" + postId + "']";
        try (Browser b = new Browser("en").signIn(console, "member2")) {
            b.go(console, "community");
            b.await(By.xpath("//nav//button[normalize-space(.)='" + space + "']"))
                    .click();
            b.await(By.xpath(post + "//button[contains(@class,'open-post')]")).click();
            b.await(By.id("comment-body")).sendKeys("Yes, behind the store, free for an hour.");
            b.await(By.id("send-comment")).click();
            b.awaitText(By.id("thread"), "behind the store");
        }
        try (Browser b = new Browser("en").signIn(console, "member1")) {
            b.go(console, "community");
            b.await(By.xpath("//nav//button[normalize-space(.)='" + space + "']"))
                    .click();
            b.await(By.xpath(post + "//button[contains(@class,'open-post')]")).click();
            b.await(By.cssSelector("#thread button.accept")).click();
            b.awaitText(By.id("thread"), "accepted answer");
            b.screenshot("15-community-answer");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on a question's thread");
        }
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "community-analytics");
            b.await(By.id("community-totals"));
            b.awaitText(By.id("questions-figures"), "questions answered");
            b.until(d -> Boolean.TRUE.equals(b.script("return !!Chart.getChart('community-chart')")));
            b.screenshot("15-community-analytics");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on community analytics");
        }
    }

    @Test
    @Order(16)
    void theMarketerAddsACardDesignTheMemberDrawsTheirCardInItAndRetiringItBringsBackTheDefault() {
        String name = "console-" + System.nanoTime();
        String title = "Console night " + name.substring(8);
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "card-designs");
            b.await(By.id("design-name")).sendKeys(name);
            b.await(By.id("design-title-en")).sendKeys(title);
            b.await(By.id("design-title-ja")).sendKeys("夜 " + name);
            // a colour picker takes its value from a script, as a user's pick would arrive
            String pick = "arguments[0].value = arguments[1];"
                    + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}))";
            b.script(pick, b.await(By.id("design-background")), "#ffffff");
            b.script(pick, b.await(By.id("design-text")), "#eeeeee");
            b.awaitText(By.id("design-contrast"), "Below 4.5:1");
            b.script(pick, b.await(By.id("design-background")), "#102030");
            b.awaitText(By.id("design-contrast"), "Text contrast 14");
            b.awaitText(By.id("design-preview"), title);
            b.screenshot("16-card-designs");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on card designs");
            b.await(By.id("save-design")).click();
            b.awaitText(By.id("designs-notice"), name + " saved.");
        }
        try (Browser b = new Browser("en").signIn(console, "member1")) {
            new Select(b.await(By.id("card-design"))).selectByVisibleText(title);
            b.awaitText(By.id("member-card"), title);
            b.until(d -> d.findElement(By.id("member-card"))
                    .getCssValue("background-color")
                    .equals("rgba(16, 32, 48, 1)"));
        }
        assertEquals(
                name,
                as("member1")
                        .get("/api/points/members/me/card")
                        .then()
                        .statusCode(SC_OK)
                        .extract()
                        .path("design.name"));
        try (Browser b = new Browser("en").signIn(console, "marketer1")) {
            b.go(console, "card-designs");
            String row = "//table[@id='designs']//tr[td[normalize-space(.)='" + name + "']]";
            b.await(By.xpath(row + "//button[contains(@class,'retire-design')]"))
                    .click();
            b.awaitText(By.xpath(row + "/td[3]"), "Retired");
        }
        Map<String, Object> card = as("member1")
                .get("/api/points/members/me/card")
                .then()
                .statusCode(SC_OK)
                .extract()
                .path("");
        assertEquals(true, card.get("chosenDesignRetired"));
        assertEquals(true, ((Map<?, ?>) card.get("design")).get("isDefault"));
    }

    @Test
    @Order(17)
    void staffFindTheMemberByHoldingTheirCardsQrCodeToTheCamera() {
        byte[] qr = as("member1")
                .accept("image/png")
                .get("/api/points/members/me/card.png")
                .then()
                .statusCode(SC_OK)
                .extract()
                .asByteArray();
        java.nio.file.Path camera = FakeCamera.showing(qr, 240);
        try (Browser b = new Browser("en", camera).signIn(console, "staff1")) {
            // the camera view opens and closes again as soon as the code is read: too fast to wait for
            b.await(By.id("scan")).click();
            // the scanner reads the card code into the search and finds the member by it
            b.until(d -> cardCode.equals(d.findElement(By.id("member-query")).getDomProperty("value")));
            b.await(By.id("found-balance"));
            // and closes the camera
            assertEquals(List.of(), b.driver.findElements(By.id("scanner")), "the camera view after the scan");
            b.awaitText(By.id("scan"), "Scan QR code");
            b.screenshot("17-till-scanned");
        } finally {
            camera.toFile().delete();
        }
    }

    @Test
    @Order(18)
    void theMembersCardAndTheTillFitAPhone() {
        try (Browser b = new Browser("ja").signIn(console, "member1").phone()) {
            b.await(By.id("card-qr"));
            b.await(By.id("history-title"));
            assertEquals(List.of(), b.sidewaysOverflow(), "what makes the member's card scroll sideways on a phone");
            WebElement qr = b.await(By.id("card-qr"));
            assertTrue(
                    qr.getRect().getX() >= 0
                            && qr.getRect().getX() + qr.getRect().getWidth() <= 390,
                    "the QR code is whole on the screen: " + qr.getRect());
            b.screenshot("18-phone-member-card");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the member's card on a phone");
        }
        try (Browser b = new Browser("ja").signIn(console, "staff1").phone()) {
            b.await(By.id("member-query")).sendKeys(cardCode);
            b.await(By.id("find")).click();
            b.await(By.id("found-balance"));
            b.await(By.id("amount"));
            assertEquals(List.of(), b.sidewaysOverflow(), "what makes the till scroll sideways on a phone");
            b.screenshot("18-phone-till");
            assertEquals(List.of(), b.accessibilityViolations(), "axe-core on the till on a phone");
        }
    }

    private static String npsSurveyAnsweredByBothMembers() {
        Map<String, Object> survey = Map.of(
                "title", Map.of("en", "Console: how are we doing?", "ja", "コンソール: ご意見をお聞かせください"),
                "anonymous", false,
                "questions",
                        List.of(
                                Map.of(
                                        "id",
                                        "nps",
                                        "type",
                                        "NPS",
                                        "required",
                                        true,
                                        "text",
                                        Map.of("en", "How likely are you to recommend us?", "ja", "おすすめ度は？")),
                                Map.of("id", "reason", "type", "TEXT", "text", Map.of("en", "Why?"))));
        String id = publishedSurvey(survey);
        answer("member1", id, 10, "Friendly staff");
        answer("member2", id, 2, "Nobody at the till for ten minutes");
        await().atMost(KAFKA_WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> as("marketer1")
                                .get("/api/metrics/surveys/{id}", id)
                                .then()
                                .statusCode(SC_OK)
                                .extract()
                                .jsonPath()
                                .getInt("questions.find { it.questionId == 'nps' }.n")
                        == 2);
        return id;
    }

    private static String publishedSurvey(Map<String, Object> survey) {
        String id = as("marketer1")
                .body(survey)
                .post("/api/surveys")
                .then()
                .statusCode(SC_CREATED)
                .extract()
                .path("id")
                .toString();
        as("marketer1").post("/api/surveys/{id}/publish", id).then().statusCode(anyOf(is(SC_OK), is(SC_CREATED)));
        return id;
    }

    private static void answer(String member, String survey, int nps, String reason) {
        as(member)
                .body(Map.of("answers", Map.of("nps", nps, "reason", reason), "channel", "APP", "storeId", "S001"))
                .post("/api/surveys/{id}/responses", survey)
                .then()
                .statusCode(SC_CREATED);
    }

    /** The number in a text such as "1,234 points" or "1,234 ポイント". */
    private static long digits(String text) {
        String d = text.replaceAll("[^0-9-]", "");
        return d.isEmpty() ? 0 : Long.parseLong(d);
    }
}
