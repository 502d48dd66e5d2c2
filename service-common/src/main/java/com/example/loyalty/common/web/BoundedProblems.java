package com.example.loyalty.common.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkiverse.resteasy.problem.validation.HttpValidationProblem;
import io.quarkiverse.resteasy.problem.validation.Violation;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps every problem body bounded, whatever the request held: {@code detail} is cut to {@link #MAX_DETAIL_CHARS}
 * characters, and the {@code violations} of a Bean Validation failure (one per invalid element, so a body with
 * 100,000 bad list items would otherwise answer with 100,000 violations) are cut to {@link Problems#MAX_FIELD_ERRORS},
 * each text to {@link Problems#MAX_FIELD_ERROR_CHARS}, with {@code violationCount} saying how many there were.
 * Registered with quarkus-resteasy-problem as a post-processor (an eager bean, as its documentation asks).
 */
@Startup
@ApplicationScoped
public class BoundedProblems implements ProblemPostProcessor {

    /** Longest {@code detail} of a problem. */
    public static final int MAX_DETAIL_CHARS = 1000;

    private static final Logger LOG = Logger.getLogger(BoundedProblems.class);
    private static final Field VIOLATIONS = violationsField();

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        List<Violation> violations = violations(problem);
        String detail = problem.getDetail();
        boolean longDetail = detail != null && detail.length() > MAX_DETAIL_CHARS;
        if (violations == null && !longDetail) {
            return problem;
        }
        HttpProblem.Builder bounded = HttpProblem.builder(problem).withDetail(FieldError.cut(detail, MAX_DETAIL_CHARS));
        if (violations != null) {
            bounded.with(
                    "violations",
                    violations.stream()
                            .limit(Problems.MAX_FIELD_ERRORS)
                            .map(BoundedProblems::cut)
                            .toList());
            bounded.with("violationCount", violations.size());
        }
        return bounded.build();
    }

    @Override
    public int priority() {
        return 500; // after the defaults (instance, status), before the logger
    }

    private static Map<String, String> cut(Violation v) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("field", FieldError.cut(v.field, Problems.MAX_FIELD_ERROR_CHARS));
        entry.put("in", v.in);
        entry.put("message", FieldError.cut(v.message, Problems.MAX_FIELD_ERROR_CHARS));
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static List<Violation> violations(HttpProblem problem) {
        if (VIOLATIONS == null || !(problem instanceof HttpValidationProblem)) {
            return null;
        }
        try {
            return (List<Violation>) VIOLATIONS.get(problem);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** The extension keeps the list in a package-private field; read it, or leave violations alone if it moved. */
    private static Field violationsField() {
        try {
            Field f = HttpValidationProblem.class.getDeclaredField("violations");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("cannot bound validation problems (quarkus-resteasy-problem changed): %s", e.toString());
            return null;
        }
    }
}
