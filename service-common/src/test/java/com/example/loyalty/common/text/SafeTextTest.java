package com.example.loyalty.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void findsNulAndLoneSurrogatesOnly() {
        assertEquals(-1, SafeText.firstForbidden(null));
        assertEquals(-1, SafeText.firstForbidden(""));
        assertEquals(-1, SafeText.firstForbidden("plain, 日本語, 👍, tab\t and newline\n"));
        assertEquals(1, SafeText.firstForbidden("a\0b"));
        assertEquals(0, SafeText.firstForbidden("\uD800"));
        assertEquals(2, SafeText.firstForbidden("ab\uD800c"));
        assertEquals(0, SafeText.firstForbidden("\uDC00\uD800"));
        assertEquals(2, SafeText.firstForbidden("\uD83D\uDC4D\uDC4D"));
        assertTrue(SafeText.problemIn("a\0").contains("U+0000"));
        assertTrue(SafeText.problemIn("\uDFFF").contains("U+DFFF"));
        assertNull(SafeText.problemIn("fine"));
    }

    @Test
    void printableReplacesWhatCannotBeEchoed() {
        assertEquals("a\uFFFDb\uFFFD\uFFFD👍\t", SafeText.printable("a\0b\u001b\uD800👍\t"));
        String fine = "nothing to do";
        assertEquals(fine, SafeText.printable(fine));
        assertNull(SafeText.printable(null));
    }

    @Test
    void percentDecodingIsStrictUtf8() {
        assertEquals("a b", SafeText.percentDecode("a%20b"));
        assertEquals("日本", SafeText.percentDecode("%E6%97%A5%E6%9C%AC"));
        assertEquals("a+b", SafeText.percentDecode("a+b"));
        assertEquals("\0", SafeText.percentDecode("%00"));
        assertEquals("👍", SafeText.percentDecode("%F0%9F%91%8D"));
        // an encoded surrogate, a stray continuation byte, a truncated sequence, broken escapes
        for (String bad : new String[] {"%ED%A0%80", "%80", "%E6%97", "%", "%4", "%zz", "%C0%AF"}) {
            assertThrows(IllegalArgumentException.class, () -> SafeText.percentDecode(bad), bad);
        }
    }
}
