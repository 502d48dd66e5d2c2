package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.PointAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tables {@code action_rule} and {@code action_rule_version}: the versioned rules of the actions that earn points. */
@ApplicationScoped
public class ActionRuleRepository {

    /** One version of an action's rule, valid from {@code validFrom} up to (not including) {@code validTo}. */
    public record Version(
            UUID id,
            PointAction action,
            long points,
            Long dailyCap,
            Long monthlyCap,
            Long yearlyCap,
            Instant validFrom,
            Instant validTo,
            Instant createdAt,
            String createdBy,
            String reason) {}

    private static final String COLUMNS =
            "id, action, points, daily_cap, monthly_cap, yearly_cap, valid_from, valid_to, "
                    + "created_at, created_by, reason";

    private final EntityManager em;

    public ActionRuleRepository(EntityManager em) {
        this.em = em;
    }

    /** The version of {@code action} valid at {@code at}. */
    public Optional<Version> at(PointAction action, Instant at) {
        List<Version> found = select(
                "where action = ? and valid_from <= ? and (valid_to is null or valid_to > ?) "
                        + "order by valid_from desc limit 1",
                action.name(),
                Timestamp.from(at),
                Timestamp.from(at));
        return found.stream().findFirst();
    }

    /**
     * The versions of every action in force at {@code now} or scheduled after it (versions that never applied, replaced
     * before they began, left out), by action and start.
     */
    public List<Version> currentAndScheduled(Instant now) {
        return select(
                "where (valid_to is null or (valid_to > ? and valid_to > valid_from)) order by action, valid_from",
                Timestamp.from(now));
    }

    /**
     * The versions of {@code action} that are in force at {@code from} or begin after it: what a new version from
     * {@code from} ends or replaces.
     */
    public List<Version> inForceFrom(PointAction action, Instant from) {
        return select(
                "where action = ? and (valid_to is null or (valid_to > ? and valid_to > valid_from)) "
                        + "order by valid_from",
                action.name(),
                Timestamp.from(from));
    }

    /** Creates the action's row unless it exists; true when this call created it. */
    public boolean insertRule(PointAction action, Instant at) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into action_rule (action, created_at) values (?, ?) on conflict (action) do nothing")) {
                ps.setString(1, action.name());
                ps.setTimestamp(2, Timestamp.from(at));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Locks the action's row until the transaction ends, so changes of one action's rule run one at a time. */
    public void lock(PointAction action) {
        SqlArrays.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select action from action_rule where action = ? for update")) {
                ps.setString(1, action.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("action " + action + " has no rule row");
                    }
                    return null;
                }
            }
        });
    }

    public void insert(Version v) {
        SqlArrays.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into action_rule_version (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, v.id());
                ps.setString(2, v.action().name());
                ps.setLong(3, v.points());
                setLong(ps, 4, v.dailyCap());
                setLong(ps, 5, v.monthlyCap());
                setLong(ps, 6, v.yearlyCap());
                ps.setTimestamp(7, Timestamp.from(v.validFrom()));
                ps.setTimestamp(8, v.validTo() == null ? null : Timestamp.from(v.validTo()));
                ps.setTimestamp(9, Timestamp.from(v.createdAt()));
                ps.setString(10, v.createdBy());
                ps.setString(11, v.reason());
                return ps.executeUpdate();
            }
        });
    }

    /** Ends a version at {@code validTo} (now or later: the database refuses an end in the past). */
    public void end(UUID id, Instant validTo) {
        SqlArrays.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update action_rule_version set valid_to = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(validTo));
                ps.setObject(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private List<Version> select(String where, Object... params) {
        return SqlArrays.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select " + COLUMNS + " from action_rule_version " + where)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<Version> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs));
                    }
                }
                return out;
            }
        });
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Version version(ResultSet rs) throws SQLException {
        Timestamp validTo = rs.getTimestamp("valid_to");
        return new Version(
                rs.getObject("id", UUID.class),
                PointAction.valueOf(rs.getString("action")),
                rs.getLong("points"),
                nullableLong(rs, "daily_cap"),
                nullableLong(rs, "monthly_cap"),
                nullableLong(rs, "yearly_cap"),
                rs.getTimestamp("valid_from").toInstant(),
                validTo == null ? null : validTo.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getString("reason"));
    }
}
