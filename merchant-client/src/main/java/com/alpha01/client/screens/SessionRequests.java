package com.alpha01.client.screens;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeException;
import com.alpha01.client.session.PageSignIn;
import com.alpha01.client.session.StaffSession;
import jakarta.json.JsonValue;
import java.io.IOException;

/** Sign-in (Keycloak's page in the window) and sign-out, from the page's buttons. */
public final class SessionRequests {

    private final PageSignIn signIn;
    private final StaffSession sessions;

    public SessionRequests(PageSignIn signIn, StaffSession sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    public void register(Bridge bridge) {
        bridge.on("signIn", r -> {
            try {
                signIn.open();
            } catch (IOException | IllegalStateException e) {
                throw new BridgeException("SIGN_IN_FAILED", "the sign-in page could not be opened");
            }
            return JsonValue.EMPTY_JSON_OBJECT;
        });
        bridge.on("signOut", r -> {
            sessions.signOut();
            return JsonValue.EMPTY_JSON_OBJECT;
        });
    }
}
