package vn.ocop.registry.verification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import vn.ocop.registry.certification.CertificateStatus;

/** The words of the public page in Vietnamese (first) and English. */
enum PageText {
    VI("vi", "dd/MM/yyyy", Map.ofEntries(
            Map.entry("brand", "Kiểm tra sản phẩm OCOP"),
            Map.entry("title", "Giấy chứng nhận OCOP"),
            Map.entry("switch", "English"),
            Map.entry("switchLang", "en"),
            Map.entry("ACTIVE", "CÒN HIỆU LỰC"),
            Map.entry("REVOKED", "ĐÃ BỊ THU HỒI"),
            Map.entry("EXPIRED", "ĐÃ HẾT HIỆU LỰC"),
            Map.entry("SUPERSEDED", "ĐÃ ĐƯỢC THAY THẾ"),
            Map.entry("NOT_FOUND", "KHÔNG TÌM THẤY"),
            Map.entry("validNote", "Sản phẩm được công nhận đạt chuẩn OCOP đến hết ngày %s."),
            Map.entry("revokedNote", "Giấy chứng nhận đã bị thu hồi ngày %s. Nhãn OCOP trên bao bì không còn giá trị."),
            Map.entry("expiredNote", "Giấy chứng nhận đã hết hiệu lực sau ngày %s. Nhãn OCOP trên bao bì không còn giá trị."),
            Map.entry("supersededNote", "Giấy chứng nhận này đã được thay bằng giấy chứng nhận mới sau khi đánh giá lại."),
            Map.entry("notFoundNote", "Không có giấy chứng nhận OCOP nào mang số %s. Hãy kiểm tra lại số in trên nhãn."),
            Map.entry("ground", "Lý do thu hồi"),
            Map.entry("revocationDecision", "Quyết định thu hồi"),
            Map.entry("newCertificate", "Xem giấy chứng nhận mới"),
            Map.entry("number", "Số giấy chứng nhận"),
            Map.entry("producer", "Chủ thể sản phẩm"),
            Map.entry("province", "Tỉnh, thành phố"),
            Map.entry("productCode", "Mã sản phẩm"),
            Map.entry("validity", "Thời hạn hiệu lực"),
            Map.entry("validityRange", "từ %s đến hết %s"),
            Map.entry("decision", "Quyết định công nhận"),
            Map.entry("stars", "Hạng"),
            Map.entry("starsText", "%d sao trên 5"),
            Map.entry("whereToBuy", "Nơi mua sản phẩm này"),
            Map.entry("report", "Báo cáo vấn đề về sản phẩm này"),
            Map.entry("checkedOn", "Tình trạng tại ngày %s."),
            Map.entry("language", "Ngôn ngữ"))),
    EN("en", "d MMMM yyyy", Map.ofEntries(
            Map.entry("brand", "OCOP product check"),
            Map.entry("title", "OCOP certificate"),
            Map.entry("switch", "Tiếng Việt"),
            Map.entry("switchLang", "vi"),
            Map.entry("ACTIVE", "VALID"),
            Map.entry("REVOKED", "REVOKED"),
            Map.entry("EXPIRED", "EXPIRED"),
            Map.entry("SUPERSEDED", "REPLACED"),
            Map.entry("NOT_FOUND", "NOT FOUND"),
            Map.entry("validNote", "This product is recognised as meeting the OCOP standard until the end of %s."),
            Map.entry("revokedNote", "This certificate was revoked on %s. The OCOP label on the pack is no longer valid."),
            Map.entry("expiredNote", "This certificate expired after %s. The OCOP label on the pack is no longer valid."),
            Map.entry("supersededNote", "This certificate was replaced by a new one after a re-rating."),
            Map.entry("notFoundNote", "No OCOP certificate has the number %s. Please check the number printed on the label."),
            Map.entry("ground", "Ground of revocation"),
            Map.entry("revocationDecision", "Revocation decision"),
            Map.entry("newCertificate", "See the new certificate"),
            Map.entry("number", "Certificate number"),
            Map.entry("producer", "Producer"),
            Map.entry("province", "Province"),
            Map.entry("productCode", "Product code"),
            Map.entry("validity", "Validity"),
            Map.entry("validityRange", "from %s to the end of %s"),
            Map.entry("decision", "Recognition decision"),
            Map.entry("stars", "Rating"),
            Map.entry("starsText", "%d stars out of 5"),
            Map.entry("whereToBuy", "Where to buy this product"),
            Map.entry("report", "Report a problem with this product"),
            Map.entry("checkedOn", "Status as of %s."),
            Map.entry("language", "Language")));

    final String lang;
    private final DateTimeFormatter dates;
    private final Map<String, String> words;

    PageText(String lang, String datePattern, Map<String, String> words) {
        this.lang = lang;
        this.dates = DateTimeFormatter.ofPattern(datePattern, Locale.forLanguageTag(lang));
        this.words = words;
    }

    /** Vietnamese unless English is asked for. */
    static PageText of(String lang) {
        return "en".equalsIgnoreCase(lang) ? EN : VI;
    }

    String word(String key, Object... args) {
        String word = words.get(key);
        if (word == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return args.length == 0 ? word : String.format(word, args);
    }

    String status(CertificateStatus status) {
        return word(status.name());
    }

    String date(LocalDate date) {
        return date == null ? "—" : dates.format(date);
    }
}
