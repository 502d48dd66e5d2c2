package com.example.loyalty.points.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One value read from the database once, then served from memory until it changes, on this instance or any other: a
 * trigger does {@code NOTIFY <channel>} at commit, and a thread of each instance {@code LISTEN}s on a connection of its
 * own and drops the cached value when told. The instance that made the change drops it itself right after its commit
 * ({@link #invalidate()}), before it answers, so its next request sees the new value.
 * <p>
 * Correct even when the listener is down (the database away, the connection lost): the cache is then bypassed, every
 * request reads the value, until the listener is back; and a load that raced a change (read the old value while the
 * change was being committed) is never kept, thanks to a generation counter. Subclasses are the beans; their
 * listener starts with the application and stops with it (the observers here, which the beans inherit).
 */
public abstract class ChangeNotifiedCache<T> {

    private static final Logger LOG = Logger.getLogger(ChangeNotifiedCache.class);
    private static final int WAIT_MILLIS = 10_000;

    private final AtomicLong generation = new AtomicLong();
    private AgroalDataSource dataSource;
    private String channel;
    private String what;
    private volatile T cached;
    private volatile boolean listening;
    private volatile boolean stopping;
    private Thread listener;

    /** For the container's proxies only. */
    protected ChangeNotifiedCache() {}

    /**
     * @param channel the NOTIFY channel the trigger signals changes on
     * @param what    what is cached, for the logs and the listener thread's name (e.g. "tier ladder")
     */
    protected ChangeNotifiedCache(AgroalDataSource dataSource, String channel, String what) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.what = what;
    }

    void onStart(@Observes StartupEvent event) {
        startListening();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopListening();
    }

    private void startListening() {
        listener = new Thread(this::listen, what.replace(' ', '-') + "-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void stopListening() {
        stopping = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The value: from memory while the listener runs and nothing changed, else from {@code load}. */
    public T get(Supplier<T> load) {
        T value = cached;
        if (value != null && listening) {
            return value;
        }
        long before = generation.get();
        value = load.get();
        if (listening && generation.get() == before) {
            cached = value;
        }
        return value;
    }

    /**
     * Forgets the value once the current transaction ends, committed or not: for the instance that makes a change, so
     * that its next request sees it without waiting for the notification.
     */
    public void invalidateAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                invalidate();
            }
        });
    }

    /** Forgets the value (a change was committed here or elsewhere). */
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
                s.execute("LISTEN " + channel);
                PGConnection pg = c.unwrap(PGConnection.class);
                invalidate(); // whatever was cached may have changed while nobody listened
                listening = true;
                backoff = 500;
                LOG.debugf("listening for %s changes", what);
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        invalidate();
                        LOG.debugf("%s changed: cache dropped", what);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping) {
                    LOG.warnf(
                            "not listening for %s changes (%s); reading it on every request until the listener is back",
                            what, e.getMessage());
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
