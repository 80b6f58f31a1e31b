package vn.ocop.evaluation.session;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A council meeting and the products on its agenda. */
@Schema(name = "SessionRequest")
public record SessionRequest(
        @NotNull UUID councilId,
        @NotNull @Schema(description = "Meeting day (Vietnam); selects the criteria set in force", example = "2026-06-20") LocalDate heldOn,
        @NotEmpty @Size(max = 200) @Schema(description = "Provincial: products with an accepted dossier of the council's province; central: nominated products")
        List<@NotNull UUID> productIds) {
}
