package com.example.loyalty.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The {@code member_directory} table: the token subject of each member. */
@ApplicationScoped
public class MemberDirectoryRepository {

    private final EntityManager em;

    public MemberDirectoryRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the subject of each member in the caller's transaction, one statement whatever their number. A subject
     * another member held before moves to the member named now (a Keycloak user re-linked to another card).
     */
    public void linkAll(Map<UUID, String> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        TreeMap<UUID, String> ordered = new TreeMap<>(subjects);
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
                            + "on conflict (member_id) do update set subject = excluded.subject, updated_at = now()")) {
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
}
