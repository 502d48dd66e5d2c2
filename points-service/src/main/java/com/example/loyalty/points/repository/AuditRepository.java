package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.AuditEntry;
import com.example.loyalty.points.service.AuditQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /**
     * The entries that match {@code query}, newest first (by time of recording, then order of recording), after its
     * cursor, at most {@code limit}.
     */
    public List<AuditEntry> search(AuditQuery query, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.actor() != null) {
            where.add("actor = :actor");
            params.and("actor", query.actor());
        }
        if (query.targetType() != null) {
            where.add("targetType = :targetType");
            params.and("targetType", query.targetType());
        }
        if (query.targetId() != null) {
            where.add("targetId = :targetId");
            params.and("targetId", query.targetId());
        }
        if (query.action() != null) {
            where.add("action = :action");
            params.and("action", query.action().name());
        }
        if (query.from() != null) {
            where.add("at >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.add("at < :to");
            params.and("to", query.to());
        }
        if (query.after() != null) {
            where.add("(at < :cursorAt or (at = :cursorAt and seq < :cursorSeq))");
            params.and("cursorAt", query.after().at())
                    .and("cursorSeq", query.after().seq());
        }
        String order = "order by at desc, seq desc";
        return find(where.isEmpty() ? order : String.join(" and ", where) + " " + order, params)
                .range(0, limit - 1)
                .list();
    }
}
