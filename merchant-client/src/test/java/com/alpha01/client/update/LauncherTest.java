package com.alpha01.client.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of a self-updating install ({@code alpha01-merchant}, the script the app ships), run for real
 * with small stand-in versions: one that comes up (tells so, as the app does once its store is open) and one
 * that exits first. A staged version is switched to; one that fails its first start is marked and the previous
 * one started instead; a version that failed is not switched to again.
 */
class LauncherTest {

    @TempDir
    Path root;

    @BeforeEach
    void install() throws IOException {
        try (InputStream in = AppImageInstall.class.getResourceAsStream("alpha01-merchant")) {
            new AppImageInstall(Files.createDirectories(root)).refreshLauncher(in.readAllBytes());
        }
        version("0.1.0", true);
        Files.createSymbolicLink(root.resolve("current"), Path.of("versions/0.1.0"));
    }

    /** A stand-in app-image: logs its version and arguments, and tells it came up when {@code comesUp}. */
    private void version(String v, boolean comesUp) throws IOException {
        Path bin = Files.createDirectories(root.resolve("versions").resolve(v).resolve("bin"));
        Path app = bin.resolve("alpha01-merchant");
        Files.writeString(app, "#!/bin/sh\necho \"" + v + " $*\" >> \"" + root.resolve("ran.log") + "\"\n"
                + (comesUp ? ": > \"$(dirname \"$0\")/../.started\"\nexit 0\n" : "exit 7\n"), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private int launch() throws Exception {
        Process p = new ProcessBuilder(root.resolve("alpha01-merchant").toString(), "--x").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private List<String> ran() throws IOException {
        return Files.exists(root.resolve("ran.log")) ? Files.readAllLines(root.resolve("ran.log")) : List.of();
    }

    private String link(String name) throws IOException {
        return Files.readSymbolicLink(root.resolve(name)).toString();
    }

    @Test
    void a_staged_version_is_started_and_the_one_before_is_kept() throws Exception {
        version("0.2.0", true);
        Files.writeString(root.resolve("next"), "0.2.0\n");
        assertEquals(0, launch());
        assertEquals(List.of("0.2.0 --x"), ran());
        assertEquals("versions/0.2.0", link("current"));
        assertEquals("versions/0.1.0", link("previous"));
        assertFalse(Files.exists(root.resolve("next")));
        assertFalse(Files.exists(root.resolve("versions/0.2.0/.trial")), "it came up: kept");
        assertEquals(0, launch());
        assertEquals(List.of("0.2.0 --x", "0.2.0 --x"), ran());
    }

    @Test
    void a_version_that_fails_its_first_start_is_marked_and_the_previous_one_starts() throws Exception {
        version("0.3.0", false);
        Files.writeString(root.resolve("next"), "0.3.0");
        assertEquals(0, launch(), "the previous version ran, and ended well");
        assertEquals(List.of("0.3.0 --x", "0.1.0 --x"), ran());
        assertEquals("versions/0.1.0", link("current"));
        assertTrue(Files.exists(root.resolve("versions/0.3.0/.failed")));
        Files.writeString(root.resolve("next"), "0.3.0");
        launch();
        assertEquals(List.of("0.3.0 --x", "0.1.0 --x", "0.1.0 --x"), ran(), "a failed version is not tried again");
        assertEquals("versions/0.1.0", link("current"));
    }

    @Test
    void a_version_that_came_up_once_is_not_rolled_back_when_it_later_exits_with_an_error() throws Exception {
        version("0.2.0", true);
        Files.writeString(root.resolve("next"), "0.2.0");
        launch();
        version("0.2.0", false); // the same version, now ending badly (e.g. killed): not a failed update
        assertEquals(7, launch());
        assertEquals("versions/0.2.0", link("current"));
        assertFalse(Files.exists(root.resolve("versions/0.2.0/.failed")));
    }

    @Test
    void a_next_naming_nothing_whole_is_ignored() throws Exception {
        Files.createDirectories(root.resolve("versions/0.4.0/lib"));
        Files.writeString(root.resolve("next"), "0.4.0");
        launch();
        assertEquals(List.of("0.1.0 --x"), ran());
        assertEquals("versions/0.1.0", link("current"));
        assertFalse(Files.exists(root.resolve("next")));
    }
}
