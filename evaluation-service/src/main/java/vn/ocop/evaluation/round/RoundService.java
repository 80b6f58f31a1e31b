package vn.ocop.evaluation.round;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.council.Council;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.rating.Outcome;
import vn.ocop.evaluation.session.Application;
import vn.ocop.evaluation.session.EvaluationResult;
import vn.ocop.evaluation.session.SessionProduct;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.time.VietnamTime;

/**
 * Which round a dossier or a nomination is for, counting the extra rounds of the councils that would take it, and the
 * products carried past their round (OCOP.md §3.3 step 6).
 */
@ApplicationScoped
public class RoundService {
    /** How a nomination appears among carried-over products. */
    public static final String NOMINATION = "FIVE_STAR_NOMINATION";
    public static final String AWAITING = "AWAITING";
    public static final String IN_SESSION = "IN_SESSION";

    @Inject
    RoundCalendar calendar;

    /**
     * The extra rounds of every council of a level (and province, for provincial councils): a dossier is not tied to
     * one council, so any council of its province that allows an extra round can take it.
     */
    public List<RoundCalendar.ExtraRound> extraRounds(CouncilLevel level, String province) {
        List<Council> councils = level == CouncilLevel.CENTRAL
                ? Council.list("level", level)
                : Council.list("level = ?1 and provinceCode = ?2", level, province);
        return councils.stream().flatMap(c -> c.calendarExtraRounds().stream()).toList();
    }

    /** The provincial round an accepted dossier is for. */
    public Round dossierRound(Application application, List<RoundCalendar.ExtraRound> extras) {
        return calendar.roundForDossier(CouncilLevel.PROVINCIAL, application.acceptedAt.atZone(VietnamTime.ZONE).toLocalDate(), extras);
    }

    /**
     * Products past their round's decision day on {@code asOf} without a closed result at that level, oldest first;
     * {@code level} null = both levels, {@code province} null = every province.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CarriedOverView> carriedOver(CouncilLevel level, String province, LocalDate asOf, PageRequest page) {
        List<CarriedOverView> all = new ArrayList<>();
        if (level != CouncilLevel.CENTRAL) {
            all.addAll(provincial(province, asOf));
        }
        if (level != CouncilLevel.PROVINCIAL) {
            all.addAll(central(province, asOf));
        }
        all.sort(Comparator.comparing(CarriedOverView::acceptedAt).thenComparing(v -> v.productId().toString()));
        int from = (int) Math.min((long) page.page() * page.size(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page.page(), page.size(), all.size());
    }

    private List<CarriedOverView> provincial(String province, LocalDate asOf) {
        String query = "status in :open" + (province == null ? "" : " and provinceCode = :province");
        Parameters params = Parameters.with("open", List.of(Application.SUBMITTED, Application.IN_SESSION));
        if (province != null) {
            params.and("province", province);
        }
        Map<String, List<RoundCalendar.ExtraRound>> extras = new HashMap<>();
        List<CarriedOverView> found = new ArrayList<>();
        for (Application a : Application.<Application>list(query, Sort.by("acceptedAt").and("id"), params)) {
            Round round = dossierRound(a, extras.computeIfAbsent(a.provinceCode, p -> extraRounds(CouncilLevel.PROVINCIAL, p)));
            if (round.overdueOn(asOf)) {
                found.add(new CarriedOverView(CouncilLevel.PROVINCIAL, a.id, null, a.productId, a.productCode, a.producerId,
                        a.provinceCode, a.kind, a.acceptedAt, Application.SUBMITTED.equals(a.status) ? AWAITING : IN_SESSION, round));
            }
        }
        return found;
    }

    /**
     * Nominations (provincial result ≥ 90) the central council has not closed. The province files them with the
     * ministry after its own result, so the nomination day stands for the day the file reached the ministry.
     */
    private List<CarriedOverView> central(String province, LocalDate asOf) {
        String query = "outcome = :nominated" + (province == null ? "" : " and provinceCode = :province")
                + " and not exists (select 1 from SessionProduct p where p.nominationResultId = r.id and p.status = :closed)";
        Parameters params = Parameters.with("nominated", Outcome.FIVE_STAR_NOMINATED).and("closed", SessionProduct.CLOSED);
        if (province != null) {
            params.and("province", province);
        }
        List<RoundCalendar.ExtraRound> extras = extraRounds(CouncilLevel.CENTRAL, null);
        List<CarriedOverView> found = new ArrayList<>();
        for (EvaluationResult r : EvaluationResult.<EvaluationResult>list("from EvaluationResult r where " + query
                + " order by r.ratedAt, r.id", params)) {
            Round round = calendar.roundForDossier(CouncilLevel.CENTRAL, r.ratedOn, extras);
            if (round.overdueOn(asOf)) {
                boolean onAgenda = SessionProduct.count("nominationResultId = ?1 and status = ?2", r.id, SessionProduct.PENDING) > 0;
                found.add(new CarriedOverView(CouncilLevel.CENTRAL, null, r.id, r.productId, r.productCode, r.producerId,
                        r.provinceCode, NOMINATION, r.ratedAt, onAgenda ? IN_SESSION : AWAITING, round));
            }
        }
        return found;
    }
}
