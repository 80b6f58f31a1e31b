package vn.ocop.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stable problem codes that Java sources can answer, read the way they are written
 * ({@code ApiException.rule(CODE_NAME, ...)}, {@code new ApiException(409, CODE_NAME, ...)}, {@code Problem.of(400, CODE_NAME, ...)},
 * {@code case 413 -> CODE_NAME}, {@code invalid(CODE_NAME, ...)}): the integration guide's error table and each service's
 * {@code Problem.code} enum are checked against it.
 */
public final class ProblemCodes {
    private static final Pattern THROWN = Pattern.compile(
            "(?:ApiException\\.(?:rule|conflict|forbidden)\\(|new ApiException\\(\\d{3}, |Problem\\.of\\(\\d{3}, |case \\d{3} -> |invalid\\()\"([A-Z][A-Z0-9_]+)\"");

    /** Any upper-case string literal: a code kept in a constant or a table (CommuneDirectory.SPLIT, the correction rules). */
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");

    private ProblemCodes() {
    }

    /** The codes in the {@code .java} files under the given roots (a root that does not exist adds none). */
    public static Set<String> inSources(Path... roots) {
        return find(THROWN, roots);
    }

    /** The upper-case string literals of the sources: what a listed code must at least be, to be answered at all. */
    public static Set<String> literalsIn(Path... roots) {
        return find(LITERAL, roots);
    }

    private static Set<String> find(Pattern pattern, Path... roots) {
        Set<String> codes = new TreeSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher matcher = pattern.matcher(Files.readString(source, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        codes.add(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return codes;
    }
}
