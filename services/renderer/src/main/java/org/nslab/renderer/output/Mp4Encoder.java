package org.nslab.renderer.output;

import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/** H.264 in MP4 with jcodec (pure Java, from Maven Central). Width and height must be even. */
final class Mp4Encoder implements ClipEncoder {

    private final SeekableByteChannel channel;
    private final SequenceEncoder encoder;
    private final Picture picture;

    Mp4Encoder(Path file, int width, int height, int fps) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("MP4 needs an even width and height");
        }
        channel = NIOUtils.writableChannel(file.toFile());
        encoder = SequenceEncoder.createWithFps(channel, Rational.R(fps, 1));
        picture = Picture.create(width, height, ColorSpace.RGB);
    }

    @Override
    public void add(int[] rgb) throws IOException {
        byte[] data = picture.getPlaneData(0);
        for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
            int p = rgb[i];
            data[j] = (byte) (((p >> 16) & 255) - 128);
            data[j + 1] = (byte) (((p >> 8) & 255) - 128);
            data[j + 2] = (byte) ((p & 255) - 128);
        }
        encoder.encodeNativeFrame(picture);
    }

    @Override
    public void finish() throws IOException {
        encoder.finish();
    }

    @Override
    public void close() throws IOException {
        NIOUtils.closeQuietly(channel);
    }
}
