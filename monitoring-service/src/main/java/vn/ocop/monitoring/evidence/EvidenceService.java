package vn.ocop.monitoring.evidence;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import vn.ocop.monitoring.complaint.Complaint;
import vn.ocop.monitoring.evidence.EvidenceFile.OwnerKind;
import vn.ocop.monitoring.inspection.Inspection;
import vn.ocop.monitoring.inspection.InspectionScope;
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;

/**
 * Evidence files of inspections and the photo of a complaint, stored as registry stores dossier files: PDF, JPEG or PNG
 * only (the declared type must match the file's first bytes), a configurable size limit, SHA-256 recorded and
 * returned on download. Files are never changed or deleted: they are evidence for a revocation.
 */
@ApplicationScoped
public class EvidenceService {
    static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

    @Inject
    EvidenceStorageConfig storage;

    @Inject
    InspectionScope inspectionScope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** A file's metadata and content, for download. */
    public record Download(EvidenceView file, byte[] content) {
    }

    // --- inspections: the inspection's province acts and reads

    @Transactional
    public EvidenceView uploadForInspection(UUID inspectionId, Integer finding, String fileName, String contentType, byte[] content) {
        Inspection inspection = inspectionScope.actable(Inspection.<Inspection>findById(inspectionId), i -> i.provinceCode,
                "Inspection", inspectionId);
        if (finding != null) {
            if (finding < 0) {
                throw ApiException.invalidField("finding", "must be 0 or more");
            }
            int recorded = findingCount(inspection);
            if (inspection.status == Inspection.Status.COMPLETED && finding >= recorded) {
                throw ApiException.invalidField("finding", "the inspection recorded " + recorded + " finding(s), numbered from 0");
            }
        }
        EvidenceFile file = store(OwnerKind.INSPECTION, inspection.id, finding, fileName, contentType, content, user.actor());
        EvidenceView view = EvidenceView.of(file);
        audit.record("inspection.evidence.uploaded", "inspection", inspection.id, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceView> inspectionFiles(UUID inspectionId) {
        Inspection inspection = inspectionScope.readable(Inspection.<Inspection>findById(inspectionId), i -> i.provinceCode,
                "Inspection", inspectionId);
        return files(OwnerKind.INSPECTION, inspection.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download inspectionFile(UUID inspectionId, UUID fileId) {
        Inspection inspection = inspectionScope.readable(Inspection.<Inspection>findById(inspectionId), i -> i.provinceCode,
                "Inspection", inspectionId);
        EvidenceFile file = EvidenceFile.find("id = ?1 and ownerKind = ?2 and ownerId = ?3", fileId, OwnerKind.INSPECTION,
                inspection.id).firstResult();
        if (file == null) {
            throw ApiException.notFound("Evidence file", fileId);
        }
        return download(file);
    }

    // --- complaints: the complainant adds one photo at intake; only the province's officers and inspectors see it

    @Transactional
    public EvidenceView uploadComplaintPhoto(String caseNumber, String fileName, String contentType, byte[] content) {
        Complaint complaint = complaint(caseNumber);
        if (complaint.status != Complaint.Status.RECEIVED) {
            throw ApiException.conflict("COMPLAINT_NOT_AT_INTAKE",
                    "A photo is added when the complaint is filed; complaint " + caseNumber + " is already " + complaint.status);
        }
        if (EvidenceFile.count("ownerKind = ?1 and ownerId = ?2", OwnerKind.COMPLAINT, complaint.id) > 0) {
            throw ApiException.conflict("PHOTO_EXISTS", "Complaint " + caseNumber + " already has its photo");
        }
        if ("application/pdf".equals(FileContent.mediaType(contentType))) {
            throw new ApiException(415, "UNSUPPORTED_FILE_TYPE", "Unsupported file type", "A complaint takes a JPEG or PNG photo");
        }
        EvidenceFile file = store(OwnerKind.COMPLAINT, complaint.id, null, fileName, contentType, content,
                user.isAnonymous() ? "complainant" : user.actor());
        EvidenceView view = EvidenceView.of(file);
        audit.record("complaint.photo.uploaded", "complaint", complaint.id, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download complaintPhoto(String caseNumber) {
        // Stricter than other reads: a complainant's photo may show people or places; only the province handling the
        // complaint sees it (the operation admits only its officers and inspectors).
        Complaint complaint = inspectionScope.readable(complaint(caseNumber), c -> c.provinceCode, "Complaint", caseNumber);
        EvidenceFile file = EvidenceFile.find("ownerKind = ?1 and ownerId = ?2", OwnerKind.COMPLAINT, complaint.id).firstResult();
        if (file == null) {
            throw ApiException.notFound("Photo of complaint", caseNumber);
        }
        return download(file);
    }

    // --- storage

    private EvidenceFile store(OwnerKind kind, UUID ownerId, Integer finding, String fileName, String contentType,
                               byte[] content, String uploadedBy) {
        String mediaType = FileContent.mediaType(contentType);
        if (!ALLOWED_TYPES.contains(mediaType)) {
            throw new ApiException(415, "UNSUPPORTED_FILE_TYPE", "Unsupported file type",
                    "Upload PDF, JPEG or PNG files (Content-Type " + String.join(", ", ALLOWED_TYPES) + "), not " + contentType);
        }
        if (content == null || content.length == 0) {
            throw ApiException.invalidField("body", "the file is empty");
        }
        if (content.length > storage.maxBytes()) {
            throw new ApiException(413, "FILE_TOO_LARGE", "File too large",
                    "Files may be at most " + storage.maxBytes() + " bytes; this one has " + content.length);
        }
        if (!FileContent.looksLike(mediaType, content)) {
            throw new ApiException(415, "UNSUPPORTED_FILE_TYPE", "Unsupported file type", "The content is not a " + mediaType + " file");
        }
        String name = fileName == null || fileName.isBlank() ? "evidence" + FileContent.extension(mediaType) : fileName.trim();
        if (name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw ApiException.invalidField("fileName", "must be a plain file name of at most 255 characters");
        }
        EvidenceFile file = new EvidenceFile();
        file.id = UUID.randomUUID();
        file.ownerKind = kind;
        file.ownerId = ownerId;
        file.findingIndex = finding;
        file.keep(name, mediaType, content, storage.directory(), clock.instant(), uploadedBy);
        file.persistAndFlush();
        return file;
    }

    private Download download(EvidenceFile file) {
        return new Download(EvidenceView.of(file), file.bytes(storage.directory()));
    }

    private static List<EvidenceView> files(OwnerKind kind, UUID ownerId) {
        return EvidenceFile.<EvidenceFile>list("ownerKind = ?1 and ownerId = ?2", Sort.by("uploadedAt").and("id"), kind, ownerId)
                .stream().map(EvidenceView::of).toList();
    }

    private int findingCount(Inspection inspection) {
        if (inspection.findings == null || inspection.findings.isBlank()) {
            return 0;
        }
        try {
            return json.readTree(inspection.findings).size();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings of inspection " + inspection.id + " are not JSON", e);
        }
    }

    private static Complaint complaint(String caseNumber) {
        Complaint complaint = Complaint.find("caseNumber", caseNumber).firstResult();
        if (complaint == null) {
            throw ApiException.notFound("Complaint", caseNumber);
        }
        return complaint;
    }

}
