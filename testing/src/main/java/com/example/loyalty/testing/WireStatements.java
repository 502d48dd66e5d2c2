package com.example.loyalty.testing;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the calling thread sends to PostgreSQL while some work runs, counted on the wire: the PostgreSQL driver's own
 * trace, so a statement added to a hot path (a query per request that a cache or a row at hand could answer) fails a
 * test, not a benchmark weeks later.
 */
public final class WireStatements {

    private WireStatements() {}

    /**
     * One entry per statement executed by this thread while {@code work} runs: its SQL text when the driver parses it,
     * the server-side statement's name ({@code S_<n>}) once the driver has prepared it for good, and "commit". The
     * transaction's BEGIN travels with its first statement and is not one of them.
     */
    public static List<String> of(Runnable work) {
        Thread me = Thread.currentThread();
        List<String> log = new ArrayList<>();
        Logger driver = Logger.getLogger("org.postgresql");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (Thread.currentThread() == me && r.getMessage() != null) {
                    log.add(
                            r.getParameters() == null
                                    ? r.getMessage()
                                    : MessageFormat.format(r.getMessage(), r.getParameters()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = driver.getLevel();
        driver.setLevel(Level.FINEST);
        driver.addHandler(capture);
        try {
            work.run();
        } finally {
            driver.removeHandler(capture);
            driver.setLevel(before);
        }
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i).strip();
            if (line.startsWith("simple execute, handler=") || line.startsWith("batch execute")) {
                statements.add(line.contains("TransactionCommandHandler") ? "commit" : sent(log, i + 1));
            }
        }
        return statements;
    }

    /**
     * Checks {@code statements} against {@code expected}, in order: each starts with its expected prefix, or is a
     * prepared statement's name ({@code S_<n>}) where a statement (not the commit) is expected.
     */
    public static void assertMatch(List<String> expected, List<String> statements, String what) {
        if (expected.size() != statements.size()) {
            throw new AssertionError("statements of " + what + ": expected " + expected.size() + ", sent "
                    + statements.size() + ": " + statements);
        }
        for (int i = 0; i < expected.size(); i++) {
            String sent = statements.get(i);
            String want = expected.get(i);
            if (!sent.startsWith(want) && !(sent.startsWith("S_") && !want.equals("commit"))) {
                throw new AssertionError("statement " + i + " of " + what + ": expected " + want + "…, sent " + sent
                        + "; all: " + statements);
            }
        }
    }

    /** The SQL (or prepared statement's name) of the Parse or Bind message that follows line {@code from}. */
    private static String sent(List<String> log, int from) {
        for (int i = from; i < log.size(); i++) {
            String line = log.get(i).strip();
            int query = line.indexOf("query=\"");
            if (line.startsWith("FE=> Parse(") && query >= 0) {
                return line.substring(query + "query=\"".length());
            }
            if (line.startsWith("FE=> Bind(stmt=S_")) {
                return line.substring("FE=> Bind(stmt=".length(), line.indexOf(','));
            }
        }
        return "?";
    }
}
