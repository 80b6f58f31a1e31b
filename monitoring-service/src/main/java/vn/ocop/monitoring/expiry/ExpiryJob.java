package vn.ocop.monitoring.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.events.monitoring.CertificateExpiring;
import vn.ocop.monitoring.certificate.Certificate;
import vn.ocop.monitoring.certificate.CertificateStatus;
import vn.ocop.monitoring.certificate.CertificateView;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.observability.BusinessMetrics;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.rules.ProgrammeRules;
import vn.ocop.rules.ReRatingWindow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Daily pass over active certificates: announces the re-rating window (CertificateExpiring) and expires certificates
 * the day after their validity ends (CertificateExpired), through the outbox.
 *
 * <p>Safe on several replicas and when repeated: a batch claims its certificates with {@code FOR UPDATE SKIP LOCKED}
 * (a concurrent run takes other rows), and each milestone is recorded in {@code certificate_milestone} under a primary
 * key in the same transaction as its event, so a milestone is announced at most once whatever runs when.
 * A milestone already passed when the job first sees the certificate (job down, certificate entered late) is recorded
 * without an event: only the latest one is announced, never a stale "window opens" after it has closed.
 */
@ApplicationScoped
public class ExpiryJob {
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    /** Advisory lock key of a run ("OCOPEXPR"): one run at a time per database, scheduled or asked for. */
    private static final long RUN_LOCK = 0x4F434F5045585052L;

    /** What a run announced: how many, and which certificates. */
    public record Announced(int count, List<String> certificateNumbers) {
        static Announced of(List<String> numbers) {
            return new Announced(numbers.size(), List.copyOf(numbers));
        }
    }

    /** What one run did, as of {@code date} (Vietnam). */
    @Schema(name = "ExpiryRunResult")
    public record Result(LocalDate date, Announced windowOpened, Announced windowClosing, Announced expired) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    BusinessMetrics metrics;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    ProgrammeRules rules;

    @Inject
    ExpiryLastRun lastRun;

    @ConfigProperty(name = "ocop.expiry.batch-size", defaultValue = "200")
    int batchSize;

    @Scheduled(identity = "certificate-expiry", cron = "${ocop.expiry.cron:0 5 0 * * ?}", timeZone = "Asia/Ho_Chi_Minh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        Result result = run(clock);
        LOG.infof("Expiry job: %d window-opens, %d window-closing, %d expired", result.windowOpened().count(),
                result.windowClosing().count(), result.expired().count());
    }

    /** One pass as of {@code at}'s date in Vietnam, events stamped with {@code at}'s instant. */
    public Result run(Clock at) {
        return run(LegalClock.dateOf(at.instant()), at.instant());
    }

    /**
     * One pass as of {@code today} (a past day catches up a missed run); batches commit one by one. A run holds a
     * transaction-level advisory lock for its whole length (on a connection of its own, while the batches run in
     * transactions of their own), so a second run, scheduled or asked for, waits and then finds nothing left to
     * announce; the milestone key would keep each event single anyway.
     */
    public Result run(LocalDate today, Instant now) {
        return QuarkusTransaction.requiringNew().timeout(RUN_TIMEOUT_SECONDS).call(() -> {
            entityManager.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) locked")
                    .setParameter(1, RUN_LOCK).getSingleResult();
            List<String> opened = new ArrayList<>();
            List<String> closing = new ArrayList<>();
            List<String> expired = new ArrayList<>();
            while (QuarkusTransaction.requiringNew().call(() -> processBatch(today, now, opened, closing, expired)) >= batchSize) {
                LOG.debugf("Expiry run for %s: next batch", today);
            }
            lastRun.finished(Instant.now(), today);
            return new Result(today, Announced.of(opened), Announced.of(closing), Announced.of(expired));
        });
    }

    /** Long enough for a catch-up over every certificate; the lock's transaction does no work of its own. */
    private static final int RUN_TIMEOUT_SECONDS = 3600;

    /** Processes one batch, adding the numbers it announced to the lists; returns how many certificates it claimed. */
    private int processBatch(LocalDate today, Instant now, List<String> opened, List<String> closing, List<String> expired) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                select id from certificate
                where status = 'ACTIVE' and issued and next_milestone_on <= ?1
                order by next_milestone_on, id limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, today)
                .setParameter(2, batchSize)
                .getResultList();
        for (UUID id : ids) {
            Certificate certificate = Certificate.findById(id);
            LocalDate validUntil = certificate.validUntil;
            ReRatingWindow window = certificate.reRatingWindow(rules);
            LocalDate opensOn = window.opensOn();
            LocalDate closingOn = window.closesOn();
            LocalDate expiresOn = validUntil.plusDays(1);
            if (!today.isBefore(expiresOn)) {
                record(certificate, Milestone.REVIEW_WINDOW_OPENS, opensOn, false, now);
                record(certificate, Milestone.REVIEW_WINDOW_CLOSING, closingOn, false, now);
                LocalDate keptUntil = keptValidUntil(certificate);
                if (keptUntil != null && !today.isAfter(keptUntil)) {
                    // Valid until the re-rating is decided (its certificate supersedes this one) or the rule's limit:
                    // looked at again every day, so a withdrawn dossier ends it the next day.
                    certificate.nextMilestoneOn = today.plusDays(1);
                    certificate.updatedAt = Instant.now();
                    continue;
                }
                boolean wasKept = certificate.nextMilestoneOn != null && certificate.nextMilestoneOn.isAfter(expiresOn);
                LocalDate endsOn = keptUntil != null ? keptUntil.plusDays(1) : wasKept ? today : expiresOn;
                if (record(certificate, Milestone.EXPIRED, endsOn, true, now)) {
                    expire(certificate, endsOn, now);
                    expired.add(certificate.number);
                }
                certificate.nextMilestoneOn = null;
            } else if (!today.isBefore(closingOn)) {
                record(certificate, Milestone.REVIEW_WINDOW_OPENS, opensOn, false, now);
                // The "window is closing" reminder is for producers who have not filed: a re-rating dossier already
                // accepted for this certificate's product silences it (recorded as not emitted).
                boolean filed = reRatingFiled(certificate);
                if (record(certificate, Milestone.REVIEW_WINDOW_CLOSING, closingOn, !filed, now) && !filed) {
                    announce(certificate, Milestone.REVIEW_WINDOW_CLOSING, now);
                    closing.add(certificate.number);
                }
                certificate.nextMilestoneOn = expiresOn;
            } else {
                if (record(certificate, Milestone.REVIEW_WINDOW_OPENS, opensOn, true, now)) {
                    announce(certificate, Milestone.REVIEW_WINDOW_OPENS, now);
                    opened.add(certificate.number);
                }
                certificate.nextMilestoneOn = closingOn;
            }
            certificate.updatedAt = Instant.now();
        }
        entityManager.flush();
        return ids.size();
    }

    /**
     * The last day a certificate stays valid past its end date under a transition rule of the programme rules (QĐ 26/2026
     * Điều 12, the version in force on the day after its end), or null: the rule needs a re-rating filed before the end.
     */
    private LocalDate keptValidUntil(Certificate certificate) {
        return rules.validityExtension(certificate.issuedOn, certificate.validUntil)
                .filter(rule -> reRatingFiled(certificate, certificate.validUntil))
                .map(rule -> rule.keptAtMostUntil(certificate.validUntil))
                .orElse(null);
    }

    /** A re-rating dossier (ApplicationSubmitted of kind RE_RATING) accepted since the certificate's issue, not withdrawn. */
    private boolean reRatingFiled(Certificate certificate) {
        return reRatingFiled(certificate, null);
    }

    private boolean reRatingFiled(Certificate certificate, LocalDate acceptedBy) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from application where product_id = ?1 and kind = 'RE_RATING' and not withdrawn
                and accepted_on >= ?2 and accepted_on <= ?3""")
                .setParameter(1, certificate.productId)
                .setParameter(2, certificate.issuedOn)
                .setParameter(3, acceptedBy == null ? LocalDate.of(9999, 12, 31) : acceptedBy)
                .getSingleResult()).longValue() > 0;
    }

    /** Records a milestone once; true when this call recorded it (an event, if any, is then due). */
    private boolean record(Certificate certificate, Milestone milestone, LocalDate dueOn, boolean emitted, Instant now) {
        return entityManager.createNativeQuery("""
                insert into certificate_milestone (certificate_id, milestone, due_on, emitted, recorded_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, certificate.id)
                .setParameter(2, milestone.name())
                .setParameter(3, dueOn)
                .setParameter(4, emitted)
                .setParameter(5, now)
                .executeUpdate() == 1;
    }

    private void announce(Certificate certificate, Milestone milestone, Instant now) {
        outbox.append(new CertificateExpiring(certificate.id, certificate.number, certificate.productId,
                certificate.provinceCode, certificate.validUntil, milestone.name(), now));
        audit.record("certificate." + milestone.name().toLowerCase(java.util.Locale.ROOT), "certificate",
                certificate.id, null, CertificateView.snapshot(certificate, rules));
    }

    private void expire(Certificate certificate, LocalDate expiresOn, Instant now) {
        CertificateView before = CertificateView.snapshot(certificate, rules);
        certificate.status = CertificateStatus.EXPIRED;
        certificate.expiredOn = expiresOn;
        outbox.append(new CertificateExpired(certificate.id, certificate.number, certificate.productId,
                certificate.provinceCode, certificate.validUntil, now, expiresOn));
        audit.record("certificate.expired", "certificate", certificate.id, before, CertificateView.snapshot(certificate, rules));
        metrics.countOnCommit("ocop.certificates.expired");
    }
}
