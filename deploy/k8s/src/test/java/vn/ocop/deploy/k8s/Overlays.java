package vn.ocop.deploy.k8s;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Every overlay under deploy/k8s/overlays, rendered once with kubectl kustomize and shared by the test classes. */
final class Overlays {
    static final Path K8S = Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO = K8S.getParent().getParent();
    private static Map<String, Rendered> rendered;

    private Overlays() {
    }

    /** The overlay directories' names, sorted. */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendered overlay; renders them all on first use (or skips/fails as the README's build gate describes). */
    static synchronized Rendered get(String overlay) {
        if (rendered == null) {
            Kustomize kustomize = Kustomize.find();
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (kustomize == null) {
                if (!ci && Boolean.getBoolean("k8s.check.skip")) {
                    Assumptions.abort("k8s.check.skip=true: deploy/k8s not rendered nor validated");
                }
                fail("No kubectl found: the Kubernetes manifests cannot be rendered.\n" + Kustomize.HOW_TO_GET_IT);
            }
            System.out.println("deploy/k8s: rendering with " + kustomize.executable() + " (" + kustomize.version() + ")");
            Map<String, Rendered> all = new LinkedHashMap<>();
            for (String name : names()) {
                all.put(name, Rendered.parse(name, kustomize.render(K8S.resolve("overlays").resolve(name))));
            }
            rendered = all;
        }
        return rendered.get(overlay);
    }
}
