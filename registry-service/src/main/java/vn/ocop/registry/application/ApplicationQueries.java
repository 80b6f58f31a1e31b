package vn.ocop.registry.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.panache.common.Sort;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.registry.application.ApplicationViews.ApplicationView;
import vn.ocop.registry.application.ApplicationViews.TransitionView;
import vn.ocop.registry.producer.PersonalData;

/** Reading dossiers: one, its history, and the list each role may see (a commune its own, a province its own, …). */
@ApplicationScoped
public class ApplicationQueries {
    @Inject
    LegalClock clock;

    @Inject
    ApplicationScope scope;

    @Inject
    CurrentUser user;

    @Inject
    ApplicationDocuments documents;

    @Inject
    FormJson forms;

    @Inject
    PersonalData personalData;

    @Inject
    AuditLog audit;

    /** A transaction, for the audit row of a read that shows a person's contacts. */
    @Transactional
    public ApplicationView get(UUID id) {
        Application application = scope.visible(id);
        return read(application);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransitionView> history(UUID id) {
        Application application = scope.visible(id);
        return ApplicationTransition.<ApplicationTransition>list("applicationId", Sort.by("id"), id).stream()
                .map(TransitionView::of).toList();
    }

    @Transactional
    public Page<ApplicationView> list(ApplicationStatus status, ApplicationKind kind, UUID productId, boolean overdue,
                                      String province, PageRequest page) {
        Where where = new Where();
        if (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)) {
            where.and("provinceCode = :province", "province", province);
        } else if (user.hasRole(Roles.PRODUCER)) {
            where.andAlways("producerId = :producer", "producer", user.producerId().orElse(new UUID(0, 0)));
        } else if (user.hasRole(Roles.COMMUNE_OFFICER)) {
            where.and("provinceCode = :province and communeCode = :commune")
                    .bind("province", user.province().orElse("")).bind("commune", user.commune().orElse(""));
        } else if (user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR)) {
            String own = user.province().orElse("");
            if (province != null && !province.equals(own)) {
                throw ApiException.forbidden("OUT_OF_SCOPE", "Your account may not read province " + province);
            }
            where.andAlways("provinceCode = :province", "province", own);
        } else {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Your role may not list applications");
        }
        where.and("status = :status", "status", status)
                .and("kind = :kind", "kind", kind)
                .and("productId = :product", "product", productId);
        if (overdue) {
            where.and("status = :submitted and reviewDueOn < :today")
                    .bind("submitted", ApplicationStatus.SUBMITTED).bind("today", clock.today());
        }
        audit.defer(); // one insert for the page's read rows
        Page<ApplicationView> shown = Page.of(Application.find(where.query(), Sort.by("createdAt").and("id"), where.parameters()),
                page, this::read);
        audit.flush();
        return shown;
    }

    private ApplicationView read(Application a) {
        return shown(a, view(a));
    }

    /**
     * The dossier as the caller may see it in an answer: Form 01's contacts of a household or farm only where
     * {@link PersonalData} allows (and then audited). The audit trail of writes records {@link #view} whole.
     */
    ApplicationView shown(Application a, ApplicationView view) {
        if (view.form01() == null || personalData.showsContacts(a.producerId, "application", a.id)) {
            return view;
        }
        return view.with(view.form01().withoutContacts());
    }

    /** The dossier as the API shows it, with its checklist and whether the commune's review is overdue. */
    ApplicationView view(Application a) {
        Forms.Form02 form02 = forms.read(a.form02, Forms.Form02.class);
        LocalDate today = clock.today();
        boolean overdue = a.status == ApplicationStatus.SUBMITTED && a.reviewDueOn != null && a.reviewDueOn.isBefore(today);
        List<String> reasons = a.returnReasons == null ? null : forms.read(a.returnReasons, new TypeReference<List<String>>() { });
        return new ApplicationView(a.id, a.kind, a.status, a.receiptNumber, a.productId, a.producerId, a.provinceCode, a.communeCode,
                a.productSet, a.currentCertificateNumber, forms.read(a.form01, Forms.Form01.class), form02, form02.selfTotal(),
                a.form03 == null ? null : forms.read(a.form03, Forms.Form03.class), a.samplesReceived, a.submittedAt,
                a.reviewDueOn, overdue, reasons, documents.checklist(a), a.filedBy, a.filedOnBehalf, a.createdAt, a.updatedAt, a.version);
    }
}
