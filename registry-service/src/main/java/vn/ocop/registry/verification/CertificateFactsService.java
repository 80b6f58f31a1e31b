package vn.ocop.registry.verification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.ocop.registry.certification.Certificate;
import vn.ocop.registry.certification.CertificateStatus;
import vn.ocop.registry.certification.CertificationProjection;
import vn.ocop.registry.certification.CertificationView;
import vn.ocop.registry.producer.Producer;
import vn.ocop.registry.product.Product;
import vn.ocop.registry.province.Province;
import vn.ocop.platform.time.LegalClock;

/** Reads the public facts of a certificate, by its number or through the GTIN of its product. */
@ApplicationScoped
public class CertificateFactsService {

    @Inject
    LegalClock clock;

    @Inject
    CertificationProjection projection;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CertificateFacts> byNumber(String number) {
        Certificate certificate = number == null || number.isBlank() ? null : projection.byNumber(number.trim());
        return Optional.ofNullable(certificate).map(c -> facts(c, clock.today()));
    }

    /**
     * The current certificate of the product registered under a GTIN (given as GTIN-14). Products store the GTIN as
     * printed (8, 12, 13 or 14 digits), which GS1 compares as the same number padded with zeros to 14 digits.
     *
     * @return empty when no product has this GTIN; a product without any certificate gives {@link GtinMatch#none}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GtinMatch> byGtin(String gtin14) {
        List<Product> products = Product.list("gtin in ?1 order by createdAt", storedForms(gtin14));
        if (products.isEmpty()) {
            return Optional.empty();
        }
        Certificate best = null;
        for (Product product : products) {
            Certificate current = projection.currentCertificate(product.id);
            if (current != null && (best == null || newer(current, best))) {
                best = current;
            }
        }
        return Optional.of(best == null ? GtinMatch.none(products.get(0).name)
                : new GtinMatch(products.get(0).name, facts(best, clock.today())));
    }

    /** A product found under a GTIN and its current certificate, when it has one. */
    public record GtinMatch(String productName, CertificateFacts certificate) {
        static GtinMatch none(String productName) {
            return new GtinMatch(productName, null);
        }
    }

    private static boolean newer(Certificate a, Certificate b) {
        if (a.validUntil == null || b.validUntil == null) {
            return a.validUntil == null && b.validUntil != null;
        }
        return a.validUntil.isAfter(b.validUntil);
    }

    /** GTIN-14 and the shorter forms it can have been registered under (leading zeros dropped). */
    static List<String> storedForms(String gtin14) {
        List<String> forms = new ArrayList<>(List.of(gtin14));
        for (int length : new int[] {13, 12, 8}) {
            String prefix = gtin14.substring(0, 14 - length);
            if (prefix.chars().allMatch(ch -> ch == '0')) {
                forms.add(gtin14.substring(14 - length));
            }
        }
        return forms;
    }

    private static CertificateFacts facts(Certificate certificate, LocalDate today) {
        CertificateStatus status = CertificationView.effectiveStatus(certificate, today);
        Product product = Product.findById(certificate.productId);
        Producer producer = certificate.producerId != null ? Producer.findById(certificate.producerId)
                : product == null ? null : Producer.findById(product.producerId);
        String provinceCode = certificate.provinceCode != null ? certificate.provinceCode
                : product == null ? null : product.provinceCode;
        Province province = provinceCode == null ? null : Province.findById(provinceCode);
        String supersededBy = null;
        if (certificate.supersededBy != null) {
            Certificate newer = Certificate.findById(certificate.supersededBy);
            supersededBy = newer == null ? null : newer.number;
        }
        return new CertificateFacts(certificate.number, status, certificate.productId,
                certificate.productCode != null ? certificate.productCode : product == null ? null : product.code,
                product == null ? null : product.name, product == null ? null : product.productSet,
                producer == null ? null : producer.name, provinceCode, province == null ? null : province.name,
                province == null ? "tỉnh " + provinceCode : "CITY".equals(province.kind) ? province.name : "tỉnh " + province.name,
                certificate.stars, certificate.issuedOn, certificate.validUntil, certificate.decisionNumber,
                certificate.revokedOn, certificate.revocationGround, certificate.revocationDecision,
                status == CertificateStatus.SUPERSEDED ? supersededBy : null, today);
    }
}
