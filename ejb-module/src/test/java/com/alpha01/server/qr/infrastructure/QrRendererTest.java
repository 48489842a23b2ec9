package com.alpha01.server.qr.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.server.qr.domain.QrToken;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every code the server draws reads back as its URL, whatever the random token and the size. */
class QrRendererTest {

    @Test
    void rendered_pngs_decode_to_their_urls() throws Exception {
        for (int i = 0; i < 60; i++) {
            String url = "http://127.0.0.1:39080/connect?merchant_id=" + UUID.randomUUID() + "&client_id="
                    + UUID.randomUUID() + "&token=" + QrToken.generate() + (i % 2 == 0 ? "" : "&expires=1795000000");
            for (int size : new int[] {480, 600}) {
                assertEquals(url, decode(QrRenderer.png(url, size)), "size " + size);
            }
        }
    }

    @Test
    void the_svg_has_a_quiet_zone_and_dark_modules() {
        String svg = QrRenderer.svg("http://127.0.0.1/connect?merchant_id=x&token=y");
        assertTrue(svg.startsWith("<svg") && svg.contains("<path fill=\"#000\" d=\"M4 4h1v1h-1z"), svg.substring(0, 200));
    }

    /**
     * A QR reader, not MultiFormatReader: that one also tries 1-D formats, and now and then a random
     * token's modules read as an 8-digit barcode (a CI run decoded "09375192").
     */
    static String decode(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
