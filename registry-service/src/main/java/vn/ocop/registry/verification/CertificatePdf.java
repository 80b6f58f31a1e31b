package vn.ocop.registry.verification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import vn.ocop.registry.catalogue.ProductGroup;
import vn.ocop.registry.certification.CertificateStatus;

/**
 * The certificate (giấy chứng nhận sản phẩm OCOP) as the province prints and hands it over: one A4 page in Vietnamese
 * with the national header (quốc hiệu, tiêu ngữ), set in DejaVu Sans (embedded: its glyphs cover Vietnamese
 * diacritics; licence in fonts/LICENSE-DejaVu.txt). A certificate that no longer stands carries its status diagonally
 * across the page, so that a printed copy made today cannot pass for a valid one.
 */
final class CertificatePdf {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MARGIN = 60;
    private static final float QR_SIZE = 120;

    private final PDDocument document;
    private final PDPageContentStream content;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final float width;
    private float y;

    private CertificatePdf(PDDocument document, PDPageContentStream content, PDType0Font regular, PDType0Font bold, float width,
                           float top) {
        this.document = document;
        this.content = content;
        this.regular = regular;
        this.bold = bold;
        this.width = width;
        this.y = top;
    }

    static byte[] render(CertificateFacts certificate, String verificationUrl) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getDocumentInformation().setTitle("Giấy chứng nhận sản phẩm OCOP " + certificate.number());
            PDType0Font regular = font(document, "fonts/DejaVuSans.ttf");
            PDType0Font bold = font(document, "fonts/DejaVuSans-Bold.ttf");
            PDRectangle box = page.getMediaBox();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                CertificatePdf writer = new CertificatePdf(document, content, regular, bold, box.getWidth(), box.getHeight() - 70);
                writer.write(certificate, verificationUrl);
                if (!certificate.valid()) {
                    writer.stamp(box, endedNotice(certificate.status()));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(CertificateFacts c, String verificationUrl) throws IOException {
        String province = c.provinceTitle();
        centred(bold, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        centred(bold, 12, "Độc lập - Tự do - Hạnh phúc");
        y -= 6;
        centred(regular, 11, "ỦY BAN NHÂN DÂN " + province.toUpperCase(Locale.forLanguageTag("vi")));
        y -= 24;
        centred(bold, 20, "GIẤY CHỨNG NHẬN");
        centred(bold, 14, "SẢN PHẨM ĐẠT CHUẨN OCOP");
        centred(regular, 12, "Số: " + c.number());
        if (!c.valid()) {
            content.setNonStrokingColor(0.65f, 0f, 0f);
            centred(bold, 12, "Tình trạng tại ngày " + date(c.checkedOn()) + ": " + endedNotice(c.status())
                    + (c.revokedOn() != null ? " ngày " + date(c.revokedOn()) : ""));
            content.setNonStrokingColor(0f, 0f, 0f);
        }
        y -= 18;
        paragraph(regular, 11, "Căn cứ Quyết định số " + orDash(c.decisionNumber()) + " ngày " + date(c.issuedOn())
                + " của Ủy ban nhân dân " + province + " về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP,");
        y -= 8;
        centred(bold, 12, "CHỨNG NHẬN");
        y -= 4;
        line("Sản phẩm: ", c.productName());
        line("Mã sản phẩm: ", c.productCode());
        line("Bộ sản phẩm: ", c.productSet() == null ? null
                : "số " + c.productSet() + " (nhóm " + ProductGroup.of(c.productSet()).name() + ")");
        line("Chủ thể sản phẩm: ", c.producerName());
        line("Đạt hạng: ", c.stars() == null ? null : c.stars() + " sao " + "★".repeat(c.stars()));
        line("Thời hạn hiệu lực: ", "từ ngày " + date(c.issuedOn()) + " đến hết ngày " + date(c.validUntil()));
        y -= 16;
        text(regular, 11, width - MARGIN - 230, y, (c.provinceName() != null ? c.provinceName() : province) + ", ngày "
                + date(c.issuedOn()));
        y -= 16;
        text(bold, 11, width - MARGIN - 230, y, "TM. ỦY BAN NHÂN DÂN");
        qr(verificationUrl);
    }

    private void qr(String url) throws IOException {
        PDImageXObject image = LosslessFactory.createFromImage(document, QrCodes.image(url, 480));
        // Bottom right: away from the diagonal notice, which runs from bottom left to top right.
        float bottom = MARGIN + 24;
        content.drawImage(image, width - MARGIN - QR_SIZE, bottom, QR_SIZE, QR_SIZE);
        text(regular, 9, MARGIN, bottom - 12, "Quét mã để kiểm tra hiệu lực hiện tại: " + url);
    }

    /** The status across the page, large and half transparent, over everything. */
    private void stamp(PDRectangle box, String notice) throws IOException {
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.35f);
        content.saveGraphicsState();
        content.setGraphicsStateParameters(translucent);
        content.setNonStrokingColor(0.75f, 0f, 0f);
        float size = 56;
        float length = bold.getStringWidth(notice) / 1000 * size;
        double angle = Math.atan2(box.getHeight(), box.getWidth());
        float cx = box.getWidth() / 2;
        float cy = box.getHeight() / 2;
        float startX = (float) (cx - Math.cos(angle) * length / 2 + Math.sin(angle) * size / 3);
        float startY = (float) (cy - Math.sin(angle) * length / 2 - Math.cos(angle) * size / 3);
        content.beginText();
        content.setFont(bold, size);
        content.setTextMatrix(Matrix.getRotateInstance(angle, startX, startY));
        content.showText(notice);
        content.endText();
        content.restoreGraphicsState();
    }

    static String endedNotice(CertificateStatus status) {
        return switch (status) {
            case REVOKED -> "ĐÃ BỊ THU HỒI";
            case EXPIRED -> "ĐÃ HẾT HIỆU LỰC";
            case SUPERSEDED -> "ĐÃ ĐƯỢC THAY THẾ";
            case ACTIVE -> "";
        };
    }

    private void line(String label, String value) throws IOException {
        float labelWidth = bold.getStringWidth(label) / 1000 * 12;
        text(bold, 12, MARGIN, y, label);
        List<String> lines = wrap(regular, 12, orDash(value), width - 2 * MARGIN - labelWidth);
        for (String part : lines) {
            text(regular, 12, MARGIN + labelWidth, y, part);
            y -= 18;
        }
    }

    private void paragraph(PDType0Font font, float size, String value) throws IOException {
        for (String part : wrap(font, size, value, width - 2 * MARGIN)) {
            text(font, size, MARGIN, y, part);
            y -= size + 5;
        }
    }

    private void centred(PDType0Font font, float size, String value) throws IOException {
        float textWidth = font.getStringWidth(value) / 1000 * size;
        text(font, size, (width - textWidth) / 2, y, value);
        y -= size + 6;
    }

    private void text(PDType0Font font, float size, float x, float baseline, String value) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(value);
        content.endText();
    }

    private static List<String> wrap(PDType0Font font, float size, String value, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : value.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > maxWidth) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static PDType0Font font(PDDocument document, String resource) throws IOException {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
