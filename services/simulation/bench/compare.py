#!/usr/bin/env python3
"""Side-by-side training throughput: the Java engine and the PyTorch reference, alternated (A B A B ...).

The machine is shared and noisy (identical runs vary by +-30 %), so the two programs take turns and
each reports the median of its own steps; this prints, per program, the median and the range of those
run medians, and the load average seen before each run.

usage (from services/simulation, after `../../mvnw -pl services/simulation -am test-compile`):
  python3 bench/compare.py [--rounds 5] [--steps 30] [--omp-wait-policy PASSIVE|ACTIVE] [layers heads width context vocab batch]
Needs Debian's python3-torch and libopenblas0-openmp for the PyTorch side.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.dirname(HERE)
RATE = re.compile(r"tokens/s median (\d+) \(min (\d+), max (\d+)\).*?([\d.]+) GFLOP/s")
FORWARD = re.compile(r"forward 1x64 tokens: ([\d.]+) ms")


def run(command):
    load = os.getloadavg()[0]
    out = subprocess.run(command, cwd=MODULE, capture_output=True, text=True, check=True).stdout
    rate = RATE.search(out)
    forward = FORWARD.search(out)
    if not rate:
        sys.exit("no throughput in output of " + " ".join(command) + ":\n" + out)
    return int(rate.group(1)), float(rate.group(4)), float(forward.group(1)) if forward else float("nan"), load


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--omp-wait-policy", default="PASSIVE", choices=["PASSIVE", "ACTIVE"])
    parser.add_argument("config", nargs="*", default=["4", "4", "128", "128", "1024", "16"])
    args = parser.parse_args()
    config = args.config + [str(args.steps)]
    java = ["java", "--add-modules", "jdk.incubator.vector", "-cp", "target/classes:target/test-classes",
            "org.nslab.simulation.bench.TrainingThroughput"] + config
    # OpenMP's default active spin-wait collapses when the cores are shared (measured: 161 tokens/s at a load
    # average of 25, against 1,674 with passive waiting); passive waiting is PyTorch's best case here
    torch = ["env", "OMP_WAIT_POLICY=" + args.omp_wait_policy, "/usr/bin/python3", os.path.join(HERE, "reference_gpt.py")] + config
    results = {"java": [], "pytorch": []}
    for r in range(args.rounds):
        for name, command in (("java", java), ("pytorch", torch)):
            tokens, gflops, forward, load = run(command)
            results[name].append((tokens, gflops, forward))
            print(f"round {r + 1} {name:8s} {tokens:6d} tokens/s {gflops:6.1f} GFLOP/s forward {forward:6.2f} ms"
                  f"   (load average before: {load:.1f})", flush=True)
    print(f"config (layers heads width context vocab batch): {' '.join(args.config)}; {args.rounds} alternating rounds, "
          f"{args.steps} steps each")
    for name, rows in results.items():
        tokens = [t for t, _, _ in rows]
        print(f"{name:8s} median {statistics.median(tokens):.0f} tokens/s (range {min(tokens)}-{max(tokens)}), "
              f"{statistics.median(g for _, g, _ in rows):.1f} GFLOP/s, forward 1x64 "
              f"{statistics.median(f for _, _, f in rows):.2f} ms")
    ratio = statistics.median(t for t, _, _ in results["java"]) / statistics.median(t for t, _, _ in results["pytorch"])
    print(f"java / pytorch: {ratio:.2f}")


if __name__ == "__main__":
    main()
