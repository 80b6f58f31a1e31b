package vn.ocop.evaluation.advice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.CouncilService;
import vn.ocop.evaluation.criteria.CriteriaSetService;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.SheetViolation;
import vn.ocop.evaluation.scoresheet.ScoreSheet;
import vn.ocop.evaluation.scoresheet.SheetJson;
import vn.ocop.evaluation.session.EvaluationResult;
import vn.ocop.evaluation.session.EvaluationSession;
import vn.ocop.evaluation.session.ResultService;
import vn.ocop.evaluation.session.SessionProduct;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.web.ValidateAfterScope;

/**
 * Upgrade advice from a product's latest result (its council's current sheets and agreement rule), and what-if
 * recomputation on those sheets; reads only, nothing is stored.
 */
@ApplicationScoped
public class AdviceService {

    @Inject
    ResultService results;

    @Inject
    ValidateAfterScope validation;

    @Transactional(Transactional.TxType.SUPPORTS)
    public UpgradeAdvice advice(UUID productId) {
        Basis basis = basis(productId);
        return UpgradeAdvisor.advise(basis.set, basis.result.councilLevel, basis.sheets, basis.council.agreement());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UpgradeAdvice whatIf(UUID productId, AdviceResource.WhatIfRequest request) {
        Basis basis = basis(productId);
        Map<String, String> changes = validation.check(request).changes();
        try {
            return UpgradeAdvisor.whatIf(basis.set, basis.result.councilLevel, basis.sheets, basis.council.agreement(), changes);
        } catch (SheetViolation e) {
            throw invalid(e);
        }
    }

    private record Basis(EvaluationResult result, CriteriaSet set, Council council, List<UpgradeAdvisor.Sheet> sheets) {
    }

    private Basis basis(UUID productId) {
        EvaluationResult result = EvaluationResult.find("productId = ?1 order by ratedAt desc", productId).firstResult();
        if (result == null || !results.mayRead(result)) {
            // Results are not public: one the caller may not read answers exactly like none.
            throw ApiException.notFound("Result for product", productId);
        }
        SessionProduct item = SessionProduct.findById(result.sessionProductId);
        EvaluationSession session = EvaluationSession.findById(item.sessionId);
        Council council = CouncilService.load(session.councilId);
        List<UpgradeAdvisor.Sheet> sheets = ScoreSheet.currentFor(item.id).stream()
                .filter(s -> council.member(s.memberSubject).filter(m -> m.role.scores()).isPresent())
                .map(s -> new UpgradeAdvisor.Sheet(SheetJson.choices(s.choices), SheetJson.strings(s.knockOuts)))
                .toList();
        return new Basis(result, CriteriaSetService.load(result.criteriaSetId).criteriaSet(), council, sheets);
    }

    static ApiException invalid(SheetViolation e) {
        return new ApiException(400, "VALIDATION_FAILED", "Request validation failed", e.getMessage(),
                e.violations().stream().map(v -> new Problem.Violation(v.field().replace("choices.", "changes."), v.message())).toList());
    }
}
