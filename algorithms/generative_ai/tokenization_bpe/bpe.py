"""Byte-pair encoding in plain Python: learning merges from a corpus, applying them to text.

No steps and no plotting. :func:`apply_merges` reports every merge it makes,
which the trace turns into steps; :func:`learn_merges` is the training loop of
Sennrich, Haddow and Birch (2016) with incremental pair counts, so 500 merges
on a 100 KB corpus take well under a second.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

#: Marks the end of a word, so that a suffix such as "est" at a word's end can become
#: its own symbol "est</w>" (Sennrich et al. 2016).
END_OF_WORD = "</w>"

Pair = tuple[str, str]


@dataclass(frozen=True)
class Merge:
    """One merge made while applying a rule: the tokens before it, where, and after it."""

    rule: int
    position: int
    before: list[str]
    after: list[str]
    count: int  # 1-based number of merges of this rule so far


def apply_rule(tokens: list[str], rule: int, pair: Pair, replacement: str) -> Iterator[Merge]:
    """Merge every adjacent ``pair`` of ``tokens``, left to right, in place.

    After a merge the same position is tested again (the merged token with its
    new right neighbour), as Eigenvue 1.0.2 does; with ``replacement == left +
    right`` this is the usual non-overlapping left-to-right scan.
    """
    left, right = pair
    count = 0
    i = 0
    while i < len(tokens) - 1:
        if tokens[i] == left and tokens[i + 1] == right:
            before = list(tokens)
            tokens[i : i + 2] = [replacement]
            count += 1
            yield Merge(rule, i, before, list(tokens), count)
        else:
            i += 1


def has_pair(tokens: Sequence[str], pair: Pair) -> bool:
    """Whether ``pair`` occurs as two adjacent tokens."""
    return any(a == pair[0] and b == pair[1] for a, b in zip(tokens, tokens[1:]))


def word_symbols(text: str) -> list[str]:
    """The symbols BPE training starts from: each word's characters, then ``</w>``."""
    symbols: list[str] = []
    for word in text.split():
        symbols.extend(word)
        symbols.append(END_OF_WORD)
    return symbols


@dataclass(frozen=True)
class Learned:
    """One merge learned from the corpus."""

    pair: Pair
    frequency: int  # how often the pair occurred in the corpus when it was chosen
    top_pairs: list[tuple[str, str, int]]  # the most frequent pairs at that moment
    symbols: int  # vocabulary size after this merge


class _Corpus:
    """The corpus as its distinct words (symbol lists) with their frequencies.

    Keeps the count of every adjacent pair and, for each pair, the words that
    contain it, so that a merge updates only the words it touches.
    """

    def __init__(self, corpus: str) -> None:
        frequency = Counter(corpus.split())  # insertion order = first occurrence
        self.words = [[*word, END_OF_WORD] for word in frequency]
        self.freq = list(frequency.values())
        self.counts: Counter[Pair] = Counter()
        self.where: dict[Pair, set[int]] = {}
        for w, symbols in enumerate(self.words):
            for pair in zip(symbols, symbols[1:]):
                self.counts[pair] += self.freq[w]
                self.where.setdefault(pair, set()).add(w)
        self.heap = [(-c, p) for p, c in self.counts.items()]
        heapq.heapify(self.heap)

    def _first_seen(self, pair: Pair) -> tuple[int, int]:
        """Where ``pair`` first occurs in reading order: (word, position)."""
        w = min(self.where[pair])
        symbols = self.words[w]
        position = next(i for i in range(len(symbols) - 1) if (symbols[i], symbols[i + 1]) == pair)
        return w, position

    def top(self, k: int) -> list[tuple[str, str, int]]:
        """The ``k`` most frequent pairs; ties go to the pair seen first in the corpus."""
        found: dict[Pair, int] = {}
        popped = []
        cutoff = None
        # Pop until k pairs are known and every pair tied with the k-th is in.
        while self.heap:
            negative, pair = self.heap[0]
            if cutoff is not None and -negative < cutoff:
                break
            heapq.heappop(self.heap)
            if self.counts.get(pair, 0) != -negative or pair in found:
                continue  # a stale entry: the count changed since it was pushed
            popped.append((negative, pair))
            found[pair] = -negative
            if len(found) == k:
                cutoff = -negative
        for entry in popped:
            heapq.heappush(self.heap, entry)
        ranked = sorted(found, key=lambda p: (-found[p], self._first_seen(p)))
        return [(a, b, found[(a, b)]) for a, b in ranked[:k]]

    def merge(self, pair: Pair) -> None:
        """Replace every occurrence of ``pair`` by one symbol, updating the pair counts."""
        left, right = pair
        joined = left + right
        changed: Counter[Pair] = Counter()
        for w in list(self.where.get(pair, ())):
            symbols, f = self.words[w], self.freq[w]
            for old in zip(symbols, symbols[1:]):
                changed[old] -= f
            merged: list[str] = []
            i = 0
            while i < len(symbols):
                if i < len(symbols) - 1 and symbols[i] == left and symbols[i + 1] == right:
                    merged.append(joined)
                    i += 2
                else:
                    merged.append(symbols[i])
                    i += 1
            self.words[w] = merged
            old_pairs = set(zip(symbols, symbols[1:]))
            new_pairs = set(zip(merged, merged[1:]))
            for gone in old_pairs - new_pairs:
                self.where[gone].discard(w)
            for new in new_pairs - old_pairs:
                self.where.setdefault(new, set()).add(w)
            for new in zip(merged, merged[1:]):
                changed[new] += f
        for p, delta in changed.items():
            if delta:
                self.counts[p] += delta
                if self.counts[p] <= 0:
                    del self.counts[p]
                    self.where.pop(p, None)
                else:
                    heapq.heappush(self.heap, (-self.counts[p], p))

    def alphabet(self) -> list[str]:
        """The distinct symbols of the corpus before any merge, in order of first occurrence."""
        return list(dict.fromkeys(s for word in self.words for s in word))


def learn_merges(corpus: str, merges: int, shown: int = 8) -> tuple[list[str], list[Learned]]:
    """Learn up to ``merges`` merge rules from ``corpus`` (fewer if every word becomes one symbol).

    Each round counts adjacent symbol pairs over the corpus (a word counts as
    often as it occurs) and merges the most frequent pair everywhere; a tie
    goes to the pair met first reading the corpus. Returns the starting
    alphabet and the merges in the order learned.
    """
    state = _Corpus(corpus)
    alphabet = state.alphabet()
    learned: list[Learned] = []
    for k in range(merges):
        top = state.top(shown)
        if not top:
            break
        a, b, frequency = top[0]
        state.merge((a, b))
        learned.append(Learned((a, b), frequency, top, len(alphabet) + k + 1))
    return alphabet, learned
