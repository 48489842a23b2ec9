package com.alpha01.server.platform;

import java.time.Duration;

/**
 * The server's tunable settings, in one place: environment variable {@code ALPHA01_X}, else the
 * system property {@code alpha01.x}, else the default written here.
 */
public final class ServerConfig {

    private static final java.time.ZoneId DEFAULT_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private ServerConfig() {
    }

    /** How long a merchant client may be gone before its open conversations move to another client. */
    public static Duration failoverGrace() {
        return Duration.ofSeconds(number("FAILOVER_GRACE_SECONDS", 15));
    }

    /** Open conversations one merchant client takes before assignment prefers others (least-loaded still wins). */
    public static int clientCapacity() {
        return (int) number("CLIENT_CAPACITY", 50);
    }

    /** A socket that has answered no ping (and sent nothing) for this long is closed as dead. */
    public static Duration heartbeatTimeout() {
        return Duration.ofSeconds(number("HEARTBEAT_TIMEOUT_SECONDS", 20));
    }

    /**
     * A customer tab that sends nothing of its own (messages, read receipts) for this long is closed
     * (4003); heartbeats alone do not keep it open.
     */
    public static Duration customerIdle() {
        return Duration.ofSeconds(number("CUSTOMER_IDLE_SECONDS", 1800));
    }

    /** A customer message its connected client has not acknowledged for this long is sent again. */
    public static Duration deliveryRetry() {
        return Duration.ofSeconds(number("DELIVERY_RETRY_SECONDS", 10));
    }

    /**
     * The time zone that decides what "today" is for a shop's statistics ({@code ALPHA01_ZONE}, an
     * IANA zone id such as {@code Asia/Shanghai}; an unknown id falls back to that default).
     */
    public static java.time.ZoneId zone() {
        String value = text("ZONE");
        try {
            return value == null ? DEFAULT_ZONE : java.time.ZoneId.of(value.strip());
        } catch (java.time.DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /**
     * A client's presence row refreshed before this instant names a node that stopped refreshing it
     * (crashed or cut off): the client counts as offline.
     */
    public static java.time.Instant presenceFreshSince() {
        return java.time.Instant.now().minus(heartbeatTimeout());
    }

    /**
     * This node's name in the cluster ({@code jboss.node.name}, which WildFly sets from the host
     * name unless given); every node of a cluster needs its own.
     */
    public static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                name = "alpha01";
            }
        }
        return name;
    }

    private static long number(String name, long fallback) {
        String value = text(name);
        try {
            return value == null ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code ALPHA01_<name>}, else {@code alpha01.<name lower case, _ as .>}; null when neither is set. */
    private static String text(String name) {
        String value = System.getenv("ALPHA01_" + name);
        if (value == null || value.isBlank()) {
            value = System.getProperty("alpha01." + name.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
