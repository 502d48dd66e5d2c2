package com.example.loyalty.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A camera for headless Chromium: a picture (such as a member card's QR code) held in front of it, as the Y4M video
 * Chromium plays to {@code getUserMedia} when started with {@code --use-file-for-fake-video-capture}. The picture is
 * drawn whole pixels per source pixel in the middle of a white 640×480 frame, in grey (YUV 4:2:0 with neutral
 * chroma); the few frames loop.
 */
final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int FRAMES = 10;

    private FakeCamera() {}

    /** A Y4M file that shows {@code png}, scaled up by whole pixels to at most {@code size} pixels, in the middle. */
    static Path showing(byte[] png, int size) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int scale = Math.max(1, size / Math.max(image.getWidth(), image.getHeight()));
            int w = image.getWidth() * scale;
            int h = image.getHeight() * scale;
            int left = (WIDTH - w) / 2;
            int top = (HEIGHT - h) / 2;
            byte[] luma = new byte[WIDTH * HEIGHT];
            java.util.Arrays.fill(luma, (byte) 235);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x / scale, y / scale);
                    int grey = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                    // studio range, as Y4M's Y plane has it
                    luma[(top + y) * WIDTH + left + x] = (byte) (16 + grey * 219 / 255);
                }
            }
            byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
            java.util.Arrays.fill(chroma, (byte) 128);
            Path file = Files.createTempFile("loyalty-camera", ".y4m");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int f = 0; f < FRAMES; f++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(luma);
                    out.write(chroma);
                    out.write(chroma);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
