package com.example.loyalty.points.service;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Amounts as people write them ({@code 29.33} dollars) turned into the platform's money: an exact integer in minor
 * units of an ISO 4217 currency ({@code 2933}), as many decimals as {@link Currency#getDefaultFractionDigits()} says
 * (JPY none, USD two, KWD three). Nothing is ever rounded: an amount with more decimals than its currency has is
 * refused.
 */
public final class Money {

    /** The largest amount in minor units, as at the till. */
    public static final long MAX_MINOR_UNITS = 1_000_000_000_000L;

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{1,18})?");
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Money() {}

    /**
     * The ISO 4217 currency of {@code code} (upper case, three letters), if it has minor units defined.
     *
     * @throws IllegalArgumentException naming the problem otherwise
     */
    public static Currency currency(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "currency must be an ISO 4217 code such as JPY or USD, was " + quoted(code));
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency " + code);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + code + " has no minor unit (not money)");
        }
        return currency;
    }

    /**
     * {@code amount} (a plain decimal in major units: digits, optionally a point and decimals; no sign, exponent or
     * grouping) in minor units of {@code currencyCode}.
     *
     * @throws IllegalArgumentException naming the problem when the amount or the currency is not acceptable
     */
    public static long minorUnits(String amount, String currencyCode) {
        long minor = minorUnitsOrZero(amount, currencyCode);
        if (minor == 0) {
            throw new IllegalArgumentException("amount must be above 0, was " + amount);
        }
        return minor;
    }

    /**
     * As {@link #minorUnits}, but 0 is accepted: a purchase of history may have cost nothing (a gift, a fully
     * discounted order) and still be a purchase.
     */
    public static long minorUnitsOrZero(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new IllegalArgumentException(
                    "amount must be a positive decimal such as 29.33, was " + quoted(amount));
        }
        int digits = currency.getDefaultFractionDigits();
        BigDecimal minor = new BigDecimal(amount).movePointRight(digits);
        if (minor.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(
                    "amount " + amount + " has more decimals than " + currencyCode + " has (" + digits + ")");
        }
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR_UNITS)) > 0) {
            throw new IllegalArgumentException("amount " + amount + " " + currencyCode + " is too large");
        }
        return minor.longValueExact();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
    }
}
