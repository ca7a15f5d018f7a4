"""Fit the calibrated no-answer decision (qa/answer/calibration.json) on a question set.

    python tools/fit_confidence.py --index DIR tests/eval/fresh/train.jsonl

Runs every question through the real search over the index DIR (built with the bundled
model), collects the answer stage's signals, fits a logistic regression (scikit-learn,
standardised features, balanced classes) predicting "the archive answers this question"
(an answerable question whose gold answer is in the top 5 passages), and sets the
threshold at the highest value that keeps no_answer on at most 2% of the answerable
questions. Writes the model, features, scaling, coefficients and threshold as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.answer.calibration import FILE, Calibration  # noqa: E402
from qa.evaluate import _found, load_jsonl  # noqa: E402
from qa.service import Service  # noqa: E402
from qa.settings import load_settings  # noqa: E402
from qa.web.shapes import result_to_dict  # noqa: E402

FEATURES = (
    "dense_top",
    "dense_margin",
    "keyword_cover",
    "retrievers_agree",
    "answer_score",
    "asks_kind",
    "kind_in_answer",
    "kind_in_passages",
    "year_missing",
    "detail_missing",
    "asks_article_field",
)
MAX_FALSE_NO_ANSWER = 0.02


def collect(index_dir: str, questions: list[dict]) -> tuple[np.ndarray, np.ndarray, str]:
    settings = load_settings({"INDEX_DIR": index_dir, "NO_ANSWER_MODE": "rules"})
    searcher = Service(settings).searcher()
    xs, ys = [], []
    for q in questions:
        result = searcher.search(q["question"], 5)
        data = result_to_dict(result, searcher.index)
        answerable = q["type"] != "unanswerable"
        found = answerable and any(_found(p, q) for p in data["passages"])
        xs.append([result.signals[f] for f in FEATURES])
        ys.append(1 if found else 0)
    return np.array(xs, dtype=float), np.array(ys), searcher.index.manifest["model"]


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("questions", nargs="+")
    ap.add_argument("--index", required=True)
    ap.add_argument("--out", default=str(FILE))
    args = ap.parse_args()
    questions = [q for f in args.questions for q in load_jsonl(f)]
    x, y, model = collect(args.index, questions)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(class_weight="balanced", C=1.0, max_iter=1000)
    lr.fit((x - mean) / scale, y)
    cal = Calibration(
        model,
        FEATURES,
        tuple(mean.round(6)),
        tuple(scale.round(6)),
        tuple(lr.coef_[0].round(6)),
        float(round(lr.intercept_[0], 6)),
        0.0,
    )
    p = np.array([cal.probability(dict(zip(FEATURES, row))) for row in x])
    pos = np.sort(p[y == 1])
    k = int(np.floor(MAX_FALSE_NO_ANSWER * len(pos)))  # answerable ones allowed below
    threshold = float(pos[k]) - 1e-6 if len(pos) else 0.5
    cal = Calibration(**{**cal.__dict__, "threshold": round(threshold, 6)})
    out = {**cal.to_dict(), "fitted_on": args.questions, "n": len(y), "positives": int(y.sum())}
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8")
    na = p < cal.threshold
    print(
        f"fitted on {len(y)} questions ({int(y.sum())} answerable and found): threshold "
        f"{cal.threshold:.3f}, no_answer on {na[y == 1].mean():.3f} of them and on "
        f"{na[y == 0].mean():.3f} of the rest; written to {args.out}"
    )


if __name__ == "__main__":
    main()
