package com.example.loyalty.points.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The card code as a QR code (ZXing), for a phone camera at the till: error correction H ({@link #ERROR_CORRECTION}),
 * a light quiet zone of {@code quietZone} modules all round (the standard asks for 4), whole pixels per module in the
 * PNG (no blurred edges) and crisp edges in the SVG.
 */
public final class QrCodes {

    /**
     * The error correction of every card's code: H, the most a version-1 code holding 16 digits allows, so the code is
     * no bigger. A scuffed or glaring screen still reads, and so did every one of 81 random card codes through the
     * till's browser decoder, where M left one unreadable (docs/member-card.md). Part of the images' ETag: a client
     * holding an image drawn at another level must get the new one, not a 304.
     */
    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.H;

    private QrCodes() {}

    /** The code's modules, one cell each, quiet zone included: {@code get(x, y)} is a dark module. */
    public static BitMatrix modules(String text, int quietZone) {
        return encode(text, quietZone, 0);
    }

    /** A PNG, black on white, {@code modulePixels} pixels per module. */
    public static byte[] png(String text, int modulePixels, int quietZone) {
        int side = modules(text, quietZone).getWidth() * modulePixels;
        BitMatrix pixels = encode(text, quietZone, side);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(pixels, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG whose user unit is one module ({@code viewBox="0 0 n n"}, quiet zone included), drawn {@code
     * modulePixels} pixels per module by default: a white square, then one path of the dark modules, row by row, each
     * run of dark modules one rectangle.
     */
    public static String svg(String text, int modulePixels, int quietZone) {
        BitMatrix m = modules(text, quietZone);
        int n = m.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && m.get(x, y)) {
                    x++;
                }
                path.append('M')
                        .append(start)
                        .append(' ')
                        .append(y)
                        .append('h')
                        .append(x - start)
                        .append("v1h-")
                        .append(x - start)
                        .append('z');
            }
        }
        int side = n * modulePixels;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + n + " " + n
                + "\" width=\"" + side + "\" height=\"" + side + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#FFFFFF\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>\n";
    }

    private static BitMatrix encode(String text, int quietZone, int side) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            side,
                            side,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ERROR_CORRECTION,
                                    EncodeHintType.MARGIN,
                                    quietZone));
        } catch (WriterException e) {
            // a card code is 16 digits; a QR code holds far more
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }
}
