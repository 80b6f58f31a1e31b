package vn.ocop.evaluation.scoresheet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.ocop.evaluation.council.ConflictDeclaration;
import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.CouncilMember;
import vn.ocop.evaluation.council.CouncilService;
import vn.ocop.evaluation.criteria.CriteriaSetService;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.ScoredSheet;
import vn.ocop.evaluation.rating.SheetViolation;
import vn.ocop.evaluation.rating.StarRating;
import vn.ocop.evaluation.session.SessionProduct;
import vn.ocop.evaluation.session.SessionService;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.web.ValidateAfterScope;

/** Members submit and amend their sheets; the server scores them against the product's criteria set. */
@ApplicationScoped
public class ScoreSheetService {

    @Inject
    CurrentUser user;

    @Inject
    CouncilService councils;

    @Inject
    AuditLog audit;

    @Inject
    SessionService sessions;

    @Inject
    ValidateAfterScope validation;

    @Transactional
    public ScoreSheetView submit(UUID sessionId, ScoreSheetRequest request) {
        Council council = sessions.readable(sessionId).council();
        CouncilMember member = council.member(user.actor()).filter(m -> m.role.scores()).orElseThrow(() -> ApiException.forbidden(
                "NOT_A_COUNCIL_MEMBER", "Only the chair and members of council " + council.id + " score its sessions"));
        validation.check(request);
        if (request.total() != null || request.partTotals() != null) {
            throw ApiException.invalidField(request.total() != null ? "total" : "partTotals",
                    "is computed by the server from the chosen options; do not send it");
        }
        SessionProduct item = SessionProduct.of(sessionId, request.productId());
        if (item == null) {
            throw ApiException.invalidField("productId", "is not on the agenda of session " + sessionId);
        }
        if (ConflictDeclaration.declared(council.id, member.subject, item.producerId)) {
            throw ApiException.forbidden("CONFLICT_OF_INTEREST",
                    "You declared a conflict of interest with the producer of product " + item.productCode + " and may not score it");
        }
        if (!SessionProduct.PENDING.equals(item.status)) {
            throw ApiException.conflict("PRODUCT_NOT_OPEN", "Product " + item.productCode + " is " + item.status + ": sheets are closed");
        }
        CriteriaSet set = CriteriaSetService.load(item.criteriaSetId).criteriaSet();
        ScoredSheet scored;
        try {
            scored = StarRating.score(set, request.choices(), request.knockOuts());
        } catch (SheetViolation e) {
            throw new ApiException(400, "VALIDATION_FAILED", "Request validation failed", e.getMessage(),
                    e.violations().stream().map(v -> new Problem.Violation(v.field(), v.message())).toList());
        }
        ScoreSheet previous = ScoreSheet.find("sessionProductId = ?1 and memberSubject = ?2 and current = true",
                item.id, member.subject).firstResult();
        String reason = request.amendmentReason() == null || request.amendmentReason().isBlank() ? null : request.amendmentReason().trim();
        if (previous != null && reason == null) {
            throw ApiException.conflict("SHEET_ALREADY_SUBMITTED", "You already submitted revision " + previous.revision
                    + " for this product; a new sheet amends it and needs an amendmentReason");
        }
        if (previous == null && reason != null) {
            throw ApiException.invalidField("amendmentReason", "only an amendment of a submitted sheet has a reason");
        }
        ScoreSheetView before = null;
        if (previous != null) {
            before = ScoreSheetView.of(previous);
            previous.current = false;
            previous.flush(); // the partial unique index allows one current revision: retire the old one first
        }
        ScoreSheet sheet = new ScoreSheet();
        sheet.id = UUID.randomUUID();
        sheet.sessionProductId = item.id;
        sheet.sessionId = sessionId;
        sheet.productId = item.productId;
        sheet.memberSubject = member.subject;
        sheet.revision = previous == null ? 1 : previous.revision + 1;
        sheet.current = true;
        sheet.choices = SheetJson.write(scored.chosen().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, e -> e.getValue().code(),
                        (a, b) -> a, java.util.LinkedHashMap::new)));
        sheet.knockOuts = SheetJson.write(List.copyOf(scored.knockOuts()));
        sheet.total = scored.total();
        sheet.partTotals = SheetJson.write(scored.partTotals());
        sheet.mandatoryLevel = scored.mandatoryLevel();
        sheet.amendmentReason = reason;
        sheet.supersedesId = previous == null ? null : previous.id;
        sheet.submittedAt = Instant.now();
        sheet.persistAndFlush();
        ScoreSheetView view = ScoreSheetView.of(sheet);
        audit.record(previous == null ? "scoresheet.submitted" : "scoresheet.amended", "score_sheet", sheet.id, before, view);
        return view;
    }

    /**
     * Sheets of a session, every revision. Members see only their own until the product is closed (so no one scores
     * by looking at the others); the office and auditors see all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScoreSheetView> list(UUID sessionId, UUID productId, PageRequest page) {
        // Only this council's members, officers in scope and auditors; anyone else is answered as for a missing session.
        Council council = sessions.readable(sessionId).council();
        StringBuilder query = new StringBuilder("sessionId = :session");
        Parameters params = Parameters.with("session", sessionId);
        if (productId != null) {
            query.append(" and productId = :product");
            params.and("product", productId);
        }
        if (council.member(user.actor()).isPresent()) {
            query.append(" and (memberSubject = :me or sessionProductId in (select p.id from SessionProduct p where p.status = :closed))");
            params.and("me", user.actor()).and("closed", SessionProduct.CLOSED);
        }
        return Page.of(ScoreSheet.<ScoreSheet>find(query.toString(), Sort.by("productId").and("memberSubject").and("revision"), params),
                page, ScoreSheetView::of);
    }

    /** Auditors' view of one product's sheets; for the office running the council and auditors, not for members. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoreIntegrity integrity(UUID sessionId, UUID productId, java.math.BigDecimal threshold) {
        Council council = sessions.readable(sessionId).council();
        if (!user.hasRole(vn.ocop.platform.security.Roles.AUDITOR)) {
            councils.requireManage(council);
        }
        SessionProduct item = SessionProduct.of(sessionId, productId);
        if (item == null) {
            throw ApiException.notFound("Product on session " + sessionId, productId);
        }
        List<ScoreSheet> revisions = ScoreSheet.list("sessionProductId = ?1 order by memberSubject, revision", item.id);
        return ScoreIntegrity.of(productId, CriteriaSetService.load(item.criteriaSetId).criteriaSet(), revisions, threshold);
    }
}
