package org.nslab.renderer.output;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIF, looping, through the JDK's GIF writer. Each frame is mapped onto one fixed palette (a
 * 6×6×6 colour cube, 216 colours) with 4×4 ordered dithering: quick, and the same palette for every frame.
 */
final class GifEncoder implements ClipEncoder {

    private static final int[] BAYER = {0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5};
    private static final IndexColorModel PALETTE = palette();

    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private final BufferedImage indexed;
    private final IIOMetadata metadata;
    private final int width;
    private final int height;

    GifEncoder(Path file, int width, int height, int fps) throws IOException {
        this.width = width;
        this.height = height;
        writer = ImageIO.getImageWritersByFormatName("gif").next();
        stream = ImageIO.createImageOutputStream(file.toFile());
        writer.setOutput(stream);
        indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(indexed), writer.getDefaultWriteParam());
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(100f / fps))));
        control.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
        loop.setAttribute("applicationID", "NETSCAPE");
        loop.setAttribute("authenticationCode", "2.0");
        loop.setUserObject(new byte[] {1, 0, 0});
        child(root, "ApplicationExtensions").appendChild(loop);
        metadata.setFromTree(format, root);
        writer.prepareWriteSequence(null);
    }

    @Override
    public void add(int[] rgb) throws IOException {
        byte[] out = ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                int d = BAYER[(y & 3) * 4 + (x & 3)];
                int r = quantize((p >> 16) & 255, 5, d);
                int g = quantize((p >> 8) & 255, 5, d);
                int b = quantize(p & 255, 5, d);
                out[y * width + x] = (byte) ((r * 6 + g) * 6 + b);
            }
        }
        writer.writeToSequence(new IIOImage(indexed, null, metadata), null);
    }

    /** value 0..255 to a level 0..steps, dithered by threshold d/16. */
    private static int quantize(int value, int steps, int d) {
        int scaled = value * steps * 16 / 255 + d;
        return Math.min(steps, scaled / 16);
    }

    @Override
    public void finish() throws IOException {
        writer.endWriteSequence();
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        writer.dispose();
        stream.close();
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private static IndexColorModel palette() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (i / 36 * 255 / 5);
            g[i] = (byte) (i / 6 % 6 * 255 / 5);
            b[i] = (byte) (i % 6 * 255 / 5);
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
