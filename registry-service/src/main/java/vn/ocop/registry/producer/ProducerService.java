package vn.ocop.registry.producer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.panache.common.Sort;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProducerUpdated;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.imports.WriteBatch;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.paging.Where;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.Actor;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;
import vn.ocop.registry.correction.CorrectionRules;
import vn.ocop.registry.correction.FieldChanges;
import vn.ocop.registry.correction.Written;
import vn.ocop.registry.province.CommuneDirectory;
import vn.ocop.registry.province.ProvinceDirectory;

/** Registers and corrects producers; every change is scoped, audited and announced through the outbox. */
@ApplicationScoped
public class ProducerService {

    @Inject
    ProvinceDirectory provinces;

    @Inject
    CommuneDirectory communes;

    @Inject
    Scope scope;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    PersonalData personalData;

    @Inject
    WriteBatch batch;

    private static final String TAX_CODE_CONSTRAINT = "producer_tax_code_key";

    /** Producer fields a producer may not change about itself, with the code of the problem that refuses it. */
    private static final Map<String, String> GUARDED = Map.of(
            "taxCode", "TAX_CODE_CHANGE_FORBIDDEN",
            "provinceCode", "AREA_CHANGE_FORBIDDEN",
            "communeCode", "AREA_CHANGE_FORBIDDEN");

    /**
     * Registers a producer: the one write path for the API and the bulk import.
     *
     * @param externalRef the importing system's key for the record, or null
     */
    @Transactional
    public Written<ProducerView> register(ProducerRequest request, String externalRef, Actor actor) {
        ProvinceDirectory.ResolvedProvince province = provinces.resolve("provinceCode", request.provinceCode());
        Scope.requireProvince(actor, province.province().code);
        CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", request.communeCode(),
                province.province().code, province.legacyCode());
        Producer producer = new Producer();
        producer.id = UUID.randomUUID();
        producer.externalRef = externalRef;
        producer.createdAt = Instant.now();
        producer.createdBy = actor.name();
        apply(request, province, commune, producer);
        producer.updatedAt = producer.createdAt;
        producer.updatedBy = producer.createdBy;
        producer.persist();
        if (!batch.active()) {
            flush(producer); // in an import batch the batch's flush reports a taken tax code, and the row is found then
        }

        ProducerView view = ProducerView.of(producer);
        audit.record(actor, "producer.registered", "producer", producer.id, null, view, null);
        outbox.append(new ProducerRegistered(producer.id, producer.name, producer.kind.name(), PersonalData.taxCodeForEvents(producer),
                producer.provinceCode, producer.communeCode, producer.representative.gender.name(),
                producer.representative.ethnicMinority, producer.createdAt));
        return Written.created(view);
    }

    /**
     * Corrects a producer: the one write path for the API (PUT, merge patch) and the bulk import. A write that changes
     * nothing is a no-op (same version, no audit row, no event); a real change is audited with the actor and reason and
     * announced as {@link ProducerUpdated} in the same transaction.
     *
     * @param expectedVersion the version(s) the caller last read (If-Match), or null for no precondition
     * @param reason          why; required when an officer changes the tax code or the area ({@link CorrectionRules})
     */
    @Transactional
    public Written<ProducerView> update(UUID id, ProducerRequest request, Etag.IfMatch expectedVersion, Actor actor, String reason) {
        Producer producer = load(id);
        Scope.requireProducer(actor, producer.id, producer.provinceCode);
        if (expectedVersion != null) {
            expectedVersion.require(producer.version);
        }
        ProvinceDirectory.ResolvedProvince province = provinces.resolve("provinceCode", request.provinceCode());
        CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", request.communeCode(),
                province.province().code, province.legacyCode());

        ProducerView before = ProducerView.of(producer);
        Producer draft = new Producer();
        draft.representative = new Representative();
        draft.id = producer.id;
        draft.createdAt = producer.createdAt;
        draft.updatedAt = producer.updatedAt;
        draft.version = producer.version;
        draft.legacyProvinceCode = producer.legacyProvinceCode;
        draft.legacyCommuneCode = producer.legacyCommuneCode;
        draft.provinceCode = producer.provinceCode;
        draft.communeCode = producer.communeCode;
        apply(request, province, commune, draft);
        List<String> changed = FieldChanges.between(before, ProducerView.of(draft));
        if (changed.isEmpty()) {
            return Written.unchanged(before);
        }
        CorrectionRules.check(actor, GUARDED, changed, reason);
        apply(request, province, commune, producer);
        producer.updatedAt = Instant.now();
        producer.updatedBy = actor.name();
        flush(producer);

        ProducerView after = ProducerView.of(producer);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        audit.record(actor, "producer.updated", "producer", producer.id, before, after, why);
        Representative r = producer.representative;
        outbox.append(new ProducerUpdated(producer.id, producer.name, producer.kind.name(), PersonalData.taxCodeForEvents(producer),
                producer.provinceCode, producer.communeCode, r.gender.name(), r.ethnicMinority,
                producer.version, changed, why, producer.updatedAt));
        return Written.updated(after, changed);
    }

    /**
     * Bulk import: takes a producer registered through the API (no {@code externalRef}) under the importing system's
     * key, so that the row's values then correct it through {@link #update}. The key is not one of the producer's
     * values: the version stays; the audit trail records who took it over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adopt(UUID id, String externalRef, Actor actor) {
        Producer producer = load(id);
        Scope.requireProducer(actor, producer.id, producer.provinceCode);
        if (producer.externalRef != null) {
            throw taxCodeTaken(producer.taxCode);
        }
        // a bulk update leaves @Version alone; the refresh brings the managed entity in line with the row
        Producer.update("externalRef = ?1 where id = ?2 and externalRef is null", externalRef, id);
        Producer.getEntityManager().refresh(producer);
        audit.record(actor, "producer.adopted", "producer", producer.id, null, Map.of("externalRef", externalRef), null);
    }

    /** The refusal of a second producer with a tax code already registered. */
    public static ApiException taxCodeTaken(String taxCode) {
        return ApiException.conflict("TAX_CODE_TAKEN", "A producer with tax code " + taxCode + " is already registered");
    }

    /** Whether {@code failure} is the database refusing a second producer with the same tax code. */
    public static boolean isTaxCodeTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && TAX_CODE_CONSTRAINT.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** Writes the producer now; the unique constraint on the tax code does the uniqueness check (no query before). */
    private static void flush(Producer producer) {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            if (isTaxCodeTaken(e)) {
                throw taxCodeTaken(producer.taxCode);
            }
            throw e;
        }
    }

    /** Scope first (before the body is validated): the caller may register a producer in the requested province. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireMayRegister(ProducerRequest request, Actor actor) {
        if (request.provinceCode() != null) {
            Scope.requireProvince(actor, provinces.resolve("provinceCode", request.provinceCode()).province().code);
        }
    }

    /** Scope first (before the body is validated): the caller may correct this producer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireWritable(UUID id, Actor actor) {
        Producer producer = load(id);
        Scope.requireProducer(actor, producer.id, producer.provinceCode);
    }

    /** The whole record for a write that starts from it (a merge patch); reads that show it use {@link #read}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProducerView get(UUID id) {
        Producer producer = load(id);
        scope.requireRead(producer.provinceCode, producer.id);
        return ProducerView.of(producer);
    }

    /** A producer as the caller may see it ({@link PersonalData}); a transaction, for the audit row of the read. */
    @Transactional
    public ProducerView read(UUID id) {
        Producer producer = load(id);
        scope.requireRead(producer.provinceCode, producer.id);
        return personalData.show(producer);
    }

    @Transactional
    public Page<ProducerView> list(String provinceCode, ProducerKind kind, String nameContains, PageRequest page) {
        String visibleProvince = user.hasRole(Roles.PRODUCER) ? provinceCode : scope.listableProvince(provinceCode);
        Where where = new Where().and("provinceCode = :province", "province", visibleProvince);
        if (user.hasRole(Roles.PRODUCER) && !user.hasRole(Roles.CENTRAL_OFFICER)) {
            where.andAlways("id = :self", "self", user.producerId().orElse(new UUID(0, 0)));
        }
        where.and("kind = :kind", "kind", kind).andContains("name", "name", nameContains);
        audit.defer(); // one insert for the page's read rows
        Page<ProducerView> shown = Page.of(Producer.find(where.query(), Sort.by("name").and("id"), where.parameters()), page,
                personalData::show);
        audit.flush();
        return shown;
    }

    static Producer load(UUID id) {
        Producer producer = Producer.findById(id);
        if (producer == null) {
            throw ApiException.notFound("Producer", id);
        }
        return producer;
    }

    /** Copies a request onto a producer; the former codes given before are kept while the place stays the same. */
    private static void apply(ProducerRequest request, ProvinceDirectory.ResolvedProvince province,
                              CommuneDirectory.ResolvedCommune commune, Producer producer) {
        String provinceCode = province.province().code;
        String communeCode = commune == null ? null : commune.code();
        boolean sameProvince = provinceCode.equals(producer.provinceCode);
        producer.legacyProvinceCode = province.legacyCode() != null || !sameProvince ? province.legacyCode() : producer.legacyProvinceCode;
        producer.legacyCommuneCode = commune != null && commune.given() == null && sameProvince
                && communeCode.equals(producer.communeCode) ? producer.legacyCommuneCode : commune == null ? null : commune.given();
        producer.name = request.name().trim();
        producer.kind = request.kind();
        producer.taxCode = request.taxCode();
        producer.provinceCode = provinceCode;
        producer.communeCode = communeCode;
        producer.unitList = ProvinceDirectory.CURRENT_UNIT_LIST;
        producer.address = request.address();
        producer.phone = request.phone();
        producer.email = request.email();
        Representative r = producer.representative == null ? new Representative() : producer.representative;
        r.fullName = request.representative().fullName().trim();
        r.title = request.representative().title();
        r.gender = request.representative().gender();
        r.ethnicGroup = request.representative().ethnicGroup();
        r.ethnicMinority = request.representative().ethnicMinority();
        r.disabled = request.representative().disabled();
        producer.representative = r;
    }
}
