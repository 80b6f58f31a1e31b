package vn.ocop.registry.imports;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.registry.correction.Written;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened to one row of an import. */
@Entity
@Table(name = "import_row_result")
@IdClass(ImportRowResult.Key.class)
public class ImportRowResult extends PanacheEntityBase {
    @Schema(name = "ImportRowOutcome")
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

    private static final ObjectMapper JSON = new ObjectMapper();

    static ImportRowResult failed(String ref, List<ImportViews.RowError> errors) {
        ImportRowResult result = new ImportRowResult();
        result.outcome = Outcome.FAILED;
        result.externalRef = ref == null || ref.length() > 100 ? null : ref;
        try {
            result.errors = JSON.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("row errors are not serialisable", e);
        }
        return result;
    }

    static ImportRowResult written(Written.Outcome outcome, String entityType, UUID entityId, String ref) {
        ImportRowResult result = new ImportRowResult();
        result.outcome = Outcome.valueOf(outcome.name());
        result.entityType = entityType;
        result.entityId = entityId;
        result.externalRef = ref;
        return result;
    }

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
