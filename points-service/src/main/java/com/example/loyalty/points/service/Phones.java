package com.example.loyalty.points.service;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The key a phone number is matched by at the till, so that {@code +81 90-1234-5678}, {@code +819012345678} and the
 * national {@code 090-1234-5678} are one number. Spaces, hyphens, dots and brackets do not count, full-width digits are
 * digits; a number in national form (trunk prefix 0) is put into international form with the program's country code;
 * a number with neither a leading + nor the trunk prefix is kept as its digits (it then matches only itself).
 */
public final class Phones {

    /** Fewest digits a number has; below that it is not a phone number. */
    static final int MIN_DIGITS = 5;
    /** Longest key stored ({@code member.phone_key}). */
    static final int MAX_KEY = 32;

    private final String countryCode;

    /** @param countryCode the program's country calling code without +, e.g. {@code 81} for Japan */
    public Phones(String countryCode) {
        if (countryCode == null || !countryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("country code must be 1 to 3 digits: " + countryCode);
        }
        this.countryCode = countryCode;
    }

    /** The text to store: trimmed, full-width digits and signs made ASCII (NFKC); empty if nothing is left. */
    public static Optional<String> clean(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String cleaned = Normalizer.normalize(phone, Normalizer.Form.NFKC).strip();
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
    }

    /** The key of {@code phone}, or empty when it is no phone number (too few digits, a + inside, other letters). */
    public Optional<String> key(String phone) {
        Optional<String> cleaned = clean(phone);
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        String text = cleaned.get();
        StringBuilder digits = new StringBuilder();
        boolean international = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !international) {
                international = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        if (digits.length() < MIN_DIGITS) {
            return Optional.empty();
        }
        String key;
        if (international) {
            key = "+" + digits;
        } else if (digits.charAt(0) == '0' && digits.charAt(1) != '0') {
            key = "+" + countryCode + digits.substring(1);
        } else {
            key = digits.toString();
        }
        return key.length() <= MAX_KEY ? Optional.of(key) : Optional.empty();
    }
}
