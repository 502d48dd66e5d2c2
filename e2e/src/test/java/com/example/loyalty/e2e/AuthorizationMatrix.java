package com.example.loyalty.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The authorisation matrix of {@code src/test/resources/authz/matrix.csv}: every operation of every service's OpenAPI
 * document against every {@link Caller}, with the status each must get. Format (one row per line, {@code #} starts a
 * comment line):
 *
 * <pre>
 * method,path,params,query,body,anonymous,member1,member1-on-member2,staff,marketer,admin,service
 * </pre>
 *
 * <ul>
 *   <li>{@code path}: the path template exactly as in the service's OpenAPI document;
 *   <li>{@code params}: {@code name=fixture} pairs separated by {@code ;} filling the path's parameters (a fixture the
 *       test does not know is used literally); a parameter not named gets fixture {@code gone} (no such object);
 *   <li>{@code query}: a raw query string, or empty;
 *   <li>{@code body}: empty (no body), or the name of a JSON body in {@code authz/bodies.json};
 *   <li>one column per caller: the expected status, or alternatives separated by {@code |}.
 * </ul>
 *
 * An operation may have several rows (e.g. one with an invalid body that proves who gets past authorisation, one
 * with a valid body aimed at another member's object).
 */
record AuthorizationMatrix(List<Row> rows) {

    static final String RESOURCE = "/authz/matrix.csv";

    /** Who calls: the columns of the matrix, in order. */
    enum Caller {
        ANONYMOUS("anonymous", null, false),
        MEMBER1("member1", "member1", false),
        MEMBER1_ON_MEMBER2("member1-on-member2", "member1", true),
        STAFF("staff", "staff1", false),
        MARKETER("marketer", "marketer1", false),
        ADMIN("admin", "admin1", false),
        SERVICE("service", null, false);

        final String column;
        /** The demo user whose token the caller sends; null for no token, or the service client's token. */
        final String user;
        /** Path parameters and bodies are filled with member2's objects instead of member1's. */
        final boolean onOthersData;

        Caller(String column, String user, boolean onOthersData) {
            this.column = column;
            this.user = user;
            this.onOthersData = onOthersData;
        }
    }

    record Row(
            int line,
            String method,
            String path,
            Map<String, String> params,
            String query,
            String body,
            Map<Caller, Set<Integer>> expected) {

        String operation() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return "line " + line + " " + operation() + (body.isEmpty() ? "" : " body " + body);
        }
    }

    static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static AuthorizationMatrix parse(String csv) {
        List<Row> rows = new ArrayList<>();
        String[] lines = csv.split("\n", -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int expectedCells = 5 + Caller.values().length;
            if (cells.length != expectedCells) {
                throw new IllegalArgumentException(
                        "matrix line " + (i + 1) + ": " + cells.length + " cells, expected " + expectedCells);
            }
            if (header) {
                header = false;
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : cells[2].strip().split(";")) {
                if (!pair.isBlank()) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0].strip(), kv[1].strip());
                }
            }
            Map<Caller, Set<Integer>> expected = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                String cell = cells[5 + caller.ordinal()].strip();
                if (cell.equals("?")) { // not decided yet: fails until a status is written (see -Dloyalty.authz.record)
                    expected.put(caller, Set.of());
                    continue;
                }
                try {
                    expected.put(
                            caller,
                            Arrays.stream(cell.split("\\|"))
                                    .map(String::strip)
                                    .map(Integer::valueOf)
                                    .collect(Collectors.toCollection(TreeSet::new)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "matrix line " + (i + 1) + ", column " + caller.column + ": not a status: " + cell);
                }
            }
            rows.add(new Row(
                    i + 1,
                    cells[0].strip().toUpperCase(),
                    cells[1].strip(),
                    params,
                    cells[3].strip(),
                    cells[4].strip(),
                    expected));
        }
        return new AuthorizationMatrix(List.copyOf(rows));
    }

    /** Every operation named by some row, as {@code METHOD /path/template}. */
    Set<String> operations() {
        return rows.stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));
    }
}
