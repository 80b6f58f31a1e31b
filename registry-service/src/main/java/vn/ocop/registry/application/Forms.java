package vn.ocop.registry.application;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.ocop.registry.producer.PersonalData;

/** The forms of a dossier (QĐ 26/2026 Annex III). */
public final class Forms {
    private Forms() {
    }

    /** Mẫu 01 Phiếu đăng ký: who registers which product. */
    @Schema(name = "Form01")
    public record Form01(
            @NotBlank @Size(max = 300) @Schema(example = "Hợp tác xã Nông nghiệp Tỏi Lý Sơn") String unitName,
            @NotBlank @Size(max = 200) @Schema(example = "Trương Thị Hoa") String legalRepresentative,
            @Size(max = 100) @Schema(example = "Giám đốc") String representativeTitle,
            @NotBlank @Size(max = 500) @Schema(nullable = true, description = PERSON_CONTACT,
                    example = "Thôn Đông, đặc khu Lý Sơn, tỉnh Quảng Ngãi") String address,
            @NotBlank @Size(max = 30) @Schema(nullable = true, description = PERSON_CONTACT, example = "0255 3867 215") String phone,
            @Email @Size(max = 200) @Schema(nullable = true, description = PERSON_CONTACT, example = "htx.toilyson@example.org")
            String email,
            @NotBlank @Size(max = 300) @Schema(example = "Tỏi Lý Sơn") String productName,
            @Size(max = 300) @Schema(description = "Ngành / nhóm / phân nhóm as written on the form",
                    example = "Thực phẩm / Gia vị / Gia vị khác") String productGroup,
            @Min(0) @Max(100) @Schema(description = "Samples the producer will hand in (5; none for tourism)", example = "5")
            int sampleCount) {

        /** Where the dossier's producer is a household or farm, the unit's contacts are a person's. */
        static final String PERSON_CONTACT = "In answers, for a dossier of a HOUSEHOLD or FARM producer, a person's contact. "
                + PersonalData.WHO_SEES + " (for the other kinds, shown to every caller who may read the dossier)";

        /** The form without the unit's contacts, for a caller who may not see a person's. */
        Form01 withoutContacts() {
            return new Form01(unitName, legalRepresentative, representativeTitle, null, null, null, productName, productGroup,
                    sampleCount);
        }
    }

    /** Mẫu 02 Báo cáo tự đánh giá: self score per criterion and the evidence offered. */
    @Schema(name = "Form02")
    public record Form02(
            @NotNull @Size(max = 200) @Valid List<SelfScore> selfScores,
            @Size(max = 500) @Valid List<Evidence> evidence,
            @Size(max = 20000) @Schema(description = "Business results: raw materials, process, markets, revenue") String businessResults,
            @Size(max = 20000) @Schema(nullable = true, description = "Business plan") String businessPlan) {

        /** Evidence is optional: a form sent without it answers an empty list, as its schema says, never null. */
        public Form02 {
            evidence = evidence == null ? List.of() : evidence;
        }

        public BigDecimal selfTotal() {
            return selfScores == null ? BigDecimal.ZERO
                    : selfScores.stream().map(SelfScore::score).filter(java.util.Objects::nonNull)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @Schema(name = "SelfScore")
    public record SelfScore(
            @NotBlank @Pattern(regexp = "[A-C]\\.\\d{1,2}(\\.\\d{1,2})?", message = "must be a criterion code such as A.1.1")
            @Schema(example = "A.1.1") String criterionCode,
            @NotNull @DecimalMin("0") @DecimalMax("20") @Schema(example = "3") BigDecimal score) {
    }

    @Schema(name = "Evidence")
    public record Evidence(
            @Pattern(regexp = "[A-C]\\.\\d{1,2}(\\.\\d{1,2})?", message = "must be a criterion code such as A.1.1")
            @Schema(example = "A.1.1") String criterionCode,
            @NotBlank @Size(max = 500) @Schema(example = "Hợp đồng liên kết vùng nguyên liệu 2025") String description,
            @Schema(nullable = true, description = "An uploaded document of this dossier") java.util.UUID documentId) {
    }

    /** Mẫu 03: the commune's report on local raw materials, labour, idea origin and identity. */
    @Schema(name = "Form03")
    public record Form03(
            @NotBlank @Size(max = 5000) @Schema(example = "Tỏi trồng tại đảo Lý Sơn, 100% nguyên liệu địa phương") String localRawMaterials,
            @NotBlank @Size(max = 5000) @Schema(example = "45 lao động địa phương") String localLabour,
            @NotBlank @Size(max = 5000) @Schema(example = "Ý tưởng của HTX") String ideaOrigin,
            @NotBlank @Size(max = 5000) @Schema(example = "Sản phẩm gắn với chỉ dẫn địa lý Lý Sơn") String localIdentity,
            @Size(max = 5000) @Schema(example = "Đề nghị tỉnh đánh giá, phân hạng") String recommendation) {
    }
}
