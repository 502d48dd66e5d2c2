package com.example.loyalty.points.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String CODE = "8812345678901234";

    @Test
    void aCardCodeIsAVersionOneCodeInsideItsQuietZone() {
        BitMatrix m = QrCodes.modules(CODE, 4);
        assertEquals(21 + 8, m.getWidth());
        assertEquals(m.getWidth(), m.getHeight());
        assertEquals(21 + 20, QrCodes.modules(CODE, 10).getWidth());
        for (int i = 0; i < m.getWidth(); i++) {
            for (int d = 0; d < 4; d++) {
                assertFalse(
                        m.get(i, d) || m.get(d, i) || m.get(i, m.getWidth() - 1 - d) || m.get(m.getWidth() - 1 - d, i));
            }
        }
        assertTrue(m.get(4, 4), "the finder pattern starts right inside the quiet zone");
    }

    @Test
    void thePngHasWholePixelsPerModuleAndDecodes() throws Exception {
        for (int pixels : new int[] {1, 3, 8}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(CODE, pixels, 4)));
            assertEquals(29 * pixels, image.getWidth());
            assertEquals(29 * pixels, image.getHeight());
            if (pixels >= 3) {
                var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
                var read = new QRCodeReader().decode(bitmap);
                assertEquals(CODE, read.getText());
                // the most correction a version-1 code holding 16 digits can have
                assertEquals(
                        "H", read.getResultMetadata().get(com.google.zxing.ResultMetadataType.ERROR_CORRECTION_LEVEL));
            }
        }
    }

    @Test
    void theSvgDrawsEveryDarkModuleAndNothingElse() {
        BitMatrix m = QrCodes.modules(CODE, 4);
        String svg = QrCodes.svg(CODE, 8, 4);
        assertTrue(svg.contains("viewBox=\"0 0 29 29\" width=\"232\" height=\"232\""), svg);
        int dark = 0;
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                dark += m.get(x, y) ? 1 : 0;
            }
        }
        int drawn = 0;
        var runs = java.util.regex.Pattern.compile("h(\\d+)v1").matcher(svg);
        while (runs.find()) {
            drawn += Integer.parseInt(runs.group(1));
        }
        assertEquals(dark, drawn);
    }
}
