package org.nslab.simulation.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each tensor of a GPT lives in its one flat parameter array (and, at the same offsets, in the
 * gradient and optimizer arrays). Layer by layer, so a layer's tensors are contiguous.
 */
public final class ParameterLayout {

    /** One named tensor: {@code layer} is -1 outside the blocks; {@code decayed} tells AdamW to apply weight decay. */
    public record Tensor(String name, int layer, int offset, int size, boolean decayed) {
    }

    private final GptConfig config;
    private final List<Tensor> tensors = new ArrayList<>();
    private final int[][] blockOffsets;
    private int size;

    public final int wte;
    public final int wpe;
    public final int lnfWeight;
    public final int lnfBias;

    static final int LN1_W = 0;
    static final int LN1_B = 1;
    static final int QKV_W = 2;
    static final int QKV_B = 3;
    static final int PROJ_W = 4;
    static final int PROJ_B = 5;
    static final int LN2_W = 6;
    static final int LN2_B = 7;
    static final int FC_W = 8;
    static final int FC_B = 9;
    static final int FCPROJ_W = 10;
    static final int FCPROJ_B = 11;

    public ParameterLayout(GptConfig config) {
        this.config = config;
        int c = config.width();
        int h = config.hidden();
        wte = add("wte", -1, config.vocabSize() * c, true);
        wpe = add("wpe", -1, config.contextLength() * c, true);
        blockOffsets = new int[config.layers()][];
        for (int l = 0; l < config.layers(); l++) {
            blockOffsets[l] = new int[] {
                add("ln1.weight", l, c, false), add("ln1.bias", l, c, false),
                add("attn.qkv.weight", l, 3 * c * c, true), add("attn.qkv.bias", l, 3 * c, false),
                add("attn.proj.weight", l, c * c, true), add("attn.proj.bias", l, c, false),
                add("ln2.weight", l, c, false), add("ln2.bias", l, c, false),
                add("mlp.fc.weight", l, h * c, true), add("mlp.fc.bias", l, h, false),
                add("mlp.proj.weight", l, c * h, true), add("mlp.proj.bias", l, c, false),
            };
        }
        lnfWeight = add("lnf.weight", -1, c, false);
        lnfBias = add("lnf.bias", -1, c, false);
    }

    private int add(String name, int layer, int count, boolean decayed) {
        int offset = size;
        tensors.add(new Tensor(name, layer, offset, count, decayed));
        size += count;
        return offset;
    }

    public GptConfig config() {
        return config;
    }

    /** Number of parameters. */
    public int size() {
        return size;
    }

    public List<Tensor> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    int block(int layer, int which) {
        return blockOffsets[layer][which];
    }

    /** First offset of a block and the offset after it. */
    public int blockStart(int layer) {
        return blockOffsets[layer][LN1_W];
    }

    public int blockEnd(int layer) {
        return layer + 1 < config.layers() ? blockOffsets[layer + 1][LN1_W] : lnfWeight;
    }
}
