package vn.ocop.monitoring.evidence;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.ocop.platform.files.StoredFile;

/** A file attached to an inspection (evidence, chứng cứ) or to a complaint (the complainant's photo). Never changed. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends StoredFile {

    public enum OwnerKind { INSPECTION, COMPLAINT }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind")
    public OwnerKind ownerKind;
    @Column(name = "owner_id")
    public UUID ownerId;
    @Column(name = "finding_index")
    public Integer findingIndex;
}
