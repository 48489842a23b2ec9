package com.alpha01.client.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BridgeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** One handler thread, so that requests complete in the order they were submitted. */
    private final Bridge bridge = new Bridge(1);

    @AfterEach
    void close() {
        bridge.close();
    }

    @Test
    void should_answer_a_request_with_the_handler_result() {
        bridge.on("echo", request -> Json.createObjectBuilder().add("got", request.getInt("n") + 1).build());

        BridgeReply reply = bridge.dispatch("{\"type\":\"echo\",\"payload\":{\"n\":41}}");

        assertTrue(reply.ok());
        assertEquals("echo", reply.type());
        assertEquals(42, json(reply.toJson()).getInt("got"));
    }

    @Test
    void should_pass_an_empty_payload_when_the_request_has_none() {
        bridge.on("ping", request -> Json.createObjectBuilder().add("size", request.size()).build());

        assertEquals(0, json(bridge.dispatch("{\"type\":\"ping\"}").toJson()).getInt("size"));
        assertEquals(0, json(bridge.dispatch("{\"type\":\"ping\",\"payload\":null}").toJson()).getInt("size"));
    }

    @Test
    void should_answer_an_empty_object_when_the_handler_returns_null() {
        bridge.on("nothing", request -> null);

        assertEquals("{}", bridge.dispatch("{\"type\":\"nothing\"}").toJson());
    }

    @Test
    void should_reject_an_unknown_request_type() {
        BridgeReply reply = bridge.dispatch("{\"type\":\"launchRockets\",\"payload\":{}}");

        assertFalse(reply.ok());
        assertEquals("UNKNOWN_REQUEST", reply.code());
        assertEquals("UNKNOWN_REQUEST", json(reply.toJson()).getString("code"));
    }

    @Test
    void should_reject_malformed_requests() {
        for (String bad : List.of("", "not json", "[1,2]", "{\"type\":", "{\"payload\":{}}", "{\"type\":7}",
                "{\"type\":\" \"}", "{\"type\":\"echo\",\"payload\":[1]}", "\"echo\"")) {
            BridgeReply reply = bridge.dispatch(bad);
            assertEquals("BAD_REQUEST", reply.code(), () -> "for " + bad);
        }
        assertEquals("BAD_REQUEST", bridge.dispatch(null).code());
    }

    @Test
    void should_reject_an_oversized_request() {
        bridge.on("big", request -> null);
        String huge = "{\"type\":\"big\",\"payload\":{\"s\":\"" + "x".repeat(70_000) + "\"}}";

        assertEquals("BAD_REQUEST", bridge.dispatch(huge).code());
    }

    @Test
    void should_report_the_code_and_message_of_a_bridge_exception() {
        bridge.on("reply", request -> {
            throw new BridgeException("BAD_TEXT", "reply needs text");
        });

        JsonObject error = json(bridge.dispatch("{\"type\":\"reply\",\"payload\":{}}").toJson());

        assertEquals("BAD_TEXT", error.getString("code"));
        assertEquals("reply needs text", error.getString("message"));
    }

    @Test
    void should_hide_the_text_of_an_unexpected_exception() {
        bridge.on("boom", request -> {
            throw new IllegalStateException("secret detail");
        });

        BridgeReply reply = bridge.dispatch("{\"type\":\"boom\"}");

        assertEquals("INTERNAL", reply.code());
        assertFalse(reply.message().contains("secret"), reply.message());
        assertTrue(reply.message().contains("reference"), reply.message());
    }

    @Test
    void should_run_handlers_off_the_submitting_thread() throws InterruptedException {
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        BlockingQueue<BridgeReply> replies = new LinkedBlockingQueue<>();
        bridge.on("where", request -> {
            threads.add(Thread.currentThread().getName());
            return null;
        });

        bridge.submit("{\"type\":\"where\"}", replies::add);

        assertTrue(replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).ok());
        String handlerThread = threads.poll();
        assertNotEquals(Thread.currentThread().getName(), handlerThread);
        assertTrue(handlerThread.startsWith("alpha01-bridge-"), handlerThread);
    }

    @Test
    void should_queue_events_until_the_page_is_ready_then_send_them_in_order() throws InterruptedException {
        List<String> sent = new CopyOnWriteArrayList<>();
        bridge.on(Bridge.READY, request -> Json.createObjectBuilder().add("snapshot", true).build());
        bridge.emit("status", Json.createObjectBuilder().add("state", "connecting").build());
        bridge.attach(sent::add);
        bridge.emit("status", Json.createObjectBuilder().add("state", "online").build());

        assertTrue(sent.isEmpty(), "nothing may reach the page before it asked for its snapshot");
        assertEquals(2, bridge.queuedEvents());

        CountDownLatch flushed = new CountDownLatch(1);
        List<String> sentWhenReplied = new CopyOnWriteArrayList<>();
        bridge.submit("{\"type\":\"ready\"}", reply -> sentWhenReplied.addAll(sent));
        bridge.submit("{\"type\":\"noop-after-ready\"}", reply -> flushed.countDown());
        assertTrue(flushed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));

        assertEquals(2, sent.size());

        assertTrue(sentWhenReplied.isEmpty(), "queued events go out after the snapshot reply");
        assertTrue(sent.get(0).contains("\"connecting\""), sent.get(0));
        assertTrue(sent.get(1).contains("\"online\""), sent.get(1));
        assertEquals(0, bridge.queuedEvents());

        bridge.emit("message", Json.createObjectBuilder().add("text", "live").build());
        assertEquals(3, sent.size(), "once ready, events go straight to the page");
    }

    @Test
    void should_queue_again_after_the_page_unloads() throws InterruptedException {
        List<String> sent = new CopyOnWriteArrayList<>();
        bridge.attach(sent::add);
        becomeReady();
        bridge.pageUnloaded();

        bridge.emit("qr", JsonObject.EMPTY_JSON_OBJECT);

        assertTrue(sent.isEmpty());
        assertEquals(1, bridge.queuedEvents());
    }

    @Test
    void should_stop_sending_after_detach() throws InterruptedException {
        List<String> sent = new CopyOnWriteArrayList<>();
        bridge.attach(sent::add);
        becomeReady();

        bridge.detach();
        bridge.emit("status", JsonObject.EMPTY_JSON_OBJECT);

        assertTrue(sent.isEmpty());
    }

    @Test
    void should_call_the_page_receiver_with_the_event_name_as_a_string_literal() throws InterruptedException {
        List<String> sent = new CopyOnWriteArrayList<>();
        bridge.attach(sent::add);
        becomeReady();

        bridge.emit("message", Json.createObjectBuilder().add("text", "\");alert(1);//</script>").build());

        String js = sent.get(0);
        assertTrue(js.startsWith(Bridge.JS_RECEIVER + "(\"message\", {"), js);
        assertTrue(js.contains("\"text\":\"\\\");alert(1);//</script>\""), "payload stays a JSON string: " + js);
    }

    @Test
    void should_refuse_requests_after_close() throws InterruptedException {
        BlockingQueue<BridgeReply> replies = new LinkedBlockingQueue<>();
        bridge.close();

        bridge.submit("{\"type\":\"ready\"}", replies::add);

        assertEquals("CLOSED", replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).code());
    }

    private void becomeReady() throws InterruptedException {
        bridge.on(Bridge.READY, request -> null);
        BlockingQueue<BridgeReply> replies = new LinkedBlockingQueue<>();
        bridge.submit("{\"type\":\"ready\"}", replies::add);
        assertTrue(replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS).ok());
        // The flush runs right after the reply on the single bridge thread; a second request (not a
        // "ready", which would flush again after its own reply) is served only after it.
        bridge.submit("{\"type\":\"order-barrier\"}", replies::add);
        assertNotNull(replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }
}
