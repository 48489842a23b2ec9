package com.alpha01.client.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a drop on 知识库 imports: files as dropped, and the readable files of a dropped folder. */
class KnowledgeDropsTest {

    @TempDir
    Path dir;

    @Test
    void a_folder_gives_its_supported_files_in_path_order_and_a_file_is_taken_as_it_is() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("门店资料"));
        Path menu = Files.writeString(folder.resolve("菜单.md"), "# 菜单");
        Path faq = Files.writeString(Files.createDirectories(folder.resolve("问答")).resolve("faq.csv"), "问题,答案\n");
        Files.writeString(folder.resolve("photo.jpg"), "not a document");
        Files.writeString(folder.resolve(".~lock.菜单.md#"), "an editor's lock file");
        Files.writeString(folder.resolve(".hidden.txt"), "hidden");
        Path deep = Files.createDirectories(folder.resolve("a/b/c/d"));
        Files.writeString(deep.resolve("too-deep.txt"), "below the depth limit");
        Path single = Files.writeString(dir.resolve("notes.rtf"), "a type the import will refuse, with its reason");

        List<Path> files = KnowledgeScreen.importable(List.of(folder, single));

        assertEquals(List.of(menu, faq, single), files);
    }

    @Test
    void a_folder_with_nothing_readable_gives_nothing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(folder.resolve("a.png"), "png");

        assertEquals(List.of(), KnowledgeScreen.importable(List.of(folder)));
    }
}
