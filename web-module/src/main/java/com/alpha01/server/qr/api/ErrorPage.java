package com.alpha01.server.qr.api;

import com.alpha01.server.platform.api.GlassPage;
import com.alpha01.server.qr.application.ScanService;

/** The page a customer sees for a QR code that cannot be used. Static text only; nothing from the request. */
record ErrorPage(int status, String code, String zh, String en) {

    /** The page for a scan that does not let the customer in ({@code ENTER} has none: it redirects). */
    static ErrorPage forVerdict(ScanService.Verdict verdict) {
        return switch (verdict) {
            case EXPIRED -> new ErrorPage(410, "QR_EXPIRED", "这个二维码已过期，请向店员索取新的二维码。",
                    "This QR code has expired. Please ask the staff for a new one.");
            case INACTIVE -> new ErrorPage(410, "QR_INACTIVE", "这个二维码已停用，请向店员索取新的二维码。",
                    "This QR code is no longer active. Please ask the staff for a new one.");
            default -> new ErrorPage(404, "QR_INVALID", "无法识别这个二维码，请重新扫描店内的二维码。",
                    "This QR code is not valid. Please scan the code in the shop again.");
        };
    }

    /** Too many scans (from this address, of this code, or failed ones from this address): wait and try again. */
    static ErrorPage rateLimited() {
        return new ErrorPage(429, "RATE_LIMITED", "扫码太频繁，请稍等片刻再试。",
                "Too many scans. Please wait a moment and try again.");
    }

    String html() {
        return GlassPage.html(code, zh, en);
    }
}
