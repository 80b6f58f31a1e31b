package vn.ocop.evaluation.session;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.round.Round;

/** An accepted dossier (hồ sơ) as the evaluation service holds it, with the provincial round it is for. */
@Schema(name = "Dossier")
public record DossierView(
        @Schema(example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") UUID applicationId,
        @Schema(example = "8b0e3c52-6a1f-4d9e-a2b7-51c4d3e2f1a0") UUID productId,
        @Schema(example = "51-10001-1-2026") String productCode,
        @Schema(example = "c7d8e9f0-1a2b-4c3d-9e8f-7a6b5c4d3e2f") UUID producerId,
        @Schema(example = "51") String provinceCode,
        @Schema(example = "1") int productSet,
        @Schema(description = "FIRST_RATING, UPGRADE or RE_RATING", enumeration = {"FIRST_RATING", "UPGRADE", "RE_RATING"}, example = "FIRST_RATING") String kind,
        @Schema(nullable = true, description = "The certificate an upgrade or re-rating builds on") String currentCertificateNumber,
        @Schema(description = "When the province accepted the dossier", example = "2026-06-01T02:00:00Z") Instant acceptedAt,
        @Schema(example = "AWAITING") Status status,
        @Schema(description = "The provincial round the dossier is for (regular, or an extra round of a council of its province)") Round round) {

    /** Where a dossier stands in evaluation. */
    @Schema(name = "DossierStatus")
    public enum Status {
        /** Accepted, on no session's agenda, not withdrawn: a new session may take it. */
        AWAITING(Application.SUBMITTED),
        /** On a session's agenda, not closed yet. */
        IN_SESSION(Application.IN_SESSION),
        /** The council closed it (a result exists). */
        EVALUATED(Application.EVALUATED),
        /** The producer withdrew it before a result. */
        WITHDRAWN(Application.WITHDRAWN);

        private final String stored;

        Status(String stored) {
            this.stored = stored;
        }

        String stored() {
            return stored;
        }

        static Status of(String stored) {
            for (Status s : values()) {
                if (s.stored.equals(stored)) {
                    return s;
                }
            }
            throw new IllegalStateException("Unknown dossier status " + stored);
        }
    }

    static DossierView of(Application a, Round round) {
        return new DossierView(a.id, a.productId, a.productCode, a.producerId, a.provinceCode, a.productSet, a.kind,
                a.currentCertificateNumber, a.acceptedAt, Status.of(a.status), round);
    }
}
