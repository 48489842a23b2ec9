package com.alpha01.client.session;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.client.link.ServerApi;
import jakarta.json.JsonObject;

/** What exists while signed in: the session, the REST API and this device's registration. */
public record Connection(KeycloakSession session, ServerApi api, ServerApi.Registration registration) {

    /** Who is signed in, for 设置: the user name, with the staff member's name when it differs. */
    public String account() {
        JsonObject claims = session.claims();
        String user = claims.getString("preferred_username", "");
        String name = registration.staffName();
        return name.isBlank() || name.equals(user) ? user : name + " (" + user + ")";
    }
}
