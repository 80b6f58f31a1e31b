package vn.ocop.registry.verification;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes of verification URLs, as PNG (labels, the PDF) or SVG (print shops scale it freely). */
public final class QrCodes {
    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 2048;
    public static final int DEFAULT_SIZE = 256;

    /** Level M survives a scratched or partly covered label (~15 %) without making the code much denser. */
    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 4);

    private QrCodes() {
    }

    /** The code as an image of {@code size}×{@code size} pixels, quiet zone included. */
    public static BufferedImage image(String text, int size) {
        BitMatrix matrix = matrix(text, size);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    public static byte[] png(String text, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(text, size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One module per SVG unit (the viewBox), drawn {@code size} pixels wide; each row's dark runs are one path step. */
    public static String svg(String text, int size) {
        BitMatrix matrix = matrix(text, 0);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                        .append("v1h-").append(x - start).append('z');
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size + "\" height=\"" + size
                + "\" viewBox=\"0 0 " + width + " " + height + "\" shape-rendering=\"crispEdges\">"
                + "<title>" + escape(text) + "</title>"
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>\n";
    }

    private static BitMatrix matrix(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
