package com.example.loyalty.testing.fuzz;

import com.example.loyalty.testing.fuzz.FuzzCase.HardeningClass;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns each operation of a document into requests: a valid-looking one for every caller, then bad ones (wrong
 * types, missing and extra fields, boundary and huge numbers, long strings, odd Unicode, malformed JSON, wrong content
 * types, junk in path, query and header parameters, a method the path does not have) sent by callers the operation's
 * security requirement admits, so they get past the role check to the validation. Everything random comes from one
 * seeded {@link Random}: one seed and one document make the same cases in the same order.
 */
final class CaseGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INVALID_UTF8_MARK = "FUZZ-INVALID-UTF8";
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF};
    /** Well under the services' 4096-byte request line: an oversized URL is the gateway's business (a 414). */
    private static final int LONG_PARAM = 3000;

    private final Random rng;
    private final List<OpenApiFuzzer.Caller> callers;

    CaseGenerator(long seed, List<OpenApiFuzzer.Caller> callers) {
        this.rng = new Random(seed);
        this.callers = callers;
    }

    /** A draft request: the parts a mutation changes, rendered into a {@link FuzzCase} at the end. */
    private static final class Draft {
        String category = "valid";
        String variant = "baseline";
        HardeningClass hardening = HardeningClass.NONE;
        String caller;
        String method;
        String path;
        Map<String, String> pathValues = new LinkedHashMap<>();
        List<String[]> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        JsonNode json;
        byte[] rawBody;

        Draft copy(String category, String variant, HardeningClass hardening) {
            Draft d = new Draft();
            d.category = category;
            d.variant = variant;
            d.hardening = hardening;
            d.caller = caller;
            d.method = method;
            d.path = path;
            d.pathValues = new LinkedHashMap<>(pathValues);
            d.query = new ArrayList<>();
            query.forEach(q -> d.query.add(q.clone()));
            d.headers = new LinkedHashMap<>(headers);
            d.contentType = contentType;
            d.json = json == null ? null : json.deepCopy();
            d.rawBody = rawBody;
            return d;
        }
    }

    /** The cases for all operations: at least {@code perOperation} each (more if the categories need it). */
    List<FuzzCase> generate(List<ApiOperation> operations, int perOperation) {
        List<FuzzCase> cases = new ArrayList<>();
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        operations.forEach(op -> methodsByPath
                .computeIfAbsent(op.path(), p -> new LinkedHashSet<>())
                .add(op.method()));
        for (ApiOperation op : operations) {
            Draft valid = valid(op);
            List<Draft> chosen = new ArrayList<>();
            for (OpenApiFuzzer.Caller caller : callers) {
                Draft d = valid.copy("valid", "baseline", HardeningClass.NONE);
                d.caller = caller.name();
                chosen.add(d);
            }
            List<Draft> mutants = mutants(op, valid, methodsByPath.get(op.path()));
            // one of each category first, then a seeded sample of the rest
            Map<String, List<Draft>> byCategory = new LinkedHashMap<>();
            mutants.forEach(m -> byCategory
                    .computeIfAbsent(m.category, c -> new ArrayList<>())
                    .add(m));
            List<Draft> rest = new ArrayList<>();
            byCategory.values().forEach(list -> {
                Collections.shuffle(list, rng);
                chosen.add(list.get(0));
                rest.addAll(list.subList(1, list.size()));
            });
            Collections.shuffle(rest, rng);
            for (Draft d : rest) {
                if (chosen.size() >= perOperation) {
                    break;
                }
                chosen.add(d);
            }
            List<OpenApiFuzzer.Caller> admitted = admitted(op);
            for (Draft d : chosen) {
                if (d.caller == null) {
                    d.caller = admitted.get(rng.nextInt(admitted.size())).name();
                }
                cases.add(render(cases.size(), op, d));
            }
        }
        return cases;
    }

    private List<OpenApiFuzzer.Caller> admitted(ApiOperation op) {
        List<OpenApiFuzzer.Caller> admitted = callers.stream()
                .filter(c -> c.token() != null)
                .filter(c -> op.roles().isEmpty() || op.roles().contains(c.role()))
                .toList();
        return admitted.isEmpty() ? callers : admitted;
    }

    private Draft valid(ApiOperation op) {
        Draft d = new Draft();
        d.method = op.method();
        d.path = op.path();
        for (ApiOperation.Param p : op.params()) {
            String value = text(op.valid(p.schema(), rng, 0));
            switch (p.in()) {
                case "path" -> d.pathValues.put(p.name(), enc(value));
                case "query" -> {
                    if (p.required() || rng.nextBoolean()) {
                        d.query.add(new String[] {p.name(), enc(value)});
                    }
                }
                case "header" -> d.headers.put(p.name(), value);
                default -> {}
            }
        }
        if (op.bodySchema() != null) {
            d.contentType = op.bodyMediaType();
            d.json = op.valid(op.bodySchema(), rng, 0);
            if (!op.jsonBody()) {
                d.rawBody = text(d.json).getBytes(StandardCharsets.UTF_8);
                d.json = null;
            }
        }
        return d;
    }

    private List<Draft> mutants(ApiOperation op, Draft valid, Set<String> methodsOfPath) {
        List<Draft> out = new ArrayList<>();
        if (op.bodySchema() != null && op.jsonBody()) {
            bodyMutants(op, valid, out);
        } else if (op.bodySchema() != null) {
            rawBodyMutants(valid, out);
        }
        for (ApiOperation.Param p : op.params()) {
            switch (p.in()) {
                case "path" -> pathMutants(p, valid, out);
                case "query" -> queryMutants(op, p, valid, out);
                case "header" -> headerMutants(p, valid, out);
                default -> {}
            }
        }
        pageMutants(op, valid, out);
        Draft extraQuery = valid.copy("query", "unknown-parameter", HardeningClass.NONE);
        extraQuery.query.add(new String[] {"fuzzExtra", enc("\u202E1")});
        out.add(extraQuery);
        for (String other : List.of("GET", "PUT", "POST", "DELETE", "PATCH")) {
            if (!methodsOfPath.contains(other)) {
                Draft d = valid.copy("method", other, HardeningClass.NONE);
                d.method = other;
                out.add(d);
            }
        }
        Draft notAcceptable = valid.copy("content-type", "accept-xml", HardeningClass.NONE);
        notAcceptable.headers.put("Accept", "application/xml");
        out.add(notAcceptable);
        Draft junkAccept = valid.copy("content-type", "accept-garbage", HardeningClass.NONE);
        junkAccept.headers.put("Accept", "garbage;;q=x");
        out.add(junkAccept);
        if (op.bodySchema() == null) {
            Draft unexpected = valid.copy("content-type", "unexpected-body", HardeningClass.NONE);
            unexpected.contentType = "text/plain";
            unexpected.rawBody = "\u0000{not json".getBytes(StandardCharsets.UTF_8);
            out.add(unexpected);
        }
        return out;
    }

    // ---- bodies

    private void bodyMutants(ApiOperation op, Draft valid, List<Draft> out) {
        JsonNode schema = op.bodySchema();
        String type = op.type(schema);
        if ("object".equals(type) && valid.json != null && valid.json.isObject()) {
            Set<String> required = op.required(schema);
            for (Map.Entry<String, JsonNode> property : op.properties(schema)) {
                String name = property.getKey();
                String propertyType = op.type(property.getValue());
                wrongTypes(valid, name, propertyType, out);
                putRaw(valid, out, "null", name, "null", HardeningClass.NONE);
                if (required.contains(name)) {
                    Draft d = valid.copy("missing", name, HardeningClass.NONE);
                    ((ObjectNode) d.json).remove(name);
                    out.add(d);
                }
                switch (propertyType) {
                    case "integer", "number" -> numbers(op, valid, name, property.getValue(), out);
                    case "string" -> strings(valid, name, out);
                    case "array" -> {
                        putRaw(valid, out, "array", name + "=[]", name, "[]", HardeningClass.NONE);
                        putRaw(valid, out, "array", name + "=[null]", name, "[null]", HardeningClass.NONE);
                        String item =
                                json(op.valid(op.resolve(property.getValue()).path("items"), rng, 1));
                        String many = "[" + String.join(",", Collections.nCopies(10_000, item)) + "]";
                        putRaw(valid, out, "array", name + "=10000-items", name, many, HardeningClass.NONE);
                    }
                    case "object" -> putRaw(valid, out, "object", name + "={}", name, "{}", HardeningClass.NONE);
                    default -> {}
                }
            }
            Draft empty = valid.copy("missing", "{}", HardeningClass.NONE);
            empty.json = NODES.objectNode();
            out.add(empty);
            Draft extra = valid.copy("extra", "fuzzExtra", HardeningClass.NONE);
            ((ObjectNode) extra.json).put("fuzzExtra", 1);
            out.add(extra);
            Draft extraDeep = valid.copy("extra", "fuzzExtra-deep", HardeningClass.NONE);
            ((ObjectNode) extraDeep.json)
                    .putRawValue("fuzzExtra", new RawValue("{\"a\":[1,{\"b\":null}],\"\\u0000\":1}"));
            out.add(extraDeep);
            Draft duplicate = valid.copy("extra", "duplicate-key", HardeningClass.NONE);
            String body = json(valid.json);
            duplicate.rawBody = body.length() > 2
                    ? (body.substring(0, body.length() - 1) + "," + body.substring(1)).getBytes(StandardCharsets.UTF_8)
                    : body.getBytes(StandardCharsets.UTF_8);
            duplicate.json = null;
            out.add(duplicate);
        }
        if (!"object".equals(type)) {
            putTopLevel(valid, out, "wrong-type", "object-instead", "{\"fuzz\":1}");
        }
        for (String wrongTop : List.of("[]", "12", "\"text\"", "null", "true")) {
            putTopLevel(valid, out, "wrong-type", "top-level " + wrongTop, wrongTop);
        }
        malformed(valid, out);
        contentTypes(valid, out);
    }

    private void wrongTypes(Draft valid, String name, String type, List<Draft> out) {
        Map<String, String> replacements = new LinkedHashMap<>();
        Map<String, HardeningClass> classes = new LinkedHashMap<>();
        Consumer<String[]> add = pair -> {
            replacements.put(pair[0], pair[1]);
            classes.put(pair[0], pair.length > 2 ? HardeningClass.SCALAR_COERCION : HardeningClass.NONE);
        };
        switch (type) {
            case "integer", "number" -> {
                add.accept(new String[] {"string-number", "\"12\"", "coercion"});
                add.accept(new String[] {"string", "\"twelve\""});
                add.accept(new String[] {"boolean", "true", "coercion"});
            }
            case "string" -> {
                add.accept(new String[] {"number", "12", "coercion"});
                add.accept(new String[] {"boolean", "false", "coercion"});
            }
            case "boolean" -> {
                add.accept(new String[] {"string-boolean", "\"true\"", "coercion"});
                add.accept(new String[] {"number", "1", "coercion"});
                add.accept(new String[] {"string", "\"maybe\""});
            }
            case "array" -> add.accept(new String[] {"string", "\"x\""});
            default -> add.accept(new String[] {"string", "\"x\""});
        }
        if (!"object".equals(type)) {
            add.accept(new String[] {"object", "{\"a\":1}"});
        }
        if (!"array".equals(type)) {
            add.accept(new String[] {"array", "[1]"});
        }
        replacements.forEach((variant, raw) ->
                putRaw(valid, out, "wrong-type", name + ":" + variant, name, raw, classes.get(variant)));
    }

    private void numbers(ApiOperation op, Draft valid, String name, JsonNode schema, List<Draft> out) {
        List<String> values = new ArrayList<>(List.of(
                "0",
                "-1",
                "-2147483649",
                "2147483647",
                "2147483648",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "99999999999999999999999999999999",
                "1e308",
                "1e309",
                "-1e309",
                "1.5",
                "0.0000001",
                "1e-400",
                "1e1000000",
                "-0",
                "1E+3"));
        JsonNode s = op.resolve(schema);
        if (s.has("minimum")) {
            values.add(s.get("minimum")
                    .decimalValue()
                    .subtract(java.math.BigDecimal.ONE)
                    .toPlainString());
        }
        if (s.has("maximum")) {
            values.add(s.get("maximum")
                    .decimalValue()
                    .add(java.math.BigDecimal.ONE)
                    .toPlainString());
        }
        StringBuilder digits = new StringBuilder("1");
        for (int i = 0; i < 5000; i++) {
            digits.append('0');
        }
        values.add(digits.toString());
        for (String value : values) {
            putRaw(valid, out, "number", name + "=" + FuzzCase.abbreviate(value, 24), name, value, HardeningClass.NONE);
        }
    }

    /** Odd text, each as raw JSON (so escapes such as a lone surrogate reach the server as written). */
    static final Map<String, String> ODD_TEXT = new LinkedHashMap<>();

    static {
        ODD_TEXT.put("empty", "\"\"");
        ODD_TEXT.put("blank", "\"   \"");
        ODD_TEXT.put("rtl-override", "\"\u202Eevil\u202C\u200F\"");
        ODD_TEXT.put(
                "emoji", "\"\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\"");
        ODD_TEXT.put("combining", "\"Z" + "\u0335\u0336\u0337\u0301\u0302".repeat(60) + "\"");
        ODD_TEXT.put("zero-width", "\"\u200B\u200D\uFEFF\u2060\"");
        ODD_TEXT.put("noncharacter", "\"\uFFFF\uFFFE\uFDD0\"");
        ODD_TEXT.put("astral", "\"\uD835\uDD18\uD835\uDD2B\uD835\uDD26\"");
        ODD_TEXT.put("cjk-arabic", "\"会員 مرحبا ＡＢＣ\"");
        ODD_TEXT.put("controls", "\"a\\nb\\tc\\r\\u0007\\u001b[31m\"");
        ODD_TEXT.put("markup", "\"<script>alert(1)</script>' OR 1=1--%s%n../../etc/passwd\"");
        ODD_TEXT.put("escaped-emoji-pair", "\"\\ud83d\\ude00\"");
    }

    private void strings(Draft valid, String name, List<Draft> out) {
        ODD_TEXT.forEach(
                (variant, raw) -> putRaw(valid, out, "unicode", name + ":" + variant, name, raw, HardeningClass.NONE));
        putRaw(valid, out, "unicode", name + ":nul", name, "\"a\\u0000b\"", HardeningClass.NUL_OR_LONE_SURROGATE);
        putRaw(
                valid,
                out,
                "unicode",
                name + ":lone-high-surrogate",
                name,
                "\"x\\ud800\"",
                HardeningClass.NUL_OR_LONE_SURROGATE);
        putRaw(
                valid,
                out,
                "unicode",
                name + ":lone-low-surrogate",
                name,
                "\"\\udc00y\"",
                HardeningClass.NUL_OR_LONE_SURROGATE);
        putRaw(
                valid,
                out,
                "unicode",
                name + ":reversed-pair",
                name,
                "\"\\ude00\\ud83d\"",
                HardeningClass.NUL_OR_LONE_SURROGATE);
        Draft invalid = valid.copy("unicode", name + ":invalid-utf8", HardeningClass.NONE);
        ((ObjectNode) invalid.json).put(name, INVALID_UTF8_MARK);
        out.add(invalid);
        putRaw(valid, out, "long-string", name + ":10k", name, "\"" + "x".repeat(10_000) + "\"", HardeningClass.NONE);
        putRaw(
                valid,
                out,
                "long-string",
                name + ":200k",
                name,
                "\"" + "\u00e9".repeat(200_000) + "\"",
                HardeningClass.NONE);
        putRaw(
                valid,
                out,
                "long-string",
                name + ":10k-emoji",
                name,
                "\"" + "\uD83D\uDE00".repeat(10_000) + "\"",
                HardeningClass.NONE);
    }

    private void malformed(Draft valid, List<Draft> out) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String good = json(valid.json);
        bodies.put("empty", "");
        bodies.put("open-brace", "{");
        bodies.put("close-brace", "}");
        bodies.put("missing-value", "{\"a\":}");
        bodies.put("unterminated-array", "[1,2");
        bodies.put("bare-word", "nul");
        bodies.put("single-quotes", "{'a':1}");
        bodies.put("trailing-comma", "{\"a\":1,}");
        bodies.put("nan", "{\"a\":NaN}");
        bodies.put("missing-colon", "{\"a\" 1}");
        bodies.put("comment", "/* c */ {}");
        bodies.put("nul-byte", "\u0000");
        bodies.put("trailing-garbage", good + "garbage");
        bodies.put("truncated", good.substring(0, Math.max(0, good.length() / 2)));
        bodies.put("bom", "\uFEFF" + good);
        bodies.put("nested-2000", "[".repeat(2000) + "]".repeat(2000));
        bodies.put("nested-100000-open", "[".repeat(100_000));
        bodies.put("nested-objects-2000", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        bodies.put("long-field-name", "{\"" + "k".repeat(100_000) + "\":1}");
        bodies.put("long-number", "{\"a\":" + "9".repeat(5000) + "}");
        bodies.put("unterminated-string", "{\"a\":\"abc");
        bodies.put("bad-escape", "{\"a\":\"\\x41\"}");
        bodies.forEach((variant, raw) -> {
            Draft d = valid.copy("malformed-json", variant, HardeningClass.NONE);
            d.json = null;
            d.rawBody = raw.getBytes(StandardCharsets.UTF_8);
            out.add(d);
        });
        Draft invalidUtf8 = valid.copy("malformed-json", "invalid-utf8-bytes", HardeningClass.NONE);
        invalidUtf8.json = null;
        invalidUtf8.rawBody = withInvalidUtf8(("{\"a\":\"" + INVALID_UTF8_MARK + "\"}"));
        out.add(invalidUtf8);
        Draft utf16 = valid.copy("malformed-json", "utf-16-body", HardeningClass.NONE);
        utf16.json = null;
        utf16.rawBody = good.getBytes(StandardCharsets.UTF_16);
        out.add(utf16);
        Draft none = valid.copy("missing", "no-body", HardeningClass.NONE);
        none.json = null;
        none.rawBody = null;
        out.add(none);
    }

    private void contentTypes(Draft valid, List<Draft> out) {
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "application/json; charset=UTF-16",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=nonsense",
                "application/json; charset=\"",
                "garbage",
                "application/json, text/plain",
                "*/*",
                "application/problem+json",
                "")) {
            Draft d = valid.copy("content-type", type.isEmpty() ? "(empty header)" : type, HardeningClass.NONE);
            d.contentType = type;
            out.add(d);
        }
        Draft none = valid.copy("content-type", "(no header)", HardeningClass.NONE);
        none.contentType = null;
        out.add(none);
    }

    private void rawBodyMutants(Draft valid, List<Draft> out) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("nul", new byte[] {0});
        bodies.put("invalid-utf8", INVALID_UTF8);
        bodies.put("json-object", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        bodies.put("long-line", "x,".repeat(500_000).getBytes(StandardCharsets.UTF_8));
        bodies.put("odd-unicode", "\u202E,\uD83D\uDE00,e\u0301\u0301,\uFEFF".getBytes(StandardCharsets.UTF_8));
        bodies.forEach((variant, raw) -> {
            Draft d = valid.copy("malformed-body", variant, HardeningClass.NONE);
            d.rawBody = raw;
            out.add(d);
        });
        for (String type : List.of("application/json", "text/plain", "application/xml", "garbage")) {
            if (!type.equals(valid.contentType)) {
                Draft d = valid.copy("content-type", type, HardeningClass.NONE);
                d.contentType = type;
                out.add(d);
            }
        }
        Draft none = valid.copy("content-type", "(no header)", HardeningClass.NONE);
        none.contentType = null;
        out.add(none);
    }

    private static void putRaw(
            Draft valid,
            List<Draft> out,
            String category,
            String variantAndName,
            String raw,
            HardeningClass hardening) {
        putRaw(valid, out, category, variantAndName, variantAndName, raw, hardening);
    }

    private static void putRaw(
            Draft valid,
            List<Draft> out,
            String category,
            String variant,
            String name,
            String raw,
            HardeningClass hardening) {
        Draft d = valid.copy(category, variant, hardening);
        ((ObjectNode) d.json).putRawValue(name, new RawValue(raw));
        out.add(d);
    }

    private static void putTopLevel(Draft valid, List<Draft> out, String category, String variant, String raw) {
        Draft d = valid.copy(category, variant, HardeningClass.NONE);
        d.json = null;
        d.rawBody = raw.getBytes(StandardCharsets.UTF_8);
        out.add(d);
    }

    // ---- parameters

    private static final List<String[]> PATH_JUNK = List.of(
            new String[] {"zero", "0"},
            new String[] {"minus-one", "-1"},
            new String[] {"huge", "99999999999999999999"},
            new String[] {"word", "abc"},
            new String[] {"bad-uuid", "00000000-0000-0000-0000-00000000000g"},
            new String[] {"upper-uuid", "123E4567-E89B-12D3-A456-426614174000"},
            new String[] {"encoded-slash", "a%2Fb"},
            new String[] {"dot-dot", "%2e%2e"},
            new String[] {"dot-dot-slash", "..%2F..%2Fq%2Fhealth"},
            new String[] {"space", "%20"},
            new String[] {"percent", "%25"},
            new String[] {"bad-percent", "%zz"},
            new String[] {"matrix", "x;jsessionid=1"},
            new String[] {"emoji", "%F0%9F%98%80"},
            new String[] {"overlong-utf8", "%C0%AE"},
            new String[] {"rtl", "%E2%80%AEabc"},
            new String[] {"null-word", "null"},
            new String[] {"braces", "%7Bid%7D"},
            new String[] {"long", "x".repeat(LONG_PARAM)});

    private void pathMutants(ApiOperation.Param p, Draft valid, List<Draft> out) {
        for (String[] junk : PATH_JUNK) {
            Draft d = valid.copy("path", p.name() + ":" + junk[0], HardeningClass.NONE);
            d.pathValues.put(p.name(), junk[1]);
            out.add(d);
        }
        Draft nul = valid.copy("path", p.name() + ":nul", HardeningClass.NUL_OR_LONE_SURROGATE);
        nul.pathValues.put(p.name(), "a%00b");
        out.add(nul);
        Draft surrogate = valid.copy("path", p.name() + ":utf8-surrogate", HardeningClass.NUL_OR_LONE_SURROGATE);
        surrogate.pathValues.put(p.name(), "%ED%A0%80");
        out.add(surrogate);
    }

    private void queryMutants(ApiOperation op, ApiOperation.Param p, Draft valid, List<Draft> out) {
        String type = op.type(p.schema());
        List<String[]> junk = new ArrayList<>();
        if ("integer".equals(type) || "number".equals(type)) {
            for (String v : List.of(
                    "abc",
                    "-1",
                    "0",
                    "1.5",
                    "2147483648",
                    "99999999999999999999",
                    "1e3",
                    "NaN",
                    "%2B1",
                    "0x10",
                    "%D9%A1%D9%A2",
                    "-2147483649")) {
                junk.add(new String[] {v, v});
            }
        } else if ("boolean".equals(type)) {
            junk.add(new String[] {"maybe", "maybe"});
            junk.add(new String[] {"1", "1"});
        } else {
            junk.add(new String[] {"unicode", enc("\u202E\uD83D\uDE00e\u0301\u0301")});
            junk.add(new String[] {"markup", enc("<x>' OR 1=1--")});
            junk.add(new String[] {"enum-case", enc("nOnSeNsE")});
        }
        junk.add(new String[] {"empty", ""});
        junk.add(new String[] {"bad-percent", "%zz"});
        junk.add(new String[] {"long", "x".repeat(LONG_PARAM)});
        for (String[] j : junk) {
            Draft d = valid.copy("query", p.name() + "=" + FuzzCase.abbreviate(j[0], 20), HardeningClass.NONE);
            d.query.removeIf(q -> q[0].equals(p.name()));
            d.query.add(new String[] {p.name(), j[1]});
            out.add(d);
        }
        Draft nul = valid.copy("query", p.name() + "=nul", HardeningClass.NUL_OR_LONE_SURROGATE);
        nul.query.removeIf(q -> q[0].equals(p.name()));
        nul.query.add(new String[] {p.name(), "a%00b"});
        out.add(nul);
        Draft surrogate = valid.copy("query", p.name() + "=utf8-surrogate", HardeningClass.NUL_OR_LONE_SURROGATE);
        surrogate.query.removeIf(q -> q[0].equals(p.name()));
        surrogate.query.add(new String[] {p.name(), "%ED%A0%80"});
        out.add(surrogate);
        Draft repeated = valid.copy("query", p.name() + " twice", HardeningClass.NONE);
        repeated.query.add(new String[] {p.name(), "abc"});
        repeated.query.add(new String[] {p.name(), "1"});
        out.add(repeated);
        if (p.required()) {
            Draft missing = valid.copy("query", p.name() + " missing", HardeningClass.NONE);
            missing.query.removeIf(q -> q[0].equals(p.name()));
            out.add(missing);
        }
    }

    private void pageMutants(ApiOperation op, Draft valid, List<Draft> out) {
        boolean paged = op.params().stream()
                .anyMatch(p -> p.in().equals("query") && p.name().equals("page"));
        boolean sized = op.params().stream()
                .anyMatch(p -> p.in().equals("query") && p.name().equals("size"));
        if (!paged) {
            return;
        }
        List<String[]> pages = new ArrayList<>(
                List.of(new String[] {"107374183", "20"}, new String[] {"2147483647", "2147483647"}, new String[] {
                    "2147483647", "1"
                }));
        for (String[] page : pages) {
            Draft d = valid.copy("query", "page=" + page[0] + "&size=" + page[1], HardeningClass.PAGE_OVERFLOW);
            d.query.removeIf(q -> q[0].equals("page") || q[0].equals("size"));
            d.query.add(new String[] {"page", page[0]});
            if (sized) {
                d.query.add(new String[] {"size", page[1]});
            }
            out.add(d);
        }
    }

    private void headerMutants(ApiOperation.Param p, Draft valid, List<Draft> out) {
        for (String[] junk : List.of(
                new String[] {"empty", ""},
                new String[] {"blank", "   "},
                new String[] {"long", "x".repeat(LONG_PARAM)},
                new String[] {"latin1", "caf\u00e9"},
                new String[] {"punctuation", "!@#$%^&*(){}[]|\\\"'<>"},
                new String[] {"percent-nul", "a%00b"})) {
            Draft d = valid.copy("header", p.name() + ":" + junk[0], HardeningClass.NONE);
            d.headers.put(p.name(), junk[1]);
            out.add(d);
        }
        if (p.required()) {
            Draft missing = valid.copy("header", p.name() + " missing", HardeningClass.NONE);
            missing.headers.remove(p.name());
            out.add(missing);
        }
    }

    // ---- rendering

    private FuzzCase render(int index, ApiOperation op, Draft d) {
        StringBuilder target = new StringBuilder();
        String path = d.path;
        for (Map.Entry<String, String> value : d.pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        target.append(path);
        String separator = "?";
        for (String[] q : d.query) {
            target.append(separator).append(enc(q[0])).append('=').append(q[1]);
            separator = "&";
        }
        byte[] body = d.rawBody;
        if (d.json != null) {
            String text = json(d.json);
            body = text.contains(INVALID_UTF8_MARK) ? withInvalidUtf8(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        return new FuzzCase(
                index,
                op.key(),
                d.category,
                d.variant,
                d.hardening,
                d.caller,
                d.method,
                target.toString(),
                Map.copyOf(d.headers),
                d.contentType,
                body);
    }

    private static byte[] withInvalidUtf8(String text) {
        int at = text.indexOf(INVALID_UTF8_MARK);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(INVALID_UTF8);
        bytes.writeBytes(text.substring(at + INVALID_UTF8_MARK.length()).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String json(JsonNode node) {
        try {
            return ApiOperation.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : json(node);
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8. */
    static String enc(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
