package vn.ocop.monitoring.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.CurrentUser;

/**
 * The programme targets (chỉ tiêu) the statistics report progress against, as versioned data: each version names its
 * instrument (QĐ 919/QĐ-TTg for 2021–2025 ships with the schema) and the dates it is in force. A new programme's
 * targets are added as a new version, never by editing code; the previous open-ended version then ends the day before.
 */
@ApplicationScoped
public class ProgrammeTargets {

    /** The target codes; shares are fractions (0.40 = 40%). */
    public enum Code {
        /** Products rated 3★ or more. */
        PRODUCTS_3_STAR(false),
        /** 5★ products (a range: progress against the lower bound). */
        PRODUCTS_5_STAR(false),
        /** Share of OCOP producers that are cooperatives (hợp tác xã). */
        COOPERATIVE_SHARE(true),
        /** Share of OCOP producers that are small and medium enterprises. */
        SME_SHARE(true),
        /** Share of OCOP producers selling through modern channels (supermarkets, convenience stores, e-commerce). */
        MODERN_CHANNEL_SHARE(true),
        /** Approved points of introduction and sale of OCOP products per province. */
        POINT_OF_SALE_PER_PROVINCE(false);

        final boolean share;

        Code(boolean share) {
            this.share = share;
        }
    }

    @Schema(name = "TargetValue")
    public record Target(@Schema(example = "400") BigDecimal value,
                         @Schema(description = "Upper bound of a range target, e.g. 500 for 400–500 5★ products") BigDecimal upperValue) {
    }

    @Schema(name = "TargetVersion")
    public record Version(
            UUID id,
            @Schema(example = "QĐ 919/QĐ-TTg") String instrument,
            String title,
            @Schema(example = "2022-08-01") LocalDate effectiveFrom,
            @Schema(nullable = true, description = "Last day in force (inclusive); null until a later version starts") LocalDate effectiveTo,
            Map<Code, Target> targets) {
    }

    @Schema(name = "TargetVersionRequest")
    public record VersionRequest(
            @Schema(example = "QĐ 123/QĐ-TTg", required = true) String instrument,
            @Schema(example = "Chương trình OCOP giai đoạn 2026–2030", required = true) String title,
            @Schema(example = "2026-09-01", required = true) LocalDate effectiveFrom,
            @Schema(required = true, description = "Every target code with its value") Map<Code, Target> targets) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /** The version in force on {@code day}, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Version> inForce(LocalDate day) {
        List<?> ids = entityManager.createNativeQuery("""
                select id from target_version where effective_from <= ?1 and (effective_to is null or effective_to >= ?1)
                order by effective_from desc limit 1""", UUID.class).setParameter(1, day).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(load((UUID) ids.get(0)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> list() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("select id from target_version order by effective_from", UUID.class)
                .getResultList();
        return ids.stream().map(this::load).toList();
    }

    @Transactional
    public Version add(VersionRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.instrument() == null || request.instrument().isBlank()) {
            violations.add(new Problem.Violation("instrument", "must not be blank"));
        }
        if (request.title() == null || request.title().isBlank()) {
            violations.add(new Problem.Violation("title", "must not be blank"));
        }
        if (request.effectiveFrom() == null) {
            violations.add(new Problem.Violation("effectiveFrom", "must be a date"));
        }
        Map<Code, Target> targets = request.targets() == null ? Map.of() : request.targets();
        Set<Code> missing = EnumSet.allOf(Code.class);
        missing.removeAll(targets.keySet());
        for (Code code : missing) {
            violations.add(new Problem.Violation("targets." + code, "every target needs a value"));
        }
        targets.forEach((code, target) -> {
            if (target == null || target.value() == null || target.value().signum() <= 0) {
                violations.add(new Problem.Violation("targets." + code + ".value", "must be greater than 0"));
            } else if (code.share && target.value().compareTo(BigDecimal.ONE) > 0) {
                violations.add(new Problem.Violation("targets." + code + ".value", "a share is a fraction between 0 and 1"));
            } else if (target.upperValue() != null && target.upperValue().compareTo(target.value()) < 0) {
                violations.add(new Problem.Violation("targets." + code + ".upperValue", "must not be below value"));
            }
        });
        if (!violations.isEmpty()) {
            throw new ApiException(400, "VALIDATION_FAILED", "Request validation failed",
                    violations.size() + " invalid field(s)", violations);
        }
        // Serialise additions so two versions never claim the same period.
        entityManager.createNativeQuery("lock table target_version in share row exclusive mode").executeUpdate();
        Object latest = entityManager.createNativeQuery("select max(effective_from) from target_version").getSingleResult();
        LocalDate latestFrom = latest == null ? null : toLocalDate(latest);
        if (latestFrom != null && !request.effectiveFrom().isAfter(latestFrom)) {
            throw ApiException.rule("TARGET_VERSION_NOT_LATEST", "A new target version must start after " + latestFrom
                    + ", the start of the latest version; past versions are not rewritten");
        }
        List<Version> ended = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<UUID> overlapping = entityManager.createNativeQuery(
                "select id from target_version where effective_to is null or effective_to >= ?1", UUID.class)
                .setParameter(1, request.effectiveFrom()).getResultList();
        for (UUID id : overlapping) {
            Version before = load(id);
            entityManager.createNativeQuery("update target_version set effective_to = ?1 where id = ?2")
                    .setParameter(1, request.effectiveFrom().minusDays(1)).setParameter(2, id).executeUpdate();
            audit.record("target-version.ended", "target_version", id, before, load(id));
            ended.add(before);
        }
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into target_version (id, instrument, title, effective_from, effective_to, created_by, created_at)
                values (?1, ?2, ?3, ?4, null, ?5, ?6)""")
                .setParameter(1, id).setParameter(2, request.instrument().trim()).setParameter(3, request.title().trim())
                .setParameter(4, request.effectiveFrom()).setParameter(5, user.actor()).setParameter(6, clock.instant())
                .executeUpdate();
        targets.forEach((code, target) -> entityManager.createNativeQuery(
                        "insert into target_value (version_id, code, value, upper_value) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, code.name()).setParameter(3, target.value())
                .setParameter(4, target.upperValue()).executeUpdate());
        Version created = load(id);
        audit.record("target-version.added", "target_version", id, null, created);
        return created;
    }

    private Version load(UUID id) {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select instrument, title, effective_from, effective_to from target_version where id = ?1")
                .setParameter(1, id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> values = entityManager.createNativeQuery(
                "select code, value, upper_value from target_value where version_id = ?1 order by code")
                .setParameter(1, id).getResultList();
        Map<Code, Target> targets = new LinkedHashMap<>();
        for (Object[] v : values) {
            targets.put(Code.valueOf((String) v[0]), new Target(plain((BigDecimal) v[1]), plain((BigDecimal) v[2])));
        }
        return new Version(id, (String) row[0], (String) row[1], toLocalDate(row[2]),
                row[3] == null ? null : toLocalDate(row[3]), targets);
    }

    /** 10000.0000 → 10000, 0.4000 → 0.4: the figure as people write it. */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
