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
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_ZH_TOKEN = re.compile(r"[\u3400-\u9fff]|[a-z]+|\d+")


def _tokens(text: str, language: str) -> list[str]:
    # Chinese has no spaces: characters and their pairs stand in for words. Digits fold to one token, so a
    # price or a phone number reads the same whatever its value.
    found = (_ZH_TOKEN if language == "zh" else _EN_TOKEN).findall(text)
    return ["0" if t.isdigit() else t for t in found]


def _grams(prefix: str, tokens: list[str], into: set[str], known: frozenset[str] | None) -> None:
    padded = ["^", *tokens]
    if known is None:
        into.update(f"{prefix}{t}" for t in tokens)
        into.update(f"{prefix}{a} {b}" for a, b in pairwise(padded))
        return
    # At run time only words that occur in some weighted feature can matter: skip building the rest.
    into.update(f"{prefix}{t}" for t in tokens if t in known)
    into.update(f"{prefix}{a} {b}" for a, b in pairwise(padded) if a in known and b in known)


def turn_features(
    sentences: list[str], asked: list[bool], language: str, rules: TurnLabels, known: frozenset[str] | None = None
) -> set[str]:
    """The named binary features of one turn: the rules' verdicts, its words, and the words of its questions.

    `known` (the words a trained layer has weights for) only skips features that would weigh nothing."""
    features = {f"lang={language}", f"rule:stage={rules.stage or 'none'}", f"rule:questions={min(rules.questions, 3)}"}
    for group in GROUPS:
        features.update(f"rule:{kind}" for kind in getattr(rules, group))
    for flag in ("mentions_price", "greeting", "goodbye", "introduces_self"):
        if getattr(rules, flag):
            features.add(f"rule:{flag}")
    for sentence, is_asked in zip(sentences, asked, strict=True):
        tokens = _tokens(sentence, language)
        _grams("w:", tokens, features, known)
        if is_asked:  # SPIN counts only questions: their words get features of their own
            _grams("q:", tokens, features, known)
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
        self.known_words: frozenset[str] = frozenset(
            word for feature in self.rows if feature[:2] in {"w:", "q:"} for word in feature[2:].split(" ")
        )

    def scores(self, features: set[str]) -> dict[str, float]:
        """Each model's score for these features (above zero: the label applies)."""
        rows = [self.rows[feature] for feature in features & self.rows.keys()]
        return dict(zip(self.names, map(sum, zip(self.biases, *rows, strict=True)), strict=True))

    def apply(self, rules: TurnLabels, features: set[str]) -> TurnLabels:
        """The rules' labels, with the learned groups decided by the weights instead."""
        scores = self.scores(features)
        margin = self.margin
        update: dict = {}
        for group, kinds in GROUPS.items():
            if group in self.groups:
                ruled = getattr(rules, group)
                # The rules' verdict stands unless the weights disagree with it clearly; in the add-only groups
                # the layer may find what the rules missed but never drops what they found.
                if group in self.add_only:
                    update[group] = ruled | {k for k in kinds if scores.get(f"{group}:{k}", 0.0) > margin}
                else:
                    update[group] = frozenset(
                        k for k in kinds if scores.get(f"{group}:{k}", 0.0) > (-margin if k in ruled else margin)
                    )
        if "stage" in self.groups:
            ruled_stage = rules.stage or "none"
            best = max(STAGE_CLASSES, key=lambda stage: scores[f"stage:{stage}"])
            if scores[f"stage:{best}"] > scores[f"stage:{ruled_stage}"] + margin:
                update["stage"] = None if best == "none" else best
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
