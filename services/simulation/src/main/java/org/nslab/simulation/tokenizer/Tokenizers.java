package org.nslab.simulation.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tokenizes a text with any {@link TokenizerName}: each token with its id, its text and the byte span
 * it covers in the UTF-8 encoding of the input (a token may cover part of a character; its text then
 * shows U+FFFD).
 */
public final class Tokenizers {

    /** One token: id, text, and bytes {@code [byteStart, byteEnd)} of the input. */
    public record Token(int id, String text, int byteStart, int byteEnd) {
    }

    public record Tokenization(TokenizerName tokenizer, List<Token> tokens, int characters, int bytes) {
        public int tokenCount() {
            return tokens.size();
        }
    }

    /** Lazy: an encoding's tables (o200k_base alone holds 200k entries) are loaded when first used. */
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Supplier<BytePairEncoding> lab;

    /** @param lab the lab's BPE, asked for only when a text is tokenized with {@link TokenizerName#LAB_BPE} */
    public Tokenizers(Supplier<BytePairEncoding> lab) {
        this.lab = lab;
    }

    public Tokenization tokenize(TokenizerName name, String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        if (name == TokenizerName.LAB_BPE) {
            BytePairEncoding bpe = lab.get();
            for (int id : bpe.encode(text)) {
                int length = bpe.bytes(id).length;
                tokens.add(new Token(id, bpe.text(id), at, at + length));
                at += length;
            }
        } else {
            Encoding encoding = REGISTRY.getEncoding(type(name));
            IntArrayList ids = encoding.encodeOrdinary(text);
            IntArrayList one = new IntArrayList(1);
            for (int i = 0; i < ids.size(); i++) {
                one.clear();
                one.add(ids.get(i));
                byte[] tokenBytes = encoding.decodeBytes(one);
                tokens.add(new Token(ids.get(i), new String(tokenBytes, StandardCharsets.UTF_8), at, at + tokenBytes.length));
                at += tokenBytes.length;
            }
        }
        return new Tokenization(name, List.copyOf(tokens), text.codePointCount(0, text.length()), bytes);
    }

    /** The JTokkit encoding behind a tokenizer (not the lab BPE), shared by everything in the service. */
    public static Encoding encoding(TokenizerName name) {
        return REGISTRY.getEncoding(type(name));
    }

    private static EncodingType type(TokenizerName name) {
        return switch (name) {
            case GPT2 -> EncodingType.R50K_BASE;
            case P50K_BASE -> EncodingType.P50K_BASE;
            case CL100K_BASE -> EncodingType.CL100K_BASE;
            case O200K_BASE -> EncodingType.O200K_BASE;
            case LAB_BPE -> throw new IllegalArgumentException("the lab BPE is not a JTokkit encoding");
        };
    }
}
