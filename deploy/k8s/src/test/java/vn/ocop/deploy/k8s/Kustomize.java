package vn.ocop.deploy.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, the renderer operators use with {@code kubectl apply -k}.
 * The kubectl comes from {@code -Dkubectl=...}, {@code $KUBECTL} or the PATH; CI installs Debian's
 * {@code kubernetes-client} (kubectl 1.20, kustomize v2.0.3), so the manifests keep to what that version knows.
 */
final class Kustomize {
    static final String HOW_TO_GET_IT = """
            kubectl is needed to render deploy/k8s (kubectl kustomize). Install it with
              apt-get install kubernetes-client        (Debian/Ubuntu; what .ci/run does in CI)
            or any kubectl >= 1.14 on the PATH, or point to one with -Dkubectl=/path/to/kubectl or KUBECTL=...
            Outside CI you may skip this check explicitly with -Dk8s.check.skip=true (refused when CI=true).""";

    private final String kubectl;

    private Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    /** The kubectl to use, or {@code null} when there is none. */
    static Kustomize find() {
        for (String candidate : new String[] {System.getProperty("kubectl"), System.getenv("KUBECTL")}) {
            if (candidate != null && !candidate.isBlank()) {
                return new Kustomize(candidate);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path exe = Path.of(dir, "kubectl");
                if (Files.isExecutable(exe)) {
                    return new Kustomize(exe.toString());
                }
            }
        }
        return null;
    }

    String executable() {
        return kubectl;
    }

    String version() {
        try {
            return run(List.of(kubectl, "version", "--client")).lines().findFirst().orElse("?");
        } catch (IllegalStateException e) {
            return "unknown (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    /** The rendered multi-document YAML of {@code dir}; fails with kustomize's own message when it cannot render. */
    String render(Path dir) {
        return run(List.of(kubectl, "kustomize", dir.toString()));
    }

    private static String run(List<String> command) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(err));
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
