package vn.ocop.registry.verification;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.ocop.registry.certification.Certificate;
import vn.ocop.registry.certification.CertificateStatus;
import vn.ocop.registry.certification.CertificationProjection;
import vn.ocop.registry.certification.CertificationView;
import vn.ocop.registry.producer.Producer;
import vn.ocop.registry.product.GtinOwners;
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
     * The current certificate of the product registered under a GTIN (given as GTIN-14); one product at most has it.
     *
     * @return empty when no product has this GTIN; a product without any certificate gives {@link GtinMatch#none}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GtinMatch> byGtin(String gtin14) {
        return GtinOwners.owner(gtin14).map(product -> {
            Certificate current = projection.currentCertificate(product.id);
            return current == null ? GtinMatch.none(product.name)
                    : new GtinMatch(product.name, facts(current, clock.today()));
        });
    }

    /** A product found under a GTIN and its current certificate, when it has one. */
    public record GtinMatch(String productName, CertificateFacts certificate) {
        static GtinMatch none(String productName) {
            return new GtinMatch(productName, null);
        }
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
        return new CertificateFacts(certificate.id, certificate.number, status, certificate.productId,
                certificate.productCode != null ? certificate.productCode : product == null ? null : product.code,
                product == null ? null : product.name, product == null ? null : product.productSet,
                producer == null ? null : producer.name, provinceCode, province == null ? null : province.name,
                province == null ? "tỉnh " + provinceCode : "CITY".equals(province.kind) ? province.name : "tỉnh " + province.name,
                certificate.stars, certificate.issuedOn, certificate.validUntil, certificate.decisionNumber,
                certificate.revokedOn, certificate.revocationGround, certificate.revocationDecision,
                status == CertificateStatus.SUPERSEDED ? supersededBy : null, today);
    }
}
