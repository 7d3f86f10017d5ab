"""The generative-AI lessons at scale: steps() time and peak memory; BPE training; frame drawing.

Run: ``python bench/bench_generative_ai.py``. Prints, for each case, the best of a few runs of
``eigenvue.steps`` (wall time), the peak traced memory of one run (tracemalloc: Python and
numpy allocations) and the size of the trace as JSON; then BPE training on a 100 KB corpus
with 500 merges, and the time to draw frames of a large self-attention trace.

The issue's targets are printed beside the figures: 512 tokens × d = 64 self-attention in
under 1 s and 250 MB; BPE on 100 KB with 500 merges under 2 s.

OpenBLAS starts one thread per core for every matrix product; on a machine whose cores are
busy that makes small products a hundred times slower. The figures below are taken with
``OPENBLAS_NUM_THREADS=1`` unless it is already set, as a single trace's matrices are small.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import json
import random
import time

from measure import best_time, peak_mib

import eigenvue

TOKENS_512 = [f"tok{i}" for i in range(512)]

CASES = [
    ("self-attention 512 × d64", "self-attention", {"tokens": TOKENS_512, "embeddingDim": 64}),
    (
        "self-attention 512 × d64 causal",
        "self-attention",
        {"tokens": TOKENS_512, "embeddingDim": 64, "causal": True},
    ),
    (
        "multi-head 256 × d64, 8 heads",
        "multi-head-attention",
        {"tokens": TOKENS_512[:256], "embeddingDim": 64, "numHeads": 8},
    ),
    (
        "transformer-block 512 × d64, ffn 256, 4 heads",
        "transformer-block",
        {"tokens": TOKENS_512, "embeddingDim": 64, "ffnDim": 256, "numHeads": 4},
    ),
    (
        "token-embeddings 200 × d64",
        "token-embeddings",
        {"tokens": TOKENS_512[:200], "embeddingDim": 64},
    ),
]
TARGETS = {"self-attention 512 × d64": "target < 1 s, < 250 MB"}


#: Above this many numbers written out, the JSON is not produced (it would take minutes).
JSON_MEASURED = 20_000_000


def _numbers(value) -> int:
    """How many numbers a JSON value writes out (shared lists counted at every use)."""
    if isinstance(value, list):
        if value and not isinstance(value[0], (list, dict)):
            return len(value)
        return sum(_numbers(v) for v in value)
    if isinstance(value, dict):
        return sum(_numbers(v) for v in value.values())
    return 1


def corpus(size: int, seed: int = 2016) -> str:
    """About ``size`` characters of word-like text with a Zipf-like word distribution."""
    rng = random.Random(seed)
    letters = "etaoinshrdlucmfwypvbgkjqxz"
    weights = [1 / (k + 1) for k in range(len(letters))]
    vocabulary = ["".join(rng.choices(letters, weights, k=rng.randint(2, 9))) for _ in range(3_000)]
    ranks = [1 / (k + 1) for k in range(len(vocabulary))]
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choices(vocabulary, ranks)[0]
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size]


def main() -> None:
    eigenvue.steps("self-attention")  # load the plugins outside the timings
    print(f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")
    print(f"{'case':<48}{'steps':>7}{'steps()':>10}{'peak MiB':>10}{'JSON MB':>9}{'M numbers':>10}")
    for name, algorithm, inputs in CASES:
        t, _ = best_time(lambda a=algorithm, i=inputs: eigenvue.steps(a, i))
        peak = peak_mib(lambda a=algorithm, i=inputs: eigenvue.steps(a, i))
        steps = eigenvue.steps(algorithm, inputs)
        # steps() shares an unchanged matrix between steps; JSON writes it out at every step
        # (self-attention's n × n weights in each of its n query steps: n³ numbers).
        numbers = sum(_numbers(s["state"]) for s in steps)
        size = f"{len(json.dumps(steps)) / 1e6:>9.1f}" if numbers < JSON_MEASURED else "     n/a"
        note = f"   ({TARGETS[name]})" if name in TARGETS else ""
        print(f"{name:<48}{len(steps):>7}{t:>9.3f}s{peak:>10.1f}{size}{numbers / 1e6:>10.1f}{note}")

    text = corpus(100_000)
    inputs = {"text": "the lowest newest widest", "corpus": text, "numMerges": 500}
    t, _ = best_time(lambda: eigenvue.steps("tokenization-bpe", inputs))
    peak = peak_mib(lambda: eigenvue.steps("tokenization-bpe", inputs))
    print(
        f"{'BPE: learn 500 merges on 100 KB, tokenise':<48}"
        f"{len(eigenvue.steps('tokenization-bpe', inputs)):>7}{t:>9.3f}s{peak:>10.1f}"
        f"{'':>9}   (target < 2 s)"
    )

    from eigenvue.drawing.frame import TeachingFrame

    trace = eigenvue.trace("self-attention", {"tokens": TOKENS_512, "embeddingDim": 64})
    start = time.perf_counter()
    frame = TeachingFrame(trace)
    built = time.perf_counter() - start
    shown = [0, 6, 300, len(trace) - 1]
    start = time.perf_counter()
    for index in shown:
        frame.show_step(index)
        frame.image("png")
    drawn = (time.perf_counter() - start) / len(shown)
    print(f"frames, self-attention 512 × d64: figure built in {built:.2f} s, {drawn:.2f} s a frame")


if __name__ == "__main__":
    main()
