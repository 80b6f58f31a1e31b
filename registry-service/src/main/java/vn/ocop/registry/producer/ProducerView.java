package vn.ocop.registry.producer;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A producer as the API shows it. */
@Schema(name = "Producer")
public record ProducerView(
        UUID id,
        String name,
        ProducerKind kind,
        String taxCode,
        String provinceCode,
        @Schema(description = "The former province code given at registration, when it was mapped to provinceCode")
        String legacyProvinceCode,
        String communeCode,
        @Schema(description = "Version of the administrative unit list the codes refer to", example = "2025") String unitList,
        String address,
        String phone,
        String email,
        ProducerRequest.RepresentativeRequest representative,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ProducerView of(Producer p) {
        Representative r = p.representative;
        return new ProducerView(p.id, p.name, p.kind, p.taxCode, p.provinceCode, p.legacyProvinceCode, p.communeCode,
                p.unitList, p.address, p.phone, p.email,
                new ProducerRequest.RepresentativeRequest(r.fullName, r.title, r.gender, r.ethnicGroup, r.ethnicMinority, r.disabled),
                p.createdAt, p.updatedAt, p.version);
    }
}
