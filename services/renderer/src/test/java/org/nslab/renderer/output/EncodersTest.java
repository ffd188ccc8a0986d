package org.nslab.renderer.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodersTest {

    private static int[] picture(int w, int h, long seed) {
        Random random = new Random(seed);
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * w + x] = (x * 255 / w) << 16 | (y * 255 / h) << 8 | random.nextInt(256);
            }
        }
        return rgb;
    }

    @Test
    void pngIsLosslessAtEveryLevel() throws Exception {
        int[] rgb = picture(97, 41, 1);
        for (int level : new int[] {0, 1, 6, 9}) {
            byte[] png = new PngEncoder(level).encode(rgb, 97, 41);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(97, back.getWidth());
            assertEquals(41, back.getHeight());
            int[] read = back.getRGB(0, 0, 97, 41, null, 0, 97);
            for (int i = 0; i < read.length; i++) {
                read[i] &= 0xffffff;
            }
            assertArrayEquals(rgb, read, "level " + level);
        }
    }

    @Test
    void gifHasEveryFrameAndStaysCloseToTheColours(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clip.gif");
        try (ClipEncoder gif = ClipEncoder.gif(file, 64, 32, 10)) {
            for (int i = 0; i < 5; i++) {
                gif.add(picture(64, 32, i));
            }
            gif.finish();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            BufferedImage frame = reader.read(2);
            int[] expected = picture(64, 32, 2);
            double error = 0;
            for (int i = 0; i < expected.length; i++) {
                int p = frame.getRGB(i % 64, i / 64);
                error += Math.abs(((p >> 16) & 255) - ((expected[i] >> 16) & 255));
            }
            assertTrue(error / expected.length < 30, "mean red error " + error / expected.length);
        }
    }

    @Test
    void mp4IsAnIsoMediaFileWithH264(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clip.mp4");
        try (ClipEncoder mp4 = ClipEncoder.mp4(file, 64, 32, 10)) {
            for (int i = 0; i < 5; i++) {
                mp4.add(picture(64, 32, i));
            }
            mp4.finish();
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("ftyp", text.substring(4, 8));
        assertTrue(text.contains("moov") && text.contains("mdat") && text.contains("avc1"), "MP4 boxes and an H.264 track");
        assertTrue(bytes.length > 1000);
    }
}
