package vn.ocop.evaluation.criteria;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.ocop.evaluation.criteria.sheet.SheetParser;
import vn.ocop.evaluation.criteria.sheet.SheetTable;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.problem.ApiException;

/**
 * Criteria sheets from the programme office's spreadsheets: an upload is read and validated whole (nothing is stored
 * for a sheet with any problem), kept as a draft to preview, then published through {@link CriteriaSetService} as any
 * version, once.
 */
@ApplicationScoped
public class CriteriaSetDraftService {

    @Inject
    CriteriaSetService versions;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "ocop.evaluation.criteria-sheets.max-bytes", defaultValue = "2097152")
    int maxBytes;

    @Transactional
    public CriteriaSetDraftView upload(String contentType, String fileName, byte[] content, String actor) {
        SheetTable table = SheetTable.read(contentType, content, maxBytes);
        CriteriaSet set = SheetParser.parse(table);
        CriteriaSetDraft draft = new CriteriaSetDraft();
        draft.id = UUID.randomUUID();
        draft.criteriaSetId = set.id();
        draft.body = CriteriaSetJson.write(set);
        draft.sourceType = table.format();
        draft.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        draft.fileSha256 = FileContent.sha256(content);
        draft.createdAt = Instant.now();
        draft.createdBy = actor;
        draft.persist();
        CriteriaSetDraftView view = CriteriaSetDraftView.of(draft);
        audit.record("criteria-set-draft.created", "criteria_set_draft", draft.id, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CriteriaSet preview(UUID id) {
        return load(id).criteriaSet();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CriteriaSetDraftView get(UUID id) {
        return CriteriaSetDraftView.of(load(id));
    }

    /** Publishes the draft as its version; a version with that id already published (from any source) is 409. */
    @Transactional
    public CriteriaSet publish(UUID id, String actor) {
        CriteriaSetDraft draft = CriteriaSetDraft.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (draft == null) {
            throw ApiException.notFound("Criteria set draft", id);
        }
        if (draft.publishedAt != null || CriteriaSetVersion.findById(draft.criteriaSetId) != null) {
            throw CriteriaSetService.immutable(draft.criteriaSetId);
        }
        CriteriaSet set = versions.publish(draft.criteriaSet(), actor).set();
        draft.publishedAt = Instant.now();
        draft.publishedBy = actor;
        audit.record("criteria-set-draft.published", "criteria_set_draft", draft.id, null, CriteriaSetDraftView.of(draft));
        return set;
    }

    private static CriteriaSetDraft load(UUID id) {
        CriteriaSetDraft draft = CriteriaSetDraft.findById(id);
        if (draft == null) {
            throw ApiException.notFound("Criteria set draft", id);
        }
        return draft;
    }
}
