package vn.ocop.registry.producer;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A producer as the API shows it. */
@Schema(name = "Producer")
public record ProducerView(
        @Schema(example = "3f6c2a8e-5d41-4b7a-9c0e-7a1d2b3c4d51") UUID id,
        @Schema(example = "HTX Nông nghiệp Tổng hợp Lý Sơn") String name,
        @Schema(example = "COOPERATIVE") ProducerKind kind,
        @Schema(nullable = true, description = PERSON_TAX_CODE, example = "4300812345") String taxCode,
        @Schema(example = "51") String provinceCode,
        @Schema(nullable = true, description = "The former province code given at registration, when it was mapped to provinceCode "
                + "(e.g. 62 Kon Tum → 51); unset otherwise")
        String legacyProvinceCode,
        @Schema(description = "Commune in force (5-digit statistics-office code)", example = "21548") String communeCode,
        @Schema(nullable = true, description = "The former commune code or name given, when it was mapped to communeCode "
                + "(e.g. 21046, former Xã Bình Thạnh → 21040 Xã Bình Sơn); unset otherwise")
        String legacyCommuneCode,
        @Schema(description = "Version of the administrative unit list the codes refer to", example = "2025") String unitList,
        @Schema(nullable = true, description = PERSON_CONTACT, example = "Thôn Đông, đặc khu Lý Sơn, Quảng Ngãi") String address,
        @Schema(nullable = true, description = PERSON_CONTACT, example = "0255 3867 123") String phone,
        @Schema(nullable = true, description = PERSON_CONTACT, example = "htxlyson@example.vn") String email,
        RepresentativeView representative,
        @Schema(example = "2026-01-12T02:15:30Z") Instant createdAt,
        @Schema(example = "2026-02-03T08:40:12Z") Instant updatedAt,
        @Schema(description = "Also given as the ETag", example = "2") long version) {

    /** Contacts of a household or farm are a person's: the description of address, phone and e-mail. */
    static final String PERSON_CONTACT = "For a HOUSEHOLD or FARM producer, a person's contact. " + PersonalData.WHO_SEES
            + " (for the other kinds, shown to every caller who may read the producer)";

    /** A household's or farm's tax code is its owner's personal ID number; the name stays public (certificate, label). */
    static final String PERSON_TAX_CODE = "For a HOUSEHOLD or FARM producer, a person's ID number. " + PersonalData.WHO_SEES
            + " (for the other kinds, shown to every caller who may read the producer)";

    /** The whole record, personal data included: for the writers and the audit trail; reads go through {@link PersonalData}. */
    static ProducerView of(Producer p) {
        return new ProducerView(p.id, p.name, p.kind, p.taxCode, p.provinceCode, p.legacyProvinceCode, p.communeCode,
                p.legacyCommuneCode, p.unitList, p.address, p.phone, p.email, RepresentativeView.of(p.representative),
                p.createdAt, p.updatedAt, p.version);
    }
}
