package com.example.loyalty.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    record TestError(String field, String message) implements FieldError {
        @Override
        public FieldError truncated(int maxChars) {
            return new TestError(FieldError.cut(field, maxChars), FieldError.cut(message, maxChars));
        }
    }

    @Test
    void everyStatusHasTheSameShape() {
        assertProblem(Problems.badRequest("k", "T", "d"), 400);
        assertProblem(Problems.forbidden("k", "T", "d"), 403);
        assertProblem(Problems.notFound("k", "T", "d"), 404);
        assertProblem(Problems.conflict("k", "T", "d"), 409);
        assertProblem(Problems.unprocessable("k", "T", "d"), 422);
    }

    private static void assertProblem(HttpProblem p, int status) {
        assertEquals(status, p.getStatusCode());
        assertEquals("https://loyalty.example.com/problems/k", p.getType().toString());
        assertEquals("T", p.getTitle());
        assertEquals("d", p.getDetail());
        assertEquals("k", Problems.kindOf(p));
    }

    @Test
    void fieldErrorsAreListedOnceAndBounded() {
        String huge = "x".repeat(5_000_000); // one 5 MB question id, shared by every error
        List<TestError> errors = IntStream.range(0, 100_000)
                .mapToObj(i -> new TestError(huge, "unknown question " + i))
                .toList();

        HttpProblem p = Problems.invalid("invalid-answers", "Invalid answers", errors);

        List<?> listed = (List<?>) p.getParameters().get("errors");
        assertEquals(Problems.MAX_FIELD_ERRORS, listed.size());
        assertEquals(100_000, p.getParameters().get("errorCount"));
        TestError first = (TestError) listed.get(0);
        assertEquals(Problems.MAX_FIELD_ERROR_CHARS + 1, first.field().length(), "cut, with an ellipsis");
        assertTrue(p.getDetail().length() < 1_000, "the detail names the first error only");
        assertTrue(p.getDetail().endsWith("(and 99999 more)"), p.getDetail());
    }

    @Test
    void oneErrorIsTheWholeDetail() {
        HttpProblem p = Problems.invalid(
                "invalid-answers", "Invalid answers", List.of(new TestError("answers.nps", "must be 0-10")));
        assertEquals("answers.nps: must be 0-10", p.getDetail());
        assertEquals(1, p.getParameters().get("errorCount"));
    }

    @Test
    void aProblemWithoutErrorsIsNotAFieldProblem() {
        assertThrows(IllegalArgumentException.class, () -> Problems.invalid("k", "T", List.of()));
    }

    @Test
    void kindOfAForeignProblemIsOther() {
        assertEquals(
                "other", Problems.kindOf(HttpProblem.builder().withStatus(400).build()));
    }

    @Test
    void cutKeepsSurrogatePairsWhole() {
        assertEquals("ab…", FieldError.cut("abcdef", 2));
        assertEquals("a…", FieldError.cut("a\uD83D\uDE00bc", 2));
        assertEquals(null, FieldError.cut(null, 2));
    }
}
