package com.alpha01.client.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder work the app does on its own files (staged updates, the browser runtime). */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes {@code dir} and everything under it, deepest first; nothing when it does not exist. Links are removed,
     * never followed, so nothing outside {@code dir} is touched.
     */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
