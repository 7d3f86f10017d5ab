"""BPE's picture: the tokens as a strip of boxes, the merge rules as another, and a side panel.

While merges are applied, the top strip is the text's tokens: the pair a rule
is about to merge is highlighted, the token a merge made is in the update
colour. The lower strip lists the rules in order, the current one highlighted
and the ones still to come faded. With a training corpus, the learning steps
come first: the top strip is then the vocabulary, growing by one symbol per
merge, the lower strip the merges learned so far, and the side panel the most
frequent pairs of the corpus at that moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import eigenvue.drawing
from eigenvue.drawing.parts import TablePanel, TokenStripPart
from eigenvue.drawing.parts.token_strip import visible

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Pairs listed in the side panel.
PAIRS_SHOWN = 8


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _rule(left: str, right: str) -> str:
    return f"{visible(left)}+{visible(right)}"


class Diagram(eigenvue.drawing.Diagram):
    """Tokens (or the vocabulary) above; rules (or learned merges) below; a side panel."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        layout = self.panels(2, 2, widths=(1.9, 1.0), box=(0.03, 0.04, 0.98, 0.9), gaps=(0.08, 0.3))
        self.tokens = TokenStripPart(fig.add_subplot(layout[0, 0]), theme, fontsize=12.5)
        self.rules = TokenStripPart(fig.add_subplot(layout[1, 0]), theme, fontsize=10.5)
        self.panel = TablePanel(fig.add_subplot(layout[:, 1]), theme, max_rows=PAIRS_SHOWN)
        learned = [s.state["learnedMerges"] for s in trace if s.id == "learn-merge"]
        if learned:
            rules = learned[-1]
        else:
            rules = [[list(pair), merged] for pair, merged in trace.inputs.to_dict()["mergeRules"]]
        self.rule_list = rules
        self.rule_labels = [_rule(left, right) for (left, right), _ in rules]
        self.steps = list(trace)

    def update(self, step: Step) -> None:
        """Show the tokens or vocabulary, the rules, and the side panel for ``step``."""
        if step.id in ("corpus-split", "learn-merge"):
            self._learning(step)
        else:
            self._applying(step)

    def _learning(self, step: Step) -> None:
        state, theme = step.state, self.theme
        vocabulary = state["vocabulary"]
        learned = state["learnedMerges"]
        new = [len(vocabulary) - 1] if step.id == "learn-merge" else []
        self.tokens.update(vocabulary, merged=new, title=f"vocabulary: {len(vocabulary):,} symbols")
        self.rules.update(
            [_rule(left, right) for (left, right), _ in learned],
            merged=[len(learned) - 1] if learned else [],
            title=f"merges learned: {len(learned):,}",
        )
        pairs = state["pairCounts"]
        rows = [[_rule(a, b), f"{count:,}"] for a, b, count in pairs[:PAIRS_SHOWN]]
        if step.id == "learn-merge" and rows:
            rows[0][0] = "▶ " + rows[0][0]
        self.panel.show(
            "Most frequent pairs",
            header=["pair", "count"],
            rows=rows,
            big=f"{state['corpusWords']:,} words",
            column_colors=[theme.text, theme.text],
            note=(
                "The top pair becomes the next merge."
                if step.id == "corpus-split"
                else "Counted before this merge; ▶ is merged."
            ),
        )

    def _applying(self, step: Step) -> None:
        state, theme = step.state, self.theme
        tokens = state["tokens"]
        r = int(state["currentMergeIndex"])
        total = len(self.rule_labels)
        highlight: list[int] = []
        merged: list[int] = []
        if step.id == "merge-apply":
            position = int(state["mergePosition"])
            highlight = [position, position + 1]
        elif step.id == "merge-result":
            # The merge made its token where the pair started (the step before says where).
            merged = [int(self.steps[step.index - 1].state["mergePosition"])]
        caption = f"tokens: {len(tokens):,}"
        if step.is_terminal:
            caption = (
                f"final tokens: {len(tokens):,} (from {len(state['sourceText']):,} characters)"
            )
        self.tokens.update(tokens, highlight=highlight, merged=merged, title=caption)
        current = [r] if 0 <= r < total else []
        done_rules = range(0, min(r, total))
        self.rules.update(
            self.rule_labels,
            highlight=current,
            muted=[k for k in range(total) if k > r] if r >= 0 else range(total),
            title=f"merge rules, in order ({len(done_rules):,} of {total:,} done)",
        )
        if not 0 <= r < total:
            title = "All rules applied" if step.is_terminal else "Rules to apply"
            self.panel.show(
                title,
                big=_count(len(tokens), "token"),
                big_color=theme.done if step.is_terminal else theme.text,
                note=f"{_count(total, 'merge rule')}, each applied to the whole sequence in turn.",
            )
            return
        (left, right), replacement = self.rule_list[r]
        if step.id == "merge-skip":
            verdict, colour = "no such pair: skipped", theme.muted
        elif step.id == "merge-apply":
            verdict, colour = f"found at {state['mergePosition']}", theme.highlight
        else:
            verdict, colour = f"merge {state['mergeCount']} of this rule", theme.update
        self.panel.show(
            f"Rule {r + 1} of {total}",
            big=f"{visible(left)} + {visible(right)} → {visible(replacement)}",
            big_color=colour,
            note=verdict,
        )
