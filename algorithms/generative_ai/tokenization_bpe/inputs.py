"""The inputs of BPE tokenisation and their rules."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, Strict, StrictStr, model_validator

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Count

#: Resource limit on the text: every step holds the token list (at most one token a character).
MAX_TEXT = 2_000
#: Resource limit on the rules: at most one step each, plus two per merge made.
MAX_RULES = 2_000
#: Resource limit on a training corpus (a megabyte of text).
MAX_CORPUS = 1_000_000
#: Resource limit on learned merges: each training step holds the vocabulary learned so far.
MAX_MERGES = 1_000
#: Resource limit: steps × tokens per step, the size of the token lists of the whole trace.
MAX_TRACE_TOKENS = 4_000_000

Symbol = Annotated[StrictStr, Field(min_length=1)]
# A rule is written [[left, right], replacement]; JSON has lists, so tuples accept lists here.
Pair = Annotated[tuple[Symbol, Symbol], Strict(False)]
Rule = Annotated[tuple[Pair, Symbol], Strict(False)]

DEFAULT_RULES = [
    (("l", "o"), "lo"),
    (("lo", "w"), "low"),
    (("e", "s"), "es"),
    (("es", "t"), "est"),
    (("low", "est"), "lowest"),
]


class Inputs(eigenvue.Inputs):
    """A text and the merge rules to apply to it, or a corpus to learn the rules from."""

    text: str = Field(
        default="lowest",
        min_length=1,
        max_length=MAX_TEXT,
        description=(
            "The text to tokenise (1 to 2,000 characters). It starts as one token per character; "
            "spaces are characters like any other, unless a corpus is given."
        ),
    )
    mergeRules: list[Rule] = Field(
        default=DEFAULT_RULES,
        max_length=MAX_RULES,
        description=(
            "Merge rules [[left, right], left+right], applied in order, each to every adjacent "
            "left, right pair of the tokens (up to 2,000 rules). Ignored when a corpus is given: "
            "the rules are then learned."
        ),
    )
    corpus: str | None = Field(
        default=None,
        max_length=MAX_CORPUS,
        description=(
            "A training text (up to 1,000,000 characters). When given, BPE first learns "
            "numMerges merge rules from it, then tokenises the text with them; words are "
            "split on whitespace and end with the symbol </w>."
        ),
    )
    numMerges: Count(1, MAX_MERGES) = Field(  # type: ignore[valid-type]
        default=10,
        description="How many merges to learn from the corpus (1 to 1,000); used with corpus only.",
    )

    @model_validator(mode="after")
    def _rules_make_sense(self) -> Inputs:
        for i, ((left, right), replacement) in enumerate(self.mergeRules):
            if replacement != left + right:
                raise InputError(
                    f"mergeRules[{i}]",
                    f"must replace the pair by its concatenation {left + right!r}; "
                    f"got {replacement!r}",
                )
        if self.corpus is not None:
            # Rules of one's own beside a corpus would be ignored: say so rather than drop them.
            # (The default rules may be present: they are what a dump of these inputs holds.)
            if "mergeRules" in self.model_fields_set and self.mergeRules != DEFAULT_RULES:
                raise InputError(
                    "mergeRules",
                    "cannot be given together with a corpus: the corpus is there to learn them",
                )
            if not self.corpus.split():
                raise InputError("corpus", "must contain at least one word")
        n = len(self.text)
        rules = self.numMerges if self.corpus is not None else len(self.mergeRules)
        # Each rule is a step (or two per merge, at most n − 1 merges in all); each holds n tokens.
        tokens = (2 + rules + 2 * (n - 1)) * n
        if tokens > MAX_TRACE_TOKENS:
            # The n with (2 + rules + 2n) · n = limit, from the quadratic formula.
            largest = int((-(rules + 2) + ((rules + 2) ** 2 + 8 * MAX_TRACE_TOKENS) ** 0.5) / 4)
            raise InputError(
                "text",
                f"is too long for {rules:,} rules: the trace could hold about {tokens:,} tokens, "
                f"over the limit of {MAX_TRACE_TOKENS:,}; the largest text that fits "
                f"is about {largest:,} characters",
            )
        return self
