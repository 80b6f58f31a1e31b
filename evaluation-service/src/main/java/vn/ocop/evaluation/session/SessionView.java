package vn.ocop.evaluation.session;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CouncilLevel;
import vn.ocop.evaluation.round.Round;

@Schema(name = "Session")
public record SessionView(UUID id, UUID councilId, CouncilLevel level, @Schema(nullable = true) String provinceCode, LocalDate heldOn,
                          @Schema(description = "The round (đợt) the meeting day belongs to, with its legal deadlines") Round round,
                          List<Item> products,
                          @Schema(nullable = true, description = "The advisory team's report, if attached") AdvisoryReportRequest.View advisoryReport) {

    /** One product on the agenda; {@code status} PENDING, CLOSED or WITHDRAWN. */
    @Schema(name = "SessionAgendaItem")
    public record Item(UUID productId, String productCode, UUID producerId, String provinceCode, int productSet,
                       String criteriaSetId,
                       @Schema(enumeration = {"PENDING", "CLOSED", "WITHDRAWN"}, example = "PENDING") String status,
                       @Schema(nullable = true, description = "The result, once the product's evaluation is closed") UUID resultId) {
        static Item of(SessionProduct p) {
            return new Item(p.productId, p.productCode, p.producerId, p.provinceCode, p.productSet, p.criteriaSetId, p.status, p.resultId);
        }
    }
}
