package vn.ocop.registry.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file of a dossier; electronic dossier files have the same legal value as paper (Điều 7.1 QĐ 26/2026). */
@Entity
@Table(name = "application_document")
public class ApplicationDocument extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;
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
}
