package com.example.loyalty.metrics.service;

import com.example.loyalty.common.web.Problems;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** The shared checks of the behavioural queries: the currency asked for, and dates against today. */
final class PurchaseCurrency {

    private PurchaseCurrency() {}

    /**
     * The ISO 4217 currency named {@code code} (any case), or {@code defaultCode} when it is null.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 400 if it is no ISO 4217 currency with a minor unit
     */
    static Currency resolve(String code, String defaultCode) {
        String c = (code == null ? defaultCode : code).trim().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z]{3}")) {
            throw invalid(code);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(c);
        } catch (IllegalArgumentException e) {
            throw invalid(code);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw Problems.badRequest(
                    "invalid-currency", "Bad request", c + " has no minor unit; purchases cannot be in it");
        }
        return currency;
    }

    /** Today in {@code zone}. */
    static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** 400 if {@code day} is after today: the future has no purchases yet. */
    static void notAfterToday(String name, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw Problems.badRequest(
                    "invalid-range", "Bad request", name + " (" + day + ") is after today (" + today + ")");
        }
    }

    private static RuntimeException invalid(String code) {
        return Problems.badRequest(
                "invalid-currency", "Bad request", "currency is not an ISO 4217 currency code: " + code);
    }
}
