package com.alpha01.server.platform.api;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.transaction.xa.XAException;
import org.jboss.logging.Logger;

/**
 * Tells a failure of the database's reach (stopped, restarting, network gone, pool unable to connect)
 * from a fault of the server: the first is worth a retry and answers {@code UNAVAILABLE} (503) with
 * nothing stored; the second stays a {@code SERVER_ERROR}. While the database is away every request
 * fails the same way, so the outage is logged once per half-minute, without a stack trace, not once
 * per request.
 */
public final class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);
    private static final long QUIET_NANOS = 30_000_000_000L;
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - QUIET_NANOS);

    /** Seconds a caller is asked to wait before resending ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Outages() {
    }

    /** Whether {@code e}, or one of its causes, says the database cannot be reached. */
    public static boolean storageUnavailable(Throwable e) {
        return Causes.any(e, Outages::connectionLost);
    }

    private static boolean connectionLost(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true; // connection exception; admin shutdown, crash shutdown, cannot connect now
        }
        if (t instanceof XAException xa && xa.errorCode == XAException.XAER_RMFAIL) {
            return true; // the resource manager (the database) is unavailable: a commit that could not reach it
        }
        String type = t.getClass().getName();
        return type.equals("org.hibernate.exception.JDBCConnectionException")
                || type.equals("jakarta.resource.ResourceException")
                || (type.startsWith("org.jboss.jca.core.") && type.endsWith("Exception")); // the pool had no connection
    }

    /**
     * Whether {@code e} says this server is stopping (the application's components or the transaction
     * service are gone): a frame still queued then cannot be handled, and it is no fault to report.
     */
    public static boolean serverStopping(Throwable e) {
        return Causes.any(e, t -> {
            String type = t.getClass().getName();
            return type.endsWith("ComponentIsStoppedException") || type.endsWith("ComponentUnavailableException")
                    || (t instanceof IllegalStateException && "Service is not installed".equals(t.getMessage()));
        });
    }

    /** Logs the outage, at most once per half-minute. */
    public static void note(Throwable e) {
        long now = System.nanoTime();
        long last = LAST_LOGGED.get();
        if (now - last >= QUIET_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            LOG.warnf("The database cannot be reached (%s): requests are answered UNAVAILABLE until it is back "
                    + "(logged once per 30 s)", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
