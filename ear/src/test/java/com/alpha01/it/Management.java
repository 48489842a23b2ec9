package com.alpha01.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Runtime operations on a running WildFly's management model (what {@code jboss-cli.sh} does, through
 * the same client library, with the local user's credentials as Arquillian's): here, the Artemis
 * relay topic of the fault suite — its address limit and its subscriptions' consumption.
 */
final class Management implements AutoCloseable {

    private static final String RELAY = "alpha01.relay";
    private static final String RELAY_ADDRESS = "jms.topic." + RELAY;

    private final ModelControllerClient client;

    Management(int port) throws java.net.UnknownHostException {
        this.client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", port);
    }

    /**
     * The relay address pages to disk past {@code maxBytes} in memory (address-full-policy PAGE, pages
     * of {@code pageBytes}); applied at runtime, no reload.
     */
    void pageRelayPast(long maxBytes, long pageBytes) throws IOException {
        ModelNode address = relaySetting();
        execute(Operations.createWriteAttributeOperation(address, "address-full-policy", "PAGE"));
        execute(Operations.createWriteAttributeOperation(address, "page-size-bytes", pageBytes));
        execute(Operations.createWriteAttributeOperation(address, "max-size-bytes", maxBytes));
    }

    /** Back to the configured limits (configure-jms.cli sets none: WildFly's defaults). */
    void restoreRelayLimits() throws IOException {
        ModelNode address = relaySetting();
        for (String attribute : List.of("max-size-bytes", "page-size-bytes", "address-full-policy")) {
            execute(Operations.createUndefineAttributeOperation(address, attribute));
        }
    }

    /** The core queues of the relay topic's subscriptions on this node (one per subscribing MDB). */
    List<String> relaySubscriptions() throws IOException {
        ModelNode topic = Operations.createAddress("subsystem", "messaging-activemq", "server", "default",
                "jms-topic", RELAY);
        ModelNode result = execute(Operations.createOperation("list-all-subscriptions", topic));
        List<String> queues = new ArrayList<>();
        for (ModelNode subscription : result.asList()) {
            queues.add(subscription.get("queueName").asString());
        }
        return queues;
    }

    /** Stops ({@code pause}) or starts again ({@code resume}) delivery from core queue {@code queue} to its consumers. */
    void consumption(String queue, boolean on) throws IOException {
        ModelNode address = Operations.createAddress("subsystem", "messaging-activemq", "server", "default",
                "runtime-queue", queue);
        execute(Operations.createOperation(on ? "resume" : "pause", address));
    }

    private static ModelNode relaySetting() {
        return Operations.createAddress("subsystem", "messaging-activemq", "server", "default", "address-setting",
                RELAY_ADDRESS);
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        ModelNode outcome = client.execute(operation);
        if (!Operations.isSuccessfulOutcome(outcome)) {
            throw new IOException(operation.get("operation").asString() + " failed: "
                    + Operations.getFailureDescription(outcome).asString());
        }
        return Operations.readResult(outcome);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
