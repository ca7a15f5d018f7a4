"""The no-answer decision as a calibrated probability: a logistic model over the signals
the search already measures (qa.answer.Answerer._signals), fitted on questions that were
not tuned on (tools/fit_confidence.py) and stored as data beside this module.

A calibration belongs to the embedding model it was fitted with (the dense scores are that
model's): with another model none applies, and the rule-based decision is used instead.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

FILE = Path(__file__).with_name("calibration.json")


@dataclass(frozen=True)
class Calibration:
    model: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float  # below it: no answer (chosen for at most 2% false no_answer on train)

    def probability(self, signals: dict[str, float]) -> float:
        """The probability that the archive answers the question, 0-1."""
        z = self.intercept + sum(
            c * (signals[f] - m) / (s or 1.0)
            for f, m, s, c in zip(self.features, self.mean, self.scale, self.coef)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}


def load_calibration(model: str, path: Path = FILE) -> Calibration | None:
    """The calibration fitted for ``model``, or None when there is none for it."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("model") != model:
        return None
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return Calibration(**{k: fields[k] for k in Calibration.__dataclass_fields__})
