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
 * The tier ladder in memory: every purchase, look-up and {@code /members/me} needs it, and it changes a few times a
 * year. Read from the database once, then served from memory until it changes, on this instance or any other: a
 * trigger on {@code tier} and {@code tier_ladder} does {@code NOTIFY tier_ladder_changed} at commit, and a thread of
 * each instance {@code LISTEN}s on a connection of its own and drops the cached ladder when told. The instance that
 * made the change drops it itself right after its commit, before it answers, so its next request sees the new ladder.
 * <p>
 * Correct even when the listener is down (the database away, the connection lost): the cache is then bypassed, every
 * request reads the ladder, until the listener is back; and a load that raced a change (read the old ladder while the
 * change was being committed) is never kept, thanks to a generation counter.
 */
@ApplicationScoped
public class TierLadderCache {

    static final String CHANNEL = "tier_ladder_changed";
    private static final Logger LOG = Logger.getLogger(TierLadderCache.class);
    private static final int WAIT_MILLIS = 10_000;

    private final AgroalDataSource dataSource;
    private final AtomicLong generation = new AtomicLong();
    private volatile TierLadderView cached;
    private volatile boolean listening;
    private volatile boolean stopping;
    private Thread listener;

    public TierLadderCache(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "tier-ladder-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The ladder: from memory while the listener runs and nothing changed, else from {@code load}. */
    public TierLadderView get(Supplier<TierLadderView> load) {
        TierLadderView ladder = cached;
        if (ladder != null && listening) {
            return ladder;
        }
        long before = generation.get();
        ladder = load.get();
        if (listening && generation.get() == before) {
            cached = ladder;
        }
        return ladder;
    }

    /** Forgets the ladder (a change was committed here or elsewhere). */
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
                LOG.debug("listening for tier ladder changes");
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        invalidate();
                        LOG.debug("tier ladder changed: cache dropped");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    LOG.warnf(
                            "not listening for tier ladder changes (%s); reading the ladder on every request "
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
