package com.example.loyalty.points.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Typed settings of the points program ({@code points.*}). */
@ConfigMapping(prefix = "points")
public interface PointsConfig {

    Earn earn();

    Card card();

    SurveyAward surveyAward();

    CommunityAward communityAward();

    Imports imports();

    Expiry expiry();

    Lots lots();

    Purchases purchases();

    Staff staff();

    /** Paid membership (docs/programs-membership-and-opt-ins.md). */
    Memberships memberships();

    /** Tier evaluation (docs/tiers.md). */
    Tiers tiers();

    /** Earning rules and campaigns (docs/earning-rules.md). */
    Rules rules();
    /** The birthday job (BirthdayJob, docs/action-points.md). */
    Birthday birthday();

    interface Birthday {
        /**
         * When the birthday job credits the BIRTHDAY action's points of the members whose birthday is today (in
         * {@code points.zone}): a Quartz cron in {@code points.zone}; {@code off} disables it. Hourly by default: each
         * member is credited once a year, so the runs after the first only catch up what an outage missed.
         */
        @WithDefault("0 20 * * * ?")
        String schedule();
    }

    /**
     * The program's time zone: a local date or date-time without an offset (in an imported file) is read in it, and
     * members see times in it unless they choose another.
     */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();

    interface Earn {
        /**
         * Earn rate per ISO 4217 currency: the spend, in minor units of that currency, that earns one base point (e.g.
         * {@code points.earn.rates.JPY=100}: 1 point per 100 yen; {@code points.earn.rates.USD=100}: 1 point per
         * dollar). The till accepts only these currencies; a purchase in any other one never earns (an import records
         * it as history). application.properties sets JPY=100.
         */
        Map<String, Integer> rates();

        /** How far in the future a purchase's {@code occurredAt} may lie (clock skew of tills). */
        @WithDefault("PT5M")
        Duration maxFutureSkew();
    }

    /**
     * What a purchase may be at the till ({@code POST /api/points/purchases}) and in an import that earns
     * ({@code award=true}). See docs/points-accounting.md, "Guards on recording a purchase".
     */
    interface Purchases {
        /**
         * The most one purchase may cost, per ISO 4217 currency, in minor units of that currency (e.g.
         * {@code points.purchases.max-amount.JPY=1000000}: one million yen). Staff cannot record a purchase above it
         * (422 amount-above-ceiling): an admin must approve it, and an admin recording it is that approval (written to
         * the audit log). Every currency with an earn rate needs one: the service does not start without it.
         * application.properties sets JPY=1000000.
         */
        Map<String, Long> maxAmount();

        /**
         * How long ago a purchase may have happened ({@code occurredAt}) to be recorded at the till or earn in an
         * import; older ones are refused (422 purchase-too-old). History imported without points is exempt.
         */
        @WithDefault("P90D")
        Duration maxAge();

        /**
         * No purchase happened before this instant, whatever {@link #maxAge()} allows: an earlier {@code occurredAt}
         * is refused everywhere, history imports too (a broken export, a date typed wrong).
         */
        @WithDefault("1970-01-01T00:00:00Z")
        Instant earliest();
    }

    /** Staff logins. */
    interface Staff {
        /**
         * The token claim that names the store a staff member works at (the Keycloak user attribute {@code store_id},
         * mapped into the token by the realm's protocol mapper). A string, or an array for staff of several stores.
         */
        @WithDefault("store_id")
        String storeClaim();
    }

    interface SurveyAward {
        /** Points for answering a survey, once per member per wave; 0 turns the award off. */
        @WithDefault("50")
        long points();

        /**
         * At most one award per member per survey within this period: two answers of one member to one survey earn
         * both only if they were given at least this far apart (by their answer times), whatever waves they answer,
         * so closing a wave and opening a new one does not pay the same members again. 0 turns this cap off. The
         * SURVEY_ANSWERED rule's day, month and year caps apply on top (docs/action-points.md).
         */
        @WithDefault("P30D")
        Duration perSurveyPeriod();

        /**
         * How long an answer whose wave points-service has not learnt yet is held, waiting for the wave's
         * SurveyWavePublished; then it is dropped and earns nothing (a wave survey-service never published). The
         * topics keep records 7 days, so a held answer's wave cannot come later than that.
         */
        @WithDefault("P7D")
        Duration holdFor();

        /** How often the held answers older than {@link #holdFor()} are pruned ({@code SurveyHolds}); off disables it. */
        @WithDefault("10m")
        String pruneEvery();
    }

    /**
     * Points for community contributions (the community-activity events of community-service): fixed points per
     * action, capped per member per calendar day and per calendar month in {@link #zone()}. See
     * docs/community-points.md.
     */
    interface CommunityAward {
        /** Fixed points per contribution type; 0 turns a type's points off. */
        Points points();

        /**
         * Most points community contributions credit to one member on one day (of the contribution, in the program's
         * zone); an award beyond it is recorded with what was left (possibly 0). Revoked awards still count.
         */
        @WithDefault("100")
        @PositiveOrZero
        long dailyCap();

        /** Most points community contributions credit to one member in one calendar month, as {@link #dailyCap()}. */
        @WithDefault("1000")
        @PositiveOrZero
        long monthlyCap();

        interface Points {
            /** A post created ({@code PostCreated}). */
            @WithDefault("5")
            @PositiveOrZero
            long postCreated();

            /** The member's answer accepted ({@code AnswerAccepted}). */
            @WithDefault("30")
            @PositiveOrZero
            long answerAccepted();

            /** A product review posted ({@code ReviewPosted}). */
            @WithDefault("10")
            @PositiveOrZero
            long reviewPosted();

            /** A reaction received on the member's content ({@code ReactionReceived}). */
            @WithDefault("1")
            @PositiveOrZero
            long reactionReceived();

            /** A community event attended ({@code EventAttended}). */
            @WithDefault("20")
            @PositiveOrZero
            long eventAttended();
        }
    }

    interface Card {
        /** Leading digits of every card code. */
        @WithDefault("88")
        String prefix();

        /** The QR code of the digital card ({@code GET /api/points/members/me/card.png} and {@code .svg}). */
        Qr qr();

        interface Qr {
            /** Pixels per module of the PNG (the SVG scales freely); 8 makes a version-1 code 232 px wide. */
            @WithDefault("8")
            @Min(1)
            @Max(40)
            int modulePixels();

            /** Light modules around the code; the QR standard asks for at least 4 for a camera to find it. */
            @WithDefault("4")
            @Min(4)
            @Max(16)
            int quietZone();
        }
    }

    /** Phone numbers as the till matches them (service/Phones). */
    Phone phone();

    interface Phone {
        /**
         * Country calling code (without +) of numbers given in national form: {@code 090-1234-5678} is matched as
         * {@code +819012345678} with the default 81 (Japan).
         */
        @WithDefault("81")
        @Pattern(regexp = "[1-9][0-9]{0,2}")
        String countryCode();
    }

    /** History imports ({@code POST /api/points/imports}). */
    interface Imports {
        /** Rows per transaction; the import's progress is committed with each. */
        @WithDefault("1000")
        int batchSize();

        /** Rejected rows whose line and reason are kept per import; all of them are counted. */
        @WithDefault("1000")
        int maxErrors();

        /** Imports running at once on this instance; more wait in line. */
        @WithDefault("2")
        int concurrency();

        /** Imports waiting in line at most; beyond that a new one is refused (503). */
        @WithDefault("20")
        int queue();

        /**
         * An import that says RUNNING but has not committed a batch for this long is reported as FAILED (the instance
         * running it stopped); far longer than any batch takes.
         */
        @WithDefault("PT10M")
        Duration staleAfter();

        /** Largest file accepted, in bytes (every other request keeps {@link #otherMaxBytes}). */
        @WithDefault("1073741824")
        long maxBytes();

        /** Largest body of any other request, in bytes. */
        @WithDefault("10485760")
        long otherMaxBytes();
    }

    /**
     * When points expire (docs/points-accounting.md): every credit forms a lot whose expiry date is set when it is
     * credited, by the rule in force then; the expiry job ({@code ExpiryJob}) takes what is left of a lot off the
     * balance at that date.
     */
    interface Expiry {
        /**
         * {@code NEVER}; {@code MONTHS_AFTER_EARNING}: at the end of the day (in {@code points.zone}) {@link #months()}
         * months after the day of earning; {@code FISCAL_PERIOD_END}: at the end of the fiscal year in which the day
         * {@link #months()} months after earning falls (months 12: what is earned in one fiscal year expires at the end
         * of the next).
         */
        @WithDefault("MONTHS_AFTER_EARNING")
        ExpiryMode mode();

        /** Months of validity (see {@link #mode()}). */
        @WithDefault("24")
        @PositiveOrZero
        @Max(1200)
        int months();

        /** The month (1-12) a fiscal year starts with, for {@code FISCAL_PERIOD_END}; 4: April, as in Japan. */
        @WithDefault("4")
        @Min(1)
        @Max(12)
        int fiscalYearStartMonth();

        /**
         * When the expiry job runs: a Quartz cron in {@code points.zone}; {@code off} disables it (tests run the job by
         * hand). Hourly by default, so a lot expires within the hour of its date, and a run missed while no instance
         * was up is made good by the next.
         */
        @WithDefault("0 5 * * * ?")
        String schedule();

        /** Members the job reads at a time; each member is expired in a transaction of its own. */
        @WithDefault("100")
        @Positive
        @Max(10_000)
        int batchSize();
    }

    /** Lots of points. */
    interface Lots {
        /**
         * The return window, in days: points a purchase earns stay pending (not spendable, but shown) this long, so a
         * return within the window takes them back before they can be spent. 0: spendable at once (the default). Only
         * purchases are held; awards and adjustments are spendable at once.
         */
        @WithDefault("0")
        @PositiveOrZero
        @Max(366)
        int pendingDays();
    }

    /** Paid membership: the payment provider's webhook and the lapse job. */
    interface Memberships {
        /**
         * The secret shared with the payment provider: {@code POST /api/points/memberships/webhook} accepts only a body
         * signed with it (HMAC-SHA256, header {@code Loyalty-Signature}). Required in production
         * ({@code %prod.loyalty.required}); without it (other profiles) every webhook call is refused.
         */
        java.util.Optional<String> webhookSecret();

        /** How far a signature's timestamp may lie from now, either way; older deliveries are refused (replays). */
        @WithDefault("PT5M")
        Duration webhookTolerance();

        /**
         * When the lapse job announces the memberships whose paid period ended (a Quartz cron in {@code points.zone};
         * {@code off} disables it). The status is exact without it: it is computed from the period end when read.
         */
        @WithDefault("0 */5 * * * ?")
        String lapseSchedule();
    }

    /** Tier evaluations (docs/tiers.md): the batch re-evaluation of every member. */
    interface Tiers {
        Evaluation evaluation();

        interface Evaluation {
            /**
             * When the scheduled evaluation runs: a Quartz cron in {@code points.zone}; {@code off} disables it (tests
             * start evaluations by hand). Monthly by default: 03:00 on the first day of the month.
             */
            @WithDefault("0 0 3 1 * ?")
            String schedule();

            /** Members per batch; each batch is a transaction of its own that locks its members briefly. */
            @WithDefault("500")
            @Positive
            @Max(10_000)
            int batchSize();

            /** How often an instance looks for a running evaluation nobody works on (a crash, a restart); off: never. */
            @WithDefault("60s")
            String resumeEvery();

            /** A running evaluation whose last batch is older than this is taken to be abandoned and resumed. */
            @WithDefault("PT2M")
            Duration staleAfter();
        }
    }

    /** Earning rules and campaigns ({@code /api/points/rules}, docs/earning-rules.md). */
    interface Rules {
        /**
         * The most all multipliers of a purchase line may multiply to (tier, boosts, channel, SKU or category,
         * campaigns): the multiplier that would pass it is cut, so a marketer's mistake cannot print money.
         */
        @WithDefault("10")
        @jakarta.validation.constraints.DecimalMin("1")
        @jakarta.validation.constraints.DecimalMax("100")
        java.math.BigDecimal maxTotalMultiplier();

        /** The most bonus points one campaign may give per purchase. */
        @WithDefault("100000")
        @Positive
        long maxBonusPoints();

        /**
         * A new rule may not start before it is made; a start at most this long ago (clocks differ, requests take
         * time) is taken as "now".
         */
        @WithDefault("PT5M")
        Duration startGrace();

        /** Line items a purchase may carry at most. */
        @WithDefault("200")
        @Positive
        @Max(10_000)
        int maxItems();

        /**
         * ISO 4217 code of the program currency: segment campaigns use the RFM segment metrics-service computes in it;
         * SegmentChanged events in other currencies are ignored.
         */
        @WithDefault("JPY")
        @Pattern(regexp = "[A-Z]{3}")
        String segmentCurrency();
    }

    /** Metrics that are read from the database on a timer rather than at every scrape (docs/observability.md). */
    Metrics metrics();

    interface Metrics {
        /**
         * How often OutstandingPoints reads the points all members hold and owe (one scan of the member table per
         * replica); {@code off} disables it (the gauges then stay NaN).
         */
        @WithDefault("5m")
        String outstandingRefresh();

        /** How long after start the first reading is taken. */
        @WithDefault("30s")
        String outstandingDelay();
    }
}
