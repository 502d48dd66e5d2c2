package com.example.loyalty.points.service;

import com.example.loyalty.points.domain.ImportKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an import file (its header row, matched by name, in any order) and its rows turned into typed,
 * checked values. A row that cannot go in is answered with the reason, never half-read.
 */
public final class ImportRows {

    public static final String EXTERNAL_ID = "externalId";
    public static final String DISPLAY_NAME = "displayName";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String ENROLLED_AT = "enrolledAt";

    public static final String EXTERNAL_MEMBER_ID = "externalMemberId";
    public static final String CARD_CODE = "cardCode";
    public static final String TRANSACTION_ID = "transactionId";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String STORE_ID = "storeId";
    public static final String CHANNEL = "channel";

    /** The sales channels of a purchase, as at the till. */
    public static final Set<String> CHANNELS = Set.of("STORE", "ONLINE", "APP");

    private static final List<String> MEMBER_COLUMNS = List.of(EXTERNAL_ID, DISPLAY_NAME, EMAIL, PHONE, ENROLLED_AT);
    private static final List<String> PURCHASE_COLUMNS =
            List.of(EXTERNAL_MEMBER_ID, CARD_CODE, TRANSACTION_ID, AMOUNT, CURRENCY, OCCURRED_AT, STORE_ID, CHANNEL);

    /** A row that cannot go in. */
    static final class RowException extends RuntimeException {
        RowException(String message) {
            super(message, null, false, false);
        }
    }

    /** A member row, checked. */
    public record MemberRow(
            long line, String externalId, String displayName, String email, String phone, Instant enrolledAt) {}

    /** A purchase row, checked; exactly one of {@code externalMemberId} and {@code cardCode} is set. */
    public record PurchaseRow(
            long line,
            String externalMemberId,
            String cardCode,
            String transactionId,
            long amount,
            String currency,
            Instant occurredAt,
            String storeId,
            String channel) {}

    /** The header of a file of {@code kind}: where each known column is. */
    public static final class Header {
        private final ImportKind kind;
        private final Map<String, Integer> index;
        private final int width;

        private Header(ImportKind kind, Map<String, Integer> index, int width) {
            this.kind = kind;
            this.index = index;
            this.width = width;
        }

        public ImportKind kind() {
            return kind;
        }

        String value(List<String> values, String column) {
            Integer i = index.get(column);
            return i == null || i >= values.size() ? null : values.get(i);
        }

        void checkWidth(List<String> values) {
            if (values.size() < width) {
                throw new RowException("the row has " + values.size() + " values, the header " + width);
            }
            for (int i = width; i < values.size(); i++) {
                if (values.get(i) != null) {
                    throw new RowException("the row has " + values.size() + " values, the header " + width);
                }
            }
        }
    }

    /** The header row does not fit the kind of file; {@link #problems} says how. */
    public static final class BadHeader extends RuntimeException {
        private final List<String> problems;

        BadHeader(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Reads the header row.
     *
     * @throws BadHeader listing what is wrong with it (unknown, repeated or missing columns)
     */
    public static Header header(ImportKind kind, List<String> names) {
        List<String> problems = new ArrayList<>();
        List<String> known = kind == ImportKind.MEMBERS ? MEMBER_COLUMNS : PURCHASE_COLUMNS;
        Map<String, String> byLowerName = new HashMap<>();
        for (String k : known) {
            byLowerName.put(k.toLowerCase(Locale.ROOT), k);
        }
        Map<String, Integer> index = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                problems.add("column " + (i + 1) + " has no name");
                continue;
            }
            String column = byLowerName.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                unknown.add(name);
            } else if (index.putIfAbsent(column, i) != null) {
                problems.add("column " + column + " appears twice");
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown columns " + unknown + "; a " + kind.name().toLowerCase(Locale.ROOT)
                    + " file has the columns " + known);
        }
        List<String> required = kind == ImportKind.MEMBERS
                ? List.of(EXTERNAL_ID)
                : List.of(TRANSACTION_ID, AMOUNT, CURRENCY, OCCURRED_AT, STORE_ID, CHANNEL);
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!index.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing columns " + missing);
        }
        if (kind == ImportKind.PURCHASES && !index.containsKey(EXTERNAL_MEMBER_ID) && !index.containsKey(CARD_CODE)) {
            problems.add("a purchases file needs the column externalMemberId or cardCode (or both)");
        }
        if (!problems.isEmpty()) {
            throw new BadHeader(problems);
        }
        return new Header(kind, index, names.size());
    }

    private ImportRows() {}

    /**
     * @param earliest no member enrolled before it
     * @param latest no member enrolled after it (the future, with the till's clock skew)
     * @throws RowException naming what is wrong
     */
    static MemberRow member(
            Header header, CsvRows.Row row, ZoneId zone, Instant earliest, Instant latest, Instant now) {
        List<String> v = row.values();
        header.checkWidth(v);
        String externalId = required(header.value(v, EXTERNAL_ID), EXTERNAL_ID, 128);
        String email = optional(header.value(v, EMAIL), EMAIL, 320);
        if (email != null && (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1)) {
            throw new RowException("email is not an e-mail address: " + shorten(email));
        }
        String enrolled = header.value(v, ENROLLED_AT);
        Instant enrolledAt = enrolled == null ? now : time(enrolled, ENROLLED_AT, zone);
        if (enrolledAt.isAfter(latest)) {
            throw new RowException("enrolledAt " + enrolledAt + " lies in the future");
        }
        if (enrolledAt.isBefore(earliest)) {
            throw new RowException(
                    "enrolledAt " + enrolledAt + " lies before " + earliest + " (points.purchases.earliest)");
        }
        return new MemberRow(
                row.line(),
                externalId,
                optional(header.value(v, DISPLAY_NAME), DISPLAY_NAME, 255),
                email,
                optional(header.value(v, PHONE), PHONE, 32),
                enrolledAt);
    }

    /**
     * @param earliest no purchase happened before it (an import without points is otherwise exempt from the till's
     *     max age: old orders are what it is for)
     * @param latest no purchase happened after it (the future, with the till's clock skew)
     * @throws RowException naming what is wrong
     */
    static PurchaseRow purchase(Header header, CsvRows.Row row, ZoneId zone, Instant earliest, Instant latest) {
        List<String> v = row.values();
        header.checkWidth(v);
        String externalMemberId = optional(header.value(v, EXTERNAL_MEMBER_ID), EXTERNAL_MEMBER_ID, 128);
        String cardCode = optional(header.value(v, CARD_CODE), CARD_CODE, 32);
        if ((externalMemberId == null) == (cardCode == null)) {
            throw new RowException("give exactly one of externalMemberId and cardCode");
        }
        String transactionId = required(header.value(v, TRANSACTION_ID), TRANSACTION_ID, 128);
        String currency = required(header.value(v, CURRENCY), CURRENCY, 3).toUpperCase(Locale.ROOT);
        long amount;
        try {
            amount = Money.minorUnitsOrZero(required(header.value(v, AMOUNT), AMOUNT, 40), currency);
        } catch (IllegalArgumentException e) {
            throw new RowException(e.getMessage());
        }
        Instant occurredAt = time(required(header.value(v, OCCURRED_AT), OCCURRED_AT, 64), OCCURRED_AT, zone);
        if (occurredAt.isAfter(latest)) {
            throw new RowException("occurredAt " + occurredAt + " lies in the future");
        }
        if (occurredAt.isBefore(earliest)) {
            throw new RowException(
                    "occurredAt " + occurredAt + " lies before " + earliest + " (points.purchases.earliest)");
        }
        String storeId = required(header.value(v, STORE_ID), STORE_ID, 64);
        String channel = required(header.value(v, CHANNEL), CHANNEL, 16).toUpperCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw new RowException("channel must be one of STORE, ONLINE, APP, was " + shorten(channel));
        }
        return new PurchaseRow(
                row.line(), externalMemberId, cardCode, transactionId, amount, currency, occurredAt, storeId, channel);
    }

    private static Instant time(String value, String column, ZoneId zone) {
        try {
            return ImportTimes.parse(value, zone);
        } catch (IllegalArgumentException e) {
            throw new RowException(column + ": " + e.getMessage());
        }
    }

    private static String required(String value, String column, int maxLength) {
        if (value == null) {
            throw new RowException(column + " is missing");
        }
        return optional(value, column, maxLength);
    }

    private static String optional(String value, String column, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new RowException(column + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static String shorten(String value) {
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
    }
}
