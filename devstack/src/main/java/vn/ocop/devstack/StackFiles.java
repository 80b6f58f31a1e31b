package vn.ocop.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores of the stack's work dir: log tails, stale files, broker data. */
final class StackFiles {
    private StackFiles() {
    }

    /** The last lines of a file, read from its end so that a long-running service's big log costs nothing. */
    static List<String> tail(Path file, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int chunk = (int) Math.min(length, 256 * 1024);
            byte[] bytes = new byte[chunk];
            f.seek(length - chunk);
            f.readFully(bytes);
            List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale state or ids file is harmless: its readers check what it names
        }
    }

    static void deleteTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
