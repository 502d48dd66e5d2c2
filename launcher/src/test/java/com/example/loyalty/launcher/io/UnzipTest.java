package com.example.loyalty.launcher.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnzipTest {

    /** Writes a zip of {@code name, unix mode, content} triples ({@code content == null}: a directory). */
    static void zip(Path zip, Object... entries) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (int i = 0; i < entries.length; i += 3) {
                ZipArchiveEntry e = new ZipArchiveEntry((String) entries[i]);
                e.setUnixMode((Integer) entries[i + 1]);
                out.putArchiveEntry(e);
                if (entries[i + 2] != null) {
                    out.write(((String) entries[i + 2]).getBytes(StandardCharsets.UTF_8));
                }
                out.closeArchiveEntry();
            }
        }
    }

    @Test
    void dropsTheTopDirectoryAndKeepsExecutableBits(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("dist.zip");
        zip(
                zip,
                "keycloak-26.0/",
                040755,
                null,
                "keycloak-26.0/bin/",
                040755,
                null,
                "keycloak-26.0/bin/kc.sh",
                0100755,
                "#!/bin/sh\necho kc\n",
                "keycloak-26.0/conf/keycloak.conf",
                0100644,
                "db=dev-file\n");
        Path home = tmp.resolve("home");

        Unzip.extractWithoutTopDirectory(zip, home, () -> {});

        Path kc = home.resolve("bin/kc.sh");
        assertEquals("#!/bin/sh\necho kc\n", Files.readString(kc));
        assertTrue(Files.isExecutable(kc));
        assertTrue(Files.getPosixFilePermissions(kc)
                .containsAll(Set.of(
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE)));
        Path conf = home.resolve("conf/keycloak.conf");
        assertEquals("db=dev-file\n", Files.readString(conf));
        assertFalse(Files.getPosixFilePermissions(conf).contains(PosixFilePermission.OWNER_EXECUTE));
        assertFalse(Files.exists(home.resolve("keycloak-26.0")));
    }

    @Test
    void refusesEntriesOutsideTheTarget(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("evil.zip");
        zip(zip, "keycloak-26.0/bin/kc.sh", 0100755, "ok", "keycloak-26.0/../../evil.txt", 0100644, "gotcha");
        Path home = tmp.resolve("a/home");

        IOException e = assertThrows(IOException.class, () -> Unzip.extractWithoutTopDirectory(zip, home, () -> {}));

        assertEquals("bad entry keycloak-26.0/../../evil.txt", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertFalse(Files.exists(tmp.resolve("a/evil.txt")));
    }

    @Test
    void beforeEachEntryCanAbort(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("dist.zip");
        zip(zip, "top/a", 0100644, "a", "top/b", 0100644, "b");
        AtomicInteger seen = new AtomicInteger();

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Unzip.extractWithoutTopDirectory(zip, tmp.resolve("home"), () -> {
                    if (seen.incrementAndGet() == 2) {
                        throw new IllegalStateException("stop");
                    }
                }));

        assertEquals("stop", e.getMessage());
        assertTrue(Files.exists(tmp.resolve("home/a")));
        assertFalse(Files.exists(tmp.resolve("home/b")));
    }

    @Test
    void unixModeToPermissions() {
        assertEquals(
                Set.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.GROUP_EXECUTE),
                Unzip.permissions(0750));
        assertEquals(
                Set.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE),
                Unzip.permissions(0100));
    }
}
