package vn.ocop.registry.producer;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.security.Actor;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;

/**
 * Personal data of a producer (Decree 13/2023/NĐ-CP): the representative's ethnic group, ethnic-minority and
 * disability flags, and the tax code (a person's ID number) and contacts (address, phone, e-mail) of a producer that is
 * a person ({@link #PERSONS}). Only the producer itself and the officers who manage it see them; every read that shows
 * them is audited, one row per producer or dossier read, in the audit trail the writes use.
 */
@ApplicationScoped
public class PersonalData {
    /** Who sees the personal fields, for the API's schema descriptions. */
    public static final String WHO_SEES = "Personal data (Decree 13/2023/NĐ-CP): shown only to the producer itself, central "
            + "officers, the province officers of the producer's province and the commune officers of its commune; "
            + "null for every other caller";
    /** The audit action of a read that showed personal data. */
    public static final String READ_ACTION = "producer.personal-data.read";
    /** Kinds whose address, phone and e-mail are a person's (a household, a family farm), not an organisation's. */
    static final Set<ProducerKind> PERSONS = EnumSet.of(ProducerKind.HOUSEHOLD, ProducerKind.FARM);

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    /** Whether {@code actor} may see the producer's personal data. */
    static boolean visibleTo(Actor actor, Producer producer) {
        if (actor.hasRole(Roles.CENTRAL_OFFICER)) {
            return true;
        }
        if (actor.hasRole(Roles.PRODUCER) && producer.id.equals(actor.producerId())) {
            return true;
        }
        boolean ownProvince = producer.provinceCode.equals(actor.province());
        if (actor.hasRole(Roles.PROVINCE_OFFICER) && ownProvince) {
            return true;
        }
        return actor.hasRole(Roles.COMMUNE_OFFICER) && ownProvince && producer.communeCode != null
                && producer.communeCode.equals(actor.commune());
    }

    /** The producer as the current caller may see it; a read that shows the personal data is audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProducerView show(Producer producer) {
        Actor actor = user.asActor();
        ProducerView view = ProducerView.of(producer);
        if (!visibleTo(actor, producer)) {
            return withheld(view);
        }
        audit.record(actor, READ_ACTION, "producer", producer.id, null, null, null);
        return view;
    }

    /**
     * Whether the current caller may see the contacts of the producer with this id where another record repeats them
     * (a dossier's Form 01): an organisation's always (they are not personal), a person's as on its own record. A read
     * that shows a person's contacts is audited as a read of {@code entityType} {@code entityId}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean showsContacts(UUID producerId, String entityType, UUID entityId) {
        Producer producer = Producer.findById(producerId);
        if (producer == null || !PERSONS.contains(producer.kind)) {
            return true;
        }
        Actor actor = user.asActor();
        if (!visibleTo(actor, producer)) {
            return false;
        }
        audit.record(actor, READ_ACTION, entityType, entityId, null, null, null);
        return true;
    }

    /**
     * The tax code that events may carry: an organisation's (a public register entry), never a person's (a household's
     * or farm's tax code is its owner's ID number, and no consumer needs it).
     */
    static String taxCodeForEvents(Producer producer) {
        return PERSONS.contains(producer.kind) ? null : producer.taxCode;
    }

    private static ProducerView withheld(ProducerView v) {
        boolean person = PERSONS.contains(v.kind());
        return new ProducerView(v.id(), v.name(), v.kind(), person ? null : v.taxCode(), v.provinceCode(),
                v.legacyProvinceCode(), v.communeCode(), v.legacyCommuneCode(), v.unitList(), person ? null : v.address(),
                person ? null : v.phone(), person ? null : v.email(), v.representative().withheld(), v.createdAt(),
                v.updatedAt(), v.version());
    }
}
