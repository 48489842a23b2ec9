package com.alpha01.server.qr.infrastructure;

/**
 * A printable A4 page for a QR code: the code (SVG, sharp at any size), the shop's name, the
 * code's label and a short 扫码咨询 line in Chinese and English. Texts are escaped; the page has
 * no script and prints without the browser's margins.
 */
public final class PrintSheet {

    private PrintSheet() {
    }

    public static String html(String shopName, String label, String url) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <title>%1$s · 扫码咨询</title>
                <style>
                @page { size: A4; margin: 0; }
                html, body { margin: 0; }
                body { width: 210mm; height: 297mm; display: flex; align-items: center; justify-content: center;
                  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2433;
                  background: #fff; }
                main { width: 150mm; text-align: center; padding: 14mm; border: 1.5mm solid #5c7cfa;
                  border-radius: 10mm; }
                h1 { font-size: 26pt; margin: 0 0 4mm; }
                .label { font-size: 13pt; color: #4a5568; margin: 0 0 8mm; min-height: 1em; }
                .code svg { width: 110mm; height: 110mm; }
                .cta { font-size: 24pt; font-weight: 700; margin: 8mm 0 2mm; letter-spacing: 2pt; }
                .cta-en { font-size: 12pt; color: #4a5568; margin: 0; }
                .brand { font-size: 9pt; color: #718096; margin-top: 8mm; }
                </style></head>
                <body><main>
                <h1>%1$s</h1>
                <p class="label">%2$s</p>
                <div class="code">%3$s</div>
                <p class="cta">扫码咨询</p>
                <p class="cta-en" lang="en">Scan to chat with us</p>
                <p class="brand">阿尔法01 · Alpha 01</p>
                </main></body></html>
                """.formatted(escape(shopName), escape(label == null ? "" : label), QrRenderer.svg(url));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
