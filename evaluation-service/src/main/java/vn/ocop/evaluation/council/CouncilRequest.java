package vn.ocop.evaluation.council;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.evaluation.rating.CouncilLevel;

/** Creation or replacement of a council. */
@Schema(name = "CouncilRequest")
public record CouncilRequest(
        @NotBlank @Size(max = 300) @Schema(example = "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Quảng Ngãi 2026") String name,
        @NotNull @Schema(example = "PROVINCIAL") CouncilLevel level,
        @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") @Schema(description = "Required for a provincial council", example = "51")
        String provinceCode,
        @NotNull @Min(1) @Max(50) @Schema(description = "Scoring members whose sheets are needed to close a product", example = "3") Integer quorum,
        @DecimalMin("0") @DecimalMax("1") @Schema(description = "Share of sheets that must meet a marked minimum (default 0.5)", example = "0.5")
        BigDecimal mandatoryShare,
        @Schema(description = "true (default): more than mandatoryShare; false: at least") Boolean mandatoryStrict,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid MemberRequest> members,
        @Size(max = 30) @Schema(description = "The advisory team (tổ tư vấn); omitted = none") List<@NotNull @Valid AdviserRequest> advisoryTeam,
        @Size(max = 500) @Schema(description = "The council's regulation (quy chế hoạt động); required when extraRounds are given",
                example = "Quyết định 1234/QĐ-UBND ngày 10/3/2026 ban hành Quy chế hoạt động của Hội đồng") String regulation,
        @Size(max = 24) @Schema(description = "Extra rounds (đợt bổ sung) the regulation allows beyond the round calendar; omitted = none")
        List<@NotNull @Valid ExtraRoundRequest> extraRounds) {

    /** An extra round: dossiers due by {@code filesDueBy}, decision by {@code decideBy} (days in Vietnam). */
    public record ExtraRoundRequest(@NotNull @Schema(example = "2026-08-15") LocalDate filesDueBy,
                                    @NotNull @Schema(example = "2026-09-15") LocalDate decideBy) {
    }

    /** A member of the advisory team: not a council seat, does not score. */
    public record AdviserRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Trần Thị Bình") String name,
            @NotBlank @Size(max = 300) @Schema(example = "Chi cục Quản lý chất lượng nông lâm sản và thủy sản") String organisation) {
    }

    public record MemberRequest(
            @NotBlank @Size(max = 200) @Schema(description = "The member's account (token subject)", example = "chair-51@ocop.gov.vn") String subject,
            @NotBlank @Size(max = 200) @Schema(example = "Nguyễn Văn An") String fullName,
            @NotNull @Schema(example = "CHAIR") MemberRole role) {
    }
}
