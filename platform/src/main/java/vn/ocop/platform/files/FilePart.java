package vn.ocop.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.web.BodyLimits;

/**
 * A file sent as the {@value #FIELD} part of a {@code multipart/form-data} upload. Every upload operation also takes
 * this form because it is what generated clients send for a file parameter (openapi-generator's Java, TypeScript,
 * Python and C# clients); a raw binary body, the other form, is lost by some of them (Java {@code native} writes the
 * file through Jackson). The part becomes the same (name, type, bytes) a raw body gives, so the services check both
 * forms with the same code.
 */
public record FilePart(String fileName, String contentType, byte[] content) {
    /** The name of the form field that carries the file. */
    public static final String FIELD = "file";

    /** What the OpenAPI documents say about the part (one text for the four services' upload operations). */
    public static final String DESCRIPTION = "The file. A part labelled application/octet-stream (what most generated "
            + "clients send) is typed by its content; a part labelled with a file type must have content of that type. "
            + "The part's file name is kept unless the fileName parameter gives one.";

    /** Labels that say nothing about the file: the content decides. */
    private static final Set<String> GENERIC = Set.of("", "application/octet-stream");

    /**
     * The part as the upload operations take it; 400 naming {@value #FIELD} when the request has no file part, 413 when
     * it is above the operation's {@link vn.ocop.platform.web.BodyLimit} (checked before it is read into memory).
     */
    public static FilePart of(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ApiException.invalidField(FIELD, "required: send the file as the multipart/form-data part named \"" + FIELD + "\"");
        }
        BodyLimits.checkFile(upload.size());
        byte[] content;
        try {
            content = Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FilePart(baseName(upload.fileName()), typeOf(upload.contentType(), content), content);
    }

    /**
     * The media type of a part: the content's own (PDF, JPEG, PNG) when the part's label is generic, else the label
     * itself, which the service then checks against the content as it checks a raw body's Content-Type. Java and C#
     * clients label every file application/octet-stream; Python and browsers guess from the file name.
     */
    public static String typeOf(String label, byte[] content) {
        String declared = FileContent.mediaType(label);
        if (GENERIC.contains(declared)) {
            return FileContent.sniff(content).orElse(declared.isEmpty() ? "application/octet-stream" : declared);
        }
        return declared;
    }

    /** The file name to store: the one the request names, or else the part's own. */
    public String fileName(String given) {
        return given == null || given.isBlank() ? fileName : given;
    }

    /** Some clients send the whole local path as the part's file name; only its last segment names the file. */
    private static String baseName(String name) {
        if (name == null) {
            return null;
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
