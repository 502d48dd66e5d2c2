package com.example.loyalty.points.service;

import java.security.SecureRandom;

/**
 * Card codes: 16 digits (program prefix, random digits, Luhn check digit) so a till's scanner or a
 * person typing the number catches a mistyped digit before looking the member up.
 */
public final class CardCodes {

    public static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardCodes() {}

    public static String generate(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < LENGTH - 1) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    /** True when the code has the right length, only digits and a valid Luhn check digit. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return checkDigit(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1) - '0';
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
