package vn.ocop.monitoring.complaint;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import vn.ocop.platform.web.ValidateAfterScope;
import vn.ocop.monitoring.certificate.Certificate;
import vn.ocop.monitoring.certificate.CertificateStatus;
import vn.ocop.monitoring.inspection.InspectionRequests;
import vn.ocop.monitoring.inspection.InspectionScope;
import vn.ocop.monitoring.inspection.InspectionService;
import vn.ocop.monitoring.inspection.InspectionView;
import vn.ocop.projection.product.Product;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.time.LegalClock;

/** Complaint intake (anonymous), public status, and triage by the product's province. */
@ApplicationScoped
public class ComplaintService {
    /** No 0/O or 1/I/L: case numbers are read out over the phone. */
    private static final String SUFFIX_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    Scope scope;

    @Inject
    InspectionScope inspectionScope;

    @Inject
    ValidateAfterScope validation;

    @Inject
    AuditLog audit;

    @Inject
    InspectionService inspections;

    @Inject
    LegalClock clock;

    @Transactional
    public ComplaintRequests.PublicStatus file(ComplaintRequests.FileRequest request) {
        boolean byCertificate = request.certificateNumber() != null && !request.certificateNumber().isBlank();
        boolean byProduct = request.productCode() != null && !request.productCode().isBlank();
        if (!byCertificate && !byProduct) {
            throw ApiException.invalidField("productCode", "give the product code or the certificate number");
        }
        Complaint complaint = new Complaint();
        if (byCertificate) {
            Certificate certificate = Certificate.byNumber(request.certificateNumber().trim());
            if (certificate == null || !certificate.issued) {
                throw ApiException.rule("UNKNOWN_CERTIFICATE", "No OCOP certificate has the number " + request.certificateNumber().trim());
            }
            complaint.productId = certificate.productId;
            complaint.certificateId = certificate.id;
            complaint.provinceCode = certificate.provinceCode;
            complaint.subjectReference = certificate.number;
        } else {
            Product product = Product.find("code", request.productCode().trim()).firstResult();
            if (product == null) {
                throw ApiException.rule("UNKNOWN_PRODUCT", "No registered product has the code " + request.productCode().trim());
            }
            Certificate active = Certificate.<Certificate>find("productId = ?1 and status = ?2 and issued = true",
                    product.id, CertificateStatus.ACTIVE).firstResult();
            complaint.productId = product.id;
            complaint.certificateId = active == null ? null : active.id;
            complaint.provinceCode = product.provinceCode;
            complaint.subjectReference = product.code;
        }
        Number serial = (Number) entityManager.createNativeQuery("select nextval('complaint_case_seq')").getSingleResult();
        complaint.id = UUID.randomUUID();
        // The random suffix keeps case numbers unguessable: the status page needs no login.
        complaint.caseNumber = "KN-" + clock.today().getYear() + "-" + String.format("%06d", serial.longValue())
                + "-" + suffix();
        complaint.description = request.description().trim();
        complaint.whereBought = request.whereBought();
        complaint.contact = request.contact();
        complaint.status = Complaint.Status.RECEIVED;
        complaint.receivedAt = Instant.now();
        complaint.updatedAt = complaint.receivedAt;
        complaint.persistAndFlush();
        audit.record("complaint.filed", "complaint", complaint.id, null, ComplaintRequests.View.of(complaint));
        return ComplaintRequests.PublicStatus.of(complaint);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ComplaintRequests.PublicStatus publicStatus(String caseNumber) {
        return ComplaintRequests.PublicStatus.of(load(caseNumber));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ComplaintRequests.View get(String caseNumber) {
        Complaint complaint = inspectionScope.readable(find(caseNumber), c -> c.provinceCode, "Complaint", caseNumber);
        return ComplaintRequests.View.of(complaint);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ComplaintRequests.View> list(String province, Complaint.Status status, PageRequest page) {
        Where where = new Where().and("provinceCode = :province", "province", scope.listableProvince(province))
                .and("status = :status", "status", status);
        return Page.of(Complaint.<Complaint>find(where.query(), Sort.by("receivedAt", Sort.Direction.Descending).and("id"), where.parameters()),
                page, ComplaintRequests.View::of);
    }

    @Transactional
    public ComplaintRequests.View triage(String caseNumber, String ifMatch, ComplaintRequests.TriageRequest request) {
        Complaint complaint = inspectionScope.actable(find(caseNumber), c -> c.provinceCode, "Complaint", caseNumber);
        validation.check(request);
        Etag.requireMatch(ifMatch, complaint.version);
        if (request.status() != Complaint.Status.UNDER_REVIEW && request.status() != Complaint.Status.DISMISSED) {
            throw ApiException.invalidField("status", "must be UNDER_REVIEW or DISMISSED");
        }
        requireOpen(complaint);
        ComplaintRequests.View before = ComplaintRequests.View.of(complaint);
        complaint.status = request.status();
        complaint.triageNote = request.note();
        complaint.updatedAt = Instant.now();
        complaint.persistAndFlush();
        ComplaintRequests.View after = ComplaintRequests.View.of(complaint);
        audit.record("complaint.triaged", "complaint", complaint.id, before, after);
        return after;
    }

    @Transactional
    public InspectionView openInspection(String caseNumber, ComplaintRequests.OpenInspectionRequest request) {
        Complaint complaint = inspectionScope.actable(find(caseNumber), c -> c.provinceCode, "Complaint", caseNumber);
        validation.check(request);
        requireOpen(complaint);
        InspectionView inspection = inspections.open(
                new InspectionRequests.OpenRequest(complaint.productId, null, request.inspector(), request.inspectedOn()), complaint.id);
        ComplaintRequests.View before = ComplaintRequests.View.of(complaint);
        complaint.status = Complaint.Status.INSPECTION_OPENED;
        complaint.inspectionId = inspection.id();
        complaint.updatedAt = Instant.now();
        complaint.persistAndFlush();
        audit.record("complaint.inspection_opened", "complaint", complaint.id, before, ComplaintRequests.View.of(complaint));
        return inspection;
    }

    private static void requireOpen(Complaint complaint) {
        if (complaint.status == Complaint.Status.DISMISSED || complaint.status == Complaint.Status.INSPECTION_OPENED) {
            throw ApiException.conflict("COMPLAINT_CLOSED", "Complaint " + complaint.caseNumber + " is already " + complaint.status);
        }
    }

    private static Complaint load(String caseNumber) {
        Complaint complaint = find(caseNumber);
        if (complaint == null) {
            throw ApiException.notFound("Complaint", caseNumber);
        }
        return complaint;
    }

    private static Complaint find(String caseNumber) {
        return Complaint.find("caseNumber", caseNumber).firstResult();
    }

    private static String suffix() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            text.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
        }
        return text.toString();
    }
}
