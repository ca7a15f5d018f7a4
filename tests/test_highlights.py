"""Question words are marked on jieba word boundaries, as the question itself is cut."""

from __future__ import annotations

from qa.answer import find_spans, highlight_terms


def marked(text: str, question: str) -> list[str]:
    return [text[a:b] for a, b in find_spans(text, highlight_terms(question))]


def test_terms_are_the_questions_own_words_not_their_parts():
    terms = highlight_terms("张店区光荣牌应挂多少户？")
    assert "光荣牌" in terms and "张店区" in terms
    assert "光荣" not in terms  # a search-mode part of 光荣牌, not a word of the question
    assert "多少" not in terms  # a stopword
    assert all(len(t) >= 2 for t in terms)


def test_a_word_of_a_longer_question_word_is_not_marked_elsewhere():
    assert marked("大家都感到非常光荣，光荣牌挂上了。", "张店区光荣牌应挂多少户？") == ["光荣牌"]


def test_a_term_is_marked_only_on_word_boundaries():
    spans = find_spans("建成实验室，实验数据公开。", ["实验"])
    assert spans == [[6, 8]]  # 实验数据, not the 实验 inside 实验室


def test_a_word_is_marked_where_it_stands_as_a_word():
    text = "建设省级重点实验室，实验室主任说"
    assert marked(text, "省级实验室叫什么名字？") == ["实验室", "实验室"]


def test_a_term_may_span_several_whole_words_of_the_passage():
    # jieba cuts 光荣牌 in the passage as it likes; the whole term still starts and ends
    # on word boundaries there.
    assert marked("举行光荣牌悬挂仪式", "光荣牌挂在哪里？") == ["光荣牌"]


def test_single_characters_are_never_marked():
    assert marked("户户都挂了牌", "户有牌吗？") == []


def test_full_width_letters_fold_to_match():
    assert marked("ＩＯＴ平台上线", "iot平台是什么？") == ["ＩＯＴ", "平台"]
