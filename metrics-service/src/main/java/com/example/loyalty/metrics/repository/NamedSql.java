package com.example.loyalty.metrics.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long SQL statement with named parameters ({@code :as_of}, lower case; {@code ::} casts are left alone), turned
 * into a JDBC statement once: the parameters of a statement of twenty placeholders are then bound by name, not by
 * counting question marks. A name may occur several times.
 */
final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z][a-z0-9_]*)");

    private final String jdbc;
    private final List<String> order = new ArrayList<>();

    NamedSql(String sql) {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length());
        while (m.find()) {
            order.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        this.jdbc = out.toString();
    }

    String jdbc() {
        return jdbc;
    }

    /**
     * Prepares the statement on {@code c} and binds every occurrence of each parameter.
     *
     * @throws IllegalArgumentException if a parameter of the statement has no value or a value names no parameter
     */
    PreparedStatement prepare(Connection c, Map<String, Object> values) throws SQLException {
        Map<String, Object> unused = new HashMap<>(values);
        PreparedStatement ps = c.prepareStatement(jdbc);
        try {
            for (int i = 0; i < order.size(); i++) {
                String name = order.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                ps.setObject(i + 1, values.get(name));
                unused.remove(name);
            }
            if (!unused.isEmpty()) {
                throw new IllegalArgumentException("no parameter named " + unused.keySet());
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
