"""tokenization-bpe: hand-worked merges, Sennrich et al.'s training example and reference code,
and the refused inputs."""

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.reference import case_named
from tests.refusals import assert_refused

ID = "tokenization-bpe"
CASCADE = "edge: re-test at same position cascades"
NOT_CONCATENATION = "edge: replacement need not be the concatenation"

#: Recorded cases this lesson deliberately does not reproduce, and the test of what it does.
DEVIATIONS = {
    CASCADE: "test_a_rule_must_produce_its_concatenation",
    NOT_CONCATENATION: "test_a_rule_must_produce_its_concatenation",
}

REFUSALS = [
    ({"text": ""}, "text"),
    ({"text": 5}, "text"),
    ({"text": "ab", "mergeRules": [[["a", "b"], "XY"]]}, "mergeRules[0]"),
    ({"text": "abb", "mergeRules": [[["a", "b"], "ab"], [["a", "b"], "a"]]}, "mergeRules[1]"),
    ({"text": "ab", "mergeRules": [[["", "b"], "b"]]}, "mergeRules[0][0][0]"),
    ({"text": "ab", "mergeRules": [[["a", "b", "c"], "abc"]]}, "mergeRules[0][0]"),
    ({"text": "ab", "mergeRules": [["ab"]]}, "mergeRules[0][0]"),
    ({"text": "ab", "mergeRules": [[["a", 1], "a1"]]}, "mergeRules[0][0][1]"),
    ({"text": "ab", "mergeRules": "ab"}, "mergeRules"),
    ({"text": "x" * 1_500}, "text"),
    ({"text": "low", "corpus": "low low", "mergeRules": [[["l", "o"], "lo"]]}, "mergeRules"),
    ({"text": "low", "corpus": "  \n "}, "corpus"),
    ({"text": "low", "corpus": "low", "numMerges": 0}, "numMerges"),
    ({"text": "low", "corpus": "low", "numMerges": 2.0}, "numMerges"),
    ({"text": "low", "corpus": "low", "numMerges": 1_001}, "numMerges"),
    ({"text": "low", "corpus": 3}, "corpus"),
    ({"text": "low", "merges": []}, "merges"),
]


def steps(inputs):
    return eigenvue.steps(ID, inputs)


def final_tokens(inputs):
    return steps(inputs)[-1]["state"]["tokens"]


def test_a_rule_must_produce_its_concatenation():
    for name in (CASCADE, NOT_CONCATENATION):
        case = case_named(ID, name, edge=True)
        error = assert_refused(ID, case["inputs"], "mergeRules[0]")
        assert "'ab'" in str(error)  # the message says what the replacement must be


# -- hand-worked tokenisations -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rules", "expected"),
    [
        # l+o, then lo+w: e, s, t have no rule.
        ("lowest", [[["l", "o"], "lo"], [["lo", "w"], "low"]], ["low", "e", "s", "t"]),
        # Left to right, no overlap: aaaa → aa aa; aaa → aa a.
        ("aaaa", [[["a", "a"], "aa"]], ["aa", "aa"]),
        ("aaa", [[["a", "a"], "aa"]], ["aa", "a"]),
        # Rules apply in order: b+c comes first, so a+b never finds its pair.
        ("abc", [[["b", "c"], "bc"], [["a", "b"], "ab"]], ["a", "bc"]),
        ("abc", [[["a", "b"], "ab"], [["b", "c"], "bc"]], ["ab", "c"]),
        # A space is a character like any other.
        ("a b", [[["a", " "], "a "]], ["a ", "b"]),
        # No rules: characters (code points, not bytes).
        ("été", [], ["é", "t", "é"]),
    ],
)
def test_hand_worked_tokenisations(text, rules, expected):
    assert final_tokens({"text": text, "mergeRules": rules}) == expected


def test_merge_positions_and_counts_by_hand():
    trace = steps({"text": "abab", "mergeRules": [[["a", "b"], "ab"]]})
    applied = [s["state"]["mergePosition"] for s in trace if s["id"] == "merge-apply"]
    counts = [s["state"]["mergeCount"] for s in trace if s["id"] == "merge-result"]
    # "abab": merge at 0 → [ab, a, b]; the scan re-tests 0 (ab, a), moves to 1 and merges.
    assert applied == [0, 1]
    assert counts == [1, 2]
    assert trace[-1]["state"]["finalTokenCount"] == 2


# -- Sennrich, Haddow & Birch (2016) --------------------------------------------------------

#: The paper's toy dictionary: low ×5, lower ×2, newest ×6, widest ×3.
PAPER_CORPUS = " ".join(["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3)


def learned(inputs):
    return [tuple(s["state"]["mergedPair"]) for s in steps(inputs) if s["id"] == "learn-merge"]


def test_the_papers_worked_example():
    merges = learned({"text": "low", "corpus": PAPER_CORPUS, "numMerges": 5})
    assert merges == [("e", "s"), ("es", "t"), ("est", "</w>"), ("l", "o"), ("lo", "w")]
    trace = steps({"text": "low", "corpus": PAPER_CORPUS, "numMerges": 1})
    first = trace[1]["state"]
    # e+s occurs in newest (6) and widest (3): 9 times, tied with s+t and t+</w>.
    assert first["pairFrequency"] == 9
    assert first["pairCounts"][:3] == [["e", "s", 9], ["s", "t", 9], ["t", "</w>", 9]]
    # 11 distinct symbols (l o w </w> e r n s t i d), then one more per merge.
    assert len(trace[0]["state"]["vocabulary"]) == 11
    assert first["vocabulary"][-1] == "es" and len(first["vocabulary"]) == 12


def test_a_word_learned_whole_is_one_token():
    # newest → es → est → est</w> → ne → new → newest</w> with the paper's first 8 merges.
    tokens = final_tokens({"text": "newest", "corpus": PAPER_CORPUS, "numMerges": 8})
    assert tokens == ["newest</w>"]


def sennrich_learn(corpus, k):
    """The learning loop as printed in the paper (Figure 1), on a dict of space-split words."""
    vocab = {" ".join(word) + " </w>": n for word, n in Counter(corpus.split()).items()}
    merges = []
    for _ in range(k):
        pairs = Counter()
        for word, freq in vocab.items():
            symbols = word.split()
            for i in range(len(symbols) - 1):
                pairs[symbols[i], symbols[i + 1]] += freq
        if not pairs:
            break
        best = max(pairs, key=pairs.get)
        bigram = re.escape(" ".join(best))
        pattern = re.compile(r"(?<!\S)" + bigram + r"(?!\S)")
        vocab = {pattern.sub("".join(best), word): freq for word, freq in vocab.items()}
        merges.append(best)
    return merges


words = st.lists(st.text("abcde", min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    corpus_words=words,
    repeats=st.lists(st.integers(1, 4), min_size=12, max_size=12),
    k=st.integers(1, 15),
)
def test_learning_agrees_with_the_papers_code(corpus_words, repeats, k):
    corpus = " ".join(w for w, r in zip(corpus_words, repeats) for _ in range(r))
    assert learned({"text": "a", "corpus": corpus, "numMerges": k}) == sennrich_learn(corpus, k)


def apply_by_regex(text, rules):
    """Apply the rules with the paper's regular-expression merge on space-separated symbols."""
    symbols = " ".join(text)
    for (left, right), merged in rules:
        pattern = re.compile(r"(?<!\S)" + re.escape(left + " " + right) + r"(?!\S)")
        symbols = pattern.sub(merged, symbols)
    return symbols.split(" ")


rules = st.lists(
    st.tuples(st.text("abc", min_size=1, max_size=2), st.text("abc", min_size=1, max_size=2)),
    max_size=8,
).map(lambda pairs: [[[a, b], a + b] for a, b in pairs])


@settings(max_examples=80, deadline=None)
@given(text=st.text("abc", min_size=1, max_size=20), merge_rules=rules)
def test_tokens_agree_with_regex_merging_and_spell_the_text(text, merge_rules):
    trace = steps({"text": text, "mergeRules": merge_rules})
    for step in trace:
        assert "".join(step["state"]["tokens"]) == text
    assert trace[-1]["state"]["tokens"] == apply_by_regex(text, merge_rules)
    assert trace[-1]["state"]["finalTokenCount"] == len(trace[-1]["state"]["tokens"])


def test_training_stops_when_every_word_is_one_symbol():
    trace = steps({"text": "ab", "corpus": "ab ab", "numMerges": 5})
    # a+b, then ab+</w>: nothing is left to pair.
    assert learned({"text": "ab", "corpus": "ab ab", "numMerges": 5}) == [
        ("a", "b"),
        ("ab", "</w>"),
    ]
    assert trace[-1]["state"]["tokens"] == ["ab</w>"]
