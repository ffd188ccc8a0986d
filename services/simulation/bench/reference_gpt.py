#!/usr/bin/env python3
"""PyTorch reference of the simulation engine's GPT, for the side-by-side training-throughput benchmark.

The same model as org.nslab.simulation.engine.Gpt: token and learned position embeddings, pre-LayerNorm
blocks, causal multi-head self-attention written by hand (masked softmax), GELU (tanh) MLP 4x, final
LayerNorm, output head tied to the token embedding, GPT-2 initialization; AdamW (0.9, 0.95, eps 1e-8,
decay on matrices and embeddings only), global-norm clipping at 1.0. Random tokens, like the Java bench
(bench/TrainingThroughput.java), and the same FLOP count: 6*N + 12*layers*context*width per token.

usage: python3 reference_gpt.py [layers heads width context vocab batch steps]
Needs Debian's python3-torch and libopenblas0-openmp (without it torch uses the reference BLAS).
"""
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.ln2 = nn.LayerNorm(width)
        self.fc = nn.Linear(width, 4 * width)
        self.fc_proj = nn.Linear(4 * width, width)

    def forward(self, x, mask):
        b, t, c = x.shape
        hs = c // self.heads
        q, k, v = self.qkv(self.ln1(x)).split(c, dim=2)
        q = q.view(b, t, self.heads, hs).transpose(1, 2)
        k = k.view(b, t, self.heads, hs).transpose(1, 2)
        v = v.view(b, t, self.heads, hs).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hs))
        att = F.softmax(scores.masked_fill(mask[:t, :t], float("-inf")), dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(b, t, c)
        x = x + self.proj(y)
        return x + self.fc_proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, layers, heads, width, context, vocab):
        super().__init__()
        self.wte = nn.Embedding(vocab, width)
        self.wpe = nn.Embedding(context, width)
        self.blocks = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.lnf = nn.LayerNorm(width)
        self.register_buffer("mask", torch.triu(torch.ones(context, context, dtype=torch.bool), diagonal=1))
        for name, p in self.named_parameters():
            if p.dim() == 2:
                std = 0.02 / math.sqrt(2 * layers) if name.endswith(("proj.weight", "fc_proj.weight")) else 0.02
                nn.init.normal_(p, 0.0, std)
            elif "ln" in name and name.endswith("weight"):
                nn.init.ones_(p)
            else:
                nn.init.zeros_(p)

    def forward(self, idx, targets=None):
        t = idx.shape[1]
        x = self.wte(idx) + self.wpe(torch.arange(t))
        for block in self.blocks:
            x = block(x, self.mask)
        logits = self.lnf(x) @ self.wte.weight.t()  # tied head
        if targets is None:
            return logits
        return F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.reshape(-1))


def main():
    args = [int(a) for a in sys.argv[1:]] if len(sys.argv) == 8 else [4, 4, 128, 128, 1024, 16, 20]
    layers, heads, width, context, vocab, batch, steps = args
    torch.set_num_threads(2)
    torch.manual_seed(1)
    model = Gpt(layers, heads, width, context, vocab)
    decayed = [p for p in model.parameters() if p.dim() == 2]
    others = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decayed, "weight_decay": 0.1}, {"params": others, "weight_decay": 0.0}],
                                  lr=1e-4, betas=(0.9, 0.95), eps=1e-8)
    generator = torch.Generator().manual_seed(2)
    tokens = torch.randint(0, vocab, (batch * context + 1,), generator=generator)
    x = tokens[:-1].view(batch, context)
    y = tokens[1:].view(batch, context)
    params = sum(p.numel() for p in model.parameters())
    flops_per_token = 6.0 * params + 12.0 * layers * context * width
    rates = []
    for step in range(-5, steps):
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = model(x, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        seconds = time.perf_counter() - start
        if step >= 0:
            rates.append(batch * context / seconds)
    rates.sort()
    median = rates[steps // 2]
    print(f"pytorch {torch.__version__}: {params} parameters, layers {layers}, heads {heads}, width {width}, "
          f"context {context}, vocab {vocab}, batch {batch}, threads {torch.get_num_threads()}")
    print(f"tokens/s median {median:.0f} (min {rates[0]:.0f}, max {rates[-1]:.0f}) over {steps} steps; "
          f"{median * flops_per_token / 1e9:.1f} GFLOP/s")
    with torch.no_grad():
        prompt = x[:1, :64]
        for _ in range(5):
            model(prompt)
        start = time.perf_counter()
        for _ in range(50):
            model(prompt)
        print(f"forward 1x64 tokens: {(time.perf_counter() - start) * 1000 / 50:.2f} ms")


if __name__ == "__main__":
    main()
