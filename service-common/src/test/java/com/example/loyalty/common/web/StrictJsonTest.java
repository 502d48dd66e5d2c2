package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    /** As Quarkus builds the REST mapper: java.time, unknown properties ignored; then the customizer. */
    private static final ObjectMapper JSON = StrictJson.apply(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    enum Channel {
        STORE,
        APP
    }

    record Purchase(
            String transactionId,
            long amount,
            Integer quantity,
            BigDecimal multiplier,
            boolean paid,
            Boolean optIn,
            Channel channel,
            Instant occurredAt,
            LocalDate birthday,
            UUID waveId,
            List<String> tags,
            Map<String, String> titles,
            Map<String, Object> answers) {}

    private static Purchase read(String json) throws Exception {
        return JSON.readValue(json, Purchase.class);
    }

    @Test
    void documentTypesAreRead() throws Exception {
        Purchase p = read("""
                {"transactionId": "T1", "amount": 12000, "quantity": 2, "multiplier": 1.5, "paid": true,
                 "optIn": false, "channel": "STORE", "occurredAt": "2026-01-02T03:04:05Z", "birthday": "1990-04-01",
                 "waveId": "6f1c1b8e-0d55-4a43-9a53-0a3c3ed1f1a2", "tags": ["a", "日本"], "titles": {"ja": "コーヒー"},
                 "answers": {"nps": 10, "reason": "friendly 👍", "effort": true}, "unknown": "ignored"}""");
        assertEquals(12000, p.amount());
        assertEquals(new BigDecimal("1.5"), p.multiplier());
        assertEquals(Channel.STORE, p.channel());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), p.occurredAt());
        assertEquals(List.of("a", "日本"), p.tags());
        assertEquals("friendly 👍", p.answers().get("reason"));
        // a whole number is a fine decimal; absent and null stay absent
        assertEquals(new BigDecimal("2"), read("{\"multiplier\": 2}").multiplier());
        assertNull(read("{\"occurredAt\": null, \"quantity\": null}").occurredAt());
    }

    @Test
    void scalarsAreNotCoerced() {
        for (String json : new String[] {
            "{\"amount\": \"12\"}", // string for an integer (the contract finding)
            "{\"quantity\": \"12\"}",
            "{\"amount\": 1.5}", // a fraction for an integer
            "{\"amount\": 12.0}",
            "{\"amount\": true}",
            "{\"amount\": \"\"}",
            "{\"multiplier\": \"1.5\"}",
            "{\"paid\": \"true\"}", // string for a boolean
            "{\"paid\": 1}",
            "{\"optIn\": \"false\"}",
            "{\"optIn\": 0}",
            "{\"transactionId\": 12}", // number for a string
            "{\"transactionId\": 1.5}",
            "{\"transactionId\": true}",
            "{\"transactionId\": [\"T1\"]}",
            "{\"transactionId\": {\"id\": \"T1\"}}",
            "{\"tags\": [1, 2]}",
            "{\"tags\": \"a\"}", // one value for a list
            "{\"tags\": \"\"}",
            "{\"titles\": {\"ja\": 1}}",
            "{\"channel\": 0}", // an enum's index
            "{\"channel\": \"\"}",
            "{\"occurredAt\": 1700000000}", // epoch seconds for a date-time
            "{\"occurredAt\": 1700000000.5}",
            "{\"occurredAt\": \"\"}",
            "{\"birthday\": \"\"}",
            "{\"birthday\": 20000}",
            "{\"birthday\": [1990, 4, 1]}",
            "{\"occurredAt\": {}}",
            "{\"waveId\": \"\"}",
            "{\"answers\": \"\"}",
            "{\"amount\": 1} {\"amount\": 2}", // trailing tokens
        }) {
            assertThrows(MismatchedInputException.class, () -> read(json), json);
        }
        assertThrows(JsonParseException.class, () -> read("{\"amount\": 1} x"));
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedInEveryString() {
        for (String json : new String[] {
            "{\"transactionId\": \"T\\u0000\"}",
            "{\"transactionId\": \"\\ud800\"}", // a lone high surrogate
            "{\"transactionId\": \"a\\udc00b\"}", // a lone low surrogate
            "{\"transactionId\": \"\\udc00\\ud800\"}", // a pair the wrong way round
            "{\"tags\": [\"ok\", \"\\u0000\"]}",
            "{\"titles\": {\"ja\": \"\\u0000\"}}",
            "{\"titles\": {\"\\u0000\": \"key\"}}",
            "{\"answers\": {\"reason\": \"\\ud83d\"}}",
            "{\"answers\": {\"reason\": [\"\\u0000\"]}}",
            "{\"answers\": {\"\\u0000\": 1}}",
        }) {
            var e = assertThrows(StrictJson.ForbiddenTextException.class, () -> read(json), json);
            assertTrue(e.getOriginalMessage().contains("NUL")
                    || e.getOriginalMessage().contains("surrogate"));
        }
        var e = assertThrows(StrictJson.ForbiddenTextException.class, () -> read("{\"tags\": [\"ok\", \"\\u0000\"]}"));
        assertEquals("tags", e.getPath().get(0).getFieldName());
        assertEquals(1, e.getPath().get(1).getIndex());
    }

    @Test
    void rawUtf8SurrogatesAreRefusedToo() {
        // ED A0 80 is U+D800 encoded as if it were a character (CESU-style): not UTF-8, Jackson's parser refuses it
        byte[] json = {
            '{',
            '"',
            't',
            'r',
            'a',
            'n',
            's',
            'a',
            'c',
            't',
            'i',
            'o',
            'n',
            'I',
            'd',
            '"',
            ':',
            '"',
            (byte) 0xED,
            (byte) 0xA0,
            (byte) 0x80,
            '"',
            '}'
        };
        var e = assertThrows(JsonMappingException.class, () -> JSON.readValue(json, Purchase.class));
        assertInstanceOf(JsonParseException.class, e.getCause());
        assertEquals("transactionId", e.getPath().get(0).getFieldName());
    }

    @Test
    void charactersOutsideTheBasicPlaneAndControlCharactersOtherThanNulAreFine() throws Exception {
        assertEquals(
                "👍\t\n", read("{\"transactionId\": \"\\ud83d\\udc4d\\t\\n\"}").transactionId());
    }
}
