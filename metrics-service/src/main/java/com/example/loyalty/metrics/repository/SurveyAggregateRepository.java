package com.example.loyalty.metrics.repository;

import com.example.loyalty.common.text.Enums;
import com.example.loyalty.events.QuestionType;
import com.example.loyalty.metrics.domain.AnswerCounts;
import com.example.loyalty.metrics.domain.Breakdown;
import com.example.loyalty.metrics.domain.Interval;
import com.example.loyalty.metrics.domain.SurveyCells;
import com.example.loyalty.metrics.domain.SurveyQuestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The survey aggregates: {@code survey_question} (what each survey asks), {@code survey_answer_daily} (counts, sums,
 * sums of squares and per-score counts per survey, dimension, day, question and dimension value) and
 * {@code survey_choice_daily} (counts per option of choice questions). Writes add pre-aggregated deltas with one
 * {@code INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n} per table; reads sum cells, never responses.
 */
@ApplicationScoped
public class SurveyAggregateRepository {

    private static final int SCORE_COLUMNS = AnswerCounts.HISTOGRAM_MAX + 1;
    private static final String CELL_UPSERT;
    private static final String[] CELL_TYPES;
    private static final String SCORE_SUMS;

    static {
        StringBuilder cols = new StringBuilder("survey_id, dim_kind, day, question_id, dim_value, n, total, total_sq");
        StringBuilder params = new StringBuilder(
                "?::uuid[], ?::text[], ?::date[], ?::text[], ?::text[], ?::int8[], " + "?::int8[], ?::int8[]");
        StringBuilder updates = new StringBuilder("n = t.n + excluded.n, total = t.total + excluded.total, "
                + "total_sq = t.total_sq + excluded.total_sq");
        StringBuilder sums = new StringBuilder();
        List<String> types = new ArrayList<>(List.of("uuid", "text", "text", "text", "text", "int8", "int8", "int8"));
        for (int i = 0; i < SCORE_COLUMNS; i++) {
            cols.append(", c").append(i);
            params.append(", ?::int8[]");
            updates.append(", c")
                    .append(i)
                    .append(" = t.c")
                    .append(i)
                    .append(" + excluded.c")
                    .append(i);
            sums.append(", sum(c").append(i).append(")");
            types.add("int8");
        }
        cols.append(", c_yes, c_no");
        params.append(", ?::int8[], ?::int8[]");
        updates.append(", c_yes = t.c_yes + excluded.c_yes, c_no = t.c_no + excluded.c_no");
        types.add("int8");
        types.add("int8");
        CELL_UPSERT = "insert into survey_answer_daily as t (" + cols + ") select * from unnest(" + params + ") "
                + "on conflict (survey_id, dim_kind, day, question_id, dim_value) do update set " + updates;
        CELL_TYPES = types.toArray(String[]::new);
        SCORE_SUMS = sums.toString();
    }

    private static final String CHOICE_UPSERT = "insert into survey_choice_daily as t "
            + "(survey_id, dim_kind, day, question_id, dim_value, choice, n) "
            + "select * from unnest(?::uuid[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::int8[]) "
            + "on conflict (survey_id, dim_kind, day, question_id, dim_value, choice) do update set n = t.n + excluded.n";

    private static final String QUESTION_UPSERT = "insert into survey_question as q "
            + "(survey_id, question_id, type, dimension, position) "
            + "select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::int4[]) "
            + "on conflict (survey_id, question_id) do update set position = greatest(q.position, excluded.position), "
            + "dimension = coalesce(q.dimension, excluded.dimension) "
            + "where excluded.position > q.position or (q.dimension is null and excluded.dimension is not null)";

    private final EntityManager em;

    public SurveyAggregateRepository(EntityManager em) {
        this.em = em;
    }

    /** The known questions of each of {@code surveyIds} (surveys never seen are absent). */
    public Map<UUID, Map<String, SurveyQuestion>> questionsOf(Collection<UUID> surveyIds) {
        if (surveyIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement("select survey_id, question_id, type, dimension, position "
                    + "from survey_question where survey_id = any(?)")) {
                ps.setArray(1, Jdbc.array(c, "uuid", surveyIds));
                Map<UUID, Map<String, SurveyQuestion>> result = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SurveyQuestion q = question(rs);
                        result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                                .put(q.questionId(), q);
                    }
                }
                return result;
            }
        });
    }

    /** A question of a survey, as written by {@link #upsertQuestions}. */
    public record QuestionOf(UUID surveyId, SurveyQuestion question) {}

    /** Records new questions, and better positions or missing dimensions of known ones. */
    public void upsertQuestions(List<QuestionOf> questions) {
        if (questions.isEmpty()) {
            return;
        }
        List<UUID> surveys = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> dimensions = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (QuestionOf q : questions) {
            surveys.add(q.surveyId());
            ids.add(q.question().questionId());
            types.add(q.question().type().name());
            dimensions.add(q.question().dimension());
            positions.add(q.question().position());
        }
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(QUESTION_UPSERT)) {
                Jdbc.setArrays(ps, c, new String[] {"uuid", "text", "text", "text", "int4"}, new Collection<?>[] {
                    surveys, ids, types, dimensions, positions
                });
                return ps.executeUpdate();
            }
        });
    }

    /** Adds the cells' counts to the stored ones (creating cells seen for the first time). */
    public void add(SurveyCells cells) {
        if (cells.isEmpty()) {
            return;
        }
        int size = cells.size();
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < CELL_TYPES.length; i++) {
            columns.add(new ArrayList<>(size));
        }
        List<List<Object>> choiceColumns = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            choiceColumns.add(new ArrayList<>());
        }
        cells.cells().forEach((k, v) -> {
            String day = k.day().toString();
            List<Object> row = new ArrayList<>(List.of(
                    k.surveyId(), k.kind().name(), day, k.questionId(), k.value(), v.n(), v.total(), v.totalSquares()));
            for (long s : v.scoreCounts()) {
                row.add(s);
            }
            row.add(v.yes());
            row.add(v.no());
            for (int i = 0; i < row.size(); i++) {
                columns.get(i).add(row.get(i));
            }
            v.choices().forEach((choice, n) -> {
                List<Object> cr = List.of(k.surveyId(), k.kind().name(), day, k.questionId(), k.value(), choice, n);
                for (int i = 0; i < cr.size(); i++) {
                    choiceColumns.get(i).add(cr.get(i));
                }
            });
        });
        Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(CELL_UPSERT)) {
                Jdbc.setArrays(ps, c, CELL_TYPES, columns.toArray(Collection<?>[]::new));
                ps.executeUpdate();
            }
            if (!choiceColumns.get(0).isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(CHOICE_UPSERT)) {
                    Jdbc.setArrays(
                            ps,
                            c,
                            new String[] {"uuid", "text", "text", "text", "text", "text", "int8"},
                            choiceColumns.toArray(Collection<?>[]::new));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** One summed cell of a report: a period (null without interval), a dimension value and a question. */
    public record Cell(LocalDate period, String value, String questionId, AnswerCounts counts) {}

    /** A survey's questions (in survey order; empty for an unknown survey) and the summed cells of a report. */
    public record Counts(List<SurveyQuestion> questions, List<Cell> cells) {}

    /**
     * The questions of {@code surveyId} and its counts under dimension {@code kind} from {@code from} to {@code to}
     * (days, both included, either null for open-ended), summed per period of {@code interval} (null: one period),
     * per dimension value and per question. One statement reads the questions and the cells (a consistent snapshot,
     * one round trip); a second one the options of choice questions, if the survey has any.
     */
    public Counts counts(UUID surveyId, Breakdown kind, LocalDate from, LocalDate to, Interval interval) {
        String period = period(interval);
        String where = " where survey_id = ? and dim_kind = ? and day >= ? and day <= ?";
        String sql = "select q.question_id, q.type, q.dimension, q.position, c.* from survey_question q "
                + "left join (select " + period + " as period, dim_value, question_id, sum(n), sum(total), "
                + "sum(total_sq)" + SCORE_SUMS + ", sum(c_yes), sum(c_no) from survey_answer_daily" + where
                + " group by 1, 2, 3) c on c.question_id = q.question_id "
                + "where q.survey_id = ? order by q.position, q.question_id";
        String choiceSql = "select " + period + " as period, dim_value, question_id, choice, sum(n) "
                + "from survey_choice_daily" + where + " group by 1, 2, 3, 4";
        LocalDate lo = from == null ? LocalDate.of(1, 1, 1) : from;
        LocalDate hi = to == null ? LocalDate.of(9999, 12, 31) : to;
        return Jdbc.work(em, c -> {
            Map<String, SurveyQuestion> questions = new LinkedHashMap<>();
            Map<List<Object>, Cell> cells = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, surveyId, kind, lo, hi);
                ps.setObject(5, surveyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!questions.containsKey(id)) {
                            questions.put(
                                    id,
                                    new SurveyQuestion(
                                            id,
                                            Enums.parse(QuestionType.class, rs.getString(2)),
                                            rs.getString(3),
                                            rs.getInt(4)));
                        }
                        String questionId = rs.getString(7);
                        if (questionId == null) {
                            continue; // a question without answers in the range
                        }
                        int first = 8;
                        long[] scores = new long[SCORE_COLUMNS];
                        for (int i = 0; i < SCORE_COLUMNS; i++) {
                            scores[i] = rs.getLong(first + 3 + i);
                        }
                        AnswerCounts counts = AnswerCounts.of(
                                rs.getLong(first),
                                rs.getLong(first + 1),
                                rs.getLong(first + 2),
                                scores,
                                rs.getLong(first + 3 + SCORE_COLUMNS),
                                rs.getLong(first + 4 + SCORE_COLUMNS));
                        Cell cell = new Cell(rs.getObject(5, LocalDate.class), rs.getString(6), questionId, counts);
                        cells.put(key(cell.period(), cell.value(), cell.questionId()), cell);
                    }
                }
            }
            if (questions.values().stream().anyMatch(q -> q.type() == QuestionType.CHOICE)) {
                try (PreparedStatement ps = c.prepareStatement(choiceSql)) {
                    bind(ps, surveyId, kind, lo, hi);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Cell cell =
                                    cells.get(key(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)));
                            if (cell != null) {
                                cell.counts().addChoiceCount(rs.getString(4), rs.getLong(5));
                            }
                        }
                    }
                }
            }
            return new Counts(List.copyOf(questions.values()), new ArrayList<>(cells.values()));
        });
    }

    private static List<Object> key(LocalDate period, String value, String questionId) {
        List<Object> key = new ArrayList<>(3);
        key.add(period);
        key.add(value);
        key.add(questionId);
        return key;
    }

    private static void bind(PreparedStatement ps, UUID surveyId, Breakdown kind, LocalDate lo, LocalDate hi)
            throws SQLException {
        ps.setObject(1, surveyId);
        ps.setString(2, kind.name());
        ps.setObject(3, lo);
        ps.setObject(4, hi);
    }

    private static String period(Interval interval) {
        if (interval == null) {
            return "cast(null as date)";
        }
        return switch (interval) {
            case DAY -> "day";
            case WEEK -> "cast(date_trunc('week', cast(day as timestamp)) as date)";
            case MONTH -> "cast(date_trunc('month', cast(day as timestamp)) as date)";
        };
    }

    private static SurveyQuestion question(ResultSet rs) throws SQLException {
        QuestionType type = Enums.parse(QuestionType.class, rs.getString(3));
        return new SurveyQuestion(rs.getString(2), type, rs.getString(4), rs.getInt(5));
    }
}
