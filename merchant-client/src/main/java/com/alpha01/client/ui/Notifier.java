package com.alpha01.client.ui;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Desktop notices for what needs staff (a new conversation, a customer asking for a person): a
 * tray balloon where the desktop has a tray, else {@code notify-send} where installed. The UI
 * shows its own notice as well, so nothing depends on either being there. Notices carry the
 * customer's display name only, never message text (it may hold personal data).
 */
final class Notifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    private final TrayIcon tray;
    private final Optional<String> notifySend;

    Notifier(String appName) {
        this.tray = trayIcon(appName);
        this.notifySend = tray == null ? onPath("notify-send") : Optional.empty();
        LOG.debugf("Desktop notices via %s", tray != null ? "tray" : notifySend.isPresent() ? "notify-send" : "UI only");
    }

    void notify(String title, String text) {
        if (tray != null) {
            tray.displayMessage(title, text, TrayIcon.MessageType.INFO);
        } else if (notifySend.isPresent()) {
            try {
                new ProcessBuilder(notifySend.get(), "--app-name=阿尔法01", title, text).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                LOG.debugf("notify-send failed: %s", e.getMessage());
            }
        }
    }

    private static TrayIcon trayIcon(String appName) {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return null;
            }
            java.net.URL url = Notifier.class.getResource("/ui/icon.png");
            Image image = url == null ? new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB)
                    : Toolkit.getDefaultToolkit().getImage(url);
            TrayIcon icon = new TrayIcon(image, appName);
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return icon;
        } catch (AWTException | RuntimeException e) {
            LOG.debugf("No tray icon: %s", e.getMessage());
            return null;
        }
    }

    private static Optional<String> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (tray != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(tray));
        }
    }
}
