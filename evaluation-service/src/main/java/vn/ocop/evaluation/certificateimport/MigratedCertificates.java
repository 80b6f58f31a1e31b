package vn.ocop.evaluation.certificateimport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.ocop.evaluation.certificate.Certificate;
import vn.ocop.evaluation.certificate.CertificateService;
import vn.ocop.evaluation.certificate.CertificateStatus;
import vn.ocop.evaluation.certificateimport.CertificateImportRow.Outcome;
import vn.ocop.evaluation.certificateimport.CertificateImportViews.RowError;
import vn.ocop.projection.product.Product;
import vn.ocop.platform.imports.Rows;
import vn.ocop.rules.ProgrammeRules;

/**
 * Brings one existing certificate in (inside the caller's transaction): the row is checked against the products this
 * service knows, the importer's authority and the certificates already here, and only then stored and announced as a
 * migrated {@code CertificateIssued}, like a certificate of a recognition decision.
 */
@ApplicationScoped
public class MigratedCertificates {

    @Inject
    CertificateService certificates;

    @Inject
    ProgrammeRules rules;

    /** The outcome of one row. */
    record Result(Outcome outcome, String certificateNumber, UUID certificateId, List<RowError> errors) {
        static Result failed(List<RowError> errors, String certificateNumber) {
            return new Result(Outcome.FAILED, certificateNumber, null, errors);
        }
    }

    /**
     * @param scopeProvince the importer's province (a province officer), or null for a central officer
     * @param provinces     former and current province codes to today's code
     */
    Result bringIn(Rows.Row row, String scopeProvince, Map<String, String> provinces, LocalDate today) {
        if (row.error() != null) {
            return Result.failed(List.of(new RowError("row", row.error())), null);
        }
        MigratedCertificateRow.Reading reading = MigratedCertificateRow.read(row.value(), provinces, today);
        String number = row.value().path("certificateNumber").asText(null);
        if (!reading.errors().isEmpty()) {
            return Result.failed(reading.errors(), number);
        }
        MigratedCertificateRow given = reading.row();
        LocalDate validUntil = given.effectiveValidUntil(rules);
        List<RowError> errors = new ArrayList<>();
        Product product = product(given, errors);
        if (product != null) {
            checkAuthority(given, product, scopeProvince, errors);
        }
        if (!errors.isEmpty()) {
            return Result.failed(errors, given.certificateNumber());
        }
        Certificate same = Certificate.find("number", given.certificateNumber()).firstResult();
        if (same != null) {
            return sameNumber(same, given, product, validUntil);
        }
        Certificate inForce = Certificate.find("productId = ?1 and status = ?2", product.id, CertificateStatus.ACTIVE).firstResult();
        if (inForce != null && !inForce.issuedOn.isBefore(given.decidedOn())) {
            return Result.failed(List.of(new RowError("decidedOn", "product " + product.code + " already has certificate "
                    + inForce.number + " in force, issued " + inForce.issuedOn + "; bring a product's certificates in oldest first")),
                    given.certificateNumber());
        }
        Certificate certificate = certificate(given, product, validUntil);
        certificates.putInForce(certificate, inForce, given.decisionNumber());
        return new Result(Outcome.CREATED, certificate.number, certificate.id, List.of());
    }

    private static Product product(MigratedCertificateRow given, List<RowError> errors) {
        Product byId = given.productId() == null ? null : Product.findById(given.productId());
        Product byCode = given.productCode() == null ? null : Product.find("code", given.productCode()).firstResult();
        if (given.productId() != null && byId == null) {
            errors.add(new RowError("productId", "no product " + given.productId() + " is registered"));
        }
        if (given.productCode() != null && byCode == null) {
            errors.add(new RowError("productCode", "no product " + given.productCode() + " is registered"));
        }
        if (byId != null && byCode != null && !byId.id.equals(byCode.id)) {
            errors.add(new RowError("productCode", given.productCode() + " is not the code of product " + given.productId()));
        }
        return errors.isEmpty() ? (byId != null ? byId : byCode) : null;
    }

    /** Only a central officer, or a province officer for the 3★/4★ certificates of their own province. */
    private static void checkAuthority(MigratedCertificateRow given, Product product, String scopeProvince, List<RowError> errors) {
        if (MigratedCertificateRow.PROVINCE.equals(given.level()) && !product.provinceCode.equals(given.provinceCode())) {
            errors.add(new RowError("provinceCode", "product " + product.code + " is in province " + product.provinceCode
                    + ", not " + given.provinceCode() + (given.issuingProvince().equals(given.provinceCode()) ? ""
                    : " (former " + given.issuingProvince() + ")")));
        }
        if (scopeProvince == null) {
            return;
        }
        if (!MigratedCertificateRow.PROVINCE.equals(given.level()) || given.stars() > 4) {
            errors.add(new RowError("level", "a province officer brings in 3★ and 4★ certificates of their province; "
                    + "CENTRAL and 5★ certificates are for a central officer"));
        } else if (!scopeProvince.equals(product.provinceCode)) {
            errors.add(new RowError("provinceCode", "your account may import certificates of province " + scopeProvince
                    + ", not " + product.provinceCode));
        }
    }

    /** A number already here: the same certificate again changes nothing; anything else is an error. */
    private static Result sameNumber(Certificate existing, MigratedCertificateRow given, Product product, LocalDate validUntil) {
        if (!existing.migrated) {
            return Result.failed(List.of(new RowError("certificateNumber", "is the number of certificate " + existing.id
                    + " issued by a recognition decision of this system")), given.certificateNumber());
        }
        List<String> differences = new ArrayList<>();
        differ(differences, "product", existing.productId, product.id);
        differ(differences, "stars", existing.stars, given.stars());
        differ(differences, "level", existing.level, given.level());
        differ(differences, "provinceCode", existing.issuingProvince, given.issuingProvince());
        differ(differences, "decisionNumber", existing.decisionNumber, given.decisionNumber());
        differ(differences, "decidedOn", existing.issuedOn, given.decidedOn());
        differ(differences, "validUntil", existing.validUntil, validUntil);
        differ(differences, "criteriaInstrument", existing.criteriaSetId, given.criteriaInstrument());
        differ(differences, "score", existing.score == null ? null : existing.score.stripTrailingZeros(),
                given.score() == null ? null : given.score().stripTrailingZeros());
        if (differences.isEmpty()) {
            return new Result(Outcome.UNCHANGED, existing.number, existing.id, List.of());
        }
        return Result.failed(List.of(new RowError("certificateNumber", "was already brought in with different "
                + String.join(", ", differences) + "; a certificate, once migrated, is not changed by an import")),
                given.certificateNumber());
    }

    private static void differ(List<String> differences, String field, Object stored, Object given) {
        if (!Objects.equals(stored, given)) {
            differences.add(field + " (" + stored + ", not " + given + ")");
        }
    }

    private static Certificate certificate(MigratedCertificateRow given, Product product, LocalDate validUntil) {
        Certificate certificate = new Certificate();
        certificate.id = UUID.randomUUID();
        certificate.number = given.certificateNumber();
        certificate.productId = product.id;
        certificate.productCode = product.code;
        certificate.producerId = product.producerId;
        certificate.provinceCode = product.provinceCode;
        certificate.stars = given.stars();
        certificate.issuedOn = given.decidedOn();
        certificate.validUntil = validUntil;
        certificate.criteriaSetId = given.criteriaInstrument();
        certificate.status = CertificateStatus.ACTIVE;
        certificate.statusChangedAt = Instant.now();
        certificate.migrated = true;
        certificate.decisionNumber = given.decisionNumber();
        certificate.level = given.level();
        certificate.issuingProvince = given.issuingProvince();
        certificate.score = given.score();
        return certificate;
    }
}
