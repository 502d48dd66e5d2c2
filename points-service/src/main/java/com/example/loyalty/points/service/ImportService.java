package com.example.loyalty.points.service;

import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.ImportJob;
import com.example.loyalty.points.domain.ImportKind;
import com.example.loyalty.points.domain.ImportStatus;
import com.example.loyalty.points.domain.RowRejected;
import com.example.loyalty.points.repository.MemberRepository.MemberRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * History imports: a CSV file of members or purchases from the system a brand used before. The request's body is
 * spooled to a temporary file and its header checked while the caller waits; the rows then go in on a managed executor,
 * in batches of {@code points.imports.batch-size} rows per transaction, read one at a time from the file, so the file's
 * size never matters to memory. Every row is idempotent (members by external id, purchases by store and transaction
 * id): the same file again changes nothing.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ImportBatches batches;
    private final PurchaseService purchases;
    private final PointsConfig config;
    private final ManagedExecutor executor;
    private final Counter rowsDone;
    private final Counter rowsRejected;

    public ImportService(
            ImportBatches batches, PurchaseService purchases, PointsConfig config, MeterRegistry registry) {
        this.batches = batches;
        this.purchases = purchases;
        this.config = config;
        // no context of the request that started an import follows it onto the executor: each batch opens its own
        this.executor = ManagedExecutor.builder()
                .maxAsync(config.imports().concurrency())
                .maxQueued(config.imports().queue())
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
        this.rowsDone = Counter.builder("loyalty.points.imports.rows")
                .tag("outcome", "done")
                .description("rows of history imports that went in (or were there already)")
                .register(registry);
        this.rowsRejected = Counter.builder("loyalty.points.imports.rows")
                .tag("outcome", "rejected")
                .description("rows of history imports rejected")
                .register(registry);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Spools {@code csv}, checks its header and starts importing it.
     *
     * @throws HttpProblem 400 for an empty file, 422 for a header that does not fit {@code kind}, 503 when too many
     *     imports wait already
     */
    public ImportView start(ImportKind kind, boolean award, InputStream csv, String by) {
        Path file = spool(csv);
        try {
            ImportRows.Header header = readHeader(kind, file);
            ImportJob job = batches.create(kind, award, by);
            try {
                executor.execute(() -> run(job.id, header, award, file, by));
            } catch (RejectedExecutionException e) {
                batches.finish(job.id, ImportStatus.FAILED, "refused: too many imports running or waiting");
                throw HttpProblem.builder()
                        .withType(java.net.URI.create(Problems.BASE + "imports-busy"))
                        .withStatus(503)
                        .withTitle("Imports busy")
                        .withDetail("too many imports are running or waiting; try again later")
                        .build();
            }
            LOG.infof("import %s of %s started by %s (award=%s)", job.id, kind, by, award);
            // as accepted (RUNNING): the import may already be further on when this answer leaves
            return ImportView.of(job, List.of());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** The import with its progress and first rejected rows. */
    public ImportView status(UUID id) {
        ImportView view = batches.view(id, config.imports().maxErrors());
        if (view == null) {
            throw Problems.notFound("import-not-found", "Import not found", "no import with id " + id);
        }
        return view;
    }

    private static Path spool(InputStream csv) {
        try {
            Path file = Files.createTempFile("points-import-", ".csv");
            try (csv) {
                Files.copy(csv, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                delete(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool the import file", e);
        }
    }

    private static ImportRows.Header readHeader(ImportKind kind, Path file) {
        try (CsvRows rows = CsvRows.open(file)) {
            CsvRows.Row header = rows.next();
            if (header == null) {
                throw Problems.badRequest("empty-import", "Empty file", "the file holds no CSV header row");
            }
            return ImportRows.header(kind, header.values());
        } catch (ImportRows.BadHeader e) {
            throw Problems.unprocessable("invalid-import-header", "Invalid header row", e.getMessage());
        } catch (CsvRows.MalformedCsvException e) {
            throw Problems.badRequest("malformed-csv", "Malformed CSV", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(UUID jobId, ImportRows.Header header, boolean award, Path file, String by) {
        try {
            // a first pass counts the rows (and finds a broken file before any of it goes in)
            long total = 0;
            try (CsvRows rows = CsvRows.open(file)) {
                rows.next();
                while (rows.next() != null) {
                    total++;
                }
            }
            batches.setTotal(jobId, total);
            Progress progress = new Progress(jobId, header, award, by);
            int batchSize = config.imports().batchSize();
            try (CsvRows rows = CsvRows.open(file)) {
                rows.next();
                List<CsvRows.Row> batch = new ArrayList<>(batchSize);
                CsvRows.Row row;
                while ((row = rows.next()) != null) {
                    batch.add(row);
                    if (batch.size() == batchSize) {
                        progress.batch(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    progress.batch(batch);
                }
            }
            batches.finish(jobId, ImportStatus.DONE, null);
            LOG.infof("import %s done: %d rows", jobId, total);
        } catch (CsvRows.MalformedCsvException e) {
            failQuietly(jobId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQuietly(jobId, "interrupted: the service stopped; import the file again (rows in are kept)");
        } catch (Exception e) {
            LOG.errorf(e, "import %s failed", jobId);
            failQuietly(jobId, "stopped by an error: " + e + "; import the file again (rows in are kept)");
        } finally {
            delete(file);
        }
    }

    private void failQuietly(UUID jobId, String reason) {
        try {
            batches.finish(jobId, ImportStatus.FAILED, reason);
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not mark import %s failed", jobId);
        }
    }

    /** One import's walk through its batches. */
    private final class Progress {
        private final UUID jobId;
        private final ImportRows.Header header;
        private final boolean award;
        private final String by;
        private int errorsKept;

        Progress(UUID jobId, ImportRows.Header header, boolean award, String by) {
            this.jobId = jobId;
            this.header = header;
            this.award = award;
            this.by = by;
        }

        void batch(List<CsvRows.Row> rows) throws InterruptedException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            int room = Math.max(0, config.imports().maxErrors() - errorsKept);
            List<RowRejected> rejected = new ArrayList<>();
            Instant now = Instant.now();
            Instant latest = now.plus(config.earn().maxFutureSkew());
            Instant earliest = config.purchases().earliest();
            ImportBatches.BatchResult result;
            if (header.kind() == ImportKind.MEMBERS) {
                List<ImportRows.MemberRow> valid = new ArrayList<>(rows.size());
                for (CsvRows.Row row : rows) {
                    try {
                        valid.add(ImportRows.member(header, row, config.zone(), earliest, latest, now));
                    } catch (ImportRows.RowException e) {
                        rejected.add(new RowRejected(row.line(), e.getMessage()));
                    }
                }
                result = batches.members(jobId, valid, rejected, room);
            } else {
                result = purchases(rows, rejected, earliest, latest, room);
            }
            errorsKept += result.errorsKept();
            rowsDone.increment(result.done());
            rowsRejected.increment(result.rejected());
        }

        private ImportBatches.BatchResult purchases(
                List<CsvRows.Row> rows, List<RowRejected> rejected, Instant earliest, Instant latest, int room) {
            List<ImportRows.PurchaseRow> valid = new ArrayList<>(rows.size());
            for (CsvRows.Row row : rows) {
                try {
                    valid.add(ImportRows.purchase(header, row, config.zone(), earliest, latest));
                } catch (ImportRows.RowException e) {
                    rejected.add(new RowRejected(row.line(), e.getMessage()));
                }
            }
            Set<String> externalIds = new HashSet<>();
            Set<String> cardCodes = new HashSet<>();
            for (ImportRows.PurchaseRow r : valid) {
                if (r.externalMemberId() != null) {
                    externalIds.add(r.externalMemberId());
                } else {
                    cardCodes.add(r.cardCode());
                }
            }
            ImportBatches.MemberRefs refs = batches.memberRefs(externalIds, cardCodes);
            Map<Long, MemberRef> memberOfLine = new HashMap<>();
            List<ImportRows.PurchaseRow> history = new ArrayList<>(valid.size());
            long earned = 0;
            for (ImportRows.PurchaseRow r : valid) {
                MemberRef member = refs.of(r);
                if (member == null) {
                    rejected.add(new RowRejected(
                            r.line(),
                            r.externalMemberId() != null
                                    ? "unknown member: no member has externalId " + r.externalMemberId()
                                    : "unknown member: no member has card " + r.cardCode()));
                } else if (award && r.amount() > 0 && purchases.earnsIn(r.currency())) {
                    // earns as at the till, through the till's own path and its guards (max age, ceiling: the
                    // importing admin approves no row above it), exactly once per (store, transaction id)
                    try {
                        purchases.record(
                                new PurchaseService.PurchaseCommand(
                                        r.transactionId(),
                                        member.cardCode(),
                                        r.amount(),
                                        r.currency(),
                                        r.storeId(),
                                        r.channel(),
                                        r.occurredAt()),
                                by);
                        earned++;
                    } catch (HttpProblem e) {
                        if (e.getStatusCode() >= 500) {
                            throw e;
                        }
                        // what the till would have answered: unknown card, transaction id reused, too old, ...
                        rejected.add(new RowRejected(r.line(), e.getDetail() != null ? e.getDetail() : e.getTitle()));
                    }
                } else {
                    memberOfLine.put(r.line(), member);
                    history.add(r);
                }
            }
            return batches.history(jobId, history, memberOfLine, earned, rejected, room, by);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf(e, "could not delete %s", file);
        }
    }
}
