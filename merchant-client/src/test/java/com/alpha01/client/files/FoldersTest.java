package com.alpha01.client.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @TempDir
    Path tmp;

    @Test
    void a_tree_goes_whole_and_a_link_in_it_is_removed_without_touching_what_it_points_to() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "数据");
        Path dir = Files.createDirectories(tmp.resolve("app/lib/deep"));
        Files.writeString(dir.resolve("a.jar"), "x");
        Files.createSymbolicLink(tmp.resolve("app/link"), outside);

        Folders.delete(tmp.resolve("app"));

        assertFalse(Files.exists(tmp.resolve("app")));
        assertEquals("数据", Files.readString(outside.resolve("keep.txt")));
    }

    @Test
    void a_missing_folder_is_nothing_to_do() throws Exception {
        Folders.delete(tmp.resolve("never-made"));
        assertTrue(Files.isDirectory(tmp), "its parent is left alone");
    }
}
