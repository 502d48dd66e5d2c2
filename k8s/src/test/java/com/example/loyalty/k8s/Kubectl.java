package com.example.loyalty.k8s;

import com.example.loyalty.k8s.kustomize.Yaml;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl kustomize, where kubectl is installed (a developer's machine; CI has none). */
public final class Kubectl {
    private static Boolean available;

    private Kubectl() {}

    public static synchronized boolean available() {
        if (available == null) {
            // -Dk8s.kubectl=false runs as CI does, without kubectl
            available = !"false".equals(System.getProperty("k8s.kubectl")) && findOnPath() != null;
        }
        return available;
    }

    private static Path findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The objects kubectl kustomize builds from the directory; its error output when it fails. */
    public static List<ObjectNode> kustomize(Path dir) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(false)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new KubectlFailed(new String(err, StandardCharsets.UTF_8).strip());
            }
            return Yaml.readObjects(new String(out, StandardCharsets.UTF_8), "kubectl kustomize " + dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static final class KubectlFailed extends RuntimeException {
        KubectlFailed(String message) {
            super(message);
        }
    }
}
