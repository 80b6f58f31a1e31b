package vn.ocop.evaluation.round;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An accepted dossier whose round's decision deadline passed without a closed result. */
@Schema(name = "CarriedOverProduct")
public record CarriedOverView(UUID applicationId, UUID productId, String productCode, UUID producerId, String provinceCode,
                              String kind, Instant acceptedAt, String status, Round round) {
}
