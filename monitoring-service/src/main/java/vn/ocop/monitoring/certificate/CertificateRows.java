package vn.ocop.monitoring.certificate;

import java.util.UUID;

import jakarta.persistence.EntityManager;

/** The certificate's row, locked; created with a status if no event has mentioned the certificate yet. */
final class CertificateRows {
    private CertificateRows() {
    }

    static Certificate reserve(EntityManager entityManager, UUID id, CertificateStatus initialStatus) {
        entityManager.createNativeQuery("""
                insert into certificate (id, status, issued, updated_at) values (?1, ?2, false, now())
                on conflict (id) do nothing""")
                .setParameter(1, id)
                .setParameter(2, initialStatus.name())
                .executeUpdate();
        Certificate certificate = Certificate.lock(id);
        entityManager.refresh(certificate);
        return certificate;
    }
}
