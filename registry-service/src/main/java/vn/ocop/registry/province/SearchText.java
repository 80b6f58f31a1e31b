package vn.ocop.registry.province;

import java.text.Normalizer;
import java.util.Locale;

/** Folds Vietnamese text for diacritic-insensitive matching: "Đặc khu Lý Sơn" → "dac khu ly son". */
public final class SearchText {
    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        // đ/Đ is a letter of its own, not d plus a mark, so NFD alone would keep it.
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
}
