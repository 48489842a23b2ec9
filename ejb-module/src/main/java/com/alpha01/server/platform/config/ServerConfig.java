package com.alpha01.server.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The server's tunable settings, each with its default, read through {@link Settings} (environment
 * {@code ALPHA01_X_Y}, else system property {@code alpha01.x.y}, else the default written here).
 */
public final class ServerConfig {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String DEFAULT_ISSUER = "http://127.0.0.1:8180/realms/alpha01";

    private ServerConfig() {
    }

    /** How long a merchant client may be gone before its open conversations move to another client. */
    public static Duration failoverGrace() {
        return Duration.ofSeconds(settings().number("failover.grace.seconds", 15));
    }

    /** Open conversations one merchant client takes before assignment prefers others (least-loaded still wins). */
    public static int clientCapacity() {
        return (int) settings().number("client.capacity", 50);
    }

    /** A socket that has answered no ping (and sent nothing) for this long is closed as dead. */
    public static Duration heartbeatTimeout() {
        return Duration.ofSeconds(settings().number("heartbeat.timeout.seconds", 20));
    }

    /**
     * A customer tab that sends nothing of its own (messages, read receipts) for this long is closed
     * (4003); heartbeats alone do not keep it open.
     */
    public static Duration customerIdle() {
        return Duration.ofSeconds(settings().number("customer.idle.seconds", 1800));
    }

    /**
     * A conversation answered by the AI or staff with no message and no change for this long is closed
     * ({@code ALPHA01_CONVERSATION_IDLE_SECONDS}, 1800; 0: never), and its customer is asked for a rating.
     */
    public static Duration conversationIdle() {
        return Duration.ofSeconds(Math.max(0, settings().number("conversation.idle.seconds", 1800)));
    }

    /**
     * Sockets one conversation may have open on one node (a customer's tabs); a further tab is closed
     * with 4004. Bounds what one signed-in customer can hold open (D43).
     */
    public static int customerTabs() {
        return (int) Math.max(1, settings().number("customer.tabs", 5));
    }

    /**
     * A node handling its sockets' frames later than this refuses new customer questions with
     * {@code UNAVAILABLE} until it catches up (load shedding; the page resends them).
     */
    public static Duration shedAfter() {
        return Duration.ofSeconds(Math.max(1, settings().number("shed.after.seconds", 10)));
    }

    /** A customer message its connected client has not acknowledged for this long is sent again. */
    public static Duration deliveryRetry() {
        return Duration.ofSeconds(settings().number("delivery.retry.seconds", 10));
    }

    /**
     * The time zone that decides what "today" is for a shop's statistics ({@code ALPHA01_ZONE}, an
     * IANA zone id such as {@code Asia/Shanghai}; an unknown id falls back to that default).
     */
    public static ZoneId zone() {
        try {
            return settings().text("zone").map(v -> ZoneId.of(v.strip())).orElse(DEFAULT_ZONE);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /**
     * A client's presence row refreshed before this instant names a node that stopped refreshing it
     * (crashed or cut off): the client counts as offline.
     */
    public static Instant presenceFreshSince() {
        return Instant.now().minus(heartbeatTimeout());
    }

    /** The base URL customers reach the server at ({@code ALPHA01_PUBLIC_URL}), if set. */
    public static Optional<String> publicUrl() {
        return settings().text("public.url");
    }

    /** The Keycloak realm's issuer URL ({@code ALPHA01_OIDC_URL}), without a trailing slash. */
    public static String oidcIssuer() {
        return settings().text("oidc.url").orElse(DEFAULT_ISSUER).replaceAll("/$", "");
    }

    /** The {@code alpha01-server} client's secret for the Keycloak admin API ({@code ALPHA01_KC_SERVER_SECRET}). */
    public static Optional<String> keycloakServerSecret() {
        return settings().text("kc.server.secret");
    }

    /**
     * This node's name in the cluster ({@code jboss.node.name}, which WildFly sets from the host
     * name unless given); every node of a cluster needs its own.
     */
    public static String nodeName() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "alpha01";
            }
        }
        return name;
    }

    private static Settings settings() {
        return Settings.system();
    }
}
