package com.example.loyalty.points.repository;

import com.example.loyalty.points.domain.ImportJob;
import com.example.loyalty.points.domain.ImportStatus;
import com.example.loyalty.points.domain.RowRejected;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Imports and their progress ({@code import_job}), and the rejected rows kept for each ({@code import_error}). */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** Adds a batch's counts, in the batch's transaction. */
    public void addProgress(UUID id, long done, long rejected) {
        getEntityManager()
                .createNativeQuery("update import_job set rows_done = rows_done + :done, "
                        + "rows_rejected = rows_rejected + :rejected, updated_at = :now where id = :id")
                .setParameter("done", done)
                .setParameter("rejected", rejected)
                .setParameter("now", Instant.now())
                .setParameter("id", id)
                .executeUpdate();
    }

    public void setTotal(UUID id, long total) {
        getEntityManager()
                .createNativeQuery("update import_job set rows_total = :total, updated_at = :now where id = :id")
                .setParameter("total", total)
                .setParameter("now", Instant.now())
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Ends a running import; an import that already ended stays as it is. */
    public void finish(UUID id, ImportStatus status, String failure) {
        Instant now = Instant.now();
        getEntityManager()
                .createNativeQuery("update import_job set status = :status, failure = :failure, updated_at = :now, "
                        + "finished_at = :now where id = :id and status = 'RUNNING'")
                .setParameter("status", status.name())
                .setParameter("failure", failure)
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
    }

    /**
     * Ends an import that still says RUNNING but has not moved since {@code cutoff}: the instance running it stopped
     * (every batch, and the count before the first, moves {@code updated_at}).
     *
     * @return true if it was ended now
     */
    public boolean failIfStale(UUID id, Instant cutoff, String failure) {
        Instant now = Instant.now();
        return getEntityManager()
                        .createNativeQuery("update import_job set status = 'FAILED', failure = :failure, "
                                + "updated_at = :now, finished_at = :now "
                                + "where id = :id and status = 'RUNNING' and updated_at < :cutoff")
                        .setParameter("failure", failure)
                        .setParameter("now", now)
                        .setParameter("id", id)
                        .setParameter("cutoff", cutoff)
                        .executeUpdate()
                == 1;
    }

    /** Keeps rejected rows of an import (the caller bounds how many). */
    public void addErrors(UUID id, List<RowRejected> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<Long> lines = new ArrayList<>(errors.size());
        List<String> messages = new ArrayList<>(errors.size());
        for (RowRejected e : errors) {
            lines.add(e.line());
            messages.add(e.message());
        }
        SqlArrays.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into import_error (import_id, line, message) "
                    + "select ?, u.line, u.message from unnest(?::int8[], ?::varchar[]) as u(line, message) "
                    + "on conflict do nothing")) {
                ps.setObject(1, id);
                SqlArrays.bind(ps, 2, c, "int8", lines);
                SqlArrays.bind(ps, 3, c, "varchar", messages);
                return ps.executeUpdate();
            }
        });
    }

    /** The kept rejected rows of an import, by line. */
    public List<RowRejected> errors(UUID id, int limit) {
        return SqlArrays.work(getEntityManager(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select line, message from import_error where import_id = ? order by line limit ?")) {
                ps.setObject(1, id);
                ps.setInt(2, limit);
                List<RowRejected> errors = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        errors.add(new RowRejected(rs.getLong(1), rs.getString(2)));
                    }
                }
                return errors;
            }
        });
    }
}
