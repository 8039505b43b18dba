"""A learned layer over the cue rules: it reads the turn's characters and what the rules said, and decides
the final labels. Trained by `bench/train_labeler.py` on the hand-labelled sets in tests/data/ (not the
held-out one); the weights ship as `labeler_model.npz` (plain arrays, no pickled objects), so labels are
deterministic and the model loads offline with any scikit-learn version.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from graders.labels import CLOSE_KINDS, FABE_KINDS, SPIN_KINDS, STAGES

MODEL_FILE = "labeler_model.npz"
LABELS: tuple[tuple[str, str], ...] = (
    *(("spin", k) for k in SPIN_KINDS),
    *(("fabe", k) for k in FABE_KINDS),
    *(("close", k) for k in CLOSE_KINDS),
)
STAGE_CLASSES: tuple[str, ...] = (*STAGES, "none")
N_FEATURES = 2**16
NGRAMS = (1, 4)


def hasher() -> HashingVectorizer:
    """Character n-grams within word boundaries, hashed: the same for training and inference."""
    return HashingVectorizer(
        analyzer="char_wb", ngram_range=NGRAMS, n_features=N_FEATURES, alternate_sign=False, norm=None
    )


def rule_features(contract: dict) -> list[float]:
    """What the cue rules said about a turn, as 0/1 features (12 labels, then the stage one-hot)."""
    return [1.0 if k in contract[g] else 0.0 for g, k in LABELS] + [
        1.0 if (contract["stage"] or "none") == s else 0.0 for s in STAGE_CLASSES
    ]


def features(norm_texts: list[str], contracts: list[dict], idf: np.ndarray, rule_weight: float) -> sparse.csr_matrix:
    """TF-IDF of hashed character n-grams (sublinear tf, l2-normalised), then the weighted rule features."""
    counts = hasher().transform(norm_texts).tocsr().astype(np.float64)
    counts.data = 1.0 + np.log(counts.data)
    tfidf = counts.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    tfidf = sparse.diags(1.0 / norms) @ tfidf
    rules = sparse.csr_matrix(np.array([rule_features(c) for c in contracts]) * rule_weight)
    return sparse.hstack([tfidf, rules]).tocsr()


@dataclass(frozen=True)
class LabelModel:
    """Weights of one logistic regression per label, and a multinomial one for the stage."""

    idf: np.ndarray
    rule_weight: float
    label_coef: np.ndarray  # (labels, features)
    label_bias: np.ndarray  # (labels,)
    stage_coef: np.ndarray  # (stage classes, features)
    stage_bias: np.ndarray  # (stage classes,)

    def predict(self, norm_texts: list[str], contracts: list[dict]) -> list[dict]:
        """The final contract-shaped labels for each turn."""
        x = features(norm_texts, contracts, self.idf, self.rule_weight)
        label_scores = np.asarray(x @ self.label_coef.T) + self.label_bias
        stage_scores = np.asarray(x @ self.stage_coef.T) + self.stage_bias
        out = []
        for row, stage_row in zip(label_scores, stage_scores, strict=True):
            chosen = {"spin": [], "fabe": [], "close": []}
            for (group, kind), score in zip(LABELS, row, strict=True):
                if score > 0:
                    chosen[group].append(kind)
            stage = STAGE_CLASSES[int(np.argmax(stage_row))]
            out.append({**chosen, "stage": None if stage == "none" else stage})
        return out

    def save(self, path: str) -> None:
        np.savez_compressed(
            path,
            idf=self.idf.astype(np.float32),
            rule_weight=np.array([self.rule_weight]),
            label_coef=self.label_coef.astype(np.float32),
            label_bias=self.label_bias,
            stage_coef=self.stage_coef.astype(np.float32),
            stage_bias=self.stage_bias,
        )


@cache
def load_model() -> LabelModel | None:
    """The shipped model, or None when the package was built without one (the rules then decide alone)."""
    resource = files("graders") / MODEL_FILE
    if not resource.is_file():
        return None
    with resource.open("rb") as handle, np.load(handle) as data:
        return LabelModel(
            idf=data["idf"].astype(np.float64),
            rule_weight=float(data["rule_weight"][0]),
            label_coef=data["label_coef"].astype(np.float64),
            label_bias=data["label_bias"],
            stage_coef=data["stage_coef"].astype(np.float64),
            stage_bias=data["stage_bias"],
        )
