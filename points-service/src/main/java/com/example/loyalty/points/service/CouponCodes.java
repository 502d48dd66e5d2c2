package com.example.loyalty.points.service;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Coupon codes: 15 random symbols of Crockford's base32 (75 bits from {@link SecureRandom}, so unguessable) and a check
 * symbol (Luhn mod 32), 16 in all, e.g. {@code 7QK3M0Z9RT4XW2HC}. The check symbol catches every single mistyped
 * symbol and most swapped neighbours, so a typo at the till is a 400, not another member's coupon.
 *
 * <p>Read forgivingly, as Crockford's base32 asks: case ignored, hyphens and spaces ignored, {@code O} read as
 * {@code 0}, {@code I} and {@code L} as {@code 1}. A code is stored and answered in its canonical form (upper case, no
 * separators); {@link #display} groups it by four for printing.
 */
public final class CouponCodes {

    /** Crockford's base32 alphabet: digits and letters without I, L, O and U. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static final int LENGTH = 16;
    private static final int N = ALPHABET.length();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CouponCodes() {}

    /** A new random code, canonical. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(N)));
        }
        return code.append(checkSymbol(code)).toString();
    }

    /**
     * The canonical form of what was typed or scanned, if it is a well-formed code with a correct check symbol; empty
     * otherwise (wrong length, a symbol outside the alphabet, a failing check).
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> {}
                case 'O' -> code.append('0');
                case 'I', 'L' -> code.append('1');
                default -> {
                    if (ALPHABET.indexOf(c) < 0) {
                        return Optional.empty();
                    }
                    code.append(c);
                }
            }
        }
        if (code.length() != LENGTH || !valid(code)) {
            return Optional.empty();
        }
        return Optional.of(code.toString());
    }

    /** The canonical code grouped by four: {@code 7QK3-M0Z9-RT4X-W2HC}. */
    public static String display(String canonical) {
        StringBuilder out = new StringBuilder(canonical.length() + canonical.length() / 4);
        for (int i = 0; i < canonical.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(canonical.charAt(i));
        }
        return out.toString();
    }

    /** Luhn mod N: the symbol that makes the whole code check. */
    static char checkSymbol(CharSequence payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }

    /** Whether the code, check symbol last, checks (Luhn mod N). */
    static boolean valid(CharSequence code) {
        int factor = 1;
        int sum = 0;
        for (int i = code.length() - 1; i >= 0; i--) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            int addend = factor * value;
            factor = factor == 2 ? 1 : 2;
            sum += addend / N + addend % N;
        }
        return sum % N == 0;
    }
}
