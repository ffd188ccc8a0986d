package org.nslab.simulation.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizersTest {

    private final Tokenizers tokenizers = new Tokenizers(() -> BytePairEncoding.train("The cat sat on the mat. ".repeat(20), 300));

    @Test
    void gpt2EncodesTheCatSatOnTheMatAsPublished() {
        Tokenizers.Tokenization result = tokenizers.tokenize(TokenizerName.GPT2, "The cat sat on the mat");

        assertEquals(List.of(464, 3797, 3332, 319, 262, 2603), result.tokens().stream().map(Tokenizers.Token::id).toList());
        assertEquals(" cat", result.tokens().get(1).text());
        assertEquals(3, result.tokens().get(1).byteStart());
        assertEquals(7, result.tokens().get(1).byteEnd());
    }

    @Test
    void everyTokenizerCoversEveryByteOfTheTextExactlyOnce() {
        String text = "Tokenizers split naïve café 東京 🐈 differently\n\tindeed";
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        for (TokenizerName name : TokenizerName.values()) {
            Tokenizers.Tokenization result = tokenizers.tokenize(name, text);
            int at = 0;
            for (Tokenizers.Token token : result.tokens()) {
                assertEquals(at, token.byteStart(), name + " " + token);
                assertTrue(token.byteEnd() > token.byteStart());
                at = token.byteEnd();
            }
            assertEquals(bytes, at, name.toString());
            assertEquals(bytes, result.bytes());
        }
    }

    @Test
    void largerVocabulariesNeedFewerTokensForEnglish() {
        String text = "Large language models learn to predict the next token from enormous amounts of text.";
        int gpt2 = tokenizers.tokenize(TokenizerName.GPT2, text).tokenCount();
        int lab = tokenizers.tokenize(TokenizerName.LAB_BPE, text).tokenCount();

        assertTrue(lab > gpt2, "lab BPE " + lab + " tokens, GPT-2 " + gpt2);
    }
}
