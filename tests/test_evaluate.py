"""The evaluator's own arithmetic: intervals, per-question checks, comparing two reports."""

from __future__ import annotations

import pytest

from qa.evaluate import compare, format_table, mean_interval, passed_checks, summarize, wilson


def test_wilson_interval_is_sound_at_the_edges():
    lo, hi = wilson(40, 40)
    assert hi == 1.0 and 0.90 < lo < 0.92  # 40 of 40 still leaves room below 1
    lo, hi = wilson(0, 7)
    assert lo == 0.0 and 0.35 < hi < 0.36
    lo, hi = wilson(20, 40)
    assert lo < 0.5 < hi and hi - lo == pytest.approx(0.29, abs=0.01)
    assert wilson(0, 0) is None


def test_mean_interval_contains_the_mean():
    lo, hi = mean_interval([1.0, 0.5, 1.0, 0.0, 1.0])
    assert lo < 0.7 < hi and mean_interval([1.0]) is None


def _row(qid, rank, no_answer, answer_ok=True, answerable=True):
    return {
        "id": qid,
        "type": "lookup" if answerable else "unanswerable",
        "answerable": answerable,
        "rank": rank,
        "no_answer": no_answer,
        "answer_ok": answer_ok and answerable,
        "took_ms": 10.0,
    }


def test_checks_and_comparison_by_question():
    assert passed_checks(_row("a", 1, False)) == ["hit@1", "hit@5", "answer", "no_answer"]
    assert passed_checks(_row("u", None, True, answerable=False)) == ["no_answer"]
    old = {"questions": [_row("a", 1, False), _row("b", 3, True, answer_ok=False)]}
    new = {"questions": [_row("a", 2, False), _row("b", 3, False)]}
    assert compare(old, new) == {
        "better": ["b: +answer, +no_answer"],
        "worse": ["a: -hit@1"],
    }


def test_the_table_shows_intervals():
    rows = [_row("a", 1, False), _row("b", None, False), _row("u", None, True, answerable=False)]
    report = {"all": summarize(rows)}
    assert report["all"]["ci95"]["hit@1"] == wilson(1, 2)
    assert "95% intervals (all): hit@1 " in format_table(report)
