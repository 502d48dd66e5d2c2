package com.example.loyalty.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A camera for headless Chromium: a picture (such as a member card's QR code) held in front of it, as the Y4M video
 * Chromium plays to {@code getUserMedia} when started with {@code --use-file-for-fake-video-capture}.
 *
 * <p>The picture is held as a hand holds a card: every frame shows it a little nearer or further and a little to one
 * side, drawn with smoothing as a lens blurs edges, in grey on white (YUV 4:2:0 with neutral chroma); the frames loop.
 * A still, pixel-exact picture would be one image decoded again and again, so a decoder that misses it once misses
 * it for good, where a real camera's next frame differs: html5-qrcode's decoder missed 3 of 81 random card codes on
 * a still picture, and read all 81 from this moving one (with the card's error correction at H).
 */
final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int FRAMES = 12;

    private FakeCamera() {}

    /**
     * A Y4M file that shows {@code png} in the middle, about {@code size} pixels wide: from 85 % to 118 % of it over
     * the frames, moved up to 9 pixels off the middle.
     */
    static Path showing(byte[] png, int size) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
            Arrays.fill(chroma, (byte) 128);
            Path file = Files.createTempFile("loyalty-camera", ".y4m");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int f = 0; f < FRAMES; f++) {
                    double scale = size * (0.85 + 0.03 * f) / Math.max(image.getWidth(), image.getHeight());
                    // a small circle around the middle, never the same spot twice in a loop
                    double angle = 2 * Math.PI * f / FRAMES;
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(luma(image, scale, 9 * Math.cos(angle), 9 * Math.sin(angle)));
                    out.write(chroma);
                    out.write(chroma);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frame's Y plane: {@code image} scaled by {@code scale} (bilinear), its middle moved by (dx, dy). */
    private static byte[] luma(BufferedImage image, double scale, double dx, double dy) {
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = frame.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform at = new AffineTransform();
            at.translate((WIDTH - image.getWidth() * scale) / 2 + dx, (HEIGHT - image.getHeight() * scale) / 2 + dy);
            at.scale(scale, scale);
            g.drawImage(image, at, null);
        } finally {
            g.dispose();
        }
        byte[] grey = ((java.awt.image.DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        byte[] luma = new byte[grey.length];
        for (int i = 0; i < grey.length; i++) {
            // studio range, as Y4M's Y plane has it
            luma[i] = (byte) (16 + (grey[i] & 0xff) * 219 / 255);
        }
        return luma;
    }
}
