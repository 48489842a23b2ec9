package com.alpha01.server.platform.edge;

/** Which part of the application a request path (relative to the context) is for. */
enum Area {
    /** {@code /connect}: a QR scan; its limits are applied where the scan is judged. */
    CONNECT,
    /** {@code /api/v1/customer/*}: the chat page's calls, with the customer's session cookie. */
    CUSTOMER_API,
    /** {@code /api/v1/health} (and its {@code /live}, {@code /ready}), {@code /api/v1/client-release}: anyone. */
    PUBLIC_API,
    /** Every other {@code /api} path: staff, admins and merchant clients, bearer tokens only. */
    STAFF_API,
    /** {@code /ws/client}: a merchant client's socket, bearer token on the handshake. */
    CLIENT_SOCKET,
    /** {@code /ws/customer}: a customer tab's socket, one-time ticket. */
    CUSTOMER_SOCKET,
    /** The chat page's scripts, styles and images. */
    ASSET,
    /** Anything else: the chat page itself, sign-in callbacks. */
    PAGE;

    private static final java.util.regex.Pattern ASSETS = java.util.regex.Pattern.compile(
            "/chat/(?:[\\w-]+/)*[\\w.-]+\\.(?:js|css|png|svg|ico|woff2?)");

    static Area of(String path) {
        String p = path == null ? "" : path;
        if (p.equals("/connect")) {
            return CONNECT;
        }
        if (p.startsWith("/ws/")) {
            return p.startsWith("/ws/client") ? CLIENT_SOCKET : CUSTOMER_SOCKET;
        }
        if (p.equals("/api") || p.startsWith("/api/")) {
            if (p.startsWith("/api/v1/customer/") || p.equals("/api/v1/customer")) {
                return CUSTOMER_API;
            }
            if (probe(p) || p.equals("/api/v1/client-release")) {
                return PUBLIC_API;
            }
            return STAFF_API;
        }
        return ASSETS.matcher(p).matches() ? ASSET : PAGE;
    }

    /** {@code /api/v1/health} and its {@code /live} and {@code /ready}: what load balancers and orchestrators probe. */
    static boolean probe(String path) {
        return "/api/v1/health".equals(path) || "/api/v1/health/live".equals(path) || "/api/v1/health/ready".equals(path);
    }

    /** Whether a refusal is answered in JSON (APIs and sockets) rather than as a page. */
    boolean json() {
        return this != CONNECT && this != PAGE && this != ASSET;
    }
}
