package org.nslab.renderer.output;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;

/** Read-back pixels (RGBA8, bottom row first, as GL returns them) to a top-down RGB image. */
public final class Frames {

    private Frames() {
    }

    public static BufferedImage toImage(ByteBuffer rgba, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int src = (height - 1 - y) * width * 4;
            int dst = y * width;
            for (int x = 0; x < width; x++, src += 4) {
                pixels[dst + x] = (rgba.get(src) & 255) << 16 | (rgba.get(src + 1) & 255) << 8 | (rgba.get(src + 2) & 255);
            }
        }
        return image;
    }

    public static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
