package vn.ocop.registry.producer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registration or update of a producer. */
@Schema(name = "ProducerRequest")
public record ProducerRequest(
        @NotBlank @Size(max = 300) @Schema(example = "HTX Nông nghiệp Tổng hợp Lý Sơn") String name,
        @NotNull @Schema(example = "COOPERATIVE") ProducerKind kind,
        @NotBlank @Pattern(regexp = "\\d{10}(-\\d{3})?", message = "must be 10 digits, or 10 digits, a dash and 3 digits (branch)")
        @Schema(example = "4300812345") String taxCode,
        @NotBlank @Schema(description = "Province code; codes of the 63 former provinces are accepted and mapped", example = "51")
        String provinceCode,
        @Size(max = 100) @Pattern(regexp = ProducerRequest.COMMUNE_PATTERN, message = "must be a 5-digit commune code or a commune name")
        @Schema(description = COMMUNE_RULE, example = "21040") String communeCode,
        @Size(max = 500) @Schema(example = "Thôn Đông, đặc khu Lý Sơn, Quảng Ngãi") String address,
        @Size(max = 30) @Pattern(regexp = "[0-9 +().-]*", message = "must be a phone number") @Schema(example = "0255 3867 123") String phone,
        @Email @Size(max = 200) @Schema(example = "htxlyson@example.vn") String email,
        @NotNull @Valid RepresentativeRequest representative,
        @Size(max = 1000) @Schema(description = REASON_RULE, example = "Sai mã số thuế khi nhập hồ sơ; sửa theo giấy đăng ký HTX")
        String reason) {

    /** The optional reason of a correction; shared by the product request. */
    public static final String REASON_RULE = "Why the record is corrected (PUT, PATCH); kept in the audit trail and the "
            + "update event. Required when an officer changes the tax code, the province or the commune; ignored at registration.";

    /** How a commune may be given; shared by the product request. */
    /** Digits only means a code, so it must have five; anything else is a name. */
    public static final String COMMUNE_PATTERN = "\\d{5}|.*\\D.*";
    public static final String COMMUNE_RULE = "The commune in force (5-digit statistics-office code). A former commune's code or "
            + "name (before 1/7/2025, e.g. 21046 or 'Xã Bình Thạnh' → 21040 Xã Bình Sơn) or a commune's name in the "
            + "province is accepted, mapped, and the value given kept as legacyCommuneCode; a former commune split "
            + "across several communes is refused with FORMER_COMMUNE_SPLIT naming them.";

    /** The producer as a PUT of the unchanged record would send it: what a merge patch applies to. */
    public static ProducerRequest of(ProducerView view) {
        return new ProducerRequest(view.name(), view.kind(), view.taxCode(), view.provinceCode(), view.communeCode(),
                view.address(), view.phone(), view.email(), view.representative().asRequest(), null);
    }

    public record RepresentativeRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Nguyễn Thị Hoa") String fullName,
            @Size(max = 100) @Schema(nullable = true, example = "Giám đốc") String title,
            @NotNull @Schema(example = "FEMALE") Gender gender,
            @Size(max = 50) @Schema(nullable = true, example = "Kinh") String ethnicGroup,
            boolean ethnicMinority,
            boolean disabled) {
    }
}
