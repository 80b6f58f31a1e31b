package vn.ocop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The programme's rules live in this module only: a rule number written again in a service (a constant, a date
 * calculation, an error text or an event description) fails here. Flyway migrations are history and are not scanned.
 */
class NoRuleNumbersInServicesTest {
    private static final List<String> SOURCES = List.of("registry-service", "evaluation-service", "market-service",
            "monitoring-service", "platform", "events", "projections");
    /** The one place that may read the shipped rules directly: it adds the configured versions for everyone else. */
    private static final String RULES_BEAN = "platform/src/main/java/vn/ocop/platform/rules/RulesProducer.java";

    private static final List<Pattern> OLD_RULES = List.of(
            // date arithmetic with a rule's figure
            Pattern.compile("(plus|minus)(Days|Months)\\(\\s*(180|120|36|15)\\s*\\)|(plus|minus)Years\\(\\s*3\\s*\\)"
                    + "|Period\\.of(Days|Months)\\(\\s*(180|120|36|15)\\s*\\)|Period\\.ofYears\\(\\s*3\\s*\\)"),
            // the shipped rules read directly, past the configured versions (inject ProgrammeRules)
            Pattern.compile("ProgrammeRules\\.standard\\(\\)"),
            // the constants the rules replaced
            Pattern.compile("\\b(VALIDITY_MONTHS|WINDOW_OPENS_DAYS|WINDOW_CLOSES_DAYS|RE_RATING_EARLIEST_DAYS|RE_RATING_LATEST_DAYS"
                    + "|DEADLINE_DAYS|COMMUNE_REVIEW_WORKING_DAYS)\\b"),
            // the figures in texts
            Pattern.compile("\\b36 (months|tháng)|\\b(180|120) days|180 to 120|\\b15 (working )?days|15 ngày"),
            // authority and lifecycle coded again
            Pattern.compile("stars == 5 \\? CouncilLevel|boolean (is)?[Tt]erminal\\(|recognisedBy\\("),
            // working days counted outside the rules' calendar
            Pattern.compile("class WorkingDays\\b"));

    @Test
    void noServiceWritesARuleNumberAgain() throws IOException {
        assertThat(scan(OLD_RULES)).as("rule numbers outside the rules module (ask vn.ocop.rules.ProgrammeRules instead)").isEmpty();
    }

    /** Every date rule counts from the one clock's today, so that a test can move it; none reads the system's date. */
    @Test
    void noServiceReadsTodayPastTheOneClock() throws IOException {
        assertThat(scan(List.of(Pattern.compile("LocalDate\\.now\\(|VietnamTime\\.today\\(|LocalDate\\.ofInstant\\(Instant\\.now"))))
                .as("today read outside platform LegalClock (inject it and ask clock.today())").isEmpty();
    }

    private static List<String> scan(List<Pattern> patterns) throws IOException {
        List<String> found = new ArrayList<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String module : SOURCES) {
            Path main = root.resolve(module).resolve("src/main");
            assertThat(main).as("sources of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(Files::isRegularFile).filter(NoRuleNumbersInServicesTest::scanned)
                        .filter(file -> !root.relativize(file).toString().replace('\\', '/').equals(RULES_BEAN)).forEach(file -> {
                    List<String> lines = read(file);
                    for (int i = 0; i < lines.size(); i++) {
                        for (Pattern rule : patterns) {
                            if (rule.matcher(lines.get(i)).find()) {
                                found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                            }
                        }
                    }
                });
            }
        }
        return found;
    }

    @Test
    void theScanSeesAnOldConstant() {
        assertThat(OLD_RULES).anyMatch(p -> p.matcher("validUntil.minusDays(180)").find());
        assertThat(OLD_RULES).anyMatch(p -> p.matcher("public static final int VALIDITY_MONTHS = 36;").find());
        assertThat(OLD_RULES).anyMatch(p -> p.matcher("\"(180 to 120 days before expiry)\"").find());
        assertThat(OLD_RULES).anyMatch(p -> p.matcher("public boolean isTerminal() {").find());
        assertThat(OLD_RULES).anyMatch(p -> p.matcher("issuedOn.plusYears(3).minusDays(1)").find());
        assertThat(OLD_RULES).anyMatch(p -> p.matcher("Period.ofMonths(36)").find());
        assertThat(OLD_RULES).anyMatch(p -> p.matcher("return ProgrammeRules.standard().validUntil(decidedOn);").find());
    }

    private static boolean scanned(Path file) {
        String name = file.toString();
        return !name.contains("db/migration") && (name.endsWith(".java") || name.endsWith(".json")
                || name.endsWith(".properties") || name.endsWith(".yaml"));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
