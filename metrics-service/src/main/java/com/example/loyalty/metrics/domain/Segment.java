package com.example.loyalty.metrics.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named RFM segments (product.md, Metrics): a member's segment is the first one, in declaration order, whose score
 * ranges contain the member's recency, frequency and monetary scores (each 1–5, 5 best). {@link #OTHERS} takes what
 * no other one does.
 * <p>
 * With this order two segments are never reached: {@link #NEED_ATTENTION} (2–3/2–3/2–3), whose R=2 cells
 * {@link #AT_RISK} takes and whose R=3 cells {@link #POTENTIAL_LOYALIST} takes, and {@link #LOST} (1/1/1), which
 * {@link #HIBERNATING} (1–2/1–2/1–2) takes. The order is the product's contract and is kept as it is; {@code
 * SegmentTest} pins every cell down, so changing it is a deliberate act.
 */
public enum Segment {
    CHAMPIONS(4, 5, 4, 5, 4, 5),
    CANT_LOSE_THEM(1, 1, 4, 5, 4, 5),
    LOYAL(2, 5, 3, 5, 3, 5),
    AT_RISK(1, 2, 2, 5, 2, 5),
    NEW(4, 5, 1, 1, 1, 1),
    PROMISING(3, 4, 1, 1, 1, 1),
    POTENTIAL_LOYALIST(3, 5, 1, 3, 1, 3),
    NEED_ATTENTION(2, 3, 2, 3, 2, 3),
    ABOUT_TO_SLEEP(2, 3, 1, 2, 1, 2),
    HIBERNATING(1, 2, 1, 2, 1, 2),
    LOST(1, 1, 1, 1, 1, 1),
    OTHERS(1, 5, 1, 5, 1, 5);

    /** Lowest and highest score. */
    public static final int MIN_SCORE = 1;

    public static final int MAX_SCORE = 5;

    private static final Segment[] CELLS = new Segment[MAX_SCORE * MAX_SCORE * MAX_SCORE];

    static {
        for (int r = MIN_SCORE; r <= MAX_SCORE; r++) {
            for (int f = MIN_SCORE; f <= MAX_SCORE; f++) {
                for (int m = MIN_SCORE; m <= MAX_SCORE; m++) {
                    CELLS[cell(r, f, m)] = firstMatch(r, f, m);
                }
            }
        }
    }

    private final int rFrom;
    private final int rTo;
    private final int fFrom;
    private final int fTo;
    private final int mFrom;
    private final int mTo;

    Segment(int rFrom, int rTo, int fFrom, int fTo, int mFrom, int mTo) {
        this.rFrom = rFrom;
        this.rTo = rTo;
        this.fFrom = fFrom;
        this.fTo = fTo;
        this.mFrom = mFrom;
        this.mTo = mTo;
    }

    /** Whether this segment's ranges contain the scores (not whether it is the member's segment: see {@link #of}). */
    public boolean contains(int r, int f, int m) {
        return r >= rFrom && r <= rTo && f >= fFrom && f <= fTo && m >= mFrom && m <= mTo;
    }

    /**
     * The segment of a member with these scores: the first, in declaration order, that contains them.
     *
     * @throws IllegalArgumentException if a score is not 1–5
     */
    public static Segment of(int r, int f, int m) {
        if (!valid(r) || !valid(f) || !valid(m)) {
            throw new IllegalArgumentException("RFM scores are 1-5, were " + r + "/" + f + "/" + m);
        }
        return CELLS[cell(r, f, m)];
    }

    /**
     * The segment names of all 125 score combinations, at index {@code (r-1)*25 + (f-1)*5 + (m-1)}: the lookup table
     * the recompute statement indexes (1-based there), so the rules live here only.
     */
    public static String[] lookupTable() {
        return Arrays.stream(CELLS).map(Segment::name).toArray(String[]::new);
    }

    /** The name clients use: the constant's name in lower case ({@code at_risk}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The segment named {@code name}, in any case, with {@code -} or a space accepted for {@code _} ({@code at-risk},
     * {@code Can't lose them} is {@code cant_lose_them} without the apostrophe); {@code null} if there is none.
     */
    public static Segment parse(String name) {
        if (name == null) {
            return null;
        }
        String normal =
                name.trim().replace("'", "").replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (Segment s : values()) {
            if (s.name().equals(normal)) {
                return s;
            }
        }
        return null;
    }

    /** The wire names of every segment, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(Segment::wireName).collect(Collectors.joining(", "));
    }

    private static Segment firstMatch(int r, int f, int m) {
        for (Segment s : values()) {
            if (s.contains(r, f, m)) {
                return s;
            }
        }
        throw new IllegalStateException("OTHERS contains every combination");
    }

    private static boolean valid(int score) {
        return score >= MIN_SCORE && score <= MAX_SCORE;
    }

    private static int cell(int r, int f, int m) {
        return (r - 1) * 25 + (f - 1) * 5 + (m - 1);
    }
}
