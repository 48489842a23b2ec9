package com.alpha01.server.platform.api;

/**
 * A small page in the glass look for a browser that cannot be let on (a QR code that cannot be used,
 * a refusal at the edge): the same text in zh-CN and English and the code. Static text only: never
 * anything from the request.
 */
public final class GlassPage {

    private GlassPage() {
    }

    public static String html(String code, String zh, String en) {
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

    /** The content security policy such a page is served with (its one inline style block, nothing else). */
    public static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
}
