package com.alpha01.server.qr.api;

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

    String html() {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>阿尔法01 · Alpha 01</title>
                <style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
                font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
                background:linear-gradient(135deg,#c9d6ff,#e2e2e2);color:#1d2433}
                .card{max-width:28rem;margin:1rem;padding:2rem;border-radius:1.25rem;
                background:rgba(255,255,255,.55);backdrop-filter:blur(16px);box-shadow:0 8px 32px rgba(31,38,135,.15)}
                h1{font-size:1.25rem;margin:0 0 1rem}p{line-height:1.6;margin:.5rem 0}.en{color:#4a5568}
                code{font-size:.8rem;color:#718096}</style></head>
                <body><main class="card" data-error="%s"><h1>阿尔法01 · Alpha 01</h1>
                <p>%s</p><p class="en" lang="en">%s</p><code>%s</code></main></body></html>
                """.formatted(code, zh, en, code);
    }
}
