package com.alpha01.client.screens;

import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.link.ServerApi;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.session.Connection;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.ui.UiState;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.regex.Pattern;

/** What the screens' requests check alike: ids in payloads, being signed in, and REST calls' failures. */
final class Requests {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

    private Requests() {
    }

    static String conversation(JsonObject r) throws BridgeException {
        String id = r.getString("conversationId", "");
        if (!UUID.matcher(id).matches()) {
            throw new BridgeException("BAD_REQUEST", "conversationId must be a conversation id");
        }
        return id;
    }

    static String id(JsonObject r) throws BridgeException {
        String id = r.getString("id", "");
        if (!UUID.matcher(id).matches()) {
            throw new BridgeException("BAD_REQUEST", "id must be a QR code id");
        }
        return id;
    }

    /** The link: replies and receipts go through it, queued while it is offline. */
    static ServerLink link(StaffSession sessions) throws BridgeException {
        return sessions.link().orElseThrow(() -> new BridgeException("SIGNED_OUT", "sign in first"));
    }

    /** Signed in and registered, for REST calls: else signed out, or offline. */
    static Connection connection(StaffSession sessions, UiState ui) throws BridgeException {
        Connection c = sessions.connection().orElse(null);
        if (c == null) {
            String state = ui.status().getString("state", "");
            throw "signed-out".equals(state) ? new BridgeException("SIGNED_OUT", "sign in first")
                    : new BridgeException("OFFLINE", "not connected to the server yet");
        }
        return c;
    }

    @FunctionalInterface
    interface ServerCall<T> {
        T call() throws IOException, InterruptedException, BridgeException;
    }

    /** A REST call: offline and server errors become the codes the UI knows. */
    static <T> T server(ServerCall<T> call) throws BridgeException {
        try {
            return call.call();
        } catch (ServerApi.ApiException e) {
            throw new BridgeException(e.error(), e.getMessage());
        } catch (IOException e) {
            throw new BridgeException("OFFLINE", "the server cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException("OFFLINE", "interrupted");
        }
    }
}
