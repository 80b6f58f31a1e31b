package vn.ocop.registry.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs axe-core (pinned in src/test/axe/package-lock.json, installed with {@code npm ci} into target/axe) on a copy of a
 * served page in headless chromium: the copy gets two script tags (axe, then a call that writes the violations into
 * the document), and {@code --dump-dom} after a virtual-time budget returns them. The page itself has no script.
 */
final class AxeCheck {
    private static final Path HOME = Path.of("target", "axe");
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
    private static final Pattern RESULT = Pattern.compile("<pre id=\"axe-result\">(.*?)</pre>", Pattern.DOTALL);
    private static final String RUN = "<script>axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', "
            + "'wcag21a', 'wcag21aa', 'best-practice']}}).then(function (r) { var p = document.createElement('pre');"
            + " p.id = 'axe-result'; p.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id,"
            + " impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; }));"
            + " document.body.appendChild(p); });</script>";

    private AxeCheck() {
    }

    /** The axe violations of this page's HTML, as id, impact, help and the selectors of the offending nodes. */
    static List<Map<String, Object>> violations(HeadlessChromium chromium, String html, String name) throws Exception {
        install();
        Path copy = HOME.resolve(name + ".html").toAbsolutePath();
        String script = "<script src=\"" + SCRIPT.toAbsolutePath().toUri() + "\"></script>" + RUN;
        Files.writeString(copy, html.replace("</body>", script + "</body>"), StandardCharsets.UTF_8);
        String dom = chromium.dumpDom(copy.toUri().toString(), "--virtual-time-budget=30000", "--allow-file-access-from-files");
        Matcher result = RESULT.matcher(dom);
        if (!result.find()) {
            throw new AssertionError("axe-core wrote no result into " + copy);
        }
        String json = result.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return new ObjectMapper().readValue(json, new TypeReference<>() {
        });
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (Files.isRegularFile(SCRIPT)) {
            return;
        }
        Files.createDirectories(HOME);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(Path.of("src", "test", "axe", file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(HOME.toFile())
                    .redirectErrorStream(true).redirectOutput(HOME.resolve("npm.log").toFile()).start();
        } catch (IOException e) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("npm is needed for the accessibility check", e);
            }
            Assumptions.abort("Accessibility check skipped: npm is not on the PATH");
            return;
        }
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
            npm.destroyForcibly();
            throw new AssertionError("npm ci of axe-core failed; see " + HOME.resolve("npm.log"));
        }
    }
}
