package vn.ocop.evaluation.session;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.council.ConflictDeclaration;
import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.CouncilMember;
import vn.ocop.evaluation.council.CouncilService;
import vn.ocop.evaluation.council.MemberRole;
import vn.ocop.evaluation.criteria.CriteriaSetService;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.rating.Rating;
import vn.ocop.evaluation.rating.ScoredSheet;
import vn.ocop.evaluation.rating.StarRating;
import vn.ocop.evaluation.scoresheet.ScoreSheet;
import vn.ocop.evaluation.scoresheet.SheetJson;
import vn.ocop.events.evaluation.FiveStarNominated;
import vn.ocop.events.evaluation.ProductRated;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.platform.web.ValidateAfterScope;

/**
 * Closing a product of a session (quorum, the star rule, the result and its events) and reading the results.
 */
@ApplicationScoped
public class ResultService {

    @Inject
    LegalClock clock;

    @Inject
    CouncilService councils;

    @Inject
    CurrentUser user;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    SessionService sessions;

    @Inject
    ValidateAfterScope validation;

    /**
     * Closes one product of a session: needs the quorum of scoring members' current sheets; the council's chair or the
     * office running the council closes. Emits ProductRated (and FiveStarNominated for a provincial 5★) via the outbox.
     */
    @Transactional
    public ResultView close(UUID sessionId, SessionResource.CloseRequest request) {
        Council council = sessions.readable(sessionId).council();
        boolean chair = council.member(user.actor()).filter(m -> m.role == MemberRole.CHAIR).isPresent();
        if (!chair) {
            councils.requireManage(council);
        }
        UUID productId = validation.check(request).productId();
        SessionProduct item = SessionProduct.of(sessionId, productId);
        if (item == null) {
            throw ApiException.notFound("Product on session " + sessionId, productId);
        }
        if (!SessionProduct.PENDING.equals(item.status)) {
            throw ApiException.conflict("PRODUCT_NOT_OPEN", "Product " + productId + " is " + item.status + " in this session");
        }
        Set<String> scoring = new HashSet<>();
        for (CouncilMember m : council.members) {
            if (m.role.scores()) {
                scoring.add(m.subject);
            }
        }
        // Sheets of members who have left the council or declared a conflict with this producer since scoring do not count.
        List<ScoreSheet> sheets = ScoreSheet.currentFor(item.id).stream()
                .filter(s -> scoring.contains(s.memberSubject))
                .filter(s -> !ConflictDeclaration.declared(council.id, s.memberSubject, item.producerId))
                .toList();
        if (sheets.size() < council.quorum) {
            throw ApiException.rule("QUORUM_NOT_MET", sheets.size() + " of the " + council.quorum
                    + " sheets the council's quorum requires have been submitted for product " + productId);
        }
        CriteriaSet set = CriteriaSetService.load(item.criteriaSetId).criteriaSet();
        List<ScoredSheet> scored = sheets.stream()
                .map(s -> StarRating.score(set, SheetJson.choices(s.choices), SheetJson.strings(s.knockOuts)))
                .toList();
        Rating rating = StarRating.close(set, council.level, scored, council.agreement());

        EvaluationResult result = new EvaluationResult();
        result.id = UUID.randomUUID();
        result.sessionProductId = item.id;
        result.productId = item.productId;
        result.productCode = item.productCode;
        result.producerId = item.producerId;
        result.provinceCode = item.provinceCode;
        result.productSet = item.productSet;
        result.councilLevel = council.level;
        result.criteriaSetId = item.criteriaSetId;
        result.averageScore = rating.averageScore();
        result.band = rating.band();
        result.mandatoryLevel = rating.mandatoryLevel();
        result.stars = rating.stars();
        result.outcome = rating.outcome();
        result.knockOuts = SheetJson.write(rating.upheldKnockOuts());
        result.unmetMinima = SheetJson.write(rating.unmetMinima());
        result.sheetCount = rating.sheetCount();
        result.ratedOn = clock.today();
        result.ratedAt = Instant.now();
        result.persist();
        item.status = SessionProduct.CLOSED;
        item.resultId = result.id;
        if (item.applicationId != null) {
            Application application = Application.findById(item.applicationId);
            application.status = Application.EVALUATED;
        }
        ResultView view = ResultView.of(result);
        audit.record("session.product-closed", "evaluation_result", result.id, null, view);
        outbox.append(new ProductRated(result.id, result.productId, result.productCode, result.provinceCode,
                result.councilLevel.name(), result.criteriaSetId, result.averageScore, result.band, result.mandatoryLevel,
                result.stars, result.outcome.name(), result.ratedAt));
        if (result.outcome == Outcome.FIVE_STAR_NOMINATED) {
            outbox.append(new FiveStarNominated(result.id, result.productId, result.productCode, result.provinceCode,
                    result.averageScore, result.ratedAt));
        }
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultView result(UUID id) {
        EvaluationResult result = EvaluationResult.findById(id);
        if (result == null || !mayRead(result)) {
            throw ApiException.notFound("Result", id);
        }
        return ResultView.of(result);
    }

    /**
     * Results are not public: central officers and auditors read all; the producer its own; provincial roles their
     * province's; a council member those of the councils they sit on. Callers answer anyone else as for a missing result.
     */
    public boolean mayRead(EvaluationResult result) {
        if (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)) {
            return true;
        }
        if (user.hasRole(Roles.PRODUCER) && user.producerId().filter(result.producerId::equals).isPresent()) {
            return true;
        }
        if (isProvincial() && user.province().filter(result.provinceCode::equals).isPresent()) {
            return true;
        }
        if (!user.hasRole(Roles.COUNCIL_MEMBER)) {
            return false;
        }
        SessionProduct item = SessionProduct.findById(result.sessionProductId);
        EvaluationSession session = EvaluationSession.findById(item.sessionId);
        return CouncilService.load(session.councilId).member(user.actor()).isPresent();
    }

    private boolean isProvincial() {
        return user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR) || user.hasRole(Roles.COMMUNE_OFFICER);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ResultView> results(String province, UUID productId, Outcome outcome, PageRequest page) {
        Where where = new Where();
        if (user.hasRole(Roles.PRODUCER) && !user.hasRole(Roles.CENTRAL_OFFICER)) {
            where.andAlways("producerId = :self", "self", user.producerId().orElse(new UUID(0, 0)))
                    .and("provinceCode = :province", "province", province);
        } else {
            where.and("provinceCode = :province", "province", scope.listableProvince(province));
            if (!user.hasRole(Roles.CENTRAL_OFFICER) && !user.hasRole(Roles.AUDITOR) && !isProvincial()) {
                // Council members (and any other nationwide role) see the results of the councils they sit on, no more.
                where.andAlways("sessionProductId in (select p.id from SessionProduct p, EvaluationSession s, CouncilMember m"
                        + " where p.sessionId = s.id and s.councilId = m.council.id and m.subject = :me)", "me", user.actor());
            }
        }
        where.and("productId = :product", "product", productId)
                .and("outcome = :outcome", "outcome", outcome);
        return Page.of(EvaluationResult.find(where.query(), Sort.by("ratedAt", Sort.Direction.Descending).and("id"), where.parameters()),
                page, ResultView::of);
    }
}
