package vn.ocop.registry.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;

/**
 * Which product a GTIN belongs to. A GTIN names one trade item, so at most one product has it (a unique index on
 * the GTIN-14 form backs this up); GS1 compares GTINs padded with zeros to 14 digits, so "8936045123454" and
 * "08936045123454" are the same number.
 */
public final class GtinOwners {
    private GtinOwners() {
    }

    /** The GS1 comparison form: the digits padded with zeros to 14. */
    public static String gtin14(String gtin) {
        return "0".repeat(Math.max(0, 14 - gtin.length())) + gtin;
    }

    /** The product registered under this GTIN (in any of its padded forms). */
    public static Optional<Product> owner(String gtin) {
        String gtin14 = gtin14(gtin);
        return Product.<Product>find("gtin in ?1", storedForms(gtin14)).firstResultOptional();
    }

    /** Why {@code gtin} cannot go to product {@code productId} (null for a new product), or empty when it can. */
    public static Optional<String> conflict(String gtin, UUID productId) {
        if (gtin == null) {
            return Optional.empty();
        }
        return owner(gtin).filter(owner -> !owner.id.equals(productId))
                .map(owner -> "GTIN " + gtin + " already belongs to product " + owner.code + " (" + owner.name + ")");
    }

    /** Refuses, with 409 GTIN_TAKEN naming the field (an import reports it on the row's gtin), a GTIN another product has. */
    public static void requireFree(String gtin, UUID productId) {
        conflict(gtin, productId).ifPresent(reason -> {
            throw new ApiException(409, "GTIN_TAKEN", "Conflict with the current state", reason,
                    List.of(new Problem.Violation("gtin", reason)));
        });
    }

    /** GTIN-14 and the shorter forms it can have been registered under (leading zeros dropped). */
    static List<String> storedForms(String gtin14) {
        List<String> forms = new ArrayList<>(List.of(gtin14));
        for (int length : new int[] {13, 12, 8}) {
            if (gtin14.substring(0, 14 - length).chars().allMatch(ch -> ch == '0')) {
                forms.add(gtin14.substring(14 - length));
            }
        }
        return forms;
    }
}
