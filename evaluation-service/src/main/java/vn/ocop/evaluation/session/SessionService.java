package vn.ocop.evaluation.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.council.ConflictDeclaration;
import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.CouncilMember;
import vn.ocop.evaluation.council.CouncilService;
import vn.ocop.evaluation.council.MemberRole;
import vn.ocop.evaluation.criteria.CriteriaSetService;
import vn.ocop.evaluation.criteria.CriteriaSetVersion;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.rating.Rating;
import vn.ocop.evaluation.rating.ScoredSheet;
import vn.ocop.evaluation.rating.StarRating;
import vn.ocop.evaluation.round.Round;
import vn.ocop.evaluation.round.RoundCalendar;
import vn.ocop.evaluation.round.RoundService;
import vn.ocop.evaluation.scoresheet.ScoreSheet;
import vn.ocop.evaluation.scoresheet.SheetJson;
import vn.ocop.events.evaluation.FiveStarNominated;
import vn.ocop.events.evaluation.ProductRated;
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.time.LegalClock;

/** Sessions (agenda of products) and closing a product: quorum, the star rule, the result and its events. */
@ApplicationScoped
public class SessionService {

    @Inject
    LegalClock clock;

    @Inject
    CouncilService councils;

    @Inject
    CurrentUser user;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    RoundCalendar rounds;

    @Inject
    RoundService roundService;

    @Inject
    ReportFileStorage files;

    @Transactional
    public SessionView create(SessionRequest request) {
        Council council = CouncilService.load(request.councilId());
        councils.requireManage(council);
        if (new HashSet<>(request.productIds()).size() != request.productIds().size()) {
            throw ApiException.invalidField("productIds", "lists a product twice");
        }
        requirePlausibleDate(council, request.heldOn());
        EvaluationSession session = new EvaluationSession();
        session.id = UUID.randomUUID();
        session.councilId = council.id;
        session.heldOn = request.heldOn();
        session.createdAt = Instant.now();
        session.createdBy = user.actor();
        session.persist();
        for (int i = 0; i < request.productIds().size(); i++) {
            UUID productId = request.productIds().get(i);
            SessionProduct item = council.level == CouncilLevel.PROVINCIAL
                    ? fromApplication(council, productId, i)
                    : fromNomination(productId, i);
            item.id = UUID.randomUUID();
            item.sessionId = session.id;
            item.productId = productId;
            item.status = SessionProduct.PENDING;
            requireCriteriaInForce(item.productSet, session.heldOn, i);
            item.criteriaSetId = CriteriaSetVersion.inForce(item.productSet, session.heldOn)
                    .orElseThrow(() -> ApiException.rule("NO_CRITERIA_SET", "No criteria set for product set " + item.productSet
                            + " is in force on " + session.heldOn)).id;
            item.persist();
        }
        SessionView view = view(session, council);
        audit.record("session.created", "session", session.id, null, view);
        return view;
    }

    /**
     * A session is held in the round open today or before it: a date beyond that round's decision day is a typing
     * error or a session not yet due. (Bringing in the past is what certificate imports are for.)
     */
    private void requirePlausibleDate(Council council, LocalDate heldOn) {
        Round current = rounds.roundOn(council.level, clock.today(), council.calendarExtraRounds());
        if (heldOn.isAfter(current.decideBy())) {
            throw new ApiException(400, "SESSION_DATE_BEYOND_ROUND", "Session date beyond the current round",
                    "The current round " + current.code() + " decides by " + current.decideBy() + "; a session on " + heldOn
                            + " belongs to a later round: schedule it once that round is open",
                    List.of(new Problem.Violation("heldOn", "is after " + current.decideBy() + ", the end of round " + current.code())));
        }
    }

    /** No scoring against a sheet that did not exist yet: the session may not predate every criteria set of the product set. */
    private static void requireCriteriaInForce(int productSet, LocalDate heldOn, int index) {
        CriteriaSetVersion first = CriteriaSetVersion.<CriteriaSetVersion>find("productSet = ?1 order by effectiveFrom", productSet)
                .firstResult();
        if (first != null && heldOn.isBefore(first.effectiveFrom)) {
            throw new ApiException(400, "SESSION_BEFORE_CRITERIA_SET", "Session date before its criteria set",
                    "Product set " + productSet + " is scored with criteria in force from " + first.effectiveFrom + " ("
                            + first.id + "); a session on " + heldOn + " predates them",
                    List.of(new Problem.Violation("heldOn", "is before " + first.effectiveFrom + ", when criteria set "
                            + first.id + " came into force (productIds[" + index + "])")));
        }
    }

    private static SessionProduct fromApplication(Council council, UUID productId, int index) {
        Application application = Application.find("productId = ?1 and status = ?2 order by acceptedAt desc",
                productId, Application.SUBMITTED).firstResult();
        if (application == null || !application.provinceCode.equals(council.provinceCode)) {
            throw ApiException.rule("PRODUCT_NOT_AWAITING_EVALUATION", "productIds[" + index + "]: product " + productId
                    + " has no accepted dossier of province " + council.provinceCode + " waiting for a session");
        }
        application.status = Application.IN_SESSION;
        SessionProduct item = new SessionProduct();
        item.productCode = application.productCode;
        item.producerId = application.producerId;
        item.provinceCode = application.provinceCode;
        item.productSet = application.productSet;
        item.applicationId = application.id;
        return item;
    }

    /** The central council takes products a province nominated (potential 5★) and no central session has taken yet. */
    private static SessionProduct fromNomination(UUID productId, int index) {
        EvaluationResult nomination = EvaluationResult.find("productId = ?1 and outcome = ?2 order by ratedAt desc",
                productId, Outcome.FIVE_STAR_NOMINATED).firstResult();
        if (nomination == null || SessionProduct.count("nominationResultId = ?1 and status <> ?2", nomination.id, SessionProduct.WITHDRAWN) > 0) {
            throw ApiException.rule("PRODUCT_NOT_NOMINATED", "productIds[" + index + "]: product " + productId
                    + " has no provincial 5★ nomination waiting for the central council");
        }
        SessionProduct item = new SessionProduct();
        item.productCode = nomination.productCode;
        item.producerId = nomination.producerId;
        item.provinceCode = nomination.provinceCode;
        item.productSet = nomination.productSet;
        item.nominationResultId = nomination.id;
        return item;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView get(UUID id) {
        EvaluationSession session = load(id);
        Council council = CouncilService.load(session.councilId);
        councils.requireRead(council);
        return view(session, council);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SessionView> list(UUID councilId, PageRequest page) {
        if (councilId == null) {
            throw ApiException.invalidField("councilId", "is required");
        }
        Council council = CouncilService.load(councilId);
        councils.requireRead(council);
        return Page.of(EvaluationSession.<EvaluationSession>find("councilId", Sort.by("heldOn").and("id"), councilId), page, (EvaluationSession s) -> view(s, council));
    }

    /**
     * Closes one product of a session: needs the quorum of scoring members' current sheets; the council's chair or the
     * office running the council closes. Emits ProductRated (and FiveStarNominated for a provincial 5★) via the outbox.
     */
    @Transactional
    public ResultView close(UUID sessionId, UUID productId) {
        EvaluationSession session = load(sessionId);
        Council council = CouncilService.load(session.councilId);
        boolean chair = council.member(user.actor()).filter(m -> m.role == MemberRole.CHAIR).isPresent();
        if (!chair) {
            councils.requireManage(council);
        }
        SessionProduct item = SessionProduct.of(sessionId, productId);
        if (item == null) {
            throw ApiException.notFound("Product on session " + sessionId, productId);
        }
        if (!SessionProduct.PENDING.equals(item.status)) {
            throw ApiException.conflict("PRODUCT_NOT_OPEN", "Product " + productId + " is " + item.status + " in this session");
        }
        Set<String> scoring = new HashSet<>();
        for (CouncilMember m : council.members) {
            if (m.role.scores()) {
                scoring.add(m.subject);
            }
        }
        // Sheets of members who have left the council or declared a conflict with this producer since scoring do not count.
        List<ScoreSheet> sheets = ScoreSheet.currentFor(item.id).stream()
                .filter(s -> scoring.contains(s.memberSubject))
                .filter(s -> !ConflictDeclaration.declared(council.id, s.memberSubject, item.producerId))
                .toList();
        if (sheets.size() < council.quorum) {
            throw ApiException.rule("QUORUM_NOT_MET", sheets.size() + " of the " + council.quorum
                    + " sheets the council's quorum requires have been submitted for product " + productId);
        }
        CriteriaSet set = CriteriaSetService.load(item.criteriaSetId).criteriaSet();
        List<ScoredSheet> scored = sheets.stream()
                .map(s -> StarRating.score(set, SheetJson.choices(s.choices), SheetJson.strings(s.knockOuts)))
                .toList();
        Rating rating = StarRating.close(set, council.level, scored, council.agreement());

        EvaluationResult result = new EvaluationResult();
        result.id = UUID.randomUUID();
        result.sessionProductId = item.id;
        result.productId = item.productId;
        result.productCode = item.productCode;
        result.producerId = item.producerId;
        result.provinceCode = item.provinceCode;
        result.productSet = item.productSet;
        result.councilLevel = council.level;
        result.criteriaSetId = item.criteriaSetId;
        result.averageScore = rating.averageScore();
        result.band = rating.band();
        result.mandatoryLevel = rating.mandatoryLevel();
        result.stars = rating.stars();
        result.outcome = rating.outcome();
        result.knockOuts = SheetJson.write(rating.upheldKnockOuts());
        result.unmetMinima = SheetJson.write(rating.unmetMinima());
        result.sheetCount = rating.sheetCount();
        result.ratedOn = clock.today();
        result.ratedAt = Instant.now();
        result.persist();
        item.status = SessionProduct.CLOSED;
        item.resultId = result.id;
        if (item.applicationId != null) {
            Application application = Application.findById(item.applicationId);
            application.status = Application.EVALUATED;
        }
        ResultView view = ResultView.of(result);
        audit.record("session.product-closed", "evaluation_result", result.id, null, view);
        outbox.append(new ProductRated(result.id, result.productId, result.productCode, result.provinceCode,
                result.councilLevel.name(), result.criteriaSetId, result.averageScore, result.band, result.mandatoryLevel,
                result.stars, result.outcome.name(), result.ratedAt));
        if (result.outcome == Outcome.FIVE_STAR_NOMINATED) {
            outbox.append(new FiveStarNominated(result.id, result.productId, result.productCode, result.provinceCode,
                    result.averageScore, result.ratedAt));
        }
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultView result(UUID id) {
        EvaluationResult result = EvaluationResult.findById(id);
        if (result == null) {
            throw ApiException.notFound("Result", id);
        }
        scope.requireRead(result.provinceCode, result.producerId);
        return ResultView.of(result);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ResultView> results(String province, UUID productId, Outcome outcome, PageRequest page) {
        Where where = new Where();
        if (user.hasRole(Roles.PRODUCER) && !user.hasRole(Roles.CENTRAL_OFFICER)) {
            where.andAlways("producerId = :self", "self", user.producerId().orElse(new UUID(0, 0)));
        } else {
            where.and("provinceCode = :province", "province", scope.listableProvince(province));
        }
        where.and("productId = :product", "product", productId)
                .and("outcome = :outcome", "outcome", outcome);
        return Page.of(EvaluationResult.find(where.query(), Sort.by("ratedAt", Sort.Direction.Descending).and("id"), where.parameters()),
                page, ResultView::of);
    }

    /**
     * Accepted dossiers of a province in one state, oldest acceptance first, each with the provincial round it is for;
     * {@code AWAITING} = on no session's agenda and not withdrawn (what a new session may take).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DossierView> dossiers(String province, DossierView.Status status, PageRequest page) {
        String visible = scope.listableProvince(province);
        DossierView.Status wanted = status == null ? DossierView.Status.AWAITING : status;
        Parameters params = Parameters.with("status", wanted.stored());
        String query = "status = :status";
        if (visible != null) {
            query += " and provinceCode = :province";
            params.and("province", visible);
        }
        Map<String, List<RoundCalendar.ExtraRound>> extras = new HashMap<>();
        return Page.of(Application.find(query, Sort.by("acceptedAt").and("id"), params), page, (Application a) -> DossierView.of(a,
                roundService.dossierRound(a, extras.computeIfAbsent(a.provinceCode, p -> roundService.extraRounds(CouncilLevel.PROVINCIAL, p)))));
    }

    public static EvaluationSession load(UUID id) {
        EvaluationSession session = EvaluationSession.findById(id);
        if (session == null) {
            throw ApiException.notFound("Session", id);
        }
        return session;
    }

    SessionView view(EvaluationSession session, Council council) {
        List<SessionView.Item> items = SessionProduct.<SessionProduct>list("sessionId = ?1 order by productCode", session.id)
                .stream().map(SessionView.Item::of).toList();
        AdvisoryReport report = AdvisoryReport.ofSession(session.id);
        return new SessionView(session.id, council.id, council.level, council.provinceCode, session.heldOn,
                rounds.roundOn(council.level, session.heldOn, council.calendarExtraRounds()), items, report == null ? null : AdvisoryReportRequest.View.of(report));
    }

    /** Attaches the advisory team's report to a session; whoever manages the council. One report per session. */
    @Transactional
    public SessionView attachAdvisoryReport(UUID sessionId, AdvisoryReportRequest request) {
        EvaluationSession session = load(sessionId);
        Council council = CouncilService.load(session.councilId);
        councils.requireManage(council);
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
        return view(session, council);
    }

    /**
     * Attaches the signed report as a file (PDF, JPEG or PNG, told apart by its first bytes) to the session's advisory
     * report; whoever manages the council. One file per report, never replaced, like the report itself.
     */
    @Transactional
    public AdvisoryReportRequest.FileView attachReportFile(UUID sessionId, String fileName, String contentType, byte[] content) {
        EvaluationSession session = load(sessionId);
        Council council = CouncilService.load(session.councilId);
        councils.requireManage(council);
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
        EvaluationSession session = load(sessionId);
        councils.requireRead(CouncilService.load(session.councilId));
        AdvisoryReport report = AdvisoryReport.ofSession(sessionId);
        AdvisoryReportFile file = report == null ? null : AdvisoryReportFile.ofReport(report.id);
        if (file == null) {
            throw ApiException.notFound("Advisory report file of session", sessionId);
        }
        return new Download(AdvisoryReportRequest.FileView.of(sessionId, file), file.bytes(files.directory()));
    }

}
