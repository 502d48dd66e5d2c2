package com.example.loyalty.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request of a fuzz run: which operation of the document it aims at, what was done to it ({@code category} and
 * {@code variant}), who sends it, and the exact bytes. {@code index} is its place in the run, stable for one seed and
 * one document: {@code -Dfuzz.seed=<seed> -Dfuzz.case=<index>} sends it again alone.
 */
public record FuzzCase(
        int index,
        String operation,
        String category,
        String variant,
        HardeningClass hardening,
        String caller,
        String method,
        String target,
        Map<String, String> headers,
        String contentType,
        byte[] body) {

    /**
     * The classes of bad input that another change hardens in service-common (page upper bounds, NUL and lone
     * surrogates in text, scalar coercion). While {@link OpenApiFuzzer#HARDENING_PENDING} is set, a failure of a case
     * of one of these classes is reported as known instead of failing the run.
     */
    public enum HardeningClass {
        NONE,
        PAGE_OVERFLOW,
        NUL_OR_LONE_SURROGATE,
        SCALAR_COERCION
    }

    /** The request as a reader wants to see it: method, target, caller, content type and the start of the body. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append('#')
                .append(index)
                .append(' ')
                .append(category)
                .append('/')
                .append(variant)
                .append(" as ")
                .append(caller)
                .append(": ")
                .append(method)
                .append(' ')
                .append(abbreviate(target, 200));
        headers.forEach((name, value) -> text.append(" [")
                .append(name)
                .append(": ")
                .append(abbreviate(value, 60))
                .append(']'));
        if (contentType != null) {
            text.append(" [Content-Type: ").append(contentType).append(']');
        }
        if (body != null) {
            text.append(" body(")
                    .append(body.length)
                    .append(" bytes): ")
                    .append(abbreviate(new String(body, StandardCharsets.UTF_8), 300));
        }
        return text.toString();
    }

    static String abbreviate(String text, int max) {
        String visible = text.codePoints()
                .collect(
                        StringBuilder::new,
                        (sb, cp) -> {
                            if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFD) {
                                sb.append(String.format("\\u%04x", cp));
                            } else {
                                sb.appendCodePoint(cp);
                            }
                        },
                        StringBuilder::append)
                .toString();
        return visible.length() <= max ? visible : visible.substring(0, max) + "…(" + visible.length() + " chars)";
    }
}
