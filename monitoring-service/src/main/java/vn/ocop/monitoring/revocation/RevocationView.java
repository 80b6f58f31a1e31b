package vn.ocop.monitoring.revocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revocation")
public record RevocationView(
        UUID id,
        @Schema(description = "Province code of the deciding province, or CENTRAL for the ministry", example = "82") String authority,
        String decisionNumber,
        LocalDate decidedOn,
        RevocationGround ground,
        LocalDate findingOn,
        @Schema(description = "Last day for the decision, counted from the finding by the rules in force on it") LocalDate deadlineOn,
        @Schema(description = "The decision came after the deadline") boolean decidedLate,
        @Schema(nullable = true) UUID inspectionId,
        @Schema(nullable = true) String reason,
        List<String> certificateNumbers,
        String decidedBy,
        Instant createdAt) {

    static RevocationView of(RevocationDecision d, List<String> numbers) {
        return new RevocationView(d.id, d.authority, d.decisionNumber, d.decidedOn, d.ground, d.findingOn, d.deadlineOn,
                d.decidedLate, d.inspectionId, d.reason, numbers, d.decidedBy, d.createdAt);
    }
}
