package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodesTest {

    @Test
    void aNewCodeIsSixteenCrockfordSymbolsThatCheck() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CouponCodes.generate();
            assertEquals(16, code.length(), code);
            assertTrue(code.chars().allMatch(c -> CouponCodes.ALPHABET.indexOf(c) >= 0), code);
            assertEquals(Optional.of(code), CouponCodes.canonical(code));
            seen.add(code);
        }
        assertEquals(10_000, seen.size(), "75 random bits never repeat in 10,000 draws");
    }

    @Test
    void everySingleMistypedSymbolIsCaught() {
        String code = CouponCodes.generate();
        for (int i = 0; i < code.length(); i++) {
            for (char c : CouponCodes.ALPHABET.toCharArray()) {
                if (c == code.charAt(i)) {
                    continue;
                }
                String typo = code.substring(0, i) + c + code.substring(i + 1);
                assertFalse(CouponCodes.canonical(typo).isPresent(), typo + " passed for " + code);
            }
        }
    }

    @Test
    void swappedNeighboursAreMostlyCaught() {
        int caught = 0;
        int swaps = 0;
        for (int n = 0; n < 200; n++) {
            String code = CouponCodes.generate();
            for (int i = 0; i + 1 < code.length(); i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                swaps++;
                if (CouponCodes.canonical(swapped).isEmpty()) {
                    caught++;
                }
            }
        }
        assertTrue(caught > swaps * 0.9, caught + " of " + swaps);
    }

    @Test
    void readsAsTypedForgivingCaseSeparatorsAndLookalikes() {
        String code = "7QK3M0Z9RT4XW2H";
        code = code + CouponCodes.checkSymbol(code);
        String display = CouponCodes.display(code);
        assertEquals(
                code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                        + code.substring(12),
                display);
        assertEquals(Optional.of(code), CouponCodes.canonical(display.toLowerCase()));
        assertEquals(Optional.of(code), CouponCodes.canonical(" " + display.replace('0', 'O') + " "));
        String withOne = "1" + code.substring(1, 15);
        withOne = withOne + CouponCodes.checkSymbol(withOne);
        assertEquals(Optional.of(withOne), CouponCodes.canonical("l" + withOne.substring(1)));
        assertEquals(Optional.of(withOne), CouponCodes.canonical("I" + withOne.substring(1)));
    }

    @Test
    void malformedCodesAreNotCodes() {
        assertEquals(Optional.empty(), CouponCodes.canonical(null));
        assertEquals(Optional.empty(), CouponCodes.canonical(""));
        assertEquals(Optional.empty(), CouponCodes.canonical("ABC"));
        assertEquals(Optional.empty(), CouponCodes.canonical("U".repeat(16)));
        assertEquals(Optional.empty(), CouponCodes.canonical("%".repeat(16)));
        assertEquals(Optional.empty(), CouponCodes.canonical("A".repeat(65)));
        String code = CouponCodes.generate();
        assertEquals(Optional.empty(), CouponCodes.canonical(code + "0"));
    }
}
