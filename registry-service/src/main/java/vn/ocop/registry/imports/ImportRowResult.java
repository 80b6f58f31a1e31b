package vn.ocop.registry.imports;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What happened to one row of an import. */
@Entity
@Table(name = "import_row_result")
@IdClass(ImportRowResult.Key.class)
public class ImportRowResult extends PanacheEntityBase {
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, FAILED
    }

    @Id
    @Column(name = "job_id")
    public UUID jobId;
    @Id
    @Column(name = "row_number")
    public int rowNumber;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public UUID entityId;
    @Column(name = "external_ref")
    public String externalRef;
    /** JSON array of {field, reason}. */
    public String errors;

    public static class Key implements Serializable {
        public UUID jobId;
        public int rowNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.rowNumber == rowNumber && Objects.equals(k.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, rowNumber);
        }
    }
}
