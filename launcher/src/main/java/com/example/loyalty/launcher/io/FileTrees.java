package com.example.loyalty.launcher.io;

import com.example.loyalty.launcher.StackException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting and inspecting directory trees; failures are {@link StackException}s naming the path. */
public final class FileTrees {

    private FileTrees() {}

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StackException("cannot delete " + Display.path(root) + ": " + e.getMessage(), e);
        }
    }

    /** Deletes everything in {@code dir} but the file named {@code keep}; nothing when {@code dir} is missing. */
    public static void deleteContents(Path dir, String keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (!p.getFileName().toString().equals(keep)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot delete " + Display.path(dir) + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} holds nothing but (maybe) a file named {@code ignored}; {@code false} when unreadable. */
    public static boolean isEmptyBut(Path dir, String ignored) {
        try (DirectoryStream<Path> s =
                Files.newDirectoryStream(dir, p -> !p.getFileName().toString().equals(ignored))) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** The size of {@code file} in bytes, -1 when it cannot be read. */
    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
