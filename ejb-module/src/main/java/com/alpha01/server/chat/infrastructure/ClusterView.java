package com.alpha01.server.chat.infrastructure;

import com.alpha01.server.platform.Resources;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Which other nodes are alive, as far as the relay topic tells: every node announces itself there
 * every two seconds, and answers at once the first announcement of a node it has not heard before,
 * so two nodes know each other within moments of the later one's start. {@link JmsRelay} publishes
 * frames for customers' tabs only while another node was heard within {@link #ALIVE}: a node alone
 * (the usual small shop) then spends nothing on the topic for them (D38).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterView {

    private static final Logger LOG = Logger.getLogger(ClusterView.class);

    /** Another node counts as alive this long after its last announcement (five announcements). */
    static final Duration ALIVE = Duration.ofSeconds(10);

    /** Announcements name no peer; the relay's target property must still be an id. */
    static final UUID NO_TARGET = new UUID(0, 0);

    private final Map<String, Long> heardAt = new ConcurrentHashMap<>();

    @Inject
    @JMSConnectionFactory(Resources.JMS_CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Resources.RELAY_TOPIC)
    Topic topic;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "alpha01-node-announcement")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void announce() {
        try {
            jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(ALIVE.toMillis())
                    .setProperty(JmsRelay.KIND, JmsRelay.Kind.NODE_ALIVE.name())
                    .setProperty(JmsRelay.TARGET, NO_TARGET.toString())
                    .setProperty(JmsRelay.ORIGIN, ServerConfig.nodeName())
                    .send(topic, ServerConfig.nodeName());
        } catch (RuntimeException e) {
            LOG.debugf("Node announcement failed (next in 2 s): %s", e.toString());
        }
    }

    /** Node {@code node} announced itself; one not heard before is answered at once. */
    public void heard(String node) {
        if (node == null || node.equals(ServerConfig.nodeName())) {
            return;
        }
        if (heardAt.put(node, System.nanoTime()) == null) {
            LOG.infof("Node %s is alive: frames for customers' tabs are relayed to it", node);
            announce();
        }
    }

    /** Whether another node announced itself within {@link #ALIVE}. */
    public boolean othersAlive() {
        long now = System.nanoTime();
        return heardAt.values().stream().anyMatch(at -> now - at < ALIVE.toNanos());
    }
}
