package vn.ocop.monitoring.statistics;

/**
 * The six product groups (nhóm sản phẩm) of QĐ 26/2026 Annex I, from the product set number 1–26 (OCOP.md §1):
 * I food 1–13, II beverages 14–17, III herbal products 18–20, IV handicrafts and textiles 21–22,
 * V ornamental plants and animals 23–25, VI community tourism 26.
 */
final class ProductGroups {
    private ProductGroups() {
    }

    static String of(int productSet) {
        if (productSet >= 1 && productSet <= 13) {
            return "I_FOOD";
        }
        if (productSet >= 14 && productSet <= 17) {
            return "II_BEVERAGES";
        }
        if (productSet >= 18 && productSet <= 20) {
            return "III_HERBAL";
        }
        if (productSet == 21 || productSet == 22) {
            return "IV_HANDICRAFT_TEXTILE";
        }
        if (productSet >= 23 && productSet <= 25) {
            return "V_ORNAMENTAL";
        }
        if (productSet == 26) {
            return "VI_TOURISM";
        }
        return "UNKNOWN";
    }
}
