package com.alpha01.it;

import com.alpha01.protocol.Frame;
import com.alpha01.protocol.FrameCodec;
import com.alpha01.protocol.ProtocolException;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The routing benchmark's baseline: the same customer → client → customer hop with nothing but
 * WebSockets in between. Undertow (the server WildFly itself is built on), on a free 127.0.0.1
 * port; frames in the product's own JSON ({@link FrameCodec}); nothing stored, no JMS, no
 * authentication. A customer's {@code send} is acknowledged at once and handed to the customer's
 * client; a client's {@code reply} goes back to the customer as a {@code message}.
 */
final class BareRelay implements AutoCloseable {

    private final Undertow server;
    private final Map<Integer, WebSocketChannel> clients = new ConcurrentHashMap<>();
    private final Map<String, WebSocketChannel> customers = new ConcurrentHashMap<>();
    private final Map<String, Integer> clientOf = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();
    private final int port;

    private BareRelay() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(Handlers.path()
                .addPrefixPath("/customer", Handlers.websocket(this::customerJoined))
                .addPrefixPath("/client", Handlers.websocket(this::clientJoined))).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    static BareRelay start() {
        return new BareRelay();
    }

    /** Where customer {@code number} connects; its conversation (a UUID, as on the wire) goes to client {@code client}. */
    URI customerSocket(int number, int client) {
        return URI.create("ws://127.0.0.1:" + port + "/customer?conversation=" + new UUID(0xbe4c4L, number)
                + "&client=" + client);
    }

    /** Connects client {@code number}, answering every customer message at once with {@link FixedAnswerer#ANSWER}. */
    WebSocket answeringClient(HttpClient http, int number, AtomicLong errors) {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/client?client=" + number),
                new Answerer(errors)).join();
    }

    /** Clients connected so far (customers may connect once all are). */
    int clients() {
        return clients.size();
    }

    private void clientJoined(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        clients.put(Integer.valueOf(param(exchange, "client")), channel);
        receive(channel, frame -> {
            if (frame instanceof Frame.Reply r && customers.containsKey(r.conversationId())) {
                long seq = seqs.get(r.conversationId()).incrementAndGet();
                send(channel, new Frame.Ack(r.id(), r.conversationId(), seq));
                send(customers.get(r.conversationId()), new Frame.Message(r.id(), r.conversationId(), seq, r.sender(),
                        r.text(), Instant.now(), null, r.inReplyTo()));
            }
        });
    }

    private void customerJoined(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        String conversation = param(exchange, "conversation");
        customers.put(conversation, channel);
        clientOf.put(conversation, Integer.valueOf(param(exchange, "client")));
        seqs.putIfAbsent(conversation, new AtomicLong());
        receive(channel, frame -> {
            if (frame instanceof Frame.Send s) {
                long seq = seqs.get(conversation).incrementAndGet();
                send(channel, new Frame.Ack(s.id(), conversation, seq));
                send(clients.get(clientOf.get(conversation)), new Frame.Message(s.id(), conversation, seq,
                        Frame.Sender.CUSTOMER, s.text(), Instant.now(), null, null));
            }
        });
        send(channel, new Frame.Welcome(conversation, conversation, "bare relay", conversation));
    }

    private static void receive(WebSocketChannel channel, Consumer<Frame> handler) {
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                try {
                    handler.accept(FrameCodec.decode(message.getData()));
                } catch (ProtocolException e) {
                    send(ch, new Frame.Error(e.code(), "unreadable frame", null));
                }
            }
        });
        channel.resumeReceives();
    }

    private static void send(WebSocketChannel channel, Frame frame) {
        WebSockets.sendText(FrameCodec.encode(frame), channel, null);
    }

    private static String param(WebSocketHttpExchange exchange, String name) {
        List<String> values = exchange.getRequestParameters().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The baseline's merchant client: answers and acknowledges each customer message as it arrives. */
    private static final class Answerer implements WebSocket.Listener {
        private final AtomicLong errors;
        private final StringBuilder partial = new StringBuilder();
        private volatile SerialSender sender;

        Answerer(AtomicLong errors) {
            this.errors = errors;
        }

        @Override
        public void onOpen(WebSocket ws) {
            sender = new SerialSender(ws, errors::incrementAndGet);
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    if (FrameCodec.decode(partial.toString()) instanceof Frame.Message m
                            && m.sender() == Frame.Sender.CUSTOMER) {
                        sender.send(new Frame.Reply(UUID.randomUUID().toString().replace("-", ""), m.conversationId(),
                                FixedAnswerer.ANSWER, Frame.Sender.BOT, m.seq(), null));
                        sender.send(new Frame.Delivered(m.conversationId(), m.seq()));
                    }
                } catch (ProtocolException e) {
                    errors.incrementAndGet();
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
