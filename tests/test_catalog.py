"""Page metadata (paper, issue date, page) from a catalogue or the page's own furniture."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qa.build import build_index, read_articles
from qa.cli import INSPECT_FIELDS, main
from qa.ingest.catalog import PageMeta, page_furniture, read_catalog
from qa.service import Service
from qa.settings import load_settings
from qa.web.app import create_app
from tests.test_index import TINY_PAGE


@pytest.mark.parametrize(
    "text,meta",
    [
        ("2024年5月8日　星期三　第3版　要闻　责任编辑：王某\n", PageMeta("", "2024-05-08", "3")),
        ("03版：要闻\n正文", PageMeta("", "", "3")),
        (
            "正文\n《滨河日报》（2024年05月08日 第 03 版）\n",
            PageMeta("滨河日报", "2024-05-08", "3"),
        ),
        ("3月5日，记者从市里获悉，2023年全市……", PageMeta()),  # dates in the text: events
        ("2024年13月40日 星期一", PageMeta()),
        # the weekday in brackets, bars between the header's words, traditional print
        ("某某日報｜要聞｜2024年6月12日（星期三）｜A6版\n\n正文", PageMeta("", "2024-06-12", "A6")),
        ("06　2023年9月5日　星期二　社会新闻\n\n正文", PageMeta("", "2023-09-05", "6")),
        ("某某报　2024年6月12日　星期三　A05　城事\n\n正文", PageMeta("", "2024-06-12", "A5")),
        # a paper of sections prints an A5 and a B5: the letter is the page's
        (
            "正文\n《滨河日报》（2024年05月08日 第 B05 版）\n",
            PageMeta("滨河日报", "2024-05-08", "B5"),
        ),
        ("第A03版：要闻\n\n正文", PageMeta("", "", "A3")),
        # a pictorial numbers its sheets by page
        ("某某画报\n第四十七期\n第三页\n\n正文", PageMeta("", "", "3")),
        # the front page prints the issue's page count; its contents name other pages
        (
            "某某报\n2024年8月25日　第8期　本期4版\n导读：第2版　会员动态　第3版　观测\n\n正文",
            PageMeta("", "2024-08-25", "1"),
        ),
        # (a printout's sheet count is on every sheet: no front page's)
        (
            "某某社新闻稿　2024年5月7日（星期二）　第3页　共8页\n\n正文",
            PageMeta("", "2024-05-07", "3"),
        ),
        # a bulletin's first page opens with its masthead block and prints no page
        (
            "某某通讯\n某某协会主办\n内部资料　免费交流\n2024年第2期（总第58期）\n\n正文",
            PageMeta("", "", "1"),
        ),
        # (an inner page repeating the block keeps the page it prints)
        (
            "某某通讯\n某某协会主办\n内部资料　免费交流\n2024年第2期　第3版\n\n正文",
            PageMeta("", "", "3"),
        ),
        ("某某日报　要闻·综合　3\n2024年4月18日　星期四\n\n正文", PageMeta("", "2024-04-18", "3")),
        # an older page: the date and the page in Chinese numerals, the weekday apart
        ("某某日报\n一九六五年十月十四日\n星期四\n第二版\n\n正文", PageMeta("", "1965-10-14", "2")),
        # a page of the Republic's years, in traditional print: 民国 N is 1911 + N
        ("某某日報　中華民國二十五年十一月十二日　星期四\n\n正文", PageMeta("", "1936-11-12", "")),
        ("正文第一段，2024年5月8日在某地举行。\n\n正文", PageMeta()),  # a sentence: no header
    ],
)
def test_furniture_says_what_the_page_prints_and_nothing_more(text, meta):
    assert page_furniture(text) == meta


def test_the_catalogue_is_read_and_bad_rows_are_named(tmp_path):
    (tmp_path / "catalog.csv").write_text(
        "file,publication,issue_date,page\n"
        "a.txt,滨河日报,2024-05-08,03\n"
        "b.txt,,08/05/2024,\n"
        "c.txt,,,b07\n"
        ",x,,\n",
        encoding="utf-8",
    )
    catalog, warnings = read_catalog(tmp_path)
    assert catalog["a.txt"] == PageMeta("滨河日报", "2024-05-08", "3")
    assert catalog["b.txt"] == PageMeta()
    assert catalog["c.txt"] == PageMeta("", "", "B7")
    assert any("line 3" in w and "YYYY-MM-DD" in w for w in warnings)
    assert any("line 5" in w and "no file name" in w for w in warnings)
    assert read_catalog(tmp_path / "none") == ({}, [])


def test_the_catalogue_wins_then_the_article_then_the_furniture():
    page = "2024年5月8日　星期三　第3版\n\n" + TINY_PAGE
    (art,) = read_articles("p.txt", page)
    assert (art.issue_date, art.page, art.publication) == ("2024-05-08", "3", "")
    listed = {"p.txt": PageMeta("滨河日报", "2024-06-01", "")}
    (art,) = read_articles("p.txt", page, listed)
    assert (art.issue_date, art.page, art.publication) == ("2024-06-01", "3", "滨河日报")


@pytest.fixture()
def catalogued(tmp_path, fake_embedder):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "tiny.txt").write_text(TINY_PAGE, encoding="utf-8")
    (seeds / "catalog.csv").write_text(
        "file,publication,issue_date,page\ntiny.txt,滨河日报,2024-03-06,2\n", encoding="utf-8"
    )
    settings = load_settings(
        {"SEEDS_DIR": str(seeds), "INDEX_DIR": str(tmp_path / "i")}, environ={}
    )
    build_index(settings, fake_embedder)
    return create_app(settings, service=Service(settings, fake_embedder)).test_client()


def test_every_citation_carries_issue_date_and_page(catalogued):
    data = catalogued.get("/api/ask?q=图书馆开放时间").get_json()
    c = data["passages"][0]["citation"]
    assert (c["publication"], c["issue_date"], c["page"]) == ("滨河日报", "2024-03-06", "2")
    assert c["date"] == "3月5日"  # the event date the text gives stays its own field
    page = catalogued.get("/?q=图书馆开放时间").get_data(as_text=True)
    assert "2024-03-06" in page and "第2版" in page
    article = catalogued.get(f"/api/articles/{c['article_id']}").get_json()
    assert article["issue_date"] == "2024-03-06" and article["page"] == "2"


def test_an_unknown_headline_is_null_and_said_so(tmp_path, fake_embedder):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = "3月5日，滨河新区图书馆正式向市民开放，该馆总建筑面积12000平方米。" * 3
    (seeds / "p.txt").write_text(body + "\n", encoding="utf-8")
    settings = load_settings(
        {"SEEDS_DIR": str(seeds), "INDEX_DIR": str(tmp_path / "i")}, environ={}
    )
    build_index(settings, fake_embedder)
    client = create_app(settings, service=Service(settings, fake_embedder)).test_client()
    c = client.get("/api/ask?q=图书馆").get_json()["passages"][0]["citation"]
    assert c["headline"] is None
    assert "标题未识别" in client.get("/?q=图书馆").get_data(as_text=True)


def test_inspect_json_gives_exactly_the_documented_fields(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("2024年5月8日　星期三　第3版\n\n" + TINY_PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", "--json", str(page)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1 and tuple(rows[0]) == INSPECT_FIELDS
    row = rows[0]
    assert row["source"] == "p.txt" and row["headline"] == "滨河新区图书馆正式开放"
    assert row["issue_date"] == "2024-05-08" and row["page"] == "3"
    assert row["body_start"] == "3月5日，滨河新区图书馆正式向市民开放。"[:20]
    plain = CliRunner().invoke(main, ["inspect", str(page)])
    assert "《滨河新区图书馆正式开放》" in plain.stdout
