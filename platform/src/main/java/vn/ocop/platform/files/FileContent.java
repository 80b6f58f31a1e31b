package vn.ocop.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Uploaded files (dossier documents, advisory reports, inspection evidence, complaint photos): the type is read from
 * the content's first bytes, never trusted from the header alone, so a renamed executable is not accepted as a PDF;
 * the SHA-256 names the content, both in the database and in an optional storage directory.
 */
public final class FileContent {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private FileContent() {
    }

    /** The media type the content's first bytes show: application/pdf, image/jpeg or image/png; empty for anything else. */
    public static Optional<String> sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    /** Whether the content's first bytes are those of the declared media type. */
    public static boolean looksLike(String mediaType, byte[] content) {
        return sniff(content).filter(mediaType::equals).isPresent();
    }

    /** A Content-Type header without parameters, lower case; "" when absent. */
    public static String mediaType(String contentTypeHeader) {
        return contentTypeHeader == null ? "" : contentTypeHeader.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The file-name extension to use when the uploader gave no name. */
    public static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the content as {@code directory/<sha256>}, atomically; an existing file of that name is the same content. */
    public static void store(Path directory, String sha256, byte[] content) {
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

    public static byte[] read(Path directory, String sha256) {
        try {
            return Files.readAllBytes(directory.resolve(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A download: the bytes as an attachment named {@code fileName}, with the SHA-256 as Repr-Digest and ETag. */
    public static Response download(byte[] content, String contentType, String fileName, String sha256) {
        return Response.ok(content, contentType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
                .build();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
