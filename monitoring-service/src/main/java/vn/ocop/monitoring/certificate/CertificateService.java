package vn.ocop.monitoring.certificate;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.platform.rules.RulesByDate;
import vn.ocop.rules.ProgrammeRules;

/** Reads the certificate register within the caller's scope. */
@ApplicationScoped
public class CertificateService {

    /** Which certificates a list returns; all fields optional. */
    public record Filter(String province, CertificateStatus status, Integer expiringWithinDays, boolean reRatingDue,
                         UUID productId) {
    }

    @Inject
    Scope scope;

    @Inject
    CurrentUser user;

    @Inject
    LegalClock clock;

    @Inject
    ProgrammeRules rules;

    @Transactional(Transactional.TxType.SUPPORTS)
    public CertificateView get(String number) {
        Certificate certificate = Certificate.byNumber(number);
        if (certificate == null || !certificate.issued) {
            throw ApiException.notFound("Certificate", number);
        }
        scope.requireRead(certificate.provinceCode, certificate.producerId);
        return CertificateView.of(certificate, rules);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CertificateView> list(Filter filter, PageRequest page) {
        LocalDate today = clock.today();
        StringBuilder query = new StringBuilder("from Certificate c where c.issued = true");
        Parameters params = new Parameters();
        String province = user.hasRole(Roles.PRODUCER) ? filter.province() : scope.listableProvince(filter.province());
        if (province != null) {
            query.append(" and c.provinceCode = :province");
            params.and("province", province);
        }
        if (user.hasRole(Roles.PRODUCER) && !user.hasRole(Roles.CENTRAL_OFFICER)) {
            query.append(" and c.producerId = :self");
            params.and("self", user.producerId().orElse(new UUID(0, 0)));
        }
        if (filter.status() != null) {
            query.append(" and c.status = :status");
            params.and("status", filter.status());
        }
        if (filter.productId() != null) {
            query.append(" and c.productId = :product");
            params.and("product", filter.productId());
        }
        if (filter.expiringWithinDays() != null) {
            query.append(" and c.status = :active and c.validUntil >= :today and c.validUntil <= :horizon");
            params.and("active", CertificateStatus.ACTIVE).and("today", today)
                    .and("horizon", today.plusDays(filter.expiringWithinDays()));
        }
        if (filter.reRatingDue()) {
            // In its filing window (each certificate by the rules of its issue date), no re-rating accepted since issue.
            query.append(" and c.status = :active and ").append(inReRatingWindow(today, params))
                    .append(" and not exists (select a.id from Application a where a.productId = c.productId"
                    + " and a.kind = :reRating and a.withdrawn = false and a.acceptedOn >= c.issuedOn)");
            params.and("active", CertificateStatus.ACTIVE).and("reRating", Application.RE_RATING);
        }
        return Page.of(Certificate.find(query.toString(), Sort.by("c.validUntil").and("c.number"), params), page,
                (Certificate c) -> CertificateView.of(c, rules));
    }

    /** "Today lies in the certificate's re-rating window", each certificate by the rules of its issue date. */
    private String inReRatingWindow(LocalDate today, Parameters params) {
        // A certificate without an issue date takes the rules of its end date, as ProgrammeRules.reRatingWindow does.
        RulesByDate inWindow = RulesByDate.condition(rules, "coalesce(c.issuedOn, c.validUntil)", (v, n, p) -> {
            p.put("closes" + n, today.plusDays(v.reRatingClosesDaysBeforeExpiry()));
            p.put("opens" + n, today.plusDays(v.reRatingOpensDaysBeforeExpiry()));
            return "c.validUntil >= :closes" + n + " and c.validUntil <= :opens" + n;
        });
        inWindow.parameters().forEach(params::and);
        return inWindow.sql();
    }
}
