package com.alpha01.server.platform.messaging;

import com.alpha01.server.platform.Resources;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Watches this node's dead-letter queue: a relay event lands there after failing every delivery
 * attempt (3, {@code configure-jms.cli}) and stays there for an operator to inspect or move
 * back; each one is reported once as an ERROR alert (what it was, where from, how often tried).
 * Nothing is lost with it: the message it pointed at is in PostgreSQL, and the resend sweeps and
 * replays still deliver it. The count is shown by the health endpoint.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeadLetterWatch {

    private static final Logger LOG = Logger.getLogger(DeadLetterWatch.class);

    @Resource(lookup = Resources.JMS_CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = Resources.DEAD_LETTER_QUEUE)
    Queue deadLetters;

    private volatile Set<String> reported = Set.of();
    private volatile int waiting;
    /** When the broker last let this node browse the queue (System.nanoTime); 0: never yet. */
    private volatile long lastLooked;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "alpha01-dead-letters")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void look() {
        Set<String> present = new HashSet<>();
        try (JMSContext jms = factory.createContext(); QueueBrowser browser = jms.createBrowser(deadLetters)) {
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                Message m = (Message) e.nextElement();
                present.add(m.getJMSMessageID());
                if (!reported.contains(m.getJMSMessageID())) {
                    alert(m);
                }
            }
        } catch (JMSException | RuntimeException e) {
            LOG.warnf("Could not look into the dead-letter queue: %s", e.toString());
            return;
        }
        reported = Collections.unmodifiableSet(present);
        waiting = present.size();
        lastLooked = System.nanoTime();
    }

    /**
     * Whether this node's broker answered a look within the last 15 s (three looks; one is made now when
     * there was none): a JMS session opened and a queue browsed, the same path the relay takes. For the
     * readiness check.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean brokerAnswers() {
        if (!lookedRecently()) {
            look(); // never looked yet (just deployed), or the timer fell behind: look now
        }
        return lookedRecently();
    }

    private boolean lookedRecently() {
        long last = lastLooked;
        return last != 0 && System.nanoTime() - last < 15_000_000_000L;
    }

    /** Messages waiting in this node's dead-letter queue at the last look (every 5 s). */
    public int waiting() {
        return waiting;
    }

    private static void alert(Message m) throws JMSException {
        LOG.errorf("ALERT dead letter %s: from %s (alpha01Kind=%s, alpha01Origin=%s) failed every delivery attempt "
                        + "and waits in %s for an operator; PostgreSQL keeps any chat message it carried, and the "
                        + "resend sweeps deliver it", m.getJMSMessageID(), m.getStringProperty("_AMQ_ORIG_ADDRESS"),
                m.getStringProperty("alpha01Kind"), m.getStringProperty("alpha01Origin"), Resources.DEAD_LETTER_QUEUE);
    }
}
