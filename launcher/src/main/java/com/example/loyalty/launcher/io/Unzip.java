package com.example.loyalty.launcher.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip archive with the Unix permissions of its executable entries (the JDK's zip classes drop them, and
 * {@code kc.sh} must stay runnable). Entries that would land outside the target directory are refused.
 */
public final class Unzip {

    private Unzip() {}

    /**
     * Unpacks {@code zip} into {@code dir} without the archive's top directory ({@code keycloak-26.x/bin/kc.sh}
     * becomes {@code dir/bin/kc.sh}). {@code beforeEachEntry} runs before every entry and may throw to abort.
     */
    public static void extractWithoutTopDirectory(Path zip, Path dir, Runnable beforeEachEntry) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            Enumeration<ZipArchiveEntry> entries = zf.getEntries();
            while (entries.hasMoreElements()) {
                beforeEachEntry.run();
                ZipArchiveEntry e = entries.nextElement();
                String name = e.getName();
                int slash = name.indexOf('/');
                String rel = slash < 0 ? "" : name.substring(slash + 1);
                if (rel.isEmpty()) {
                    continue;
                }
                Path target = root.resolve(rel).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("bad entry " + name);
                }
                if (target.equals(root)) {
                    continue;
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zf.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                int mode = e.getUnixMode();
                if ((mode & 0111) != 0) {
                    Files.setPosixFilePermissions(target, permissions(mode));
                }
            }
        }
    }

    /** The permissions of a Unix mode ({@code 0755} ...), always readable and writable by the owner. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                p.add(order[i]);
            }
        }
        p.add(PosixFilePermission.OWNER_READ);
        p.add(PosixFilePermission.OWNER_WRITE);
        return p;
    }
}
