package vn.ocop.evaluation.council;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.ValidateAfterScope;

/**
 * Councils, their members and conflict-of-interest declarations. Province officers manage their province's councils;
 * the central council is the central office's.
 */
@ApplicationScoped
public class CouncilService {
    static final BigDecimal DEFAULT_SHARE = new BigDecimal("0.5");

    @Inject
    Scope scope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    ValidateAfterScope validation;

    @Transactional
    public CouncilView create(CouncilRequest request) {
        Council council = new Council();
        council.id = UUID.randomUUID();
        council.createdAt = Instant.now();
        // Scope before the request's own checks: who may run a council of this level and province at all.
        council.level = request.level();
        council.provinceCode = request.provinceCode();
        requireManage(council);
        validation.check(request);
        apply(request, council);
        council.persistAndFlush();
        CouncilView view = CouncilView.of(council);
        audit.record("council.created", "council", council.id, null, view);
        return view;
    }

    @Transactional
    public CouncilView update(UUID id, String ifMatch, CouncilRequest request) {
        Council council = loadReadable(id);
        requireManage(council);
        validation.check(request);
        Etag.requireMatch(ifMatch, council.version);
        if (request.level() != council.level || !java.util.Objects.equals(normalisedProvince(request), council.provinceCode)) {
            throw ApiException.rule("COUNCIL_LEVEL_FIXED", "A council's level and province cannot change; set up a new council");
        }
        CouncilView before = CouncilView.of(council);
        apply(request, council);
        council.flush();
        CouncilView after = CouncilView.of(council);
        audit.record("council.updated", "council", council.id, before, after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CouncilView get(UUID id) {
        Council council = loadReadable(id);
        return CouncilView.of(council);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CouncilView> list(String province, PageRequest page) {
        if (!isProvincial() && !user.hasRole(Roles.CENTRAL_OFFICER) && !user.hasRole(Roles.AUDITOR)) {
            // Council members (and anyone else nationwide) list only the councils they sit on.
            return Page.of(Council.find("id in (select m.council.id from CouncilMember m where m.subject = :me)",
                    Sort.by("name").and("id"), Parameters.with("me", user.actor())), page, CouncilView::of);
        }
        String visible = scope.listableProvince(province);
        if (visible == null) {
            return Page.of(Council.findAll(Sort.by("name").and("id")), page, CouncilView::of);
        }
        return Page.of(Council.find("provinceCode = :p", Sort.by("name").and("id"), Parameters.with("p", visible)), page, CouncilView::of);
    }

    @Transactional
    public ConflictRequest.View declareConflict(UUID councilId, ConflictRequest request) {
        Council council = loadReadable(councilId);
        // The member declares for themself; the office managing the council may record it on their behalf.
        if (!user.actor().equals(request.memberSubject())) {
            requireManage(council);
        }
        validation.check(request);
        if (council.member(request.memberSubject()).isEmpty()) {
            throw ApiException.invalidField("memberSubject", "is not a member of council " + councilId);
        }
        if (ConflictDeclaration.declared(councilId, request.memberSubject(), request.producerId())) {
            throw ApiException.conflict("CONFLICT_ALREADY_DECLARED",
                    request.memberSubject() + " already declared a conflict with producer " + request.producerId());
        }
        ConflictDeclaration declaration = new ConflictDeclaration();
        declaration.id = UUID.randomUUID();
        declaration.councilId = councilId;
        declaration.memberSubject = request.memberSubject();
        declaration.producerId = request.producerId();
        declaration.reason = request.reason().trim();
        declaration.declaredAt = Instant.now();
        declaration.declaredBy = user.actor();
        declaration.persist();
        ConflictRequest.View view = ConflictRequest.View.of(declaration);
        audit.record("council.conflict-declared", "council", councilId, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ConflictRequest.View> conflicts(UUID councilId, PageRequest page) {
        loadReadable(councilId);
        return Page.of(ConflictDeclaration.<ConflictDeclaration>find("councilId", Sort.by("declaredAt").and("id"), councilId),
                page, ConflictRequest.View::of);
    }

    public static Council load(UUID id) {
        Council council = Council.findById(id);
        if (council == null) {
            throw ApiException.notFound("Council", id);
        }
        return council;
    }

    /** The office that set the council up: its province's officers, or the central office for the central council. */
    public void requireManage(Council council) {
        if (user.hasRole(Roles.CENTRAL_OFFICER)) {
            return;
        }
        if (council.level == CouncilLevel.CENTRAL || !user.hasRole(Roles.PROVINCE_OFFICER)) {
            throw ApiException.forbidden("OUT_OF_SCOPE", "Only the office that runs council " + council.id + " may manage it");
        }
        scope.requireProvince(council.provinceCode);
    }

    /**
     * The council's own members, central officers and auditors; provincial roles for their province's councils and
     * for the central council (they send it their nominations). A member of another council sees nothing of this one.
     */
    public boolean mayRead(Council council) {
        if (council.member(user.actor()).isPresent() || user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)) {
            return true;
        }
        return isProvincial() && (council.level == CouncilLevel.CENTRAL || user.province().filter(council.provinceCode::equals).isPresent());
    }

    /**
     * Loads a council the caller may read. Councils, their sessions and sheets are not public: one outside the caller's
     * scope answers exactly like a missing one, so its existence is not revealed.
     */
    public Council loadReadable(UUID id) {
        Council council = Council.findById(id);
        if (council == null || !mayRead(council)) {
            throw ApiException.notFound("Council", id);
        }
        return council;
    }

    private boolean isProvincial() {
        return user.hasRole(Roles.PROVINCE_OFFICER) || user.hasRole(Roles.INSPECTOR) || user.hasRole(Roles.COMMUNE_OFFICER);
    }

    private static String normalisedProvince(CouncilRequest request) {
        return request.level() == CouncilLevel.CENTRAL ? null : request.provinceCode();
    }

    private void apply(CouncilRequest request, Council council) {
        if (request.level() == CouncilLevel.PROVINCIAL && request.provinceCode() == null) {
            throw ApiException.invalidField("provinceCode", "is required for a provincial council");
        }
        if (request.level() == CouncilLevel.CENTRAL && request.provinceCode() != null) {
            throw ApiException.invalidField("provinceCode", "must be empty for the central council");
        }
        Set<String> subjects = new HashSet<>();
        int chairs = 0;
        int scoring = 0;
        for (int i = 0; i < request.members().size(); i++) {
            CouncilRequest.MemberRequest m = request.members().get(i);
            if (!subjects.add(m.subject())) {
                throw ApiException.invalidField("members[" + i + "].subject", "appears twice");
            }
            chairs += m.role() == MemberRole.CHAIR ? 1 : 0;
            scoring += m.role().scores() ? 1 : 0;
        }
        if (chairs != 1) {
            throw ApiException.invalidField("members", "must have exactly one CHAIR");
        }
        if (request.quorum() > scoring) {
            throw ApiException.invalidField("quorum", "cannot exceed the " + scoring + " scoring members (chair and members)");
        }
        council.name = request.name().trim();
        council.level = request.level();
        council.provinceCode = normalisedProvince(request);
        council.quorum = request.quorum();
        council.mandatoryShare = request.mandatoryShare() == null ? DEFAULT_SHARE : request.mandatoryShare();
        council.mandatoryStrict = request.mandatoryStrict() == null || request.mandatoryStrict();
        council.members.removeIf(existing -> !subjects.contains(existing.subject));
        for (CouncilRequest.MemberRequest m : request.members()) {
            CouncilMember member = council.member(m.subject()).orElseGet(() -> {
                CouncilMember created = new CouncilMember();
                created.id = UUID.randomUUID();
                created.council = council;
                created.subject = m.subject();
                council.members.add(created);
                return created;
            });
            member.fullName = m.fullName().trim();
            member.role = m.role();
        }
        List<CouncilRequest.AdviserRequest> team = request.advisoryTeam() == null ? List.of() : request.advisoryTeam();
        for (int i = 0; i < council.advisers.size() || i < team.size(); i++) {
            if (i >= team.size()) {
                council.advisers.subList(i, council.advisers.size()).clear();
                break;
            }
            AdvisoryMember adviser;
            if (i < council.advisers.size()) {
                adviser = council.advisers.get(i);
            } else {
                adviser = new AdvisoryMember();
                adviser.id = UUID.randomUUID();
                adviser.council = council;
                council.advisers.add(adviser);
            }
            adviser.position = i;
            adviser.name = team.get(i).name().trim();
            adviser.organisation = team.get(i).organisation().trim();
        }
        applyRegulation(request, council);
        council.updatedAt = Instant.now();
    }

    /** Extra rounds only if written into the council's regulation (OCOP.md §3.3 step 6). Omitting them on a PUT clears them. */
    private static void applyRegulation(CouncilRequest request, Council council) {
        List<CouncilRequest.ExtraRoundRequest> extras = request.extraRounds() == null ? List.of() : request.extraRounds();
        String regulation = request.regulation() == null || request.regulation().isBlank() ? null : request.regulation().trim();
        if (!extras.isEmpty() && regulation == null) {
            throw ApiException.invalidField("regulation", "is required when extraRounds are given: extra rounds exist only if the council's regulation allows them");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < extras.size(); i++) {
            CouncilRequest.ExtraRoundRequest e = extras.get(i);
            if (!e.filesDueBy().isBefore(e.decideBy())) {
                throw ApiException.invalidField("extraRounds[" + i + "].decideBy", "must be after filesDueBy");
            }
            if (!seen.add(e.filesDueBy() + "/" + e.decideBy())) {
                throw ApiException.invalidField("extraRounds[" + i + "]", "appears twice");
            }
        }
        council.regulation = regulation;
        council.extraRounds.clear();
        for (CouncilRequest.ExtraRoundRequest e : extras) {
            Council.ExtraRound round = new Council.ExtraRound();
            round.filesDueBy = e.filesDueBy();
            round.decideBy = e.decideBy();
            council.extraRounds.add(round);
        }
    }
}
