package org.nslab.simulation.corpus;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact form in which the build packs a source into the jar ({@code corpus/packed/<source>.bin.gz}):
 * gzip of length-prefixed UTF-8 records, already extracted, so the service never holds raw mail and
 * reads a source as a stream.
 */
public final class PackedCorpus {

    public static final String SPAM_ASSASSIN = "spam-assassin";
    public static final String CODE = "code";
    private static final int MAGIC = 0x4e534c43;

    private PackedCorpus() {
    }

    /** Streams every document of a packed source on the classpath. */
    public static int read(String source, Consumer<SourceDocument> consumer) {
        String resource = "/corpus/packed/" + source + ".bin.gz";
        InputStream raw = PackedCorpus.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("the source " + source + " is not on the classpath (" + resource
                    + "); build the simulation service, which packs it");
        }
        return read(raw, consumer);
    }

    public static int read(InputStream raw, Consumer<SourceDocument> consumer) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException("not a packed corpus");
            }
            int count = 0;
            while (true) {
                String id;
                try {
                    id = string(in);
                } catch (EOFException end) {
                    return count;
                }
                String source = string(in);
                String category = string(in);
                String label = string(in);
                int rawBytes = in.readInt();
                String notes = string(in);
                String text = string(in);
                consumer.accept(new SourceDocument(id, source, category, label.isEmpty() ? null : label, rawBytes,
                        notes.isEmpty() ? List.of() : Arrays.asList(notes.split(",")), text));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a packed corpus", e);
        }
    }

    /** Every document of a packed source, in memory (tests and small sources). */
    public static List<SourceDocument> load(String source) {
        List<SourceDocument> documents = new ArrayList<>();
        read(source, documents::add);
        return documents;
    }

    public static void write(OutputStream target, List<SourceDocument> documents) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target, 1 << 16)))) {
            out.writeInt(MAGIC);
            for (SourceDocument d : documents) {
                string(out, d.id());
                string(out, d.source());
                string(out, d.category());
                string(out, d.label() == null ? "" : d.label());
                out.writeInt(d.rawBytes());
                string(out, String.join(",", d.extraction()));
                string(out, d.text());
            }
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
