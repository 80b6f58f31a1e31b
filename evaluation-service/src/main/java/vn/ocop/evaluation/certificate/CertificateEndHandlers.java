package vn.ocop.evaluation.certificate;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import vn.ocop.platform.audit.AuditLog;

/**
 * Applies monitoring's revocations and expiries to this service's certificates. Both end states are terminal: the
 * first to arrive wins, a duplicate or a late event changes nothing, and neither revives a certificate.
 */
@ApplicationScoped
public class CertificateEndHandlers {
    private static final Logger LOG = Logger.getLogger(CertificateEndHandlers.class);

    @Inject
    AuditLog audit;

    /** @return whether the certificate changed */
    public boolean end(UUID certificateId, String number, CertificateStatus end, String reason) {
        Certificate certificate = Certificate.findById(certificateId);
        if (certificate == null) {
            // Only this service issues certificates, so an unknown id is another environment's event: nothing to update.
            LOG.warnf("%s for unknown certificate %s (%s) ignored", end, number, certificateId);
            return false;
        }
        // A late or duplicate ending changes nothing; a superseded certificate can still be revoked (forged dossier).
        if (!certificate.status.mayBecome(end)) {
            return false;
        }
        CertificateView before = CertificateView.of(certificate);
        certificate.status = end;
        certificate.statusReason = reason;
        certificate.statusChangedAt = Instant.now();
        audit.record("certificate." + end.name().toLowerCase(java.util.Locale.ROOT), "certificate", certificate.id, before,
                CertificateView.of(certificate));
        return true;
    }
}
