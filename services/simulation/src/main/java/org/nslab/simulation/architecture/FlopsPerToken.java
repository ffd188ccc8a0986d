package org.nslab.simulation.architecture;

/**
 * Floating-point operations to process one token, as computed by {@link FlopsCalculator}. FLOP counts are
 * {@code double} because large configurations exceed {@code long}; counts below 2^53 are exact.
 *
 * @param contextLength the {@code n_ctx} used for the attention term
 * @param weightMatmuls 2 FLOPs for every weight a token is multiplied with: attention projections, the MLPs of the
 *                      experts it is routed to, routers, and the projection to vocabulary logits
 * @param attention     the attention score and value term, {@code 2 · n_attention_layers · n_ctx · d_attn}
 * @param forward       {@code weightMatmuls + attention}
 * @param training      {@code 3 · forward}: the backward pass costs about twice the forward pass
 */
public record FlopsPerToken(int contextLength, double weightMatmuls, double attention, double forward,
                            double training) {
}
