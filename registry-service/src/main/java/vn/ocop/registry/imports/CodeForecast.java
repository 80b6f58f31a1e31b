package vn.ocop.registry.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.registry.product.ProductCodes;
import vn.ocop.registry.province.CommuneDirectory;
import vn.ocop.registry.province.ProvinceDirectory;

/**
 * Foresees where a batch's new products will take their product codes (their producer's province, their commune) and
 * reserves those serials in one statement ({@link ProductCodes#reserve}) instead of one upsert per product. A guess
 * that proves wrong costs nothing but speed: the service still takes its code from {@link ProductCodes#next}, which
 * falls back to its own upsert, and unused serials are given back before the batch commits.
 */
@ApplicationScoped
class CodeForecast {
    @Inject
    ProvinceDirectory provinces;

    @Inject
    CommuneDirectory communes;

    @Inject
    BatchLookups lookups;

    @Inject
    ProductCodes codes;

    /** Reserves the serials the batch's new products will take; call after {@link BatchLookups#prefetch}. */
    void reserve(List<Rows.Row> batch) {
        Map<String, String> producerProvinces = new HashMap<>(); // producer rows of the batch: externalRef to province given
        Set<String> products = new HashSet<>();
        Map<ProductCodes.Place, Integer> counts = new HashMap<>();
        for (Rows.Row row : batch) {
            JsonNode value = row.value();
            String kind = value == null ? null : ImportRows.kind(value.get("type"));
            String ref = value == null ? null : ImportRows.text(value.get("externalRef"));
            if (ref == null || kind == null) {
                continue;
            }
            if (kind.equals("producer")) {
                String province = ImportRows.text(value.get("provinceCode"));
                if (province != null) {
                    producerProvinces.put(ref, province);
                }
            } else if (lookups.known().get("product:" + ref) == null && products.add(ref)) {
                ProductCodes.Place place = place(value, producerProvinces);
                if (place != null) {
                    counts.merge(place, 1, Integer::sum);
                }
            }
        }
        codes.reserve(counts);
    }

    /** Where a new product row will take its code, or null when that cannot be told before the row is applied. */
    private ProductCodes.Place place(JsonNode product, Map<String, String> producerProvinces) {
        String producerRef = ImportRows.text(product.get("producerRef"));
        String communeCode = ImportRows.text(product.get("communeCode"));
        if (producerRef == null || communeCode == null) {
            return null;
        }
        try {
            String given = producerProvinces.get(producerRef);
            String province = given != null ? provinces.resolve("provinceCode", given).province().code : lookups.provinceOf(producerRef);
            if (province == null) {
                return null;
            }
            CommuneDirectory.ResolvedCommune commune = communes.resolve("communeCode", communeCode, province, null);
            return commune == null ? null : new ProductCodes.Place(province, commune.code());
        } catch (ApiException refused) {
            return null; // the row will be refused for it, and take no code
        }
    }
}
