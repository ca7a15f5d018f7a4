"""Citation exactness: every passage is exactly the page text it cites, inside its article."""

from __future__ import annotations

import pytest

from qa.embed import E5_SMALL
from qa.ingest.pages import read_page_text
from qa.passages import Sentence, pack, split_sentences, strip_ws, unwrap
from tests.conftest import SEEDS

# --- every passage of the session index -------------------------------------------------


@pytest.fixture(scope="module")
def index(index_dir):
    from qa.store import load_index

    return load_index(index_dir, E5_SMALL)


@pytest.fixture(scope="module")
def seed_texts():
    return {p.name: read_page_text(p) for p in sorted(SEEDS.glob("*.txt"))}


def test_index_covers_every_seed_page(index, seed_texts):
    assert set(index.pages) == set(seed_texts)
    assert {p.source for p in index.passages} == set(seed_texts)
    for source, text in seed_texts.items():
        assert index.pages[source] == text


def test_every_passage_is_exactly_the_text_it_cites(index, seed_texts):
    wrong = []
    for p in index.passages:
        cited = seed_texts[p.source][p.char_start : p.char_end]
        if strip_ws(cited) != strip_ws(p.text):
            wrong.append((p.id, p.source, p.char_start, p.char_end, p.text[:40], cited[:40]))
    assert not wrong, f"{len(wrong)} passages do not match their citation: {wrong[:5]}"


def test_every_passage_lies_inside_one_body_span_of_its_article(index):
    crossing = []
    for p in index.passages:
        art = index.articles[p.article_id]
        assert art.source == p.source
        if not any(a <= p.char_start and p.char_end <= b for a, b in art.body_spans):
            crossing.append((p.id, p.article_id, p.char_start, p.char_end, art.body_spans))
    assert not crossing, f"{len(crossing)} passages cross their article's body: {crossing[:5]}"


def test_passages_are_not_empty_and_not_huge(index):
    assert index.passages
    lengths = [len(strip_ws(p.text)) for p in index.passages]
    assert min(lengths) > 0
    assert all(p.char_end > p.char_start for p in index.passages)
    assert sum(lengths) / len(lengths) <= 400
    # PASSAGE_CHARS is 200: one over-long sentence may push a passage past it, not 3x.
    assert max(lengths) <= 3 * 200


def test_passage_ids_are_positions(index):
    # FAISS and BM25 return row numbers; a passage's id must be its row.
    assert [p.id for p in index.passages] == list(range(len(index.passages)))


def test_passages_follow_reading_order_within_an_article(index):
    by_article: dict[str, list] = {}
    for p in index.passages:
        by_article.setdefault(p.article_id, []).append(p)
    for article_id, ps in by_article.items():
        spans = index.articles[article_id].body_spans
        order = [
            (next(i for i, (a, b) in enumerate(spans) if a <= p.char_start < b), p.char_start)
            for p in ps
        ]
        assert order == sorted(order), article_id


# --- unwrap ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page,text",
    [
        ("共有200\n\n余名群众参加。", "共有200余名群众参加。"),
        ("共计2140\n余人", "共计2140余人"),
        ("编号AB\n12", "编号AB12"),
        ("医疗服务\n水平不断提高。", "医疗服务水平不断提高。"),
        ("  行首有空格，\n  也能接上。  ", "行首有空格，也能接上。"),
        ("Windows\r\n行尾。", "Windows行尾。"),
        ("Hello\nworld.", "Hello world."),
        ("第一段结束。\n第二段开始，\n继续写。", "第一段结束。\n第二段开始，继续写。"),
        ("他说：“好。”\n\n然后走了。", "他说：“好。”\n然后走了。"),
        ("真的吗？\n是的！\n好；\n再见…\n", "真的吗？\n是的！\n好；\n再见…"),
        ("\n\n\n", ""),
    ],
)
def test_unwrap(page, text):
    out, pos = unwrap(page, 0, len(page))
    assert out == text
    assert len(pos) == len(out)
    for ch, p in zip(out, pos):
        if p >= 0:
            assert page[p] == ch
        else:
            assert ch in " \n"  # only inserted separators have no page offset
    real = [p for p in pos if p >= 0]
    assert real == sorted(set(real))


def test_unwrap_respects_the_span():
    page = "不要这一段。\n要这一段，\n跨行了。\n也不要这个。"
    start = page.index("\n要这一段") + 1
    end = page.index("也不要")
    out, pos = unwrap(page, start, end)
    assert out == "要这一段，跨行了。"
    assert min(p for p in pos if p >= 0) == start
    assert max(pos) < end


# --- split_sentences ---------------------------------------------------------------------


def _texts(page: str, max_chars: int = 200) -> list[str]:
    return [s.text for s in split_sentences(page, 0, len(page), max_chars)]


@pytest.mark.parametrize(
    "page,sentences",
    [
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("他说：（好。）然后。", ["他说：（好。）", "然后。"]),
        ("书名《好！》很好。", ["书名《好！》", "很好。"]),
        ("今天好！明天呢？后天；大后天…", ["今天好！", "明天呢？", "后天；", "大后天…"]),
        ("真的？！是的。。", ["真的？！", "是的。。"]),
        ("没有句号的结尾", ["没有句号的结尾"]),
        ("共有200\n\n余名群众参加。会议\n结束。", ["共有200余名群众参加。", "会议结束。"]),
        ("It works! Yes?", ["It works!", "Yes?"]),
        ("版本3.5.1发布。", ["版本3.5.1发布。"]),
    ],
)
def test_split_sentences(page, sentences):
    assert _texts(page) == sentences


def test_paragraph_breaks_are_kept_after_sentence_end():
    page = "第一段\n结束。\n第二段开始，\n继续。还有一句。\n第三段。"
    sents = split_sentences(page, 0, len(page))
    assert [(s.text, s.paragraph_start) for s in sents] == [
        ("第一段结束。", True),
        ("第二段开始，继续。", True),
        ("还有一句。", False),
        ("第三段。", True),
    ]


SPAN_PAGES = [
    "他说：“好。”然后走了。",
    "  标题\n\n共有200\n\n余名群众参加。会议\n结束，大家\n  “满意。”  \n下一段！\n",
    "第一段，" * 40 + "完。\n" + "字" * 450 + "。",
    "Hello\nworld. 2140\n余人。\r\n结束。",
]


@pytest.mark.parametrize("page", SPAN_PAGES)
@pytest.mark.parametrize("max_chars", [20, 200])
def test_every_sentence_span_maps_back_exactly(page, max_chars):
    sents = split_sentences(page, 0, len(page), max_chars)
    assert sents
    for s in sents:
        assert s.text and s.text == s.text.strip()
        assert strip_ws(page[s.char_start : s.char_end]) == strip_ws(s.text)
    # In order, not overlapping, and together they are all of the text.
    for a, b in zip(sents, sents[1:]):
        assert a.char_end <= b.char_start
    assert "".join(strip_ws(s.text) for s in sents) == strip_ws(page)


def test_spans_are_page_offsets_inside_a_body_span():
    page = "标题不算。\n正文第一句。正文\n第二句。\n尾巴不算。"
    start, end = page.index("正文"), page.index("尾巴")
    sents = split_sentences(page, start, end)
    assert [s.text for s in sents] == ["正文第一句。", "正文第二句。"]
    assert sents[0].char_start == start
    assert sents[-1].char_end == page.index("\n尾巴")


def test_long_sentence_is_cut_at_commas():
    clause = "甲乙丙丁戊己庚辛壬癸"  # 10 characters
    page = "，".join([clause] * 12) + "。"  # one sentence of 131 characters
    pieces = split_sentences(page, 0, len(page), max_chars=40)
    assert len(pieces) > 1
    assert all(len(s.text) <= 40 for s in pieces)
    assert all(s.text[-1] in "，。" for s in pieces)
    assert "".join(s.text for s in pieces) == page


def test_short_sentence_is_not_cut_at_commas():
    page = "甲，乙，丙，丁。"
    assert _texts(page, max_chars=40) == [page]


@pytest.mark.parametrize(
    "page",
    [
        "字" * 450 + "。",  # no punctuation at all
        "开头，" + "字" * 450 + "。",  # a long run after the last comma
        "字" * 450 + "，结尾。",  # a long run before the first comma
        "前面，" + "字" * 450 + "，后面。",  # a long run between two commas
    ],
    ids=["no-punctuation", "run-at-end", "run-at-start", "run-in-middle"],
)
def test_long_run_without_punctuation_is_still_cut(page):
    max_chars = 50
    pieces = split_sentences(page, 0, len(page), max_chars=max_chars)
    assert "".join(s.text for s in pieces) == page
    # Hard cuts may leave a piece of up to twice max_chars, never more.
    assert max(len(s.text) for s in pieces) <= 2 * max_chars, [len(s.text) for s in pieces]


# --- pack --------------------------------------------------------------------------------


def _sents(lengths: list[int]) -> list[Sentence]:
    out, pos = [], 0
    for i, n in enumerate(lengths):
        out.append(Sentence(chr(0x4E00 + i) * n, pos, pos + n))
        pos += n
    return out


def _ids(sents, chunks):
    return [[sents.index(s) for s in c] for c in chunks]


@pytest.mark.parametrize(
    "lengths,target,overlap,expected",
    [
        ([10] * 10, 30, 0, [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]),
        ([10] * 10, 30, 1, [[0, 1, 2], [2, 3, 4], [4, 5, 6], [6, 7, 8], [8, 9]]),
        ([10] * 6, 30, 2, [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]),
        ([10] * 3, 30, 1, [[0, 1, 2]]),
        ([100, 100], 30, 1, [[0], [1]]),
        ([5, 100, 5], 30, 0, [[0], [1], [2]]),
        ([], 30, 1, []),
    ],
)
def test_pack(lengths, target, overlap, expected):
    sents = _sents(lengths)
    assert _ids(sents, pack(sents, target, overlap)) == expected


@pytest.mark.parametrize("overlap", [0, 1, 2])
@pytest.mark.parametrize("lengths", [[7, 30, 12, 3, 3, 3, 50, 9, 18, 1, 26], [40] * 7, [1] * 40])
def test_pack_properties(lengths, overlap):
    target = 40
    sents = _sents(lengths)
    chunks = _ids(sents, pack(sents, target, overlap))
    # Every sentence is in some chunk; chunks are runs of consecutive sentences.
    assert sorted({i for c in chunks for i in c}) == list(range(len(sents)))
    for c in chunks:
        assert c == list(range(c[0], c[-1] + 1))
    # Chunks move forward and share at most `overlap` sentences with the previous one.
    for a, b in zip(chunks, chunks[1:]):
        assert b[0] > a[0] and b[-1] > a[-1]
        assert len(set(a) & set(b)) <= overlap
    # Without overlap a chunk only passes the target when one sentence alone does.
    if overlap == 0:
        for c in chunks:
            assert len(c) == 1 or sum(lengths[i] for i in c) <= target
