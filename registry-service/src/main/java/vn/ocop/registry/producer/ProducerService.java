package vn.ocop.registry.producer;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.Scope;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.LikePattern;
import vn.ocop.registry.province.CommuneDirectory;
import vn.ocop.registry.province.ProvinceDirectory;

/** Registers and maintains producers; every change is scoped, audited and (on registration) announced. */
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

    @Transactional
    public ProducerView register(ProducerRequest request) {
        ProvinceDirectory.ResolvedProvince province = provinces.resolve("provinceCode", request.provinceCode());
        scope.requireProvince(province.province().code);
        CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", request.communeCode(),
                province.province().code, province.legacyCode());
        if (Producer.taxCodeTaken(request.taxCode())) {
            throw ApiException.conflict("TAX_CODE_TAKEN", "A producer with tax code " + request.taxCode() + " is already registered");
        }
        Producer producer = new Producer();
        producer.id = UUID.randomUUID();
        producer.createdAt = Instant.now();
        producer.createdBy = user.actor();
        apply(request, province, commune, producer);
        producer.persistAndFlush();

        ProducerView view = ProducerView.of(producer);
        audit.record("producer.registered", "producer", producer.id, null, view);
        outbox.append(new ProducerRegistered(producer.id, producer.name, producer.kind.name(), producer.taxCode,
                producer.provinceCode, producer.communeCode, producer.representative.gender.name(),
                producer.representative.ethnicMinority, producer.representative.disabled, producer.createdAt));
        return view;
    }

    @Transactional
    public ProducerView update(UUID id, String ifMatch, ProducerRequest request) {
        Producer producer = load(id);
        scope.requireProducer(producer.id, producer.provinceCode);
        Etag.requireMatch(ifMatch, producer.version);
        ProvinceDirectory.ResolvedProvince province = provinces.resolve("provinceCode", request.provinceCode());
        if (!province.province().code.equals(producer.provinceCode)) {
            // Moving a producer to another province changes who governs it: only the centre may do that.
            if (!user.hasRole(Roles.CENTRAL_OFFICER)) {
                throw ApiException.forbidden("OUT_OF_SCOPE", "Only a central officer may move a producer to another province");
            }
        }
        CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", request.communeCode(),
                province.province().code, province.legacyCode());
        if (!request.taxCode().equals(producer.taxCode) && Producer.taxCodeTaken(request.taxCode())) {
            throw ApiException.conflict("TAX_CODE_TAKEN", "A producer with tax code " + request.taxCode() + " is already registered");
        }
        ProducerView before = ProducerView.of(producer);
        apply(request, province, commune, producer);
        producer.flush();
        ProducerView after = ProducerView.of(producer);
        audit.record("producer.updated", "producer", producer.id, before, after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProducerView get(UUID id) {
        Producer producer = load(id);
        scope.requireRead(producer.provinceCode, producer.id);
        return ProducerView.of(producer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProducerView> list(String provinceCode, ProducerKind kind, String nameContains, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        String visibleProvince = user.hasRole(Roles.PRODUCER) ? provinceCode : scope.listableProvince(provinceCode);
        if (visibleProvince != null) {
            query.append(" and provinceCode = :province");
            params.and("province", visibleProvince);
        }
        if (user.hasRole(Roles.PRODUCER) && !user.hasRole(Roles.CENTRAL_OFFICER)) {
            query.append(" and id = :self");
            params.and("self", user.producerId().orElse(new UUID(0, 0)));
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (nameContains != null && !nameContains.isBlank()) {
            query.append(" and lower(name) like :name").append(LikePattern.ESCAPE);
            params.and("name", LikePattern.containing(nameContains.toLowerCase(java.util.Locale.ROOT)));
        }
        return Page.of(Producer.find(query.toString(), Sort.by("name").and("id"), params), page, ProducerView::of);
    }

    static Producer load(UUID id) {
        Producer producer = Producer.findById(id);
        if (producer == null) {
            throw ApiException.notFound("Producer", id);
        }
        return producer;
    }

    private void apply(ProducerRequest request, ProvinceDirectory.ResolvedProvince province,
                       CommuneDirectory.ResolvedCommune commune, Producer producer) {
        producer.name = request.name().trim();
        producer.kind = request.kind();
        producer.taxCode = request.taxCode();
        producer.provinceCode = province.province().code;
        producer.legacyProvinceCode = province.legacyCode();
        producer.communeCode = commune == null ? null : commune.code();
        producer.legacyCommuneCode = commune == null ? null : commune.given();
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
        producer.updatedAt = Instant.now();
        producer.updatedBy = user.actor();
    }
}
