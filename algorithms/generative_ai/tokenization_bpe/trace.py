"""The BPE trace: (optionally) learn merges from a corpus, then apply them to the text.

Runs :mod:`.bpe` and records each step in the Eigenvue 1.0.2 step format. Without
a corpus the trace is Eigenvue's: split the text into characters, then for each
rule in order either skip it (its pair never occurs) or show each merge before
and after. With a corpus, the learning rounds come first, one step per merge
learned, with the most frequent pairs and the vocabulary so far.
"""

from __future__ import annotations

from collections.abc import Iterator

from eigenvue.step import Step

from . import bpe
from .inputs import Inputs

#: Tokens written out in an explanation before it says "…".
LISTED = 12


def _tokens(tokens: list[str]) -> str:
    shown = " · ".join(repr(t)[1:-1] if t.strip() else repr(t) for t in tokens[:LISTED])
    more = f" · … ({len(tokens):,} tokens)" if len(tokens) > LISTED else ""
    return f"[{shown}{more}]"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _pair(left: str, right: str) -> str:
    return f"“{left}” + “{right}”"


def _learning(inputs: Inputs, corpus: str) -> tuple[list[Step], list[list]]:
    """The training steps, and the merge rules learned."""
    alphabet, learned = bpe.learn_merges(corpus, inputs.numMerges)
    words = corpus.split()
    distinct = len(set(words))
    first_top = learned[0].top_pairs if learned else []
    steps = [
        Step(
            id="corpus-split",
            title="Split the corpus into symbols",
            explanation=(
                f"The corpus has {len(words):,} words ({distinct:,} distinct). Each word becomes "
                f"its characters followed by the end-of-word symbol </w>, so the vocabulary "
                f"starts with {len(alphabet):,} symbols, one per character seen."
            ),
            phase="corpus",
            lines="corpus_split",
            state={
                "sourceText": inputs.text,
                "corpusWords": len(words),
                "vocabulary": alphabet,
                "pairCounts": [list(p) for p in first_top],
                "learnedMerges": [],
            },
        )
    ]
    rules: list[list] = []
    vocabulary = list(alphabet)
    for k, merge in enumerate(learned):
        a, b = merge.pair
        rules.append([[a, b], a + b])
        vocabulary.append(a + b)
        runner_up = (
            f" The next most frequent was {_pair(*merge.top_pairs[1][:2])} "
            f"({merge.top_pairs[1][2]:,} times)."
            if len(merge.top_pairs) > 1
            else ""
        )
        steps.append(
            Step(
                id="learn-merge",
                title=f"Merge {k + 1}: {a} + {b} → {a + b}",
                explanation=(
                    f"Counting every adjacent pair of symbols over the corpus, {_pair(a, b)} is the "
                    f"most frequent: {merge.frequency:,} times.{runner_up} It becomes merge rule "
                    f"{k + 1}, its result “{a + b}” joins the vocabulary ({merge.symbols:,} "
                    "symbols), and every occurrence in the corpus is merged before counting again."
                ),
                phase="training",
                lines="learn",
                state={
                    "sourceText": inputs.text,
                    "corpusWords": len(words),
                    "vocabulary": list(vocabulary),
                    "pairCounts": [list(p) for p in merge.top_pairs],
                    "mergedPair": [a, b],
                    "pairFrequency": merge.frequency,
                    "learnedMerges": list(rules),
                },
            )
        )
    return steps, rules


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the learning steps (with a corpus), the split, the merges and the result."""
    text = inputs.text
    if inputs.corpus is not None:
        steps, rules = _learning(inputs, inputs.corpus)
        yield from steps
        tokens = bpe.word_symbols(text)
        split_how = (
            "The text is split the way the corpus was: each word into its characters, "
            "followed by </w>"
        )
    else:
        rules = [[list(pair), replacement] for pair, replacement in inputs.mergeRules]
        tokens = list(text)
        split_how = "The text starts as one token per character (spaces included)"
    total = len(rules)
    yield Step(
        id="character-split",
        title="Split into characters",
        explanation=(
            f"{split_how}: {_tokens(tokens)}, {_count(len(tokens), 'token')}. "
            f"{total:,} merge rule{'s' if total != 1 else ''} will be applied, in order."
        ),
        phase="initialization",
        lines="split",
        state={
            "tokens": list(tokens),
            "sourceText": text,
            "mergeRulesRemaining": total,
            "currentMergeIndex": -1,
        },
    )
    for r, ((left, right), replacement) in enumerate(rules):
        rule = {"left": left, "right": right, "replacement": replacement}
        common = {
            "sourceText": text,
            "mergeRulesRemaining": total - r - 1,
            "currentMergeIndex": r,
        }
        if not bpe.has_pair(tokens, (left, right)):
            yield Step(
                id="merge-skip",
                title=f"Rule {r + 1}: {left} + {right} does not occur",
                explanation=(
                    f"Rule {r + 1} merges {_pair(left, right)}, but no token “{left}” is "
                    f"followed by “{right}” in {_tokens(tokens)}. Nothing changes."
                ),
                phase="merging",
                lines="skip",
                state={"tokens": list(tokens), **common, "currentRule": rule},
            )
            continue
        for merge in bpe.apply_rule(tokens, r, (left, right), replacement):
            yield Step(
                id="merge-apply",
                title=f"Rule {r + 1}: found {left} + {right}",
                explanation=(
                    f"Scanning left to right, tokens {merge.position} and {merge.position + 1} "
                    f"are {_pair(left, right)}: rule {r + 1} applies here."
                ),
                phase="merging",
                lines="found",
                state={
                    "tokens": merge.before,
                    **common,
                    "currentRule": rule,
                    "mergePosition": merge.position,
                },
            )
            yield Step(
                id="merge-result",
                title=f"Merged into {replacement}",
                explanation=(
                    f"The pair becomes the single token “{replacement}”: {_tokens(merge.after)}, "
                    f"{_count(len(merge.after), 'token')}. The scan goes on from the merged token "
                    f"(merge {merge.count} of rule {r + 1})."
                ),
                phase="merging",
                lines="merge",
                state={"tokens": merge.after, **common, "mergeCount": merge.count},
            )
    n = len(tokens)
    yield Step(
        id="complete",
        title="Tokenisation complete",
        explanation=(
            f"Every rule has been applied. The text {text[:40]!r}"
            f"{'…' if len(text) > 40 else ''} is now {n:,} token{'s' if n != 1 else ''}: "
            f"{_tokens(tokens)}, down from {len(text):,} characters."
        ),
        phase="result",
        lines="done",
        is_terminal=True,
        state={
            "tokens": list(tokens),
            "sourceText": text,
            "mergeRulesRemaining": 0,
            "currentMergeIndex": total,
            "finalTokenCount": n,
        },
    )
