package vn.ocop.evaluation.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.session.EvaluationResult;
import vn.ocop.evaluation.session.ResultService;
import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.observability.BusinessMetrics;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.platform.web.ValidateAfterScope;
import vn.ocop.rules.ProgrammeRules;

/**
 * Recognition decisions issue certificates from certifiable results. Who signs follows the star: a province officer
 * (for the provincial chairman) for 3★/4★ of their province, a central officer (for the Minister) for 5★.
 */
@ApplicationScoped
public class CertificateService {

    @Inject
    LegalClock clock;

    @Inject
    ProgrammeRules rules;

    @Inject
    CurrentUser user;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    ResultService resultService;

    @Inject
    ValidateAfterScope validation;

    @Inject
    BusinessMetrics metrics;

    @Inject
    EntityManager entityManager;

    @Transactional
    public RecognitionRequest.Decision recognise(RecognitionRequest request) {
        // Scope first: nothing about another province's results (state, stars) or decisions may show before it. A result
        // the caller may not read is answered exactly as a missing one; the body is validated only after that.
        if (request.resultIds() == null || request.resultIds().stream().anyMatch(java.util.Objects::isNull)) {
            validation.check(request); // names no result to look up: the usual 400
        }
        List<EvaluationResult> found = new ArrayList<>();
        for (int i = 0; i < request.resultIds().size(); i++) {
            UUID resultId = request.resultIds().get(i);
            EvaluationResult result = EvaluationResult.findById(resultId);
            if (result == null || !resultService.mayRead(result)) {
                throw ApiException.invalidField("resultIds[" + i + "]", "no result " + resultId);
            }
            scope.requireProvince(result.provinceCode);
            found.add(result);
        }
        validation.check(request);
        if (request.decidedOn().isAfter(clock.today())) {
            throw ApiException.invalidField("decidedOn", "cannot be in the future");
        }
        if (new HashSet<>(request.resultIds()).size() != request.resultIds().size()) {
            throw ApiException.invalidField("resultIds", "lists a result twice");
        }
        if (RecognitionDecision.count("number", request.decisionNumber()) > 0) {
            throw ApiException.conflict("DECISION_NUMBER_TAKEN", "Decision " + request.decisionNumber() + " is already recorded");
        }
        List<EvaluationResult> results = new ArrayList<>();
        CouncilLevel authority = null;
        String province = null;
        for (EvaluationResult result : found) {
            UUID resultId = result.id;
            if (result.outcome != Outcome.CERTIFIABLE) {
                throw ApiException.rule("RESULT_NOT_CERTIFIABLE", "Result " + resultId + " is " + result.outcome
                        + (result.outcome == Outcome.FIVE_STAR_NOMINATED ? ": only the central council's result can be recognised as 5★" : ""));
            }
            if (request.decidedOn().isBefore(result.ratedOn)) {
                // Only a certificate import brings in the past: a decision cannot predate the result it recognises.
                throw new ApiException(400, "RECOGNITION_BEFORE_RESULT", "Recognition dated before its result",
                        "Result " + resultId + " was rated on " + result.ratedOn + "; a decision of " + request.decidedOn()
                                + " cannot recognise it", List.of(new Problem.Violation("decidedOn", "is before the result's date "
                                + result.ratedOn)));
            }
            if (result.recognised) {
                throw ApiException.conflict("RESULT_ALREADY_RECOGNISED", "Result " + resultId + " already has a certificate");
            }
            CouncilLevel needed = CouncilLevel.recognising(rules.inForceOn(request.decidedOn()), result.stars);
            requireSigner(needed, result.provinceCode);
            if (authority != null && (authority != needed || !java.util.Objects.equals(province, signingProvince(needed, result)))) {
                throw ApiException.rule("MIXED_DECISION", "One decision recognises either 5★ results (central) or 3–4★ results of one province");
            }
            authority = needed;
            province = signingProvince(needed, result);
            results.add(result);
        }

        RecognitionDecision decision = new RecognitionDecision();
        decision.id = UUID.randomUUID();
        decision.number = request.decisionNumber().trim();
        decision.decidedOn = request.decidedOn();
        decision.level = authority;
        decision.provinceCode = province;
        decision.signer = user.actor();
        decision.createdAt = Instant.now();
        decision.persist();

        List<CertificateView> issued = new ArrayList<>();
        for (EvaluationResult result : results) {
            issued.add(issue(decision, result));
        }
        RecognitionRequest.Decision view = new RecognitionRequest.Decision(decision.id, decision.number, decision.decidedOn,
                decision.level.name(), decision.provinceCode, issued);
        audit.record("recognition.decided", "recognition_decision", decision.id, null, view);
        return view;
    }

    private static String signingProvince(CouncilLevel level, EvaluationResult result) {
        return level == CouncilLevel.CENTRAL ? null : result.provinceCode;
    }

    private void requireSigner(CouncilLevel needed, String provinceCode) {
        if (needed == CouncilLevel.CENTRAL) {
            if (!user.hasRole(Roles.CENTRAL_OFFICER)) {
                throw ApiException.forbidden("SIGNER_NOT_AUTHORISED", "This result is recognised at the central level: only a central officer (for the Minister) signs it");
            }
            return;
        }
        if (!user.hasRole(Roles.PROVINCE_OFFICER)) {
            throw ApiException.forbidden("SIGNER_NOT_AUTHORISED",
                    "This result is recognised by its province: only an officer acting for the provincial chairman signs it");
        }
        scope.requireProvince(provinceCode);
    }

    private CertificateView issue(RecognitionDecision decision, EvaluationResult result) {
        Certificate previous = Certificate.find("productId = ?1 and status = ?2", result.productId, CertificateStatus.ACTIVE).firstResult();
        Certificate certificate = new Certificate();
        certificate.id = UUID.randomUUID();
        certificate.number = nextNumber(decision.level == CouncilLevel.CENTRAL ? "TW" : result.provinceCode, decision.decidedOn.getYear());
        certificate.productId = result.productId;
        certificate.productCode = result.productCode;
        certificate.producerId = result.producerId;
        certificate.provinceCode = result.provinceCode;
        certificate.stars = result.stars;
        certificate.issuedOn = decision.decidedOn;
        certificate.validUntil = rules.validUntil(decision.decidedOn);
        certificate.criteriaSetId = result.criteriaSetId;
        certificate.resultId = result.id;
        certificate.decisionId = decision.id;
        certificate.status = CertificateStatus.ACTIVE;
        certificate.statusChangedAt = Instant.now();
        result.recognised = true;
        return putInForce(certificate, previous, decision.number);
    }

    /**
     * Stores a new certificate of a product in the caller's transaction, superseding the one in force ({@code previous},
     * or null), and announces it through the outbox: the one path for issued and migrated certificates alike.
     */
    public CertificateView putInForce(Certificate certificate, Certificate previous, String decisionNumber) {
        CertificateView before = previous == null ? null : CertificateView.of(previous);
        if (previous != null) {
            // A re-rating (or upgrade) replaces the certificate in force. The unique index allows one ACTIVE certificate
            // per product, so the old one leaves ACTIVE before the new one is inserted; the link back follows the insert.
            previous.status = CertificateStatus.SUPERSEDED;
            previous.statusReason = "Superseded by " + certificate.number;
            previous.statusChangedAt = Instant.now();
            previous.flush();
            certificate.supersedesId = previous.id;
        }
        certificate.persistAndFlush();
        if (previous != null) {
            previous.supersededById = certificate.id;
            previous.flush();
            audit.record("certificate.superseded", "certificate", previous.id, before, CertificateView.of(previous));
        }
        CertificateView view = CertificateView.of(certificate);
        audit.record(certificate.migrated ? "certificate.migrated" : "certificate.issued", "certificate", certificate.id, null, view);
        outbox.append(new CertificateIssued(certificate.id, certificate.number, certificate.productId, certificate.productCode,
                certificate.producerId, certificate.provinceCode, certificate.stars, certificate.issuedOn, certificate.validUntil,
                certificate.criteriaSetId, certificate.resultId, decisionNumber, certificate.supersedesId, certificate.statusChangedAt,
                certificate.migrated));
        metrics.countOnCommit(certificate.migrated ? "ocop.certificates.migrated" : "ocop.certificates.issued",
                "stars", Integer.toString(certificate.stars));
        return view;
    }

    /** OCOP-{authority}-{year}-{serial}: an atomic upsert, so concurrent decisions never share a number. */
    private String nextNumber(String authority, int year) {
        Number serial = (Number) entityManager.createNativeQuery("""
                insert into certificate_number_sequence (authority, year, last_serial) values (?1, ?2, 1)
                on conflict (authority, year) do update set last_serial = certificate_number_sequence.last_serial + 1
                returning last_serial""")
                .setParameter(1, authority).setParameter(2, year).getSingleResult();
        return "OCOP-%s-%d-%05d".formatted(authority, year, serial.intValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CertificateView get(UUID id) {
        Certificate certificate = Certificate.findById(id);
        if (certificate == null) {
            throw ApiException.notFound("Certificate", id);
        }
        scope.requireRead(certificate.provinceCode, certificate.producerId);
        return CertificateView.of(certificate);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CertificateView> list(String province, UUID productId, CertificateStatus status, String number, PageRequest page) {
        Where where = new Where();
        if (user.hasRole(Roles.PRODUCER) && !user.hasRole(Roles.CENTRAL_OFFICER)) {
            where.andAlways("producerId = :self", "self", user.producerId().orElse(new UUID(0, 0)));
        } else {
            where.and("provinceCode = :province", "province", scope.listableProvince(province));
        }
        where.and("productId = :product", "product", productId)
                .and("status = :status", "status", status);
        if (number != null && !number.isBlank()) {
            // As printed, whatever the case: migrated numbers such as "123/QĐ-UBND" are typed in by hand.
            where.andAlways("lower(number) = lower(:number)", "number", number.strip());
        }
        return Page.of(Certificate.find(where.query(), Sort.by("issuedOn", Sort.Direction.Descending).and("number"), where.parameters()),
                page, CertificateView::of);
    }
}
