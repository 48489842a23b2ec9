package com.alpha01.client.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** Pixel checks for screenshots, and a QR-like picture for the UI to show. */
final class TestImages {

    private TestImages() {
    }

    /**
     * A PNG that looks like a QR code (finder squares and seeded random modules). It is not a
     * scannable code; the UI only has to show the image it is given.
     */
    static String qrLikePngDataUri() {
        int modules = 29;
        int scale = 8;
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(0x0e2440));
        Random random = new Random(1024);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (!inFinder(x, y, modules) && random.nextInt(100) < 46) {
                    g.fillRect(x * scale, y * scale, scale, scale);
                }
            }
        }
        for (int[] corner : new int[][] {{0, 0}, {modules - 7, 0}, {0, modules - 7}}) {
            int px = corner[0] * scale;
            int py = corner[1] * scale;
            g.fillRect(px, py, 7 * scale, 7 * scale);
            g.setColor(Color.WHITE);
            g.fillRect(px + scale, py + scale, 5 * scale, 5 * scale);
            g.setColor(new Color(0x0e2440));
            g.fillRect(px + 2 * scale, py + 2 * scale, 3 * scale, 3 * scale);
        }
        g.dispose();
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inFinder(int x, int y, int modules) {
        boolean left = x < 8;
        boolean top = y < 8;
        return (left && top) || (x >= modules - 8 && top) || (left && y >= modules - 8);
    }

    /**
     * A rendered page has a real size, many colours (gradient, glass, text) and no colour covering
     * almost everything (a blank, black or error page would).
     */
    static void assertLooksRendered(String name, BufferedImage image) {
        assertTrue(image.getWidth() >= 900 && image.getHeight() >= 550,
                name + ": unexpected size " + image.getWidth() + "x" + image.getHeight());
        Map<Integer, Integer> counts = new HashMap<>();
        int pixels = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                counts.merge(image.getRGB(x, y) & 0xF0F0F0, 1, Integer::sum);
                pixels++;
            }
        }
        int dominant = counts.values().stream().max(Integer::compare).orElse(0);
        assertTrue(counts.size() >= 64, name + ": only " + counts.size() + " distinct colours; blank page?");
        assertTrue(dominant < pixels * 0.6, name + ": one colour covers " + (100L * dominant / pixels) + "% of the page");
    }

    /** How many pixels differ noticeably between two screenshots of the same size. */
    static long differingPixels(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xF0F0F0) != (b.getRGB(x, y) & 0xF0F0F0)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
