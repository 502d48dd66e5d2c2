package com.example.loyalty.points.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The earning rules in memory, as {@link TierLadderCache} keeps the ladder: every purchase at the till needs them, and
 * they change a few times a day at most. A trigger on {@code earning_rule_version} does {@code NOTIFY
 * earning_rules_changed} at commit; a thread of each instance {@code LISTEN}s and drops the cached rules when told; the
 * instance that made the change drops them right after its commit. While the listener is down, every request reads
 * the rules; a load that raced a change is never kept (generation counter).
 * <p>
 * What is cached: every version in force at some time from {@link Snapshot#since} on (the oldest purchase the till
 * still takes, and a day more); {@link EarningRuleService} reads older times from the database.
 */
@ApplicationScoped
public class EarningRuleCache {

    static final String CHANNEL = "earning_rules_changed";
    private static final Logger LOG = Logger.getLogger(EarningRuleCache.class);
    private static final int WAIT_MILLIS = 10_000;

    /** The versions in force at some time at or after {@code since}, each with its rule's kind and creation. */
    public record Snapshot(java.time.Instant since, java.util.List<RuleVersionView> versions) {}

    private final AgroalDataSource dataSource;
    private final AtomicLong generation = new AtomicLong();
    private volatile EarningRuleCache.Snapshot cached;
    private volatile boolean listening;
    private volatile boolean stopping;
    private Thread listener;

    public EarningRuleCache(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "earning-rules-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The rules: from memory while the listener runs and nothing changed, else from {@code load}. */
    public EarningRuleCache.Snapshot get(Supplier<EarningRuleCache.Snapshot> load) {
        Snapshot rules = cached;
        if (rules != null && listening) {
            return rules;
        }
        long before = generation.get();
        rules = load.get();
        if (listening && generation.get() == before) {
            cached = rules;
        }
        return rules;
    }

    /** Forgets the rules (a change was committed here or elsewhere). */
    public void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }

    boolean isListening() {
        return listening;
    }

    private void listen() {
        long backoff = 500;
        while (!stopping) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                invalidate(); // whatever was cached may have changed while nobody listened
                listening = true;
                backoff = 500;
                LOG.debug("listening for earning rule changes");
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        invalidate();
                        LOG.debug("earning rules changed: cache dropped");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    LOG.warnf(
                            "not listening for earning rule changes (%s); reading the rules on every request "
                                    + "until the listener is back",
                            e.getMessage());
                }
            } finally {
                listening = false;
                invalidate();
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
