package com.example.loyalty.bench.load;

import com.example.loyalty.bench.http.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code clients} threads, each on its own kept-alive connection, send the next request as soon as
 * the previous one is answered, first for a warm-up period (not counted), then for a timed window. Latencies go into
 * an HdrHistogram per thread; answers that are not 2xx, and exceptions, count as errors.
 */
public final class ClosedLoop {

    /** One request of a path: client {@code client}'s {@code n}-th request. */
    @FunctionalInterface
    public interface Request {
        RawHttp.Answer send(RawHttp http, int client, long n);
    }

    private ClosedLoop() {}

    /** Calls a hook when the timed window starts and ends (e.g. to profile only the window). */
    public interface Window {
        Window NONE = new Window() {};

        default void started() {}

        default void ended() {}

        /** CPU used in the window, by process, if this hook measured it. */
        default Map<String, Double> cpu() {
            return Map.of();
        }

        /** This hook and {@code then} as one: this one starts and ends first; their CPU figures are merged. */
        default Window and(Window then) {
            Window first = this;
            return new Window() {
                @Override
                public void started() {
                    first.started();
                    then.started();
                }

                @Override
                public void ended() {
                    first.ended();
                    then.ended();
                }

                @Override
                public Map<String, Double> cpu() {
                    Map<String, Double> cpu = new java.util.LinkedHashMap<>(first.cpu());
                    cpu.putAll(then.cpu());
                    return cpu;
                }
            };
        }
    }

    public static PathResult run(
            String name,
            String via,
            String host,
            int port,
            int clients,
            Duration warmup,
            Duration window,
            Request request) {
        return run(name, via, host, port, clients, warmup, window, request, Window.NONE);
    }

    public static PathResult run(
            String name,
            String via,
            String host,
            int port,
            int clients,
            Duration warmup,
            Duration window,
            Request request,
            Window hooks) {
        long start = System.nanoTime() + 200_000_000L; // every thread starts together
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + window.toNanos();
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Worker w = new Worker(c, host, port, request, start, measureFrom, measureTo, done);
            workers.add(w);
            Thread t = new Thread(w, "load-" + name + "-" + c);
            t.setDaemon(true);
            t.start();
        }
        try {
            sleepUntil(measureFrom);
            hooks.started();
            done.await();
            hooks.ended();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Histogram all = new Histogram(3_600_000_000_000L, 3);
        long ok = 0;
        long errors = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        String firstError = null;
        for (Worker w : workers) {
            all.add(w.latencies);
            ok += w.ok;
            errors += w.errors;
            w.statuses.forEach((s, n) -> statuses.merge(s, n, Long::sum));
            if (firstError == null) {
                firstError = w.firstError.get();
            }
        }
        double seconds = window.toNanos() / 1e9;
        return new PathResult(
                name,
                via,
                clients,
                seconds,
                ok,
                errors,
                ok / seconds,
                all.getValueAtPercentile(50) / 1e6,
                all.getValueAtPercentile(99) / 1e6,
                all.getMean() / 1e6,
                statuses,
                firstError,
                hooks.cpu());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static final class Worker implements Runnable {
        final int client;
        final String host;
        final int port;
        final Request request;
        final long start;
        final long measureFrom;
        final long measureTo;
        final CountDownLatch done;
        final Histogram latencies = new Histogram(3_600_000_000_000L, 3);
        final Map<Integer, Long> statuses = new TreeMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();
        long ok;
        long errors;

        Worker(
                int client,
                String host,
                int port,
                Request request,
                long start,
                long measureFrom,
                long measureTo,
                CountDownLatch done) {
            this.client = client;
            this.host = host;
            this.port = port;
            this.request = request;
            this.start = start;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            this.done = done;
        }

        @Override
        public void run() {
            try (RawHttp http = new RawHttp(host, port)) {
                while (System.nanoTime() < start) {
                    Thread.onSpinWait();
                }
                long n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo) {
                        return;
                    }
                    int status;
                    String error = null;
                    try {
                        RawHttp.Answer a = request.send(http, client, n++);
                        status = a.status();
                        if (status >= 300 && a.body() != null) {
                            error = status + " " + a.text();
                        }
                    } catch (RuntimeException e) {
                        status = -1;
                        error = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= measureTo) {
                        latencies.recordValue(t1 - t0);
                        statuses.merge(status, 1L, Long::sum);
                        if (status >= 200 && status < 300) {
                            ok++;
                        } else {
                            errors++;
                            if (error != null) {
                                firstError.compareAndSet(null, error.length() > 300 ? error.substring(0, 300) : error);
                            } else {
                                firstError.compareAndSet(null, "HTTP " + status);
                            }
                        }
                    }
                }
            } finally {
                done.countDown();
            }
        }
    }
}
