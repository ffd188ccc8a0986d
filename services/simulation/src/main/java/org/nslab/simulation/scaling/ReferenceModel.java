package org.nslab.simulation.scaling;

import java.util.List;

/**
 * A published model with its size and training tokens, to place on the scaling-law plots.
 *
 * @param name       model name
 * @param parameters N as published
 * @param tokens     training tokens D as published
 * @param source     paper and table or section with both figures
 */
public record ReferenceModel(String name, double parameters, double tokens, String source) {

    /** Training compute estimated as {@code 6 · N · D} FLOPs. */
    public double trainingCompute() {
        return 6 * parameters * tokens;
    }

    /** D / N. */
    public double tokensPerParameter() {
        return tokens / parameters;
    }

    /** The reference models, in order of publication. */
    public static List<ReferenceModel> all() {
        return List.of(
                new ReferenceModel("GPT-3", 175e9, 300e9,
                        "Brown et al. 2020, Language Models are Few-Shot Learners, Table 2.1 (size) and"
                                + " Section 2.2 (300B training tokens)"),
                new ReferenceModel("Gopher", 280e9, 300e9,
                        "Rae et al. 2021, Scaling Language Models: Methods, Analysis & Insights from Training"
                                + " Gopher; listed in Hoffmann et al. 2022, Table 1"),
                new ReferenceModel("Chinchilla", 70e9, 1.4e12,
                        "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models, Table 1"),
                new ReferenceModel("LLaMA-65B", 65.2e9, 1.4e12,
                        "Touvron et al. 2023, LLaMA: Open and Efficient Foundation Language Models, Table 2"),
                new ReferenceModel("Llama 2 70B", 70e9, 2e12,
                        "Touvron et al. 2023, Llama 2: Open Foundation and Fine-Tuned Chat Models, Table 1"),
                new ReferenceModel("Llama 3 8B", 8e9, 15e12,
                        "Meta 2024, Llama 3 model card (pre-trained on over 15T tokens); Dubey et al. 2024,"
                                + " The Llama 3 Herd of Models, Section 3"),
                new ReferenceModel("Llama 3 70B", 70e9, 15e12,
                        "Meta 2024, Llama 3 model card (pre-trained on over 15T tokens); Dubey et al. 2024,"
                                + " The Llama 3 Herd of Models, Section 3"));
    }
}
