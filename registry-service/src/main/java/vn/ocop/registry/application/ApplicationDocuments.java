package vn.ocop.registry.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.registry.application.ApplicationViews.ChecklistItem;
import vn.ocop.registry.application.ApplicationViews.DocumentView;

/** The documents of a dossier: uploads while it is editable, downloads for whoever may read it, the checklist. */
@ApplicationScoped
public class ApplicationDocuments {
    static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    @Inject
    ApplicationScope scope;

    @Inject
    CurrentUser user;

    @Inject
    FilingOnBehalf filing;

    @Inject
    AuditLog audit;

    @Inject
    DocumentStorageConfig storage;

    /** Scope first: whoever may not complete the dossier learns nothing from the checks of the upload itself. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireMayUpload(UUID id) {
        filing.requireMayComplete(scope.visible(id));
    }

    @Transactional
    public DocumentView upload(UUID id, DocumentType type, String fileName, String contentType, byte[] content) {
        Application application = scope.visible(id);
        filing.requireMayComplete(application);
        ApplicationService.requireEditable(application);
        String mediaType = FileContent.mediaType(contentType);
        if (!ALLOWED_TYPES.contains(mediaType)) {
            throw new ApiException(415, "UNSUPPORTED_DOCUMENT_TYPE", "Unsupported document type",
                    "Upload PDF, JPEG or PNG files (Content-Type " + String.join(", ", ALLOWED_TYPES) + "), not " + contentType);
        }
        if (content == null || content.length == 0) {
            throw ApiException.invalidField("body", "the file is empty");
        }
        if (content.length > storage.maxBytes()) {
            throw new ApiException(413, "DOCUMENT_TOO_LARGE", "Document too large",
                    "Files may be at most " + storage.maxBytes() + " bytes; this one has " + content.length);
        }
        if (!FileContent.looksLike(mediaType, content)) {
            throw new ApiException(415, "UNSUPPORTED_DOCUMENT_TYPE", "Unsupported document type",
                    "The content is not a " + mediaType + " file");
        }
        String name = fileName == null || fileName.isBlank() ? type.name().toLowerCase(Locale.ROOT) : fileName.trim();
        if (name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw ApiException.invalidField("fileName", "must be a plain file name of at most 255 characters");
        }
        ApplicationDocument document = new ApplicationDocument();
        document.id = UUID.randomUUID();
        document.applicationId = application.id;
        document.documentType = type;
        document.keep(name, mediaType, content, storage.directory(), Instant.now(), user.actor());
        document.persist();
        DocumentView view = DocumentView.of(document);
        audit.record("application.document.uploaded", "application", application.id, null, view);
        return view;
    }

    @Transactional
    public void deleteDocument(UUID id, UUID documentId) {
        Application application = scope.visible(id);
        filing.requireMayComplete(application);
        ApplicationService.requireEditable(application);
        ApplicationDocument document = document(application, documentId);
        DocumentView before = DocumentView.of(document);
        document.delete();
        audit.record("application.document.deleted", "application", application.id, before, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DocumentView> documents(UUID id) {
        Application application = scope.visible(id);
        return ApplicationDocument.<ApplicationDocument>list("applicationId", Sort.by("uploadedAt").and("id"), id).stream()
                .map(DocumentView::of).toList();
    }

    /** A document's metadata and content, for download. */
    public record Download(DocumentView document, byte[] content) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID id, UUID documentId) {
        Application application = scope.visible(id);
        ApplicationDocument document = document(application, documentId);
        return new Download(DocumentView.of(document), document.bytes(storage.directory()));
    }

    /** Each document the dossier's kind requires, and whether one is uploaded. */
    List<ChecklistItem> checklist(Application application) {
        @SuppressWarnings("unchecked")
        List<DocumentType> uploaded = ApplicationDocument.getEntityManager().createQuery(
                "select distinct d.documentType from ApplicationDocument d where d.applicationId = :id")
                .setParameter("id", application.id).getResultList();
        return DocumentType.requiredFor(application.kind).stream()
                .map(type -> new ChecklistItem(type, uploaded.contains(type))).toList();
    }

    private static ApplicationDocument document(Application application, UUID documentId) {
        ApplicationDocument document = ApplicationDocument.findById(documentId);
        if (document == null || !document.applicationId.equals(application.id)) {
            throw ApiException.notFound("Document", documentId);
        }
        return document;
    }
}
