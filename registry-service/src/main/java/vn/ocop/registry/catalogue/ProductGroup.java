package vn.ocop.registry.catalogue;

/**
 * The six product groups (nhóm sản phẩm) of Annex I and the product sets (bộ sản phẩm, 1–26) each holds (OCOP.md §1).
 */
public enum ProductGroup {
    /** Thực phẩm. */
    I(1, 13),
    /** Đồ uống. */
    II(14, 17),
    /** Dược liệu và sản phẩm từ dược liệu. */
    III(18, 20),
    /** Thủ công mỹ nghệ. */
    IV(21, 22),
    /** Sinh vật cảnh. */
    V(23, 25),
    /** Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch. */
    VI(26, 26);

    final int firstSet;
    final int lastSet;

    ProductGroup(int firstSet, int lastSet) {
        this.firstSet = firstSet;
        this.lastSet = lastSet;
    }

    public static ProductGroup of(int productSet) {
        for (ProductGroup group : values()) {
            if (productSet >= group.firstSet && productSet <= group.lastSet) {
                return group;
            }
        }
        throw new IllegalArgumentException("no product set " + productSet);
    }
}
