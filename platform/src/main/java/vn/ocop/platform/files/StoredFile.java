package vn.ocop.platform.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The columns every uploaded file's row has (name, sniffed type, size, SHA-256, who and when) and where its bytes
 * live: in the row, or, when a storage directory is configured, in a file named by the SHA-256 ({@link FileContent}).
 */
@MappedSuperclass
public abstract class StoredFile extends PanacheEntityBase {
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    /** Null when files are kept in the configured storage directory. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    @Column(name = "uploaded_by")
    public String uploadedBy;

    /** Fills the file's columns and keeps its bytes in the row, or in {@code directory} when one is configured. */
    public void keep(String fileName, String contentType, byte[] bytes, Optional<String> directory,
                        Instant uploadedAt, String uploadedBy) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = bytes.length;
        this.sha256 = FileContent.sha256(bytes);
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
        this.content = directory.isPresent() ? null : bytes;
        directory.ifPresent(dir -> FileContent.store(Path.of(dir), sha256, bytes));
    }

    /** The file's bytes, from the row or from the storage directory. */
    public byte[] bytes(Optional<String> directory) {
        if (content != null) {
            return content;
        }
        return FileContent.read(Path.of(directory.orElseThrow(() -> new IllegalStateException(
                getClass().getSimpleName() + " " + sha256 + " has no content and no storage directory is configured"))), sha256);
    }
}
