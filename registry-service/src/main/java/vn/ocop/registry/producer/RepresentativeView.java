package vn.ocop.registry.producer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The producer's legal representative as the API shows it; the personal fields only to those {@link PersonalData} names. */
@Schema(name = "ProducerRepresentative")
public record RepresentativeView(
        @Schema(example = "Nguyễn Thị Hoa") String fullName,
        @Schema(nullable = true, example = "Giám đốc") String title,
        @Schema(example = "FEMALE") Gender gender,
        @Schema(nullable = true, description = PersonalData.WHO_SEES, example = "Kinh") String ethnicGroup,
        @Schema(nullable = true, description = PersonalData.WHO_SEES, example = "false") Boolean ethnicMinority,
        @Schema(nullable = true, description = PersonalData.WHO_SEES, example = "false") Boolean disabled) {

    static RepresentativeView of(Representative r) {
        return new RepresentativeView(r.fullName, r.title, r.gender, r.ethnicGroup, r.ethnicMinority, r.disabled);
    }

    /** The same representative without the personal fields. */
    RepresentativeView withheld() {
        return new RepresentativeView(fullName, title, gender, null, null, null);
    }

    /** As a PUT of the unchanged record would send it. */
    ProducerRequest.RepresentativeRequest asRequest() {
        return new ProducerRequest.RepresentativeRequest(fullName, title, gender, ethnicGroup,
                Boolean.TRUE.equals(ethnicMinority), Boolean.TRUE.equals(disabled));
    }
}
