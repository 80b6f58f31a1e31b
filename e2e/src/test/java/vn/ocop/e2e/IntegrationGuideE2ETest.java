package vn.ocop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.ocop.devstack.Stack;
import vn.ocop.testkit.ProblemCodes;
import vn.ocop.testkit.Tokens;

/**
 * The curl examples of {@code docs/integration-guide.md} run against the e2e stack, exactly as a provincial IT team
 * would paste them: every {@code bash} block after an {@code <!-- tested -->} comment, in order, in one bash shell
 * (later blocks use the variables of earlier ones), with the variables the guide tells the reader to set. Each line of
 * the {@code text} block that follows must appear in what its block printed, so a changed API breaks the guide here.
 */
@ExtendWith(SharedStack.class)
class IntegrationGuideE2ETest {

    static final Path GUIDE = Path.of("..", "docs", "integration-guide.md");
    /** The request files of the "Going live" chapter, which quotes each of them and whose examples send them. */
    static final Path GOING_LIVE = Path.of("..", "docs", "examples", "going-live");
    /** The score sheets evaluation ships (set 1 and the template), which the chapter's sheet example uploads. */
    static final Path SHEETS = Path.of("..", "evaluation-service", "src", "main", "resources", "criteria-sets", "sheets");
    private static final Pattern FILE_MARKER = Pattern.compile("<!-- file: (\\S+) -->");
    private static final String MARKER = "<!-- tested -->";
    private static final Pattern BLOCK_SEPARATOR = Pattern.compile("(?m)^@@guide-block (\\d+)@@$");

    /** One tested example: its shell code and the lines the guide says the reader will see. */
    record Example(int line, String code, List<String> expected) {
    }

    @Test
    void theGuidesCurlExamplesPrintWhatTheGuideSays() throws Exception {
        List<Example> examples = examples(Files.readAllLines(GUIDE, StandardCharsets.UTF_8));
        // Authentication, scope, legacy codes, idempotency (3), ETags (3), paging, errors, import, verification.
        assertThat(examples).as("tested examples in %s", GUIDE).hasSizeGreaterThanOrEqualTo(13);

        Stack stack = SharedStack.stack();
        Map<String, String> env = Map.of(
                "REGISTRY", stack.baseUrl("registry"),
                "EVALUATION", stack.baseUrl("evaluation"),
                "MARKET", stack.baseUrl("market"),
                "MONITORING", stack.baseUrl("monitoring"),
                "GOING_LIVE", GOING_LIVE.toAbsolutePath().normalize().toString(),
                "SHEETS", SHEETS.toAbsolutePath().normalize().toString(),
                "TOKEN", Tokens.provinceOfficer("92"),
                "CENTRAL_TOKEN", Tokens.centralOfficer());
        List<String> outputs = run(examples, env);

        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            String output = outputs.get(i);
            String haystack = output.toLowerCase(Locale.ROOT);
            for (String line : example.expected()) {
                softly.assertThat(haystack.contains(line.toLowerCase(Locale.ROOT)))
                        .as("guide line %d: expected the output to contain%n  %s%n--- code ---%n%s%n--- output ---%n%s",
                                example.line(), line, example.code(), output)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    /** The chapter quotes every request file exactly as the examples send it, so what readers see is what runs. */
    @Test
    void theGoingLiveChapterQuotesItsRequestFilesAsTheyAre() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        Set<String> quoted = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = FILE_MARKER.matcher(lines.get(i).trim());
            if (!marker.matches()) {
                continue;
            }
            Path file = GUIDE.getParent().getParent().resolve(marker.group(1));
            int open = nextNonBlank(lines, i + 1);
            assertThat(lines.get(open).trim()).as("line %d: a quoted file is a fenced block", open + 1).startsWith("```");
            assertThat(String.join("\n", fenced(lines, open)))
                    .as("the block after line %d quotes %s as it is", i + 1, file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
            quoted.add(file.getFileName().toString());
        }
        try (Stream<Path> files = Files.list(GOING_LIVE)) {
            assertThat(quoted).as("files of %s quoted in the guide", GOING_LIVE)
                    .containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** Every stable error code the services can answer (collected from their sources) is explained in the guide's table. */
    @Test
    void theGuidesErrorTableListsEveryCodeTheServicesAnswer() throws IOException {
        Path root = GUIDE.getParent().getParent();
        List<Path> sourceRoots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).forEach(sourceRoots::add);
        }
        Set<String> codes = ProblemCodes.inSources(sourceRoots.toArray(Path[]::new));
        assertThat(codes).as("codes found in the sources").contains("VALIDATION_FAILED", "OUT_OF_SCOPE", "IDEMPOTENCY_KEY_REUSED");
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        assertThat(codes).as("codes missing from the error table of %s", GUIDE)
                .allSatisfy(code -> assertThat(guide).contains("`" + code + "`"));
    }

    /** The tested blocks of the guide with their expected lines; a tested block without a text block is an error. */
    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().equals(MARKER)) {
                continue;
            }
            int start = nextNonBlank(lines, i + 1);
            assertThat(lines.get(start).trim()).as("line %d: a tested block must be a ```bash block", start + 1).isEqualTo("```bash");
            List<String> code = fenced(lines, start);
            int textStart = nextNonBlank(lines, start + code.size() + 2);
            assertThat(lines.get(textStart).trim())
                    .as("line %d: a tested block must be followed by a ```text block of what the reader sees", textStart + 1)
                    .isEqualTo("```text");
            List<String> expected = fenced(lines, textStart).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
            assertThat(expected).as("line %d: expected output", textStart + 1).isNotEmpty();
            examples.add(new Example(start + 1, String.join("\n", code), expected));
            i = textStart + expected.size();
        }
        return examples;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        assertThat(i).as("unexpected end of the guide after line %d", from).isLessThan(lines.size());
        return i;
    }

    /** The lines between the fence at {@code open} and its closing fence. */
    private static List<String> fenced(List<String> lines, int open) {
        List<String> body = new ArrayList<>();
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("```")) {
                return body;
            }
            body.add(lines.get(i));
        }
        throw new AssertionError("unclosed code block at line " + (open + 1));
    }

    /** Runs every example in one bash shell, in a scratch directory, and returns the output of each. */
    private static List<String> run(List<Example> examples, Map<String, String> env) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            script.append("printf '\\n@@guide-block ").append(i).append("@@\\n'\n").append(examples.get(i).code()).append('\n');
        }
        Path workDir = Files.createTempDirectory("integration-guide");
        Path file = workDir.resolve("guide.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process bash = builder.start();
        bash.getOutputStream().close();
        // The import example polls until its job completes: bound the whole run.
        String output = new String(outputWithin(bash, 180), StandardCharsets.UTF_8).replace("\r", "");

        List<String> outputs = new ArrayList<>();
        var matcher = BLOCK_SEPARATOR.matcher(output);
        List<int[]> bounds = new ArrayList<>();
        while (matcher.find()) {
            bounds.add(new int[] {Integer.parseInt(matcher.group(1)), matcher.start(), matcher.end()});
        }
        for (int i = 0; i < examples.size(); i++) {
            int index = i;
            int[] own = bounds.stream().filter(b -> b[0] == index).findFirst().orElse(null);
            if (own == null) {
                outputs.add("(the block did not run; whole output:)\n" + output);
                continue;
            }
            int end = bounds.stream().filter(b -> b[1] > own[1]).mapToInt(b -> b[1]).min().orElse(output.length());
            outputs.add(output.substring(own[2], end));
        }
        return outputs;
    }

    private static byte[] outputWithin(Process process, int seconds) throws InterruptedException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try (InputStream out = process.getInputStream()) {
                out.transferTo(buffer);
            } catch (IOException killed) {
                // keep what it printed before it was stopped
            }
        });
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(10_000);
        synchronized (buffer) {
            return buffer.toByteArray();
        }
    }
}
