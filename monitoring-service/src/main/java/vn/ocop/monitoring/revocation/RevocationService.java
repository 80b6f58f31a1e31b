package vn.ocop.monitoring.revocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.platform.web.ValidateAfterScope;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.monitoring.certificate.Certificate;
import vn.ocop.monitoring.certificate.CertificateStatus;
import vn.ocop.monitoring.certificate.CertificateView;
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
import vn.ocop.platform.time.LegalClock;
import vn.ocop.rules.Authority;
import vn.ocop.rules.ProgrammeRules;
import vn.ocop.rules.RuleVersion;

/**
 * Records revocation decisions. Authority follows QĐ 26/2026 Điều 8: the provincial chairman (acted for here by the
 * provincial OCOP office's officers) for 3–4★ certificates of the province, the ministry (central officers) for 5★.
 * A decision is all or nothing: one unknown, ended or out-of-authority certificate refuses the whole decision.
 */
@ApplicationScoped
public class RevocationService {

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentUser user;

    @Inject
    Outbox outbox;

    @Inject
    BusinessMetrics metrics;

    @Inject
    AuditLog audit;

    @Inject
    LegalClock clock;

    @Inject
    ProgrammeRules rules;

    @Inject
    FindingDates findingDates;

    @Inject
    ValidateAfterScope validation;

    @Transactional
    public RevocationView revoke(RevocationRequest request) {
        String authority = callerAuthority();
        RuleVersion rulesToday = rules.inForceOn(clock.today());
        // Authority is checked on the certificates named before the body is validated (an absent list names none).
        List<String> numbers = request.certificateNumbers() == null ? List.of()
                : request.certificateNumbers().stream().filter(Objects::nonNull).map(String::trim).toList();

        // Locked in id order so that two overlapping decisions cannot deadlock; the expiry job skips locked rows.
        List<Certificate> found = Certificate.find("number in ?1", Sort.by("id"), numbers)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Map<String, Certificate> byNumber = new HashMap<>();
        found.forEach(c -> byNumber.put(c.number, c));
        List<Problem.Violation> outOfAuthority = new ArrayList<>();
        List<Problem.Violation> notRevocable = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String field = "certificateNumbers[" + i + "]";
            Certificate certificate = byNumber.get(numbers.get(i));
            if (certificate == null || !certificate.issued) {
                notRevocable.add(new Problem.Violation(field, numbers.get(i) + ": no such certificate"));
                continue;
            }
            String refusal = authorityRefusal(authority, certificate, rulesToday);
            if (refusal != null) {
                outOfAuthority.add(new Problem.Violation(field, numbers.get(i) + ": " + refusal));
            } else if (certificate.status != CertificateStatus.ACTIVE) {
                notRevocable.add(new Problem.Violation(field, numbers.get(i) + ": already " + certificate.status));
            }
        }
        if (!outOfAuthority.isEmpty()) {
            throw new ApiException(403, "OUT_OF_AUTHORITY", "Not your revocation authority",
                    outOfAuthority.size() + " of " + numbers.size() + " certificates are outside your authority; nothing was revoked",
                    outOfAuthority);
        }
        // Authority first (above): nothing about certificates outside it, nor validation, shows before that 403.
        validation.check(request);
        LocalDate today = clock.today();
        if (request.decidedOn().isAfter(today)) {
            throw ApiException.invalidField("decidedOn", "must not be after today (" + today + ")");
        }
        LocalDate findingOn = request.findingOn() != null ? request.findingOn()
                : findingDates.of(request.inspectionId()).orElseThrow(() -> ApiException.invalidField("findingOn",
                        "required: the date of the conclusion the decision rests on (or name a completed inspection)"));
        if (findingOn.isAfter(request.decidedOn())) {
            throw ApiException.invalidField("findingOn", "must not be after decidedOn");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            if (!seen.add(numbers.get(i))) {
                throw ApiException.invalidField("certificateNumbers[" + i + "]", numbers.get(i) + " is listed twice");
            }
        }
        String decisionNumber = request.decisionNumber().trim();
        if (RevocationDecision.count("authority = ?1 and decisionNumber = ?2", authority, decisionNumber) > 0) {
            throw ApiException.conflict("DECISION_NUMBER_TAKEN", "Decision " + decisionNumber + " is already recorded");
        }
        if (!notRevocable.isEmpty()) {
            throw new ApiException(422, "CERTIFICATES_NOT_REVOCABLE", "Refused by a programme rule",
                    notRevocable.size() + " of " + numbers.size() + " certificates cannot be revoked; nothing was revoked",
                    notRevocable);
        }

        RevocationDecision decision = new RevocationDecision();
        decision.id = UUID.randomUUID();
        decision.authority = authority;
        decision.decisionNumber = decisionNumber;
        decision.decidedOn = request.decidedOn();
        decision.ground = request.ground();
        decision.findingOn = findingOn;
        decision.deadlineOn = rules.inForceOn(findingOn).revocationDeadline(findingOn);
        decision.decidedLate = request.decidedOn().isAfter(decision.deadlineOn);
        decision.inspectionId = request.inspectionId();
        decision.reason = request.reason();
        decision.certificateCount = numbers.size();
        decision.decidedBy = user.actor();
        decision.createdAt = Instant.now();
        decision.persist();

        Instant now = Instant.now();
        for (String number : numbers) {
            Certificate certificate = byNumber.get(number);
            CertificateView before = CertificateView.snapshot(certificate, rules);
            certificate.status = CertificateStatus.REVOKED;
            certificate.revokedOn = request.decidedOn();
            certificate.revocationId = decision.id;
            certificate.nextMilestoneOn = null;
            certificate.updatedAt = now;
            outbox.append(new CertificateRevoked(certificate.id, certificate.number, certificate.productId,
                    certificate.provinceCode, decision.ground.name(), decision.decisionNumber, decision.decidedOn, now));
            audit.record("certificate.revoked", "certificate", certificate.id, before, CertificateView.snapshot(certificate, rules));
            metrics.countOnCommit("ocop.certificates.revoked", "ground", decision.ground.name());
        }
        entityManager.flush();
        RevocationView view = RevocationView.of(decision, numbers);
        audit.record("revocation.decided", "revocation_decision", decision.id, null, view);
        return view;
    }

    /**
     * A decision whatever its authority: a revocation decision (quyết định thu hồi) is a published administrative act,
     * so every role allowed to read decisions reads every province's. Only recording one is bound to an authority.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RevocationView get(UUID id) {
        RevocationDecision decision = RevocationDecision.findById(id);
        if (decision == null) {
            throw ApiException.notFound("Revocation", id);
        }
        return views(List.of(decision)).get(0);
    }

    /**
     * Decisions of every authority (public acts, as {@link #get}), or of the one {@code authority} asked for (a province
     * code or CENTRAL); {@code late}: only those taken after their 15-day deadline.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RevocationView> list(String authority, boolean late, PageRequest page) {
        Where where = new Where().and("authority = :authority", "authority", authority);
        if (late) {
            where.and("decidedLate = true");
        }
        return Page.ofPage(RevocationDecision.<RevocationDecision>find(where.query(), Sort.by("decidedOn", Sort.Direction.Descending).and("id"), where.parameters()),
                page, RevocationService::views);
    }

    /** Decisions with their certificates' numbers, read in one query for them all (a page, or the one of get). */
    private static List<RevocationView> views(List<RevocationDecision> decisions) {
        Map<UUID, List<String>> numbers = new HashMap<>();
        if (!decisions.isEmpty()) {
            Certificate.<Certificate>find("revocationId in ?1", Sort.by("number"), decisions.stream().map(d -> d.id).toList())
                    .stream().forEach(c -> numbers.computeIfAbsent(c.revocationId, id -> new ArrayList<>()).add(c.number));
        }
        return decisions.stream().map(d -> RevocationView.of(d, numbers.getOrDefault(d.id, List.of()))).toList();
    }

    /** CENTRAL for a central officer, the province of a province officer. */
    private String callerAuthority() {
        if (user.hasRole(Roles.CENTRAL_OFFICER)) {
            return RevocationDecision.CENTRAL;
        }
        return user.province().orElseThrow(() -> ApiException.forbidden("OUT_OF_SCOPE", "Your token names no province"));
    }

    /**
     * Why the caller may not revoke this certificate, or null when they may. Who revokes is who recognises: the rules
     * module's one authority function (a district's certificates fall to their province: districts were abolished).
     */
    private static String authorityRefusal(String authority, Certificate certificate, RuleVersion rules) {
        boolean central = certificate.stars != null && rules.authorityFor(certificate.stars) == Authority.CENTRAL;
        if (RevocationDecision.CENTRAL.equals(authority)) {
            return central ? null : certificate.stars + "★ certificates are revoked by the chairman of province "
                    + certificate.provinceCode + ", not the ministry";
        }
        if (central) {
            return certificate.stars + "★ certificates are revoked by the ministry (central officer)";
        }
        return authority.equals(certificate.provinceCode) ? null
                : "belongs to province " + certificate.provinceCode;
    }
}
