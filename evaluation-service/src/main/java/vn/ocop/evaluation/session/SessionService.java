package vn.ocop.evaluation.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.council.CouncilService;
import vn.ocop.evaluation.criteria.CriteriaSetVersion;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.round.Round;
import vn.ocop.evaluation.round.RoundCalendar;
import vn.ocop.evaluation.round.RoundService;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.time.LegalClock;
import vn.ocop.platform.web.ValidateAfterScope;

/**
 * Sessions (phiên họp: a council's sitting) and their agenda: scheduling a session in its round with the products
 * waiting for it, reading sessions, and the dossiers a new session may take. Closing a product is {@link ResultService};
 * the advisory team's report is {@link AdvisoryReportService}.
 */
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
    ValidateAfterScope validation;

    @Inject
    RoundCalendar rounds;

    @Inject
    RoundService roundService;

    @Transactional
    public SessionView create(SessionRequest request) {
        if (request.councilId() == null) {
            validation.check(request); // names no council: nothing to reveal, the usual 400
        }
        Council council = councils.loadReadable(request.councilId());
        councils.requireManage(council);
        validation.check(request);
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
        Sitting sitting = readable(id);
        return view(sitting.session(), sitting.council());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SessionView> list(UUID councilId, PageRequest page) {
        if (councilId == null) {
            throw ApiException.invalidField("councilId", "is required");
        }
        Council council = councils.loadReadable(councilId);
        return Page.of(EvaluationSession.<EvaluationSession>find("councilId", Sort.by("heldOn").and("id"), councilId), page, (EvaluationSession s) -> view(s, council));
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

    /** A session and the council that sits in it. */
    public record Sitting(EvaluationSession session, Council council) {
    }

    /**
     * Loads a session the caller may read (see {@link CouncilService#mayRead}); one outside their scope answers exactly
     * like a missing one, so that its existence, agenda and state stay hidden. Every session operation starts here.
     */
    public Sitting readable(UUID id) {
        EvaluationSession session = EvaluationSession.findById(id);
        Council council = session == null ? null : CouncilService.load(session.councilId);
        if (council == null || !councils.mayRead(council)) {
            throw ApiException.notFound("Session", id);
        }
        return new Sitting(session, council);
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

}
