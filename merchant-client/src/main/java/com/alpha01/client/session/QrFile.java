package com.alpha01.client.session;

import com.alpha01.client.link.ServerApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Writes the counter code's URL and PNG to files ({@code ALPHA01_QR_FILE}) for scripts and the dev stack. */
public final class QrFile {

    private static final Logger LOG = Logger.getLogger(QrFile.class);

    private QrFile() {
    }

    public static void write(Path file, ServerApi.QrCode qr) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, qr.url());
            Files.write(Path.of(file + ".png"), qr.png());
        } catch (IOException e) {
            LOG.warnf("Could not write the QR code to %s: %s", file, e.getMessage());
        }
    }
}
