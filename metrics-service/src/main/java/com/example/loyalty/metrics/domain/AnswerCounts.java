package com.example.loyalty.metrics.domain;

import com.example.loyalty.events.QuestionType;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is kept of the answers to one question in one cell (a day, a tier, a store, ...): their number, the sum and
 * the sum of squares of the scores (for means and their standard error), the number of answers per score on the
 * discrete scales (0–10 and 1–5), the yes/no counts of a yes/no question and the count per option of a choice
 * question. Cells add up, so any period or group is the sum of its cells: no answer is ever read again.
 */
public final class AnswerCounts {

    private long n;
    private long total;
    private long totalSquares;
    /** Largest score kept in a per-score histogram (the 0–10 and 1–5 scales; CSI's 0–100 keeps only sums). */
    public static final int HISTOGRAM_MAX = 10;

    private final long[] scores = new long[HISTOGRAM_MAX + 1];
    private long yes;
    private long no;
    private final Map<String, Long> choices = new TreeMap<>();

    public AnswerCounts() {}

    /** A cell as stored: {@code scores} has one count per score 0–10. */
    public static AnswerCounts of(long n, long total, long totalSquares, long[] scores, long yes, long no) {
        if (scores.length != HISTOGRAM_MAX + 1) {
            throw new IllegalArgumentException("expected " + (HISTOGRAM_MAX + 1) + " score counts");
        }
        AnswerCounts c = new AnswerCounts();
        c.n = n;
        c.total = total;
        c.totalSquares = totalSquares;
        System.arraycopy(scores, 0, c.scores, 0, scores.length);
        c.yes = yes;
        c.no = no;
        return c;
    }

    /** Counts a score answer (the score is assumed valid for {@code type}). */
    public AnswerCounts addScore(QuestionType type, int score) {
        n++;
        total = Math.addExact(total, score);
        totalSquares = Math.addExact(totalSquares, (long) score * score);
        if (histogram(type)) {
            scores[score]++;
        }
        return this;
    }

    /** Counts a yes/no answer. */
    public AnswerCounts addYesNo(boolean answer) {
        n++;
        if (answer) {
            yes++;
        } else {
            no++;
        }
        return this;
    }

    /** Counts a choice answer. */
    public AnswerCounts addChoice(String choice) {
        n++;
        choices.merge(choice, 1L, Long::sum);
        return this;
    }

    /** Counts a text answer (only the number is kept). */
    public AnswerCounts addText() {
        n++;
        return this;
    }

    /** Adds the count of one option (as read from storage); does not change {@link #n()}. */
    public AnswerCounts addChoiceCount(String choice, long count) {
        choices.merge(choice, count, Long::sum);
        return this;
    }

    /** Adds another cell to this one. */
    public AnswerCounts plus(AnswerCounts other) {
        n = Math.addExact(n, other.n);
        total = Math.addExact(total, other.total);
        totalSquares = Math.addExact(totalSquares, other.totalSquares);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.addExact(scores[i], other.scores[i]);
        }
        yes = Math.addExact(yes, other.yes);
        no = Math.addExact(no, other.no);
        other.choices.forEach((k, v) -> choices.merge(k, v, Long::sum));
        return this;
    }

    public long n() {
        return n;
    }

    public long total() {
        return total;
    }

    public long totalSquares() {
        return totalSquares;
    }

    /** Answers with exactly {@code score} (0–10 scales only). */
    public long score(int score) {
        return scores[score];
    }

    /** Answers with a score from {@code from} to {@code to}, both included. */
    public long scores(int from, int to) {
        long sum = 0;
        for (int i = from; i <= to; i++) {
            sum += scores[i];
        }
        return sum;
    }

    /** A copy of the per-score counts, index = score. */
    public long[] scoreCounts() {
        return Arrays.copyOf(scores, scores.length);
    }

    public long yes() {
        return yes;
    }

    public long no() {
        return no;
    }

    /** Count per option id, sorted by option id. */
    public Map<String, Long> choices() {
        return Collections.unmodifiableMap(choices);
    }

    /** True when answers of the type are counted per score (discrete scales up to {@link #HISTOGRAM_MAX}). */
    public static boolean histogram(QuestionType type) {
        return type.scored() && type.max() <= HISTOGRAM_MAX;
    }
}
