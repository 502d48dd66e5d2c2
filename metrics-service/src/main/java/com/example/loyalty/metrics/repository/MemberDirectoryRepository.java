package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@code member_directory} table: the token subject of each member; an erased member's row is a tombstone
 * ({@code erased_at}, no subject).
 */
@ApplicationScoped
public class MemberDirectoryRepository {

    private final EntityManager em;

    public MemberDirectoryRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the subject of each member in the caller's transaction, one statement whatever their number. A subject
     * another member held before moves to the member named now (a Keycloak user re-linked to another card). An erased
     * member stays erased (an enrolment read late links nothing).
     */
    public void linkAll(Map<UUID, String> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        TreeMap<UUID, String> ordered = new TreeMap<>(subjects);
        ordered.keySet().removeAll(erasedAmong(ordered.keySet()));
        if (ordered.isEmpty()) {
            return;
        }
        List<UUID> members = new ArrayList<>(ordered.keySet());
        List<String> values = new ArrayList<>(ordered.values());
        Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update member_directory set subject = null, updated_at = now() "
                            + "where subject = any(?::varchar[]) and not (member_id = any(?::uuid[]))")) {
                Jdbc.setArrays(ps, c, new String[] {"varchar", "uuid"}, new List<?>[] {values, members});
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("insert into member_directory (member_id, subject, updated_at) "
                            + "select m, s, now() from unnest(?::uuid[], ?::varchar[]) as d(m, s) "
                            + "on conflict (member_id) do update set subject = excluded.subject, updated_at = now() "
                            + "where member_directory.erased_at is null")) {
                Jdbc.setArrays(ps, c, new String[] {"uuid", "varchar"}, new List<?>[] {members, values});
                return ps.executeUpdate();
            }
        });
    }

    /** The member whose token subject is {@code subject}, if known. */
    public Optional<UUID> memberOf(String subject) {
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select member_id from member_directory where subject = ?")) {
                ps.setString(1, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Erases what the directory knows of {@code members} (their token subjects), leaving a tombstone for each, so an
     * enrolment read later links nothing; answers the subjects they had.
     */
    public List<String> erase(Collection<UUID> members, Instant at) {
        if (members.isEmpty()) {
            return List.of();
        }
        List<UUID> ordered = new ArrayList<>(new TreeSet<>(members));
        return Jdbc.work(em, c -> {
            List<String> subjects = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select subject from member_directory "
                    + "where member_id = any(?) and subject is not null order by member_id for update")) {
                ps.setArray(1, Jdbc.array(c, "uuid", ordered));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        subjects.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into member_directory (member_id, subject, "
                    + "updated_at, erased_at) select m, null, ?, ? from unnest(?::uuid[]) as d(m) "
                    + "on conflict (member_id) do update set subject = null, updated_at = excluded.updated_at, "
                    + "erased_at = coalesce(member_directory.erased_at, excluded.erased_at)")) {
                Timestamp when = Timestamp.from(at);
                ps.setTimestamp(1, when);
                ps.setTimestamp(2, when);
                ps.setArray(3, Jdbc.array(c, "uuid", ordered));
                ps.executeUpdate();
            }
            return subjects;
        });
    }

    /** Those of {@code members} that were erased. */
    public Set<UUID> erasedAmong(Collection<UUID> members) {
        if (members.isEmpty()) {
            return Set.of();
        }
        return Jdbc.work(em, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select member_id from member_directory where member_id = any(?) and erased_at is not null")) {
                ps.setArray(1, Jdbc.array(c, "uuid", members));
                Set<UUID> erased = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        erased.add(rs.getObject(1, UUID.class));
                    }
                }
                return erased;
            }
        });
    }
}
