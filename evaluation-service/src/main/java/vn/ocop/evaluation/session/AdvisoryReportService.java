package vn.ocop.evaluation.session;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.CouncilService;
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.web.ValidateAfterScope;

/** The advisory team's report on a session (tổ tư vấn: the experts who survey the products) and its signed file. */
@ApplicationScoped
public class AdvisoryReportService {

    @Inject
    CouncilService councils;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    ValidateAfterScope validation;

    @Inject
    SessionService sessions;

    @Inject
    ReportFileStorage files;

    /** Attaches the advisory team's report to a session; whoever manages the council. One report per session. */
    @Transactional
    public SessionView attachAdvisoryReport(UUID sessionId, AdvisoryReportRequest request) {
        SessionService.Sitting sitting = sessions.readable(sessionId);
        EvaluationSession session = sitting.session();
        Council council = sitting.council();
        councils.requireManage(council);
        validation.check(request);
        if (AdvisoryReport.ofSession(sessionId) != null) {
            throw ApiException.conflict("ADVISORY_REPORT_EXISTS", "Session " + sessionId + " already has its advisory team's report");
        }
        Set<UUID> agenda = new HashSet<>();
        SessionProduct.<SessionProduct>list("sessionId", sessionId).forEach(p -> agenda.add(p.productId));
        Set<UUID> seen = new HashSet<>();
        AdvisoryReport report = new AdvisoryReport();
        for (int i = 0; i < request.recommendations().size(); i++) {
            AdvisoryReportRequest.RecommendationRequest r = request.recommendations().get(i);
            if (!agenda.contains(r.productId())) {
                throw ApiException.invalidField("recommendations[" + i + "].productId", "is not on session " + sessionId);
            }
            if (!seen.add(r.productId())) {
                throw ApiException.invalidField("recommendations[" + i + "].productId", "appears twice");
            }
            AdvisoryReport.Recommendation rec = new AdvisoryReport.Recommendation();
            rec.productId = r.productId();
            rec.recommendation = r.recommendation().trim();
            report.recommendations.add(rec);
        }
        report.id = UUID.randomUUID();
        report.sessionId = sessionId;
        report.summary = request.summary().trim();
        report.attachmentUrl = request.attachmentUrl();
        report.author = request.author().trim();
        report.reportDate = request.reportDate();
        report.createdAt = Instant.now();
        report.createdBy = user.actor();
        report.persistAndFlush();
        AdvisoryReportRequest.View view = AdvisoryReportRequest.View.of(report);
        audit.record("session.advisory-report-attached", "session", sessionId, null, view);
        return sessions.view(session, council);
    }

    /**
     * Attaches the signed report as a file (PDF, JPEG or PNG, told apart by its first bytes) to the session's advisory
     * report; whoever manages the council. One file per report, never replaced, like the report itself.
     */
    @Transactional
    public AdvisoryReportRequest.FileView attachReportFile(UUID sessionId, String fileName, String contentType, byte[] content) {
        councils.requireManage(sessions.readable(sessionId).council());
        AdvisoryReport report = AdvisoryReport.ofSession(sessionId);
        if (report == null) {
            throw ApiException.rule("NO_ADVISORY_REPORT", "Session " + sessionId + " has no advisory report yet; attach the report first");
        }
        if (AdvisoryReportFile.ofReport(report.id) != null) {
            throw ApiException.conflict("ADVISORY_REPORT_FILE_EXISTS", "The advisory report of session " + sessionId + " already has its file");
        }
        if (content == null || content.length == 0) {
            throw ApiException.invalidField("body", "the file is empty");
        }
        if (content.length > files.maxBytes()) {
            throw new ApiException(413, "FILE_TOO_LARGE", "File too large",
                    "Files may be at most " + files.maxBytes() + " bytes; this one has " + content.length);
        }
        String sniffed = FileContent.sniff(content).orElseThrow(() -> new ApiException(415, "UNSUPPORTED_FILE_TYPE",
                "Unsupported file type", "Upload a PDF, JPEG or PNG file; the content is none of these"));
        String declared = FileContent.mediaType(contentType);
        boolean typeDeclared = !declared.isEmpty() && !declared.equals("application/octet-stream");
        if (typeDeclared && !declared.equals(sniffed)) {
            // A renamed or mislabelled file is refused rather than stored under a type it does not have.
            throw new ApiException(415, "UNSUPPORTED_FILE_TYPE", "Unsupported file type",
                    "The content is " + sniffed + ", not the declared " + declared);
        }
        String name = fileName == null || fileName.isBlank() ? "advisory-report" + FileContent.extension(sniffed) : fileName.trim();
        if (name.length() > 255 || name.contains("/") || name.contains("\\")) {
            throw ApiException.invalidField("fileName", "must be a plain file name of at most 255 characters");
        }
        AdvisoryReportFile file = new AdvisoryReportFile();
        file.id = UUID.randomUUID();
        file.reportId = report.id;
        file.keep(name, sniffed, content, files.directory(), Instant.now(), user.actor());
        file.persistAndFlush();
        AdvisoryReportRequest.FileView view = AdvisoryReportRequest.FileView.of(sessionId, file);
        audit.record("session.advisory-report-file-attached", "session", sessionId, null, view);
        return view;
    }

    /** A report file's metadata and content, for download. */
    public record Download(AdvisoryReportRequest.FileView file, byte[] content) {
    }

    /** The report's file, to whoever may read the session. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download reportFile(UUID sessionId) {
        sessions.readable(sessionId);
        AdvisoryReport report = AdvisoryReport.ofSession(sessionId);
        AdvisoryReportFile file = report == null ? null : AdvisoryReportFile.ofReport(report.id);
        if (file == null) {
            throw ApiException.notFound("Advisory report file of session", sessionId);
        }
        return new Download(AdvisoryReportRequest.FileView.of(sessionId, file), file.bytes(files.directory()));
    }
}
