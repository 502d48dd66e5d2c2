package com.example.loyalty.launcher.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @Test
    void deleteTreeRemovesEverythingBelowAndTheRoot(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("a/b/c/file.txt"), "x");
        Files.writeString(root.resolve("top.txt"), "y");
        Files.createDirectories(root.resolve("empty"));

        FileTrees.deleteTree(root);

        assertFalse(Files.exists(root));
        assertTrue(Files.isDirectory(tmp));
    }

    @Test
    void deleteTreeOfNothingIsNothing(@TempDir Path tmp) {
        FileTrees.deleteTree(tmp.resolve("missing"));
        assertTrue(Files.isDirectory(tmp));
    }

    @Test
    void deleteContentsKeepsTheNamedFileAndTheDirectory(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve(".lock"), "4711\n");
        Files.writeString(tmp.resolve("run.pids"), "x");
        Files.createDirectories(tmp.resolve("postgres/base"));
        Files.writeString(tmp.resolve("postgres/base/1"), "data");

        FileTrees.deleteContents(tmp, ".lock");

        assertTrue(Files.isDirectory(tmp));
        assertEquals("4711\n", Files.readString(tmp.resolve(".lock")));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void deleteContentsOfAMissingDirectoryIsNothing(@TempDir Path tmp) {
        FileTrees.deleteContents(tmp.resolve("missing"), ".lock");
        assertFalse(Files.exists(tmp.resolve("missing")));
    }

    @Test
    void isEmptyButIgnoresOnlyTheNamedFile(@TempDir Path tmp) throws Exception {
        assertTrue(FileTrees.isEmptyBut(tmp, ".lock"));
        Files.writeString(tmp.resolve(".lock"), "");
        assertTrue(FileTrees.isEmptyBut(tmp, ".lock"));
        Files.writeString(tmp.resolve("other"), "");
        assertFalse(FileTrees.isEmptyBut(tmp, ".lock"));
        assertFalse(FileTrees.isEmptyBut(tmp.resolve("missing"), ".lock"));
    }

    @Test
    void sizeIsMinusOneForAMissingFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("f"), "12345");
        assertEquals(5, FileTrees.size(tmp.resolve("f")));
        assertEquals(-1, FileTrees.size(tmp.resolve("missing")));
    }
}
