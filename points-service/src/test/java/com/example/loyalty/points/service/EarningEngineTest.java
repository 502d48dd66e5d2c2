package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.loyalty.points.domain.RuleKind;
import com.example.loyalty.points.domain.RuleState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stacking and rounding of docs/earning-rules.md, without a database. */
class EarningEngineTest {

    private static final Instant T = Instant.parse("2026-06-01T03:00:00Z");
    private static final EarningEngine ENGINE = new EarningEngine(new BigDecimal("10"));
    private static final EarningEngine.MemberContext REGULAR =
            new EarningEngine.MemberContext("REGULAR", "Regular", BigDecimal.ONE, null);
    private static final EarningEngine.MemberContext GOLD =
            new EarningEngine.MemberContext("GOLD", "Gold", new BigDecimal("1.5"), "CHAMPIONS");

    private static int created;

    private static EarningEngine.Earning earn(
            EarningEngine.MemberContext m, EarningEngine.Purchase p, RuleVersionView... rules) {
        return ENGINE.earn(p, m, List.of(), List.of(rules), 100, EarningEngine.DailyUse.NONE);
    }

    private static EarningEngine.Purchase jpy(long amount, EarningEngine.Item... items) {
        return new EarningEngine.Purchase(amount, "JPY", "STORE", T, List.of(items));
    }

    /** A rule version in force from an hour before {@link #T}, open-ended, created after the previous one. */
    private static RuleVersionView rule(RuleKind kind, Map<String, Object> f) {
        created++;
        return new RuleVersionView(
                UUID.randomUUID(),
                1,
                kind,
                kind + " " + created,
                (RuleState) f.getOrDefault("state", RuleState.ACTIVE),
                T.minus(Duration.ofDays(10)).plusSeconds(created),
                (Instant) f.getOrDefault("effectiveFrom", T.minus(Duration.ofHours(1))),
                (Instant) f.get("effectiveTo"),
                (Instant) f.getOrDefault("validFrom", T.minus(Duration.ofHours(1))),
                (Instant) f.get("validTo"),
                (String) f.get("currency"),
                (Integer) f.get("rate"),
                (String) f.get("channel"),
                (String) f.get("category"),
                (String) f.get("sku"),
                f.get("multiplier") == null
                        ? null
                        : new BigDecimal(f.get("multiplier").toString()),
                (Long) f.get("bonus"),
                (Set<String>) f.getOrDefault("tiers", Set.of()),
                (String) f.get("segment"),
                (Long) f.get("perPurchase"),
                (Long) f.get("perDay"),
                T.minus(Duration.ofDays(10)),
                "marketer");
    }

    @Test
    void withoutRulesOnePointPer100YenTimesTheTierRoundedDownOnce() {
        assertEquals(123, earn(REGULAR, jpy(12_399)).points());
        // 12,399 x 1.5 / 100 = 185.985: rounded once, not 123 x 1.5 = 184.5
        assertEquals(185, earn(GOLD, jpy(12_399)).points());
        EarningEngine.Earning e = earn(REGULAR, jpy(12_399));
        assertEquals(100, e.rate());
        assertEquals(
                List.of("BASE_RATE", "TIER", "ROUNDING"),
                e.steps().stream().map(EarningEngine.Step::kind).toList());
        assertEquals(new BigDecimal("123.990"), e.steps().get(1).pointsAfter());
        assertTrue(e.applied().isEmpty());
    }

    @Test
    void aBaseRateRuleOverridesTheConfiguredRateAndTheNewestWins() {
        var old = rule(RuleKind.BASE_RATE, Map.of("currency", "JPY", "rate", 200));
        var newest = rule(RuleKind.BASE_RATE, Map.of("currency", "JPY", "rate", 50));
        var usd = rule(RuleKind.BASE_RATE, Map.of("currency", "USD", "rate", 1));
        EarningEngine.Earning e = earn(REGULAR, jpy(1_000), old, newest, usd);
        assertEquals(20, e.points());
        assertEquals(50, e.rate());
        assertEquals(newest.ruleId(), e.rateRuleId());
        assertEquals(
                List.of(newest.ruleId()),
                e.applied().stream().map(EarningEngine.Applied::ruleId).toList());
    }

    @Test
    void multipliersMultiplyTierChannelSkuOverCategoryAndCampaigns() {
        var channel = rule(RuleKind.CHANNEL, Map.of("channel", "STORE", "multiplier", "2"));
        var online = rule(RuleKind.CHANNEL, Map.of("channel", "ONLINE", "multiplier", "5"));
        var shoes = rule(RuleKind.CATEGORY, Map.of("category", "SHOES", "multiplier", "2"));
        var sku = rule(RuleKind.SKU, Map.of("sku", "SKU-1", "multiplier", "1.5"));
        var campaign = rule(RuleKind.CAMPAIGN, Map.of("multiplier", "2", "validTo", T.plusSeconds(3600)));
        // 10,000 JPY: 4,000 of SKU-1 (a shoe: the SKU rule wins), 2,000 of other shoes, 4,000 not itemised
        var p = jpy(
                10_000,
                new EarningEngine.Item("SKU-1", "SHOES", 4_000, 1),
                new EarningEngine.Item("SKU-2", "SHOES", 2_000, 2));
        EarningEngine.Earning e = earn(REGULAR, p, channel, online, shoes, sku, campaign);
        // per line: base x 1 (Regular) x 2 (STORE) x (1.5 | 2 | 1) x 2 (campaign)
        // 40 x 2 x 1.5 x 2 = 240; 20 x 2 x 2 x 2 = 160; 40 x 2 x 2 = 160
        assertEquals(560, e.points());
        assertEquals(
                List.of("BASE_RATE", "TIER", "CHANNEL", "SKU", "CATEGORY", "CAMPAIGN", "ROUNDING"),
                e.steps().stream().map(EarningEngine.Step::kind).toList());
        assertEquals(
                List.of(channel.ruleId(), sku.ruleId(), shoes.ruleId(), campaign.ruleId()),
                e.applied().stream().map(EarningEngine.Applied::ruleId).toList());
        // the campaign doubled 280 points: it added 280
        assertEquals(0, new BigDecimal("280").compareTo(e.applied().get(3).points()));
    }

    @Test
    void theProductOfMultipliersIsCutAtTheMaximum() {
        var channel = rule(RuleKind.CHANNEL, Map.of("channel", "STORE", "multiplier", "4"));
        var campaign = rule(RuleKind.CAMPAIGN, Map.of("multiplier", "5", "validTo", T.plusSeconds(3600)));
        EarningEngine.Earning e = earn(GOLD, jpy(1_000), channel, campaign);
        // 10 x 1.5 x 4 = 60; x 5 would be 300 (x30): cut at x10 = 100
        assertEquals(100, e.points());
        EarningEngine.Step step = e.steps().get(3);
        assertEquals("CAMPAIGN", step.kind());
        assertTrue(step.capped());
        assertTrue(step.effect().contains("at most x10"), step.effect());
    }

    @Test
    void bonusesAddAndCapsApplyAfterStacking() {
        var bonus = rule(RuleKind.CAMPAIGN, Map.of("bonus", 50L, "validTo", T.plusSeconds(3600)));
        var capped =
                rule(RuleKind.CAMPAIGN, Map.of("multiplier", "3", "perPurchase", 25L, "validTo", T.plusSeconds(3600)));
        EarningEngine.Earning e = earn(REGULAR, jpy(5_050), bonus, capped);
        // 50.5 base; +50 bonus; x3 would add 101, capped at 25: 125.5 -> 125
        assertEquals(125, e.points());
        assertEquals(0, new BigDecimal("50").compareTo(e.applied().get(0).points()));
        assertEquals(0, new BigDecimal("25").compareTo(e.applied().get(1).points()));
        assertTrue(e.steps().get(3).capped());
    }

    @Test
    void theDailyCapCountsWhatTheCampaignGaveThatDay() {
        var daily = rule(RuleKind.CAMPAIGN, Map.of("multiplier", "2", "perDay", 30L, "validTo", T.plusSeconds(3600)));
        EarningEngine.Earning e =
                ENGINE.earn(jpy(5_000), REGULAR, List.of(), List.of(daily), 100, id -> new BigDecimal("20"));
        // 50 base; doubled would add 50; 30 a day, 20 used: adds 10
        assertEquals(60, e.points());
        EarningEngine.Earning none =
                ENGINE.earn(jpy(5_000), REGULAR, List.of(), List.of(daily), 100, id -> new BigDecimal("45"));
        assertEquals(50, none.points());
    }

    @Test
    void campaignsReachTheirAudienceChannelAndCurrencyOnly() {
        var gold = rule(
                RuleKind.CAMPAIGN, Map.of("multiplier", "2", "tiers", Set.of("GOLD"), "validTo", T.plusSeconds(3600)));
        var champions =
                rule(RuleKind.CAMPAIGN, Map.of("bonus", 7L, "segment", "CHAMPIONS", "validTo", T.plusSeconds(3600)));
        var online =
                rule(RuleKind.CAMPAIGN, Map.of("multiplier", "3", "channel", "ONLINE", "validTo", T.plusSeconds(3600)));
        var usd = rule(RuleKind.CAMPAIGN, Map.of("multiplier", "3", "currency", "USD", "validTo", T.plusSeconds(3600)));
        assertEquals(10, earn(REGULAR, jpy(1_000), gold, champions, online, usd).points());
        // Gold: 10 x 1.5 x 2 = 30, champion +7
        assertEquals(37, earn(GOLD, jpy(1_000), gold, champions, online, usd).points());
    }

    @Test
    void onlyVersionsInForceAndInsideTheirWindowApply() {
        var later = rule(
                RuleKind.CAMPAIGN,
                Map.of("multiplier", "2", "validFrom", T.plusSeconds(1), "validTo", T.plusSeconds(3600)));
        var over = rule(RuleKind.CAMPAIGN, Map.of("multiplier", "2", "validTo", T));
        var paused = rule(
                RuleKind.CAMPAIGN,
                Map.of("multiplier", "2", "state", RuleState.PAUSED, "validTo", T.plusSeconds(3600)));
        var superseded =
                rule(RuleKind.CAMPAIGN, Map.of("multiplier", "2", "effectiveTo", T, "validTo", T.plusSeconds(3600)));
        var scheduled = rule(
                RuleKind.CAMPAIGN,
                Map.of("multiplier", "2", "effectiveFrom", T.plusSeconds(1), "validTo", T.plusSeconds(3600)));
        assertEquals(
                10,
                earn(REGULAR, jpy(1_000), later, over, paused, superseded, scheduled)
                        .points());
        var inForce = rule(
                RuleKind.CAMPAIGN,
                Map.of("multiplier", "2", "effectiveTo", T.plusMillis(1), "validTo", T.plusMillis(1)));
        assertEquals(20, earn(REGULAR, jpy(1_000), inForce).points());
    }

    @Test
    void boostsMultiplyAfterTheTierAndShowInTheExplanation() {
        EarningEngine.Earning e = ENGINE.earn(
                jpy(1_000),
                GOLD,
                List.of(new EarningBoosts.Boost("PAID_MEMBERSHIP", "Premium", new BigDecimal("2"))),
                List.of(),
                100,
                EarningEngine.DailyUse.NONE);
        assertEquals(30, e.points());
        assertEquals("BOOST", e.steps().get(2).kind());
        assertEquals("PAID_MEMBERSHIP: Premium", e.steps().get(2).name());
    }

    @Test
    void aMultiplierBelowOneLowersAndItemsAboveTheAmountAreRefused() {
        var half = rule(RuleKind.CHANNEL, Map.of("channel", "STORE", "multiplier", "0.5"));
        assertEquals(5, earn(REGULAR, jpy(1_099), half).points());
        assertThrows(
                IllegalArgumentException.class,
                () -> earn(REGULAR, jpy(1_000, new EarningEngine.Item("A", null, 1_001, 1))));
        assertThrows(
                IllegalArgumentException.class,
                () -> ENGINE.earn(
                        new EarningEngine.Purchase(1_000, "EUR", "STORE", T, List.of()),
                        REGULAR,
                        List.of(),
                        List.of(),
                        null,
                        EarningEngine.DailyUse.NONE));
    }
}
