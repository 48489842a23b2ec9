package com.alpha01.client.browser;

import org.cef.callback.CefCallback;
import org.cef.handler.CefResourceHandlerAdapter;
import org.cef.misc.IntRef;
import org.cef.misc.StringRef;
import org.cef.network.CefRequest;
import org.cef.network.CefResponse;
import org.jboss.logging.Logger;

/** Answers one {@code app://local/} request from {@link UiResources}; CEF creates one per request. */
final class UiResourceHandler extends CefResourceHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(UiResourceHandler.class);

    private final UiResources resources;
    private UiResources.Resource resource;
    private int offset;

    UiResourceHandler(UiResources resources) {
        this.resources = resources;
    }

    @Override
    public boolean processRequest(CefRequest request, CefCallback callback) {
        String url = request.getURL();
        try {
            resource = resources.resolve(url);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not serve %s", url);
            return false;
        }
        if (resource.status() != 200) {
            LOG.warnf("No UI file for %s", url);
        }
        callback.Continue();
        return true;
    }

    @Override
    public void getResponseHeaders(CefResponse response, IntRef responseLength, StringRef redirectUrl) {
        response.setStatus(resource.status());
        response.setStatusText(resource.status() == 200 ? "OK" : "Not Found");
        response.setMimeType(resource.mimeType());
        if (resource.isText()) {
            response.setHeaderByName("Content-Type", resource.mimeType() + "; charset=utf-8", true);
        }
        response.setHeaderByName("X-Content-Type-Options", "nosniff", true);
        response.setHeaderByName("Cache-Control", "no-cache", true);
        if (resource.mimeType().equals("text/html")) {
            response.setHeaderByName("Content-Security-Policy", UiResources.CSP, true);
        }
        responseLength.set(resource.body().length);
    }

    @Override
    public boolean readResponse(byte[] dataOut, int bytesToRead, IntRef bytesRead, CefCallback callback) {
        byte[] body = resource.body();
        int n = Math.min(bytesToRead, body.length - offset);
        if (n <= 0) {
            bytesRead.set(0);
            return false;
        }
        System.arraycopy(body, offset, dataOut, 0, n);
        offset += n;
        bytesRead.set(n);
        return true;
    }
}
