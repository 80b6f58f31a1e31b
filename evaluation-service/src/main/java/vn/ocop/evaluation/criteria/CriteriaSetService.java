package vn.ocop.evaluation.criteria;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;

/** Publishes and reads criteria set versions. A published version never changes: a new decision is a new version. */
@ApplicationScoped
public class CriteriaSetService {

    @Inject
    AuditLog audit;

    /** Outcome of a publication: the version and whether this call created it. */
    public record Published(CriteriaSet set, boolean created) {
    }

    @Transactional
    public Published publish(CriteriaSet set, String actor) {
        List<CriteriaSet.Violation> violations = set.violations();
        if (!violations.isEmpty()) {
            throw new ApiException(400, "VALIDATION_FAILED", "Request validation failed",
                    violations.size() + " problem(s) in the criteria set",
                    violations.stream().map(v -> new Problem.Violation(v.field(), v.message())).toList());
        }
        String body = CriteriaSetJson.write(set);
        String hash = sha256(body);
        CriteriaSetVersion existing = CriteriaSetVersion.findById(set.id());
        if (existing != null) {
            if (existing.bodyHash.equals(hash)) {
                return new Published(existing.criteriaSet(), false); // the same publication again changes nothing
            }
            throw immutable(set.id());
        }
        CriteriaSetVersion version = new CriteriaSetVersion();
        version.id = set.id();
        version.title = set.title();
        version.productSet = set.productSet();
        version.decision = set.legalBasis().decision();
        version.effectiveFrom = set.legalBasis().effectiveFrom();
        version.effectiveTo = set.legalBasis().effectiveTo();
        version.body = body;
        version.bodyHash = hash;
        version.publishedAt = Instant.now();
        version.publishedBy = actor;
        version.persistAndFlush();
        audit.record("criteria-set.published", "criteria_set", version.id, null, CriteriaSetSummary.of(version));
        return new Published(set, true);
    }

    public static ApiException immutable(String id) {
        return ApiException.conflict("CRITERIA_SET_IMMUTABLE",
                "Criteria set " + id + " is published and cannot change; publish a new version with a new id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CriteriaSet get(String id) {
        return load(id).criteriaSet();
    }

    public static CriteriaSetVersion load(String id) {
        CriteriaSetVersion version = CriteriaSetVersion.findById(id);
        if (version == null) {
            throw ApiException.notFound("Criteria set", id);
        }
        return version;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CriteriaSetSummary> list(Integer productSet, LocalDate inForceOn, PageRequest page) {
        Where where = new Where().and("productSet = :set", "set", productSet)
                .and("effectiveFrom <= :day and (effectiveTo is null or effectiveTo >= :day)", "day", inForceOn);
        return Page.of(CriteriaSetVersion.find(where.query(), Sort.by("productSet").and("effectiveFrom", Sort.Direction.Descending).and("id"), where.parameters()),
                page, CriteriaSetSummary::of);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
