package vn.ocop.monitoring.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.platform.web.ValidateAfterScope;
import vn.ocop.events.monitoring.InspectionCompleted;
import vn.ocop.monitoring.certificate.Certificate;
import vn.ocop.monitoring.certificate.CertificateStatus;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.rules.RulesByDate;
import vn.ocop.projection.product.Product;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.rules.ProgrammeRules;

/** Inspection plans and inspections of one province; completing an inspection announces InspectionCompleted. */
@ApplicationScoped
public class InspectionService {

    /** Which inspections a list returns; all optional. */
    public record Filter(String province, UUID productId, Inspection.Status status, InspectionOutcome outcome,
                         boolean revocationOverdue) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Scope scope;

    @Inject
    InspectionScope inspectionScope;

    @Inject
    ValidateAfterScope validation;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    LegalClock clock;

    @Inject
    ProgrammeRules rules;

    @Transactional
    public InspectionView.Plan createPlan(InspectionRequests.PlanRequest request) {
        scope.requireProvince(request.provinceCode());
        validation.check(request);
        if (request.periodTo().isBefore(request.periodFrom())) {
            throw ApiException.invalidField("periodTo", "must not be before periodFrom");
        }
        List<UUID> productIds = new ArrayList<>(new LinkedHashSet<>(request.productIds()));
        List<Problem.Violation> bad = new ArrayList<>();
        for (int i = 0; i < request.productIds().size(); i++) {
            Product product = Product.findById(request.productIds().get(i));
            if (product == null || !product.provinceCode.equals(request.provinceCode())) {
                bad.add(new Problem.Violation("productIds[" + i + "]",
                        request.productIds().get(i) + ": no such product in province " + request.provinceCode()));
            }
        }
        if (!bad.isEmpty()) {
            throw new ApiException(422, "UNKNOWN_PRODUCTS", "Refused by a programme rule",
                    bad.size() + " products are not registered in province " + request.provinceCode(), bad);
        }
        InspectionPlan plan = new InspectionPlan();
        plan.id = UUID.randomUUID();
        plan.provinceCode = request.provinceCode();
        plan.kind = request.kind();
        plan.title = request.title().trim();
        plan.periodFrom = request.periodFrom();
        plan.periodTo = request.periodTo();
        plan.createdBy = user.actor();
        plan.createdAt = Instant.now();
        plan.persistAndFlush();
        for (UUID productId : productIds) {
            entityManager.createNativeQuery("insert into inspection_plan_product (plan_id, product_id) values (?1, ?2)")
                    .setParameter(1, plan.id).setParameter(2, productId).executeUpdate();
        }
        InspectionView.Plan view = planView(plan);
        audit.record("inspection_plan.created", "inspection_plan", plan.id, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionView.Plan getPlan(UUID id) {
        InspectionPlan plan = InspectionPlan.findById(id);
        inspectionScope.readable(plan, p -> p.provinceCode, "Inspection plan", id);
        return planView(plan);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InspectionView.Plan> listPlans(String province, InspectionPlan.Kind kind, PageRequest page) {
        Where where = new Where().and("provinceCode = :province", "province", scope.listableProvince(province))
                .and("kind = :kind", "kind", kind);
        return Page.of(InspectionPlan.<InspectionPlan>find(where.query(),
                Sort.by("periodFrom", Sort.Direction.Descending).and("id"), where.parameters()), page, this::planView);
    }

    @Transactional
    public InspectionView open(InspectionRequests.OpenRequest request, UUID complaintId) {
        // Products are public: another province's product is refused (403), before the body is validated.
        Product product = request.productId() == null ? null : Product.findById(request.productId());
        if (product != null) {
            scope.requireProvince(product.provinceCode);
        }
        validation.check(request);
        if (product == null) {
            throw ApiException.rule("UNKNOWN_PRODUCT", "Product " + request.productId() + " is not registered");
        }
        if (request.inspectedOn().isAfter(clock.today())) {
            throw ApiException.invalidField("inspectedOn", "must not be in the future");
        }
        if (request.planId() != null) {
            InspectionPlan plan = InspectionPlan.findById(request.planId());
            if (plan == null || !plan.provinceCode.equals(product.provinceCode)) {
                throw ApiException.invalidField("planId", "no such inspection plan in province " + product.provinceCode);
            }
            Number listed = (Number) entityManager.createNativeQuery(
                    "select count(*) from inspection_plan_product where plan_id = ?1 and product_id = ?2")
                    .setParameter(1, plan.id).setParameter(2, product.id).getSingleResult();
            if (listed.intValue() == 0) {
                throw ApiException.rule("PRODUCT_NOT_IN_PLAN", "Plan " + plan.id + " does not list product " + product.code);
            }
        }
        Certificate active = Certificate.<Certificate>find("productId = ?1 and status = ?2 and issued = true",
                Sort.by("issuedOn", Sort.Direction.Descending), product.id, CertificateStatus.ACTIVE).firstResult();
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.planId = request.planId();
        inspection.complaintId = complaintId;
        inspection.productId = product.id;
        inspection.certificateId = active == null ? null : active.id;
        inspection.provinceCode = product.provinceCode;
        inspection.inspector = request.inspector().trim();
        inspection.inspectedOn = request.inspectedOn();
        inspection.status = Inspection.Status.OPEN;
        inspection.createdBy = user.actor();
        inspection.createdAt = Instant.now();
        inspection.persistAndFlush();
        InspectionView view = view(inspection);
        audit.record("inspection.opened", "inspection", inspection.id, null, view);
        return view;
    }

    @Transactional
    public InspectionView complete(UUID id, String ifMatch, InspectionRequests.Completion request) {
        Inspection inspection = Inspection.findById(id);
        inspectionScope.actable(inspection, i -> i.provinceCode, "Inspection", id);
        validation.check(request);
        Etag.requireMatch(ifMatch, inspection.version);
        if (inspection.status == Inspection.Status.COMPLETED) {
            throw ApiException.conflict("INSPECTION_COMPLETED", "Inspection " + id + " was already completed");
        }
        LocalDate today = clock.today();
        LocalDate concludedOn = request.concludedOn() == null ? today : request.concludedOn();
        if (concludedOn.isAfter(today) || concludedOn.isBefore(inspection.inspectedOn)) {
            throw ApiException.invalidField("concludedOn", "must be between the inspection day and today");
        }
        List<InspectionCompletion.Finding> findings = request.findings() == null ? List.of() : request.findings();
        List<InspectionCompletion.LabResult> labResults = request.labResults() == null ? List.of() : request.labResults();
        switch (request.outcome()) {
            case COMPLIANT -> {
                // A compliant outcome that contradicts its own checklist would tell the market the product is fine.
                boolean seriousFinding = findings.stream().anyMatch(f -> f.severity() != InspectionCompletion.Severity.MINOR);
                boolean failedLab = labResults.stream().anyMatch(l -> !l.withinLimit());
                if (!request.checklist().allPassed() || seriousFinding || failedLab) {
                    throw ApiException.rule("OUTCOME_CONTRADICTS_CHECKLIST",
                            "COMPLIANT needs every checklist item passed, no major or critical finding and every lab result within limits");
                }
            }
            case CORRECTIVE_ACTION -> {
                if (request.correctiveDeadline() == null || !request.correctiveDeadline().isAfter(today)) {
                    throw ApiException.invalidField("correctiveDeadline", "required for CORRECTIVE_ACTION, after today");
                }
            }
            case REVOCATION_PROPOSED -> {
                if (request.proposedGround() == null) {
                    throw ApiException.invalidField("proposedGround", "required for REVOCATION_PROPOSED");
                }
            }
        }
        InspectionView before = view(inspection);
        InspectionCompletion.Checklist checklist = request.checklist();
        inspection.criteriaStillMet = checklist.criteriaStillMet();
        inspection.markUseProper = checklist.markUseProper();
        inspection.labelMatches = checklist.labelMatches();
        inspection.foodSafetyOk = checklist.foodSafetyOk();
        inspection.productionActive = checklist.productionActive();
        inspection.findings = write(findings);
        inspection.labResults = write(labResults);
        inspection.outcome = request.outcome();
        inspection.correctiveDeadline = request.outcome() == InspectionOutcome.CORRECTIVE_ACTION ? request.correctiveDeadline() : null;
        inspection.proposedGround = request.outcome() == InspectionOutcome.REVOCATION_PROPOSED ? request.proposedGround() : null;
        inspection.status = Inspection.Status.COMPLETED;
        inspection.completedOn = concludedOn;
        inspection.completedAt = Instant.now();
        inspection.persistAndFlush();
        InspectionView after = view(inspection);
        audit.record("inspection.completed", "inspection", inspection.id, before, after);
        outbox.append(new InspectionCompleted(inspection.id, inspection.productId, inspection.certificateId,
                inspection.provinceCode, inspection.outcome.name(), inspection.completedOn, inspection.completedAt));
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionView get(UUID id) {
        Inspection inspection = Inspection.findById(id);
        inspectionScope.readable(inspection, i -> i.provinceCode, "Inspection", id);
        return view(inspection);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InspectionView> list(Filter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("from Inspection i where 1 = 1");
        Parameters params = new Parameters();
        String province = scope.listableProvince(filter.province());
        if (province != null) {
            query.append(" and i.provinceCode = :province");
            params.and("province", province);
        }
        if (filter.productId() != null) {
            query.append(" and i.productId = :product");
            params.and("product", filter.productId());
        }
        if (filter.status() != null) {
            query.append(" and i.status = :status");
            params.and("status", filter.status());
        }
        if (filter.outcome() != null) {
            query.append(" and i.outcome = :outcome");
            params.and("outcome", filter.outcome());
        }
        if (filter.revocationOverdue()) {
            // A proposal to revoke with no decision recorded by the deadline after the finding (QĐ 26/2026 Điều 8).
            // Each finding has the deadline of the rules in force on its date.
            LocalDate today = clock.today();
            RulesByDate pastDeadline = RulesByDate.condition(rules, "i.completedOn", (v, n, p) -> {
                p.put("cutoff" + n, today.minusDays(v.revocationDeadlineDays()));
                return "i.completedOn < :cutoff" + n;
            });
            query.append(" and i.outcome = :proposed and ").append(pastDeadline.sql())
                    .append(" and not exists (select d.id from RevocationDecision d where d.inspectionId = i.id)");
            params.and("proposed", InspectionOutcome.REVOCATION_PROPOSED);
            pastDeadline.parameters().forEach(params::and);
        }
        return Page.of(Inspection.<Inspection>find(query.toString(), Sort.by("i.inspectedOn", Sort.Direction.Descending).and("i.id"), params),
                page, this::view);
    }

    InspectionView view(Inspection i) {
        InspectionCompletion.Checklist checklist = i.status == Inspection.Status.COMPLETED
                ? new InspectionCompletion.Checklist(i.criteriaStillMet, i.markUseProper, i.labelMatches, i.foodSafetyOk, i.productionActive)
                : null;
        return new InspectionView(i.id, i.planId, i.complaintId, i.productId, i.certificateId, i.provinceCode, i.inspector,
                i.inspectedOn, i.status, checklist,
                read(i.findings, new TypeReference<List<InspectionCompletion.Finding>>() { }),
                read(i.labResults, new TypeReference<List<InspectionCompletion.LabResult>>() { }),
                i.outcome, i.correctiveDeadline, i.proposedGround, i.completedOn,
                i.outcome == InspectionOutcome.REVOCATION_PROPOSED ? rules.inForceOn(i.completedOn).revocationDeadline(i.completedOn) : null,
                i.version);
    }

    private InspectionView.Plan planView(InspectionPlan plan) {
        @SuppressWarnings("unchecked")
        List<UUID> products = entityManager.createNativeQuery(
                "select product_id from inspection_plan_product where plan_id = ?1 order by product_id", UUID.class)
                .setParameter(1, plan.id).getResultList();
        return new InspectionView.Plan(plan.id, plan.provinceCode, plan.kind, plan.title, plan.periodFrom, plan.periodTo,
                products, plan.createdAt, plan.version);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspection detail not serialisable", e);
        }
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored inspection detail unreadable", e);
        }
    }
}
