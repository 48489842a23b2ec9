package com.alpha01.client.browser;

import com.alpha01.client.bridge.Bridge;
import com.alpha01.client.bridge.BridgeReply;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.callback.CefQueryCallback;
import org.cef.handler.CefMessageRouterHandlerAdapter;

/**
 * Hands every {@code window.cefQuery} request of the app's own page to the {@link Bridge}; CEF
 * offers {@code cefQuery} to every page the window shows, so other origins and subframes are refused. Runs on the CEF UI thread, so it
 * only submits; the bridge answers from its own threads (CEF forwards the callback to the UI thread).
 * A failure reaches the page as {@code onFailure(status, '{"code":…,"message":…}')}.
 */
final class BridgeRouterHandler extends CefMessageRouterHandlerAdapter {

    private final Bridge bridge;

    BridgeRouterHandler(Bridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public boolean onQuery(CefBrowser browser, CefFrame frame, long queryId, String request, boolean persistent,
            CefQueryCallback callback) {
        if (!frame.isMain()) {
            callback.failure(403, "{\"code\":\"FORBIDDEN\",\"message\":\"only the main frame may use the bridge\"}");
            return true;
        }
        if (!UiResources.isAppUrl(frame.getURL())) {
            // Another origin in the window (Keycloak's sign-in page, where it redirects): no bridge.
            callback.failure(403, "{\"code\":\"FORBIDDEN\",\"message\":\"only the app's own pages may use the bridge\"}");
            return true;
        }
        bridge.submit(request, reply -> {
            if (reply.ok()) {
                callback.success(reply.toJson());
            } else {
                callback.failure(statusOf(reply), reply.toJson());
            }
        });
        return true;
    }

    private static int statusOf(BridgeReply reply) {
        return switch (reply.code()) {
            case "BAD_REQUEST" -> 400;
            case "UNKNOWN_REQUEST" -> 404;
            case "INTERNAL" -> 500;
            case "CLOSED" -> 503;
            default -> 422;
        };
    }
}
