package com.alpha01.it;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import com.alpha01.protocol.Frame;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * The scene most chat ITs start from: staff signed in, a merchant client registered and connected
 * (and, if asked, another client of the same shop), a QR code of the first client, a new customer
 * who scanned it, signed in and opened the chat, and — if given — the customer's first question,
 * stored and delivered to the client. Closes everything it opened, customer first.
 */
final class ChatScene implements AutoCloseable {

    final KeycloakSession staff;
    final ServerApi api;
    final ServerApi.Registration registration;
    final ServerApi.QrCode qr;
    final Peer client;
    /** Another connected client of the same shop, which does not hold the conversation; null unless asked. */
    final Peer otherClient;
    /** The other client's id; null unless asked. */
    final String otherClientId;
    final JsonObject session;
    /** The conversation's id, as on the wire. */
    final String conv;
    final UUID conversationId;
    final Peer customer;
    /** The seq of the customer's first question; 0 when the scene was opened without one. */
    final long question;

    private ChatScene(String tag, boolean withOtherClient, String firstQuestion) throws Exception {
        staff = KeycloakSession.signIn(TestEnvironment.issuer(), "demo-staff",
                TestEnvironment.STAFF_PASSWORD.toCharArray());
        Peer connectedClient = null;
        Peer connectedOther = null;
        Peer connectedCustomer = null;
        try {
            api = new ServerApi(TestEnvironment.serverUri(), staff);
            registration = api.register("it-" + tag + "-" + UUID.randomUUID(), "IT " + tag, "it");
            ServerApi.Registration other = withOtherClient
                    ? api.register("it-" + tag + "-other-" + UUID.randomUUID(), "IT 其他", "it") : null;
            otherClientId = other == null ? null : other.clientId();
            qr = api.createQr(registration.clientId(), tag);
            connectedClient = Peer.connect(TestEnvironment.clientSocket(registration.clientId()), staff.get());
            connectedClient.await(Frame.Welcome.class);
            if (other != null) {
                connectedOther = Peer.connect(TestEnvironment.clientSocket(other.clientId()), staff.get());
                connectedOther.await(Frame.Welcome.class);
            }
            session = Customers.enter(qr.url());
            conv = session.getString("conversationId");
            conversationId = UUID.fromString(conv);
            connectedCustomer = Peer.connect(Customers.customerSocket(session.getString("ticket")), null);
            connectedCustomer.await(Frame.Welcome.class);
            if (firstQuestion != null) {
                long seq = Customers.say(connectedCustomer, firstQuestion);
                connectedClient.await(Frame.Message.class, m -> m.conversationId().equals(conv) && m.seq() == seq);
                question = seq;
            } else {
                question = 0;
            }
        } catch (Exception | Error e) {
            closeAll(connectedCustomer, connectedOther, connectedClient, staff);
            throw e;
        }
        client = connectedClient;
        otherClient = connectedOther;
        customer = connectedCustomer;
    }

    /** The scene with one client; {@code firstQuestion} may be null (no question asked yet). */
    static ChatScene open(String tag, String firstQuestion) throws Exception {
        return new ChatScene(tag, false, firstQuestion);
    }

    /** The scene with a second client of the same shop, which does not hold the conversation. */
    static ChatScene withOtherClient(String tag, String firstQuestion) throws Exception {
        return new ChatScene(tag, true, firstQuestion);
    }

    @Override
    public void close() {
        closeAll(customer, otherClient, client, staff);
    }

    private static void closeAll(AutoCloseable... open) {
        for (AutoCloseable c : open) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing what is already gone: nothing left to release
                }
            }
        }
    }
}
