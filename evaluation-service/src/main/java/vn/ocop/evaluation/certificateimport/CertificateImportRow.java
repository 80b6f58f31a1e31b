package vn.ocop.evaluation.certificateimport;

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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What happened to one row of a certificate import. */
@Entity
@Table(name = "certificate_import_row")
@IdClass(CertificateImportRow.Key.class)
public class CertificateImportRow extends PanacheEntityBase {
    @Schema(name = "CertificateImportOutcome")
    public enum Outcome {
        /** A certificate was brought in. */
        CREATED,
        /** The same certificate (same number, same content) was already here: nothing changed. */
        UNCHANGED,
        /** Nothing was written for the row; errors say why. */
        FAILED
    }

    @Id
    @Column(name = "job_id")
    public UUID jobId;
    @Id
    @Column(name = "row_number")
    public int rowNumber;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @Column(name = "certificate_id")
    public UUID certificateId;
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
