package vn.ocop.registry.application;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.ocop.platform.files.StoredFile;

/** A file of a dossier; electronic dossier files have the same legal value as paper (Điều 7.1 QĐ 26/2026). */
@Entity
@Table(name = "application_document")
public class ApplicationDocument extends StoredFile {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;
}
