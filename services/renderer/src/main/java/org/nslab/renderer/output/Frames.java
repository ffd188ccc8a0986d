package org.nslab.renderer.output;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/** Read-back pixels (RGBA8, bottom row first, as GL returns them) to a top-down RGB image. */
public final class Frames {

    private Frames() {
    }

    public static BufferedImage toImage(ByteBuffer rgba, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        // Bytes R, G, B, A read as a little-endian int are 0xAABBGGRR: copy rows in bulk, then swap R and B.
        IntBuffer words = rgba.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        for (int y = 0; y < height; y++) {
            words.get((height - 1 - y) * width, pixels, y * width, width);
        }
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            pixels[i] = (p & 0xff) << 16 | (p & 0xff00) | (p >> 16) & 0xff;
        }
        return image;
    }

    public static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
