package com.alpha01.client.ui;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.link.LinkState;
import com.alpha01.client.link.ServerLink;
import com.alpha01.client.link.ServerTrust;
import com.alpha01.client.session.StaffSession;
import com.alpha01.client.settings.AppSettings;

/** The link's state, with who and where (server, shop, staff member, round trip), to the page. */
public final class LinkStatus {

    private final Bridge bridge;
    private final UiState ui;
    private final AppSettings settings;
    private final StaffSession sessions;

    public LinkStatus(Bridge bridge, UiState ui, AppSettings settings, StaffSession sessions) {
        this.bridge = bridge;
        this.ui = ui;
        this.settings = settings;
        this.sessions = sessions;
    }

    public void show(LinkState state) {
        ServerLink l = sessions.link().orElse(null);
        var details = JSON.createObjectBuilder()
                .add("server", (l == null ? settings.serverUrls().get(0) : l.currentServer()).toString());
        sessions.registration().ifPresent(r -> details.add("merchantName", r.merchantName())
                .add("staffName", r.staffName()).add("clientId", r.clientId()));
        if (l != null && l.rttMillis() >= 0) {
            details.add("rttMs", l.rttMillis());
        }
        // A refused certificate: 状态 says which way, instead of a bare "offline".
        ServerTrust.shared().lastProblem().filter(p -> state != LinkState.ONLINE)
                .ifPresent(p -> details.add("tlsError", p.code()));
        // Signed out means no session at all; a kept one that cannot reach the server yet is offline.
        LinkState shown = state == LinkState.CLOSED && sessions.link().isPresent() ? LinkState.OFFLINE : state;
        bridge.emit("status", ui.status(shown, details));
    }
}
