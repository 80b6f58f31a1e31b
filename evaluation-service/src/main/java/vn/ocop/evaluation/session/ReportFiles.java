package vn.ocop.evaluation.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks and storage of uploaded report files: the same approach as the registry's dossier files (type from the
 * content's first bytes, SHA-256, bytea or a checksum-named file in a directory); the services share no tables or
 * code beyond the platform, so each keeps its own.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /** The media type the content's first bytes show: application/pdf, image/jpeg or image/png; empty for anything else. */
    static Optional<String> sniff(byte[] content) {
        if (startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    /** A declared Content-Type without parameters, lower case; null when none or the generic octet-stream was sent. */
    static String declared(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("application/octet-stream") ? null : type;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void store(Path directory, String sha256, byte[] content) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(sha256);
            if (!Files.exists(target)) {
                // Content-addressed: a file left behind by a rolled-back upload is simply reused by the next identical one.
                Path temp = Files.createTempFile(directory, sha256, ".part");
                Files.write(temp, content);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path directory, String sha256) {
        try {
            return Files.readAllBytes(directory.resolve(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
