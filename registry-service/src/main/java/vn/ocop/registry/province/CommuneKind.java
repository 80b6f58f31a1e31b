package vn.ocop.registry.province;

import java.util.Locale;

/** Commune-level unit kinds since 1/7/2025: xã (rural commune), phường (urban ward), đặc khu (special zone). */
public enum CommuneKind {
    COMMUNE("xã"), WARD("phường"), SPECIAL_ZONE("đặc khu");

    private final String vietnamese;

    CommuneKind(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** Accepts the English constant or the Vietnamese word, with or without diacritics ("xa", "Phường", "dac khu"). */
    public static CommuneKind parse(String text) {
        if (text == null) {
            return null;
        }
        String folded = SearchText.fold(text);
        for (CommuneKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim()) || SearchText.fold(kind.vietnamese).equals(folded)
                    || kind.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(folded)) {
                return kind;
            }
        }
        return null;
    }
}
