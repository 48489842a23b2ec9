package com.alpha01.client.app;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.browser.DesktopWindow;
import com.alpha01.client.faq.FaqResponder;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.store.EncryptedStore;
import com.alpha01.client.store.StoreKey;
import com.alpha01.protocol.Frame;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * The merchant desktop app: signs the staff member in, registers this device, gets its QR code,
 * opens the glass UI in embedded Chromium and the link to the server, and answers customers from
 * the local FAQ. Staff replies typed in the UI go out as {@code STAFF}.
 */
public final class MerchantClientApp {

    private static final Logger LOG = Logger.getLogger(MerchantClientApp.class);
    private static final String VERSION = "0.1.0";

    private MerchantClientApp() {
    }

    public static void main(String[] args) throws Exception {
        ClientSettings settings = ClientSettings.load();
        String user = settings.get("client.username").orElseThrow(() ->
                new IllegalStateException("set ALPHA01_CLIENT_USERNAME / ALPHA01_CLIENT_PASSWORD (interactive sign-in comes later)"));
        char[] password = settings.get("client.password").orElse("").toCharArray();
        KeycloakSession session = KeycloakSession.signIn(settings.oidcUrl(), user, password);
        ServerApi api = new ServerApi(settings.serverUrl(), session);
        ServerApi.Registration reg = api.register(settings.deviceId(), settings.get("client.name").orElse("前台电脑"), VERSION);
        EncryptedStore store = EncryptedStore.open(settings.home().resolve("store"), StoreKey.fromEnvironment());
        ServerApi.QrCode qr = CounterCode.of(api, store, reg.clientId());
        LOG.infof("Signed in, client %s of merchant %s", reg.clientId(), reg.merchantCode());
        settings.get("qr.file").ifPresent(file -> writeQr(Path.of(file), qr));

        UiState ui = new UiState();
        Bridge bridge = new Bridge();
        AutoResponder.Observer observer = new AutoResponder.Observer() {
            @Override
            public void state(LinkState state) {
                bridge.emit("status", ui.status(state, settings.serverUrl().toString(), reg.merchantName(),
                        reg.staffName(), reg.clientId()));
            }

            @Override
            public void conversationState(Frame.State state) {
                bridge.emit("conversation", ui.state(state));
            }

            @Override
            public void read(Frame.Read read) {
                bridge.emit("read", Json.createObjectBuilder().add("conversationId", read.conversationId())
                        .add("seq", read.seq()).build());
            }

            @Override
            public void message(Frame.Message message) {
                JsonObject[] event = new JsonObject[1];
                JsonObject conversation = ui.message(message, event);
                if (conversation != null) {
                    bridge.emit("conversation", conversation);
                }
                bridge.emit("message", event[0]);
            }
        };
        AutoResponder responder = new AutoResponder(FaqResponder.builtIn(), observer);
        ServerLink link = new ServerLink(settings.serverUrls(), reg.clientId(), session, responder);
        responder.attach(link);
        link.persistOutboxIn(store);
        bridge.emit("qr", ui.qr(qr.url(), "data:image/png;base64," + Base64.getEncoder().encodeToString(qr.png())));
        bridge.on("ready", request -> ui.snapshot());
        bridge.on("reply", request -> {
            String conversationId = request.getString("conversationId", "");
            String text = request.getString("text", "").strip();
            if (conversationId.isEmpty() || text.isEmpty() || text.length() > Frame.MAX_TEXT_LENGTH) {
                throw new BridgeException("BAD_TEXT", "reply needs a conversation and 1-4000 characters");
            }
            link.reply(conversationId, text, Frame.Sender.STAFF).thenAccept(ack -> observer.message(
                    new Frame.Message(ack.id(), conversationId, ack.seq(), Frame.Sender.STAFF, text,
                            java.time.Instant.now(), null, null)));
            return Json.createObjectBuilder().add("queued", link.state() != LinkState.ONLINE).build();
        });
        bridge.on("setLanguage", request -> Json.createObjectBuilder().build());
        bridge.on("read", request -> {
            String conversationId = request.getString("conversationId", "");
            long seq = request.get("seq") instanceof jakarta.json.JsonNumber n ? n.longValue() : 0;
            if (conversationId.isEmpty() || seq < 1) {
                throw new BridgeException("BAD_REQUEST", "read needs a conversationId and a seq");
            }
            link.read(conversationId, seq);
            return Json.createObjectBuilder().add("sent", link.state() == LinkState.ONLINE).build();
        });
        for (Frame.Action action : Frame.Action.values()) {
            bridge.on(action.name().toLowerCase(java.util.Locale.ROOT), request -> {
                String conversationId = request.getString("conversationId", "");
                if (conversationId.isEmpty()) {
                    throw new BridgeException("BAD_REQUEST", "conversationId is required");
                }
                try {
                    link.control(action, conversationId);
                } catch (IllegalStateException offline) {
                    throw new BridgeException("OFFLINE", offline.getMessage());
                }
                return Json.createObjectBuilder().add("sent", true).build();
            });
        }

        CountDownLatch closed = new CountDownLatch(1);
        DesktopWindow window = DesktopWindow.open(settings.home().resolve("jcef-bundle"), "阿尔法01 · 商家端", bridge);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            link.close();
            responder.close();
            session.close();
            window.close();
            closed.countDown();
        }, "alpha01-shutdown"));
        link.start();
        closed.await();
    }

    private static void writeQr(Path file, ServerApi.QrCode qr) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, qr.url());
            Files.write(Path.of(file + ".png"), qr.png());
        } catch (IOException e) {
            LOG.warnf("Could not write the QR code to %s: %s", file, e.getMessage());
        }
    }
}
