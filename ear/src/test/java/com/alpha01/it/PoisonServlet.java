package com.alpha01.it;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Topic;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * Test-only servlet, deployed beside the EAR by {@link DeadLetterIT} and {@link FaultSuiteIT}: {@code POST} puts a poison
 * message (an event "from another node" whose target is no id) on the real relay topic and answers its JMS id;
 * {@code GET ?id=} answers how many messages with that JMS id wait in the dead-letter queue.
 */
@WebServlet("/poison")
public class PoisonServlet extends HttpServlet {

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory factory;

    @Resource(lookup = "java:/jms/topic/alpha01/relay")
    Topic relay;

    @Resource(lookup = "java:/jms/queue/alpha01/dead-letter")
    Queue deadLetters;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (JMSContext jms = factory.createContext()) {
            Message poison = jms.createTextMessage("{}");
            poison.setStringProperty("alpha01Kind", "TO_CLIENT");
            poison.setStringProperty("alpha01Target", "this-is-not-a-uuid");
            poison.setStringProperty("alpha01Origin", "it-poison-node");
            jms.createProducer().send(relay, poison);
            resp.setContentType("text/plain");
            resp.getWriter().write(poison.getJMSMessageID());
        } catch (JMSException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        try (JMSContext jms = factory.createContext(); QueueBrowser browser = jms.createBrowser(deadLetters)) {
            long count = Collections.list(browser.getEnumeration()).stream()
                    .filter(m -> id.equals(jmsId((Message) m))).count();
            resp.setContentType("text/plain");
            resp.getWriter().write(Long.toString(count));
        } catch (JMSException e) {
            throw new IOException(e);
        }
    }

    private static String jmsId(Message m) {
        try {
            return m.getJMSMessageID();
        } catch (JMSException e) {
            return null;
        }
    }
}
