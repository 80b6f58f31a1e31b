package vn.ocop.registry.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.ValidateAfterScope;
import vn.ocop.registry.application.ApplicationStatus.Action;
import vn.ocop.registry.application.ApplicationViews.ApplicationView;
import vn.ocop.registry.application.ApplicationViews.ChecklistItem;
import vn.ocop.registry.certification.CertificationProjection;
import vn.ocop.registry.certification.CertificationView;
import vn.ocop.registry.product.Product;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.rules.ProgrammeRules;
import vn.ocop.rules.ReRatingWindow;

/**
 * Registration dossiers from draft to the province's decision (Điều 5–7 QĐ 26/2026). Each transition is checked
 * against {@link ApplicationStatus}, recorded in the dossier's history and the audit trail, and, when evaluation must
 * know, announced through the outbox in the same transaction. Reading dossiers is {@link ApplicationQueries}, their
 * documents {@link ApplicationDocuments}.
 */
@ApplicationScoped
public class ApplicationService {
    /** Samples the commune forwards to the province; none for community tourism (product set 26). */
    static final int REQUIRED_SAMPLES = 5;
    static final int TOURISM_PRODUCT_SET = 26;

    @Inject
    LegalClock clock;

    @Inject
    ProgrammeRules rules;

    @Inject
    ApplicationScope scope;

    /** Bodies are validated after the scope check, so a 400 tells an outsider nothing about the dossier. */
    @Inject
    ValidateAfterScope validate;

    @Inject
    CurrentUser user;

    @Inject
    FilingOnBehalf filing;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    FormJson forms;

    @Inject
    ApplicationQueries queries;

    @Inject
    ApplicationDocuments documents;

    @Inject
    CertificationProjection certification;

    @Transactional
    public ApplicationView create(ApplicationRequests.Create request) {
        if (request.productId() == null) {
            validate.check(request); // no product, no scope to check first: the body is refused as it stands
        }
        Product product = Product.findById(request.productId());
        if (product == null) {
            throw ApiException.invalidField("productId", "no product " + request.productId());
        }
        boolean onBehalf = filing.requireMayFile(product);
        validate.check(request);
        if (Application.count("productId = ?1 and status in ?2", product.id, ApplicationStatus.IN_PROGRESS) > 0) {
            throw ApiException.conflict("APPLICATION_ALREADY_OPEN",
                    "Product " + product.code + " already has a dossier in progress; complete or withdraw it first");
        }
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.kind = request.kind();
        application.status = ApplicationStatus.DRAFT;
        application.productId = product.id;
        application.producerId = product.producerId;
        application.provinceCode = product.provinceCode;
        application.communeCode = product.communeCode;
        application.productSet = product.productSet;
        application.currentCertificateNumber = checkKind(request.kind(), product);
        application.form01 = forms.write(request.form01());
        application.form02 = forms.write(request.form02());
        application.createdAt = Instant.now();
        application.createdBy = user.actor();
        application.filedBy = user.actor();
        application.filedOnBehalf = onBehalf;
        application.updatedAt = application.createdAt;
        application.updatedBy = application.createdBy;
        application.persistAndFlush();
        record(application, "CREATE", null, null);
        ApplicationView view = queries.view(application);
        audit.record("application.created", "application", application.id, null, view);
        return queries.shown(application, view);
    }

    @Transactional
    public ApplicationView update(UUID id, String ifMatch, ApplicationRequests.Update request) {
        Application application = scope.visible(id);
        filing.requireMayComplete(application);
        validate.check(request);
        Etag.requireMatch(ifMatch, application.version);
        requireEditable(application);
        ApplicationView before = queries.view(application);
        application.form01 = forms.write(request.form01());
        application.form02 = forms.write(request.form02());
        touch(application);
        application.flush();
        ApplicationView after = queries.view(application);
        audit.record("application.updated", "application", application.id, before, after);
        return queries.shown(application, after);
    }

    @Transactional
    public ApplicationView submit(UUID id) {
        Application application = scope.visible(id);
        filing.requireMayComplete(application);
        List<DocumentType> missing = documents.checklist(application).stream().filter(item -> !item.uploaded())
                .map(ChecklistItem::type).toList();
        if (!missing.isEmpty()) {
            throw ApiException.rule("DOCUMENTS_MISSING", "Upload the required documents before submitting: "
                    + missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        Product product = Product.findById(application.productId);
        // The window and the certificate are checked again: time passes and certificates end between draft and submit.
        String certificate = checkKind(application.kind, product);
        return transition(application, Action.SUBMIT, null, () -> {
            if (application.receiptNumber == null) {
                application.receiptNumber = nextReceiptNumber(application);
            }
            application.currentCertificateNumber = certificate;
            application.submittedAt = Instant.now();
            LocalDate filedOn = clock.today();
            application.reviewDueOn = rules.inForceOn(filedOn).communeReviewDue(filedOn, rules.calendar());
            application.returnReasons = null;
        });
    }

    @Transactional
    public ApplicationView communeReview(UUID id, ApplicationRequests.CommuneReview request) {
        Application application = scope.visible(id);
        scope.requireCommuneOfficer(application);
        validate.check(request);
        filing.requireNotFiledByCaller(application);
        int required = application.productSet == TOURISM_PRODUCT_SET ? 0 : REQUIRED_SAMPLES;
        if (request.samplesReceived() < required) {
            throw ApiException.rule("SAMPLES_MISSING", "The province needs " + required + " samples; "
                    + request.samplesReceived() + " were recorded");
        }
        return transition(application, Action.COMMUNE_REVIEW, request.form03().recommendation(), () -> {
            application.form03 = forms.write(request.form03());
            application.samplesReceived = request.samplesReceived();
        });
    }

    @Transactional
    public ApplicationView accept(UUID id, ApplicationRequests.Accept request) {
        Application application = scope.visible(id);
        scope.requireProvinceOffice(application);
        validate.check(request);
        ApplicationView view = transition(application, Action.ACCEPT, request == null ? null : request.note(), () -> { });
        Product product = Product.findById(application.productId);
        outbox.append(new ApplicationSubmitted(application.id, application.productId, product.code, application.producerId,
                application.provinceCode, application.productSet, application.kind.name(),
                application.currentCertificateNumber, application.updatedAt));
        return view;
    }

    @Transactional
    public ApplicationView returnForCompletion(UUID id, ApplicationRequests.Return request) {
        Application application = scope.visible(id);
        scope.requireProvinceOffice(application);
        validate.check(request);
        List<String> reasons = request.reasons().stream().map(String::trim).toList();
        return transition(application, Action.RETURN, String.join("; ", reasons),
                () -> application.returnReasons = forms.write(reasons));
    }

    @Transactional
    public ApplicationView withdraw(UUID id, ApplicationRequests.Withdraw request) {
        Application application = scope.visible(id);
        scope.requireOwner(application);
        validate.check(request);
        ApplicationView view = transition(application, Action.WITHDRAW, request.reason(), () -> { });
        outbox.append(new ApplicationWithdrawn(application.id, application.productId, request.reason(), application.updatedAt));
        return view;
    }

    /**
     * The rules of each attempt; returns the certificate an upgrade or re-rating builds on. A re-rating is filed in the
     * window the rules in force on the certificate's issue date set; an upgrade needs a certificate in force.
     */
    String checkKind(ApplicationKind kind, Product product) {
        CertificationView current = certification.currentFor(product.id);
        switch (kind) {
            case FIRST_RATING -> {
                if (current.isActive()) {
                    throw ApiException.rule("ALREADY_CERTIFIED", "Product " + product.code + " holds certificate "
                            + current.certificateNumber() + " in force; file an UPGRADE or a RE_RATING instead");
                }
                return null;
            }
            case UPGRADE -> {
                if (!current.isActive()) {
                    throw ApiException.rule("NO_ACTIVE_CERTIFICATE", "An upgrade needs a certificate in force; product "
                            + product.code + " has none (" + current.status() + ")");
                }
                if (current.stars() != null && current.stars() >= 5) {
                    throw ApiException.rule("ALREADY_FIVE_STARS", "Product " + product.code + " is already rated 5 stars");
                }
                return current.certificateNumber();
            }
            case RE_RATING -> {
                if (!current.isActive()) {
                    throw ApiException.rule("NO_ACTIVE_CERTIFICATE", "A re-rating needs a certificate in force; product "
                            + product.code + " has none (" + current.status() + ")");
                }
                ReRatingWindow window = rules.reRatingWindow(current.issuedOn(), current.validUntil());
                LocalDate today = clock.today();
                if (!window.contains(today)) {
                    throw ApiException.rule("RE_RATING_OUTSIDE_WINDOW", "A re-rating of certificate "
                            + current.certificateNumber() + " (valid until " + current.validUntil() + ") may be filed from "
                            + window.opensOn() + " to " + window.closesOn() + " (" + window.describe() + "); today is " + today);
                }
                return current.certificateNumber();
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private ApplicationView transition(Application application, Action action, String reason, Runnable effect) {
        ApplicationStatus target = application.status.after(action);
        if (target == null) {
            throw ApiException.conflict("INVALID_TRANSITION", "Cannot " + action.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " an application that is " + application.status);
        }
        ApplicationView before = queries.view(application);
        ApplicationStatus from = application.status;
        effect.run();
        application.status = target;
        touch(application);
        application.flush();
        record(application, action.name(), from, reason);
        ApplicationView after = queries.view(application);
        audit.record("application." + action.name().toLowerCase(Locale.ROOT), "application", application.id, before, after);
        return queries.shown(application, after);
    }

    /** The next receipt number of the commune for this year (atomic upsert: concurrent submissions never share one). */
    private String nextReceiptNumber(Application application) {
        int year = clock.today().getYear();
        Number serial = (Number) Application.getEntityManager().createNativeQuery("""
                insert into application_receipt_sequence (province_code, commune_code, year, last_serial) values (?1, ?2, ?3, 1)
                on conflict (province_code, commune_code, year)
                do update set last_serial = application_receipt_sequence.last_serial + 1
                returning last_serial""")
                .setParameter(1, application.provinceCode).setParameter(2, application.communeCode).setParameter(3, year)
                .getSingleResult();
        return serial.intValue() + "/PĐK-" + application.provinceCode + "-" + application.communeCode + "-" + year;
    }

    private void record(Application application, String action, ApplicationStatus from, String reason) {
        ApplicationTransition transition = new ApplicationTransition();
        transition.applicationId = application.id;
        transition.action = action;
        transition.fromStatus = from;
        transition.toStatus = application.status;
        transition.actor = user.actor();
        transition.actorRoles = String.join(",", user.roles());
        transition.reason = reason;
        transition.at = Instant.now();
        transition.persist();
    }

    private void touch(Application application) {
        application.updatedAt = Instant.now();
        application.updatedBy = user.actor();
    }

    static void requireEditable(Application application) {
        if (!application.status.editable()) {
            throw ApiException.conflict("APPLICATION_NOT_EDITABLE", "Application " + application.id + " is "
                    + application.status + "; it can be changed only as DRAFT or when RETURNED");
        }
    }
}
