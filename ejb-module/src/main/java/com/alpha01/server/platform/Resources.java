package com.alpha01.server.platform;

/**
 * JNDI names of the server resources, in one place. {@code wildfly-config/*.cli} creates them
 * under exactly these names (see {@code docs/operations.md}).
 */
public final class Resources {

    /** PostgreSQL datasource ({@code wildfly-config/configure-datasource.cli}). */
    public static final String DATASOURCE = "java:jboss/datasources/Alpha01DS";

    /**
     * Topic every node subscribes to: frames for peers and hand-overs, acted on by the node that
     * holds the socket ({@code configure-jms.cli}; the cluster connection forwards only this address).
     */
    public static final String RELAY_TOPIC = "java:/jms/topic/alpha01/relay";

    /** Where Artemis puts relay messages that failed every attempt ({@code configure-jms.cli}). */
    public static final String DEAD_LETTER_QUEUE = "java:/jms/queue/alpha01/dead-letter";

    /** Pooled, XA-capable connection factory of the embedded Artemis broker. */
    public static final String JMS_CONNECTION_FACTORY = "java:/JmsXA";

    private Resources() {
    }
}
