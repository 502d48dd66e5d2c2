package com.example.loyalty.points.service;

import com.example.loyalty.events.EventTypes;
import com.example.loyalty.events.MemberEnrolled;
import com.example.loyalty.events.PointsEarned;
import com.example.loyalty.events.Topics;
import com.example.loyalty.messaging.outbox.OutboxWriter;
import com.example.loyalty.points.config.PointsConfig;
import com.example.loyalty.points.domain.AuditAction;
import com.example.loyalty.points.domain.AuditTarget;
import com.example.loyalty.points.domain.ImportJob;
import com.example.loyalty.points.domain.ImportKind;
import com.example.loyalty.points.domain.ImportStatus;
import com.example.loyalty.points.domain.RowRejected;
import com.example.loyalty.points.repository.ImportJobRepository;
import com.example.loyalty.points.repository.MemberRepository;
import com.example.loyalty.points.repository.MemberRepository.MemberRef;
import com.example.loyalty.points.repository.PurchaseRepository;
import com.example.loyalty.points.repository.PurchaseRepository.HistoryPurchase;
import com.example.loyalty.points.repository.PurchaseRepository.Identity;
import com.example.loyalty.points.repository.PurchaseRepository.Key;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The writes of a history import, one transaction per batch of rows: the rows go in with set-based statements (insert
 * ... on conflict do nothing, so a row there already changes nothing), their events go to the outbox, and the import's
 * counts and rejected rows are committed with them, so the progress a reader sees is exactly what went in.
 */
@ApplicationScoped
public class ImportBatches {

    private static final int CARD_CODE_ATTEMPTS = 5;

    private final ImportJobRepository jobs;
    private final MemberRepository members;
    private final PurchaseRepository purchases;
    private final TierService tiers;
    private final OutboxWriter outbox;
    private final PointsConfig config;
    private final AuditLog audit;

    public ImportBatches(
            ImportJobRepository jobs,
            MemberRepository members,
            PurchaseRepository purchases,
            TierService tiers,
            OutboxWriter outbox,
            PointsConfig config,
            AuditLog audit) {
        this.jobs = jobs;
        this.members = members;
        this.purchases = purchases;
        this.tiers = tiers;
        this.outbox = outbox;
        this.config = config;
        this.audit = audit;
    }

    /** What the audit log keeps of an import that started. */
    public record ImportStarted(ImportKind kind, boolean award) {}

    /** A RUNNING import, audited as IMPORT_STARTED by {@code createdBy}. */
    @Transactional
    public ImportJob create(ImportKind kind, boolean award, String createdBy) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.award = award;
        job.status = ImportStatus.RUNNING;
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        job.createdBy = createdBy;
        jobs.persist(job);
        audit.record(
                createdBy,
                AuditAction.IMPORT_STARTED,
                AuditTarget.IMPORT,
                job.id.toString(),
                null,
                new ImportStarted(kind, award),
                null);
        return job;
    }

    @Transactional
    public void setTotal(UUID jobId, long total) {
        jobs.setTotal(jobId, total);
    }

    @Transactional
    public void finish(UUID jobId, ImportStatus status, String failure) {
        jobs.finish(jobId, status, failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 1000));
    }

    /**
     * The import and its first {@code maxErrors} rejected rows; null if there is no such import. An import that says
     * RUNNING but has not moved for {@code points.imports.stale-after} is reported (and recorded) as FAILED: the
     * instance running it stopped.
     */
    @Transactional
    public ImportView view(UUID jobId, int maxErrors) {
        Instant cutoff = Instant.now().minus(config.imports().staleAfter());
        if (jobs.failIfStale(
                jobId,
                cutoff,
                "no progress since " + cutoff + ": the service running it stopped; import the file again (rows in "
                        + "are kept)")) {
            jobs.getEntityManager().clear();
        }
        ImportJob job = jobs.findById(jobId);
        return job == null ? null : ImportView.of(job, jobs.errors(jobId, maxErrors));
    }

    /** The members named by external id or card code, both ways. */
    public record MemberRefs(Map<String, MemberRef> byExternalId, Map<String, MemberRef> byCardCode) {
        MemberRef of(ImportRows.PurchaseRow row) {
            return row.externalMemberId() != null
                    ? byExternalId.get(row.externalMemberId())
                    : byCardCode.get(row.cardCode());
        }
    }

    @Transactional
    public MemberRefs memberRefs(Collection<String> externalIds, Collection<String> cardCodes) {
        Map<String, MemberRef> byExternalId = new HashMap<>();
        Map<String, MemberRef> byCardCode = new HashMap<>();
        for (MemberRef ref : members.refs(externalIds, cardCodes)) {
            if (ref.externalId() != null) {
                byExternalId.put(ref.externalId(), ref);
            }
            byCardCode.put(ref.cardCode(), ref);
        }
        return new MemberRefs(byExternalId, byCardCode);
    }

    /**
     * Inserts the members of a batch that are not there yet (by external id), each with a fresh card code and a
     * MemberEnrolled event, and commits the batch's counts: {@code rejected} (rows refused before) plus any row that
     * found no free card code.
     *
     * @return the batch's counts (at most {@code errorRoom} rejected rows kept)
     */
    @Transactional
    public BatchResult members(UUID jobId, List<ImportRows.MemberRow> rows, List<RowRejected> rejected, int errorRoom) {
        batchInserts();
        TierLadderView ladder = tiers.ladder();
        String tier = ladder.steps().get(0).code();
        List<RowRejected> errors = new ArrayList<>(rejected);
        long done = 0;
        List<ImportRows.MemberRow> pending = rows;
        for (int attempt = 0; attempt < CARD_CODE_ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<MemberRepository.NewImportedMember> candidates = new ArrayList<>(pending.size());
            for (ImportRows.MemberRow r : pending) {
                candidates.add(new MemberRepository.NewImportedMember(
                        UUID.randomUUID(),
                        r.externalId(),
                        CardCodes.generate(config.card().prefix()),
                        r.displayName(),
                        r.email(),
                        r.phone(),
                        r.enrolledAt()));
            }
            Set<String> inserted = new HashSet<>();
            java.util.Map<String, String> names = new java.util.HashMap<>();
            pending.forEach(r -> names.put(r.externalId(), r.displayName()));
            for (MemberRepository.Inserted m : members.insertImported(candidates, tier, ladder.windowMonths())) {
                inserted.add(m.externalId());
                outbox.write(
                        Topics.MEMBER_EVENTS,
                        EventTypes.MEMBER_ENROLLED,
                        MemberEnrolled.SCHEMA_VERSION,
                        m.id().toString(),
                        new MemberEnrolled(m.cardCode(), tier, null, names.get(m.externalId())));
            }
            List<ImportRows.MemberRow> notInserted = new ArrayList<>();
            for (ImportRows.MemberRow r : pending) {
                if (inserted.contains(r.externalId())) {
                    done++; // new, or a repeat of a row of this batch
                } else {
                    notInserted.add(r);
                }
            }
            Set<String> existing = members.existingExternalIds(
                    notInserted.stream().map(ImportRows.MemberRow::externalId).toList());
            pending = new ArrayList<>();
            for (ImportRows.MemberRow r : notInserted) {
                if (existing.contains(r.externalId())) {
                    done++; // imported before: nothing changes
                } else {
                    pending.add(r); // its card code was taken: again with another one
                }
            }
        }
        for (ImportRows.MemberRow r : pending) {
            errors.add(new RowRejected(r.line(), "no free card code found for " + r.externalId() + "; import again"));
        }
        return progress(jobId, done, errors, errorRoom);
    }

    /**
     * Records purchases as history (no points, no ledger entry, balance, tier and rolling spend untouched), each
     * (store, transaction id) once, with a PointsEarned event flagged history, and commits the batch's counts. A
     * (store, transaction id) recorded before counts as done if it was the same purchase (member, amount, currency),
     * else the row is rejected.
     *
     * @param doneBefore rows of the batch that went in another way (earned at the till's rules)
     * @return the batch's counts (at most {@code errorRoom} rejected rows kept)
     */
    @Transactional
    public BatchResult history(
            UUID jobId,
            List<ImportRows.PurchaseRow> rows,
            Map<Long, MemberRef> memberOfLine,
            long doneBefore,
            List<RowRejected> rejected,
            int errorRoom,
            String recordedBy) {
        batchInserts();
        List<RowRejected> errors = new ArrayList<>(rejected);
        // the first row of each (store, transaction id) goes in; a repeat is compared with it
        Map<Key, ImportRows.PurchaseRow> first = new LinkedHashMap<>();
        for (ImportRows.PurchaseRow r : rows) {
            first.putIfAbsent(keyOf(r), r);
        }
        List<HistoryPurchase> candidates = new ArrayList<>(first.size());
        for (ImportRows.PurchaseRow r : first.values()) {
            MemberRef m = memberOfLine.get(r.line());
            candidates.add(new HistoryPurchase(
                    UUID.randomUUID(),
                    r.transactionId(),
                    m.id(),
                    r.amount(),
                    r.currency(),
                    r.storeId(),
                    r.channel(),
                    r.occurredAt(),
                    m.tierCode(),
                    m.balance()));
        }
        Set<Key> inserted = purchases.insertHistory(candidates, recordedBy, Instant.now());
        Map<Key, Identity> recorded = new HashMap<>(purchases.identities(
                first.keySet().stream().filter(k -> !inserted.contains(k)).toList()));
        long done = doneBefore;
        for (HistoryPurchase p : candidates) {
            Key key = new Key(p.storeId(), p.transactionId());
            if (inserted.contains(key)) {
                recorded.put(key, new Identity(p.memberId(), p.amount(), p.currency(), p.storeId()));
                outbox.write(
                        Topics.LOYALTY_TRANSACTIONS,
                        EventTypes.POINTS_EARNED,
                        PointsEarned.SCHEMA_VERSION,
                        p.memberId().toString(),
                        new PointsEarned(
                                p.transactionId(),
                                p.amount(),
                                p.currency(),
                                p.storeId(),
                                p.channel(),
                                p.occurredAt(),
                                0,
                                "0",
                                p.tierCode(),
                                p.balance(),
                                true));
            }
        }
        for (ImportRows.PurchaseRow r : rows) {
            MemberRef m = memberOfLine.get(r.line());
            Identity there = recorded.get(keyOf(r));
            if (there != null && there.equals(new Identity(m.id(), r.amount(), r.currency(), r.storeId()))) {
                done++;
            } else {
                errors.add(new RowRejected(
                        r.line(),
                        "transaction " + r.transactionId() + " of store " + r.storeId()
                                + " was recorded before with a different member, amount or currency"));
            }
        }
        return progress(jobId, done, errors, errorRoom);
    }

    private static Key keyOf(ImportRows.PurchaseRow row) {
        return new Key(row.storeId(), row.transactionId());
    }

    /** What a batch committed: rows done, rows rejected, rejected rows kept. */
    public record BatchResult(long done, long rejected, int errorsKept) {}

    private BatchResult progress(UUID jobId, long done, List<RowRejected> rejected, int errorRoom) {
        List<RowRejected> errors = new ArrayList<>(rejected);
        errors.sort(Comparator.comparingLong(RowRejected::line));
        jobs.addProgress(jobId, done, errors.size());
        List<RowRejected> kept = errors.size() <= errorRoom ? errors : errors.subList(0, Math.max(0, errorRoom));
        jobs.addErrors(jobId, kept);
        return new BatchResult(done, errors.size(), kept.size());
    }

    /** The batch's outbox rows go to the database as JDBC batches, not one round trip each. */
    private void batchInserts() {
        members.getEntityManager()
                .unwrap(Session.class)
                .setJdbcBatchSize(Math.min(config.imports().batchSize(), 500));
    }
}
