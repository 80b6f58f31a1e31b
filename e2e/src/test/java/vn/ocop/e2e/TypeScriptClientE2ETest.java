package vn.ocop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import vn.ocop.devstack.Stack;

/**
 * The second ecosystem against the running stack: the TypeScript example (api-clients/typescript, compiled with
 * {@code tsc --strict} from the types openapi-typescript generates from the registry's document) registers a producer
 * and reads it back through openapi-fetch, run with node exactly as an integrator would run it.
 */
@ExtendWith(SharedStack.class)
class TypeScriptClientE2ETest {
    private static final Path EXAMPLE = Path.of("../api-clients/typescript/dist/register-producer.js");

    @Test
    void theTypeScriptExampleRegistersAProducerAndReadsItBack() throws IOException, InterruptedException {
        // Built by api-clients (its compile phase) unless -Dtypescript.client.skip; without it there is nothing to run.
        assumeTrue(Files.isRegularFile(EXAMPLE), EXAMPLE + " is not built (-Dtypescript.client.skip?)");
        Stack stack = SharedStack.stack();
        String taxCode = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        Process node = new ProcessBuilder("node", EXAMPLE.toString(), stack.baseUrl("registry"), ProvincialRound.OFFICER, taxCode)
                .redirectErrorStream(true).start();
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("node finished").isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.exitValue()).as(output).isZero();

        String[] words = output.split(" ");
        assertThat(words[0]).as(output).matches("[0-9a-f-]{36}");
        assertThat(output).contains(" " + taxCode + " HTX Tỏi Lý Sơn (TypeScript client) COOPERATIVE 51 ETag \"")
                .endsWith(" read back " + taxCode);
    }
}
