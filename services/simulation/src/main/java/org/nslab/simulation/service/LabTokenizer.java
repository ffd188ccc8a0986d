package org.nslab.simulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;
import org.nslab.simulation.engine.TokenDataset;
import org.nslab.simulation.tokenizer.BytePairEncoding;
import org.nslab.simulation.tokenizer.Tokenizers;

/** The lab's BPE (1024 tokens) trained on the Brown corpus once, when first needed (about 4 s). */
@ApplicationScoped
public class LabTokenizer {

    static final int VOCABULARY = 1024;
    private static final Logger LOG = Logger.getLogger(LabTokenizer.class);

    private volatile BytePairEncoding bpe;
    private volatile TokenDataset dataset;
    private final Tokenizers tokenizers = new Tokenizers(this::bpe);

    public BytePairEncoding bpe() {
        BytePairEncoding current = bpe;
        if (current == null) {
            synchronized (this) {
                if (bpe == null) {
                    long start = System.nanoTime();
                    List<Document> documents = BrownCorpus.load();
                    bpe = BytePairEncoding.train(String.join("\n", documents.stream().map(Document::text).toList()), VOCABULARY);
                    LOG.infof("lab BPE trained on the Brown corpus: %d tokens in %.1f s", bpe.vocabularySize(),
                            (System.nanoTime() - start) / 1e9);
                }
                current = bpe;
            }
        }
        return current;
    }

    /** The Brown corpus in this BPE, split by document (every 10th to validation), built once. */
    public TokenDataset dataset() {
        TokenDataset current = dataset;
        if (current == null) {
            synchronized (this) {
                if (dataset == null) {
                    BytePairEncoding tokenizer = bpe();
                    dataset = TokenDataset.split(BrownCorpus.load(), d -> tokenizer.encode(d.text() + "\n"), 10);
                }
                current = dataset;
            }
        }
        return current;
    }

    public Tokenizers tokenizers() {
        return tokenizers;
    }
}
