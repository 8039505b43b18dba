"""A linear layer over the cue rules, learned from the hand-labelled sets in tests/data.

The rules read each clause for a cue; careful annotators read a turn as a whole (a read-back that restates a
guarantee is a summary, not evidence; "how often does it jam?" is about a difficulty). The layer sees the rules'
verdicts and the turn's words and word pairs, those of its questions and of its last sentence apart, and its
weights come from every labelled set we have, so its reading follows those annotators rather than one author's
cue list.

It is a plain dot product over named features, written by `tools/train_labeler.py` (which needs scikit-learn;
reading needs only numpy): `learned_model.json` says what it was trained on and holds each model's bias, and
`learned_weights.npz` holds the weights, one row per feature, so the labeler stays offline, deterministic and
fast, and loads in a fraction of a second. Without the files the rules alone decide.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np

from graders.labels import GROUPS, STAGES, TurnLabels

MODEL_PATH = Path(__file__).with_name("learned_model.json")
WEIGHTS_PATH = Path(__file__).with_name("learned_weights.npz")
STAGE_CLASSES = ("none", *STAGES)
GRAM_KINDS = ("w", "q", "l")  # every word and pair; those of questions; those of the last sentence
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_ZH_TOKEN = re.compile(r"[\u3400-\u9fff]|[a-z]+|\d+")


def _tokens(text: str, language: str) -> list[str]:
    # Chinese has no spaces: characters and their pairs stand in for words. Digits fold to one token, so a
    # price or a phone number reads the same whatever its value.
    found = (_ZH_TOKEN if language == "zh" else _EN_TOKEN).findall(text)
    return ["0" if t.isdigit() else t for t in found]


def _grams(tokens: list[str]) -> list[str]:
    """A sentence's words and word pairs ("^" marks its start)."""
    return [*tokens, *(f"{a} {b}" for a, b in pairwise(["^", *tokens]))]


def _rule_features(language: str, rules: TurnLabels) -> set[str]:
    features = {f"lang={language}", f"rule:stage={rules.stage or 'none'}", f"rule:questions={min(rules.questions, 3)}"}
    for group in GROUPS:
        features.update(f"rule:{kind}" for kind in getattr(rules, group))
    for flag in ("mentions_price", "greeting", "goodbye", "introduces_self", "manners_only"):
        if getattr(rules, flag):
            features.add(f"rule:{flag}")
    return features


def _gram_kinds(asked: list[bool]) -> list[tuple[str, ...]]:
    """Which gram features each sentence gives: its words always, as a question's if it asks, as the last's."""
    last = len(asked) - 1
    return [("w", *(("q",) if is_asked else ()), *(("l",) if i == last else ())) for i, is_asked in enumerate(asked)]


def turn_features(
    sentences: list[str], asked: list[bool], language: str, rules: TurnLabels, context: frozenset[str] = frozenset()
) -> set[str]:
    """The named binary features of one turn: the rules' verdicts, its words, and the words of its questions.

    SPIN counts only questions, so their words are features of their own; so are the words of the last sentence,
    where a question or a closing move usually sits. `context` holds the call's features (see
    labeler.call_context), empty when the turn is read on its own."""
    features = _rule_features(language, rules) | context
    for sentence, kinds in zip(sentences, _gram_kinds(asked), strict=True):
        grams = _grams(_tokens(sentence, language))
        for kind in kinds:
            features.update([f"{kind}:{gram}" for gram in grams])
    return features


class LinearLayer:
    """Weights per label, and one score per stage (the highest wins)."""

    def __init__(self, data: dict, features: list[str], matrix: np.ndarray) -> None:
        """`data`: the model's settings with each model's bias ({"labels"|"stages": {name: {"bias"}}});
        `matrix`: one row of weights (a column per model, in the order of `data`) for each of `features`."""
        models = {**data["labels"], **{f"stage:{name}": model for name, model in data["stages"].items()}}
        self.names: tuple[str, ...] = tuple(models)
        self.biases: tuple[float, ...] = tuple(model["bias"] for model in models.values())
        # A turn's scores are the column sums of its features' rows, gathered and summed by numpy (a turn has
        # about fifty weighted features).
        self.row_of: dict[str, int] = {feature: row for row, feature in enumerate(features)}
        self.matrix = matrix
        self.bias_row = np.array(self.biases, dtype=np.float64)
        self.groups: frozenset[str] = frozenset(data["groups"])
        self.trained_on: tuple[str, ...] = tuple(data.get("trained_on", ()))
        self.margin: float = float(data["margin"])
        # How clearly the weights must disagree to drop a label the rules found, per group or per label
        # ("close:ask_commitment"; default: the margin).
        self.keep: dict[str, float] = {group: float(k) for group, k in data.get("keep", {}).items()}
        index = {name: i for i, name in enumerate(self.names)}
        self.label_models: dict[str, tuple[tuple[str, int], ...]] = {
            group: tuple((kind, index[f"{group}:{kind}"]) for kind in kinds if f"{group}:{kind}" in index)
            for group, kinds in GROUPS.items()
            if group in self.groups
        }
        self.stage_models: tuple[tuple[str, int], ...] = (
            tuple((stage, index[f"stage:{stage}"]) for stage in STAGE_CLASSES) if "stage" in self.groups else ()
        )
        # The same rows by gram kind ({kind: {gram: row}}), so a turn's rows are found by looking its grams up
        # once per kind rather than by naming every "kind:gram" feature it has (see turn_rows).
        self.gram_rows: dict[str, dict[str, int]] = {kind: {} for kind in GRAM_KINDS}
        for feature, row in self.row_of.items():
            kind, colon, gram = feature.partition(":")
            if colon and kind in self.gram_rows:
                self.gram_rows[kind][gram] = row

    @classmethod
    def from_model(cls, data: dict) -> LinearLayer:
        """The layer of a model as the trainer makes it, each model with its own {feature: weight}."""
        models = [*data["labels"].values(), *data["stages"].values()]
        columns: dict[str, list[float]] = {}
        for column, model in enumerate(models):
            for feature, weight in model["weights"].items():
                columns.setdefault(feature, [0.0] * len(models))[column] = weight
        matrix = np.array(list(columns.values()), dtype=np.float32).reshape(len(columns), len(models))
        return cls(data, list(columns), matrix)

    def turn_rows(
        self,
        sentences: list[str],
        asked: list[bool],
        language: str,
        rules: TurnLabels,
        context: frozenset[str] = frozenset(),
    ) -> set[int]:
        """The rows of the turn's weighted features: exactly those of turn_features(), found without naming them."""
        rows = {self.row_of[f] for f in _rule_features(language, rules) | context if f in self.row_of}
        for sentence, kinds in zip(sentences, _gram_kinds(asked), strict=True):
            grams = _grams(_tokens(sentence, language))
            for kind in kinds:
                known = self.gram_rows[kind]
                rows.update([known[gram] for gram in grams if gram in known])
        return rows

    def totals(self, rows: set[int]) -> list[float]:
        """Each model's score (in `names` order) from the rows of a turn's weighted features."""
        return self.totals_each([rows])[0]

    def totals_each(self, turns: list[set[int]]) -> list[list[float]]:
        """totals() of several turns at once: one gather and one segmented sum for a whole call, since numpy's
        cost per call outweighs the arithmetic of one turn."""
        if not any(turns):
            return [self.bias_row.tolist() for _ in turns]
        # reduceat cannot sum an empty run, so a turn without weighted features stands on row 0 and gets the bias
        padded = [rows or (0,) for rows in turns]
        starts = np.cumsum([0, *(len(rows) for rows in padded[:-1])])
        gathered = self.matrix.take([row for rows in padded for row in rows], axis=0)
        sums = np.add.reduceat(gathered, starts, axis=0) + self.bias_row
        sums[[i for i, rows in enumerate(turns) if not rows]] = self.bias_row
        return sums.tolist()

    def _rows(self, features: set[str]) -> set[int]:
        return {self.row_of[feature] for feature in features if feature in self.row_of}

    def scores(self, features: set[str]) -> dict[str, float]:
        """Each model's score for these features (above zero: the label applies)."""
        return dict(zip(self.names, self.totals(self._rows(features)), strict=True))

    def apply(self, rules: TurnLabels, features: set[str]) -> TurnLabels:
        """The rules' labels, with the learned groups decided by the weights instead."""
        return self.decide(rules, self.totals(self._rows(features)))

    def decide(self, rules: TurnLabels, totals: list[float]) -> TurnLabels:
        """The rules' labels, with the learned groups decided by these scores (one per model)."""
        margin = self.margin
        update: dict = {}
        for group, models in self.label_models.items():
            ruled = getattr(rules, group)
            # The rules' verdict is one of the features and the weights decide, except that a label the rules
            # found is dropped only when the weights are clearly against it (`keep`): a stated guarantee should
            # not stop counting as evidence for the customer because the layer leans slightly the other way.
            keep = self.keep.get(group, margin)
            update[group] = frozenset(
                kind
                for kind, i in models
                if totals[i] > (-self.keep.get(f"{group}:{kind}", keep) if kind in ruled else margin)
            )
        if self.stage_models:
            stage_scores = {stage: totals[i] for stage, i in self.stage_models}
            best = max(stage_scores, key=stage_scores.__getitem__)
            if stage_scores[best] > stage_scores[rules.stage or "none"] + margin:
                update["stage"] = None if best == "none" else best
        if all(getattr(rules, name) == value for name, value in update.items()):
            return rules  # most turns: the layer agrees, and a copy would cost more than the scoring
        return rules.model_copy(update=update)


def save(data: dict, model_path: Path = MODEL_PATH, weights_path: Path = WEIGHTS_PATH) -> None:
    """Write a trained model: its settings and biases as JSON, its weights as an .npz archive. The same model
    always gives the same bytes (no time stamps), so retraining on unchanged data changes no file."""
    layer = LinearLayer.from_model(data)
    strip = {part: {name: {"bias": m["bias"]} for name, m in data[part].items()} for part in ("labels", "stages")}
    model_path.write_text(json.dumps({**data, **strip}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    arrays = {
        "features": np.frombuffer("\n".join(layer.row_of).encode("utf-8"), dtype=np.uint8),
        "weights": layer.matrix,
    }
    with zipfile.ZipFile(weights_path, "w") as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array))
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(entry, buffer.getvalue(), compress_type=zipfile.ZIP_DEFLATED)


@lru_cache(maxsize=1)
def layer() -> LinearLayer | None:
    """The shipped layer, or None when its files are absent (the rules decide alone)."""
    if not MODEL_PATH.exists():
        return None
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        with np.load(WEIGHTS_PATH) as arrays:
            features = arrays["features"].tobytes().decode("utf-8").split("\n")
            matrix = arrays["weights"]
        if matrix.shape != (len(features), len(data["labels"]) + len(data["stages"])):
            raise ValueError(f"{WEIGHTS_PATH.name} holds {matrix.shape} weights, not one per feature and model")
        return LinearLayer(data, features, matrix)
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as error:
        raise RuntimeError(
            f"{MODEL_PATH.name} and {WEIGHTS_PATH.name} in {MODEL_PATH.parent} are not a labeler model ({error!r}): "
            f"restore them with `git checkout graders/{MODEL_PATH.name} graders/{WEIGHTS_PATH.name}` "
            "or rebuild them with `python tools/train_labeler.py`."
        ) from error
