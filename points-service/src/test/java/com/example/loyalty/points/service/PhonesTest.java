package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhonesTest {

    private final Phones japan = new Phones("81");

    @Test
    void oneNumberWhateverItsSpacingAndForm() {
        Optional<String> key = Optional.of("+819012345678");
        assertEquals(key, japan.key("+81 90-1234-5678"));
        assertEquals(key, japan.key("+819012345678"));
        assertEquals(key, japan.key("090-1234-5678"), "national form, trunk prefix 0");
        assertEquals(key, japan.key("(090) 1234.5678"));
        assertEquals(key, japan.key("  090 1234 5678 "));
        assertEquals(key, japan.key("０９０－１２３４－５６７８"), "full-width digits and hyphens");
        assertEquals(key, japan.key("＋８１９０１２３４５６７８"), "full-width plus");
        assertEquals(Optional.of("+4420794600"), new Phones("44").key("020 7946 00"));
    }

    @Test
    void aNumberWithoutPlusOrTrunkPrefixMatchesOnlyItself() {
        assertEquals(Optional.of("819012345678"), japan.key("819012345678"));
        assertEquals(Optional.of("0012345678"), japan.key("00 12345678"), "an international prefix is not guessed");
    }

    @Test
    void whatIsNoPhoneNumberHasNoKey() {
        assertEquals(Optional.empty(), japan.key(null));
        assertEquals(Optional.empty(), japan.key(""));
        assertEquals(Optional.empty(), japan.key("   "));
        assertEquals(Optional.empty(), japan.key("1234"), "too few digits");
        assertEquals(Optional.empty(), japan.key("090-1234-5678 ext"), "letters");
        assertEquals(Optional.empty(), japan.key("+81+9012345678"), "a second +");
        assertEquals(Optional.empty(), japan.key("90+12345678"), "a + inside");
        assertEquals(Optional.empty(), japan.key("+" + "1".repeat(32)), "longer than the column");
    }

    @Test
    void theCountryCodeIsOneToThreeDigits() {
        assertThrows(IllegalArgumentException.class, () -> new Phones("0"));
        assertThrows(IllegalArgumentException.class, () -> new Phones("+81"));
        assertThrows(IllegalArgumentException.class, () -> new Phones("1234"));
    }

    @Test
    void cleanKeepsTheTextButMakesItAscii() {
        assertEquals(Optional.of("090-1234-5678"), Phones.clean(" ０９０-1234-5678 "));
        assertEquals(Optional.empty(), Phones.clean(" "));
    }
}
