package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartWritesTheArchiveThatTheNextOneMaps() throws Exception {
        Path jar = helloJar();
        List<String> options = List.of("-XX:+UseSerialGC", "-Xmx64m");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("work"));
        Path archive = cds.archive(Service.REGISTRY, options);

        List<String> first = cds.options(Service.REGISTRY, jar, options);
        assertThat(first).contains("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(run(options, first, jar)).contains("hello");
        assertThat(archive).isNotEmptyFile();

        List<String> next = cds.options(Service.REGISTRY, jar, options);
        assertThat(next).contains("-XX:SharedArchiveFile=" + archive);
        List<String> shared = new ArrayList<>(next);
        shared.add("-Xlog:class+load=info");
        assertThat(run(options, shared, jar)).as("the jar's class comes from the archive")
                .anyMatch(line -> line.contains("Hello source: shared objects file"));
    }

    @Test
    void aNewerJarOrOtherJvmOptionsGetANewArchive() throws Exception {
        Path jar = helloJar();
        List<String> options = List.of("-XX:+UseSerialGC");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("work"));
        Path archive = cds.archive(Service.MARKET, options);
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "an archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(cds.options(Service.MARKET, jar, options)).contains("-XX:SharedArchiveFile=" + archive);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(cds.options(Service.MARKET, jar, options)).as("the jar was rebuilt")
                .contains("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(cds.archive(Service.MARKET, List.of("-XX:+UseParallelGC"))).isNotEqualTo(archive);
        assertThat(cds.archive(Service.REGISTRY, options)).isNotEqualTo(archive);
    }

    private List<String> run(List<String> options, List<String> cdsOptions, Path jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(cdsOptions);
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    /** A jar whose main class prints "hello" (class data sharing archives classes from jars only). */
    private Path helloJar() throws Exception {
        Path source = dir.resolve("src/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        Path classes = dir.resolve("classes");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        Path jar = dir.resolve("hello.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
            out.closeEntry();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        return jar;
    }
}
