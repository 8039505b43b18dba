"""A linear layer over the cue rules, learned from the hand-labelled sets in tests/data.

The rules read each clause; annotators still differ from them in ways no single cue captures (a read-back that
is a summary to one trainer and a confirmed fact to another, a free survey booked as a next step or as a
commitment). The layer sees the rules' verdicts and the turn's words, and its weights come from every
labelled set we have, so its reading follows those annotators rather than one author's cue list.

It is a plain dot product over named features: the weights sit in `learned_model.json` (written by
`tools/train_labeler.py`, which needs scikit-learn; reading them needs nothing), so the labeler stays offline,
deterministic and fast. Without the file the rules alone decide.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from graders.labels import CLOSE_KINDS, FABE_KINDS, SPIN_KINDS, TurnLabels

MODEL_PATH = Path(__file__).with_name("learned_model.json")
GROUPS: dict[str, tuple[str, ...]] = {"spin": SPIN_KINDS, "fabe": FABE_KINDS, "close": CLOSE_KINDS}
STAGE_CLASSES = ("none", "cognitive", "divergent", "convergent")
# The words, and the word pairs (first word -> second words), that some weighted feature uses.
Vocabulary = tuple[frozenset[str], dict[str, frozenset[str]]]
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_ZH_TOKEN = re.compile(r"[\u3400-\u9fff]|[a-z]+|\d+")


def _tokens(text: str, language: str) -> list[str]:
    # Chinese has no spaces: characters and their pairs stand in for words. Digits fold to one token, so a
    # price or a phone number reads the same whatever its value.
    found = (_ZH_TOKEN if language == "zh" else _EN_TOKEN).findall(text)
    return ["0" if t.isdigit() else t for t in found]


def _grams(tokens: list[str], known: Vocabulary | None) -> list[str]:
    """A sentence's words and word pairs ("^" marks its start)."""
    padded = ["^", *tokens]
    if known is None:
        return [*tokens, *(f"{a} {b}" for a, b in pairwise(padded))]
    # At run time only words and pairs that carry some weight can matter: skip building the rest.
    words, pairs = known
    empty: frozenset[str] = frozenset()
    return [t for t in tokens if t in words] + [f"{a} {b}" for a, b in pairwise(padded) if b in pairs.get(a, empty)]


def turn_features(
    sentences: list[str], asked: list[bool], language: str, rules: TurnLabels, known: Vocabulary | None = None
) -> set[str]:
    """The named binary features of one turn: the rules' verdicts, its words, and the words of its questions.

    `known` (the words and pairs a trained layer has weights for) only skips features that would weigh nothing."""
    features = {f"lang={language}", f"rule:stage={rules.stage or 'none'}", f"rule:questions={min(rules.questions, 3)}"}
    for group in GROUPS:
        features.update(f"rule:{kind}" for kind in getattr(rules, group))
    for flag in ("mentions_price", "greeting", "goodbye", "introduces_self"):
        if getattr(rules, flag):
            features.add(f"rule:{flag}")
    for sentence, is_asked in zip(sentences, asked, strict=True):
        grams = _grams(_tokens(sentence, language), known)
        features.update(["w:" + gram for gram in grams])
        if is_asked:  # SPIN counts only questions: their words get features of their own
            features.update(["q:" + gram for gram in grams])
    return features


class LinearLayer:
    """Weights per label, and one score per stage (the highest wins)."""

    def __init__(self, data: dict) -> None:
        models = {**data["labels"], **{f"stage:{name}": model for name, model in data["stages"].items()}}
        self.names: tuple[str, ...] = tuple(models)
        self.biases: tuple[float, ...] = tuple(model["bias"] for model in models.values())
        # One row of weights (one per model) for each weighted feature: a turn's scores are the column sums of
        # its features' rows, one lookup per feature instead of one per feature per model.
        columns: dict[str, list[float]] = {}
        for column, model in enumerate(models.values()):
            for feature, weight in model["weights"].items():
                columns.setdefault(feature, [0.0] * len(models))[column] = weight
        self.rows: dict[str, tuple[float, ...]] = {feature: tuple(row) for feature, row in columns.items()}
        self.groups: frozenset[str] = frozenset(data["groups"])
        self.trained_on: tuple[str, ...] = tuple(data.get("trained_on", ()))
        self.margin: float = float(data["margin"])
        self.add_only: frozenset[str] = frozenset(data["add_only"])
        index = {name: i for i, name in enumerate(self.names)}
        self.label_models: dict[str, tuple[tuple[str, int], ...]] = {
            group: tuple((kind, index[f"{group}:{kind}"]) for kind in kinds if f"{group}:{kind}" in index)
            for group, kinds in GROUPS.items()
            if group in self.groups
        }
        self.stage_models: tuple[tuple[str, int], ...] = (
            tuple((stage, index[f"stage:{stage}"]) for stage in STAGE_CLASSES) if "stage" in self.groups else ()
        )
        words: set[str] = set()
        pairs: dict[str, set[str]] = {}
        for feature in self.rows:
            if feature[:2] in {"w:", "q:"}:
                first, _, second = feature[2:].partition(" ")
                if second:
                    pairs.setdefault(first, set()).add(second)
                else:
                    words.add(first)
        self.known: Vocabulary = (frozenset(words), {a: frozenset(b) for a, b in pairs.items()})

    def _totals(self, features: set[str]) -> list[float]:
        # (not `features & self.rows.keys()`: that copies every key of the model into a set first)
        weighted = [self.rows[feature] for feature in features if feature in self.rows]
        return list(map(sum, zip(self.biases, *weighted, strict=True)))

    def scores(self, features: set[str]) -> dict[str, float]:
        """Each model's score for these features (above zero: the label applies)."""
        return dict(zip(self.names, self._totals(features), strict=True))

    def apply(self, rules: TurnLabels, features: set[str]) -> TurnLabels:
        """The rules' labels, with the learned groups decided by the weights instead."""
        totals = self._totals(features)
        margin = self.margin
        update: dict = {}
        for group, models in self.label_models.items():
            ruled = getattr(rules, group)
            # The rules' verdict stands unless the weights disagree with it clearly; in the add-only groups
            # the layer may find what the rules missed but never drops what they found.
            if group in self.add_only:
                update[group] = ruled | {kind for kind, i in models if totals[i] > margin}
            else:
                update[group] = frozenset(
                    kind for kind, i in models if totals[i] > (-margin if kind in ruled else margin)
                )
        if self.stage_models:
            stage_scores = {stage: totals[i] for stage, i in self.stage_models}
            best = max(stage_scores, key=stage_scores.__getitem__)
            if stage_scores[best] > stage_scores[rules.stage or "none"] + margin:
                update["stage"] = None if best == "none" else best
        if all(getattr(rules, name) == value for name, value in update.items()):
            return rules  # most turns: the layer agrees, and a copy would cost more than the scoring
        return rules.model_copy(update=update)


@lru_cache(maxsize=1)
def layer() -> LinearLayer | None:
    """The shipped layer, or None when its file is absent (the rules decide alone)."""
    if not MODEL_PATH.exists():
        return None
    try:
        return LinearLayer(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as error:
        raise RuntimeError(
            f"{MODEL_PATH} is not a labeler model ({error!r}): restore it with `git checkout {MODEL_PATH.name}` "
            "or rebuild it with `python tools/train_labeler.py`."
        ) from error
