"""The form's filters, paging and first page, through the test client.

Over the seed pages built with random vectors and a catalogue giving each page a paper and
an issue date (``tests/dated.py``): a filter has something to keep and something to drop.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.dated import CATALOG, build_dated
from tests.test_web import assert_no_inline_code, html_of

QUESTION = "滨州的经济发展怎么样？"
PAPER = "滨州日报"
ISSUE_DATES = sorted(date for _, date, _ in CATALOG.values())


@pytest.fixture(scope="module")
def dated_app(tmp_path_factory, fake_embedder):
    from qa.service import Service
    from qa.settings import load_settings
    from qa.web.app import create_app

    index = build_dated(tmp_path_factory.mktemp("dated"), fake_embedder)
    settings = load_settings({"INDEX_DIR": str(index), "TESTING": True}, environ={})
    return create_app(settings, service=Service(settings, fake_embedder))


@pytest.fixture()
def client(dated_app):
    return dated_app.test_client()


def citations(html: str) -> list[dict]:
    """Each passage's citation: paper, issue date and the link's passage span."""
    out = []
    for li in re.findall(r'<li class="passage">(.*?)</li>', html, re.S):
        head = re.search(r'<span class="cite-head">(.*?)</span>\s*(?:<span|$)', li, re.S)
        pub = re.search(r'<span class="pub">([^<]*)</span>', li)
        issue = re.search(r'<span class="issue">([^<]*)</span>', li)
        link = unescape(re.search(r'<a class="cite" href="([^"]+)"', li).group(1))
        out.append(
            {
                "publication": unescape(pub.group(1)) if pub else None,
                "issue_date": issue.group(1) if issue else None,
                "at": (urlsplit(link).path, parse_qs(urlsplit(link).query)["p"][0]),
                "head": head.group(1) if head else "",
            }
        )
    return out


def nav_link(html: str, css_class: str) -> str | None:
    m = re.search(rf'<a class="{css_class}" href="([^"]+)"', html)
    return unescape(m.group(1)) if m else None


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def selected(html: str, select_id: str) -> list[str]:
    menu = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [unescape(v) for v in re.findall(r'<option value="([^"]*)" selected>', menu)]


def options(html: str, select_id: str) -> list[tuple[str, str]]:
    menu = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        (unescape(v), unescape(t))
        for v, t in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', menu)
    ]


def date_value(html: str, name: str) -> str:
    return re.search(rf'<input type="date" id="{name}" name="{name}" value="([^"]*)">', html)[1]


# The menus


def test_the_paper_menu_is_filled_from_the_index(client):
    html = html_of(client.get("/"))
    assert options(html, "publication") == [
        ("", "全部报纸"),
        ("滨州日报", "滨州日报"),
        ("中国组织人事报", "中国组织人事报"),
    ]
    assert selected(html, "publication") == []  # 全部报纸: the first, by default
    assert options(html, "top_k") == [("5", "5 条"), ("10", "10 条"), ("20", "20 条")]
    assert selected(html, "top_k") == ["5"]
    assert date_value(html, "date_from") == "" and date_value(html, "date_to") == ""
    assert_no_inline_code(html)


def test_the_choice_of_results_keeps_within_the_settings(fake_index_dir, fake_embedder):
    from qa.service import Service
    from qa.settings import load_settings
    from qa.web.app import create_app

    settings = load_settings(
        {"INDEX_DIR": str(fake_index_dir), "TESTING": True, "TOP_K": 7, "MAX_TOP_K": 10},
        environ={},
    )
    client = create_app(settings, service=Service(settings, fake_embedder)).test_client()
    html = html_of(client.get("/"))
    assert [v for v, _ in options(html, "top_k")] == ["5", "7", "10"]
    assert selected(html, "top_k") == ["7"]
    html = html_of(client.get("/", query_string={"q": QUESTION}))
    assert html.count('class="passage"') == 7
    assert client.get("/", query_string={"q": QUESTION, "top_k": 20}).status_code == 400


# Filters


def test_a_paper_and_dates_keep_only_matching_passages(client):
    args = {"q": QUESTION, "publication": PAPER, "date_from": "2021-06-01", "date_to": "2022-03-01"}
    resp = client.get("/", query_string={**args, "top_k": 10})
    assert resp.status_code == 200
    html = html_of(resp)
    found = citations(html)
    assert len(found) == 10
    for c in found:
        assert c["publication"] == PAPER, c
        assert "2021-06-01" <= c["issue_date"] <= "2022-03-01", c
    # Shown again in the form, and said above the passages.
    assert selected(html, "publication") == [PAPER]
    assert selected(html, "top_k") == ["10"]
    assert date_value(html, "date_from") == "2021-06-01"
    assert date_value(html, "date_to") == "2022-03-01"
    assert "只看：滨州日报，出版日期 2021-06-01 至 2022-03-01" in html


def test_unfiltered_results_come_from_every_paper_and_date(client):
    found = citations(html_of(client.get("/", query_string={"q": QUESTION, "top_k": 20})))
    assert len(found) == 20
    assert len({c["issue_date"] for c in found}) > 2
    assert any(c["publication"] != PAPER for c in found)
    assert "只看" not in html_of(client.get("/", query_string={"q": QUESTION}))


def test_a_year_or_month_names_all_of_it(client):
    args = {"q": QUESTION, "date_from": "2021", "date_to": "2021-09"}
    html = html_of(client.get("/", query_string=args))
    assert date_value(html, "date_from") == "2021-01-01"
    assert date_value(html, "date_to") == "2021-09-30"
    dates = {c["issue_date"] for c in citations(html)}
    assert dates == {"2021-03-02", "2021-09-15"}


def test_a_paper_not_in_the_index_stays_chosen_and_finds_nothing(client):
    html = html_of(client.get("/", query_string={"q": QUESTION, "publication": "人民日报"}))
    assert selected(html, "publication") == ["人民日报"]
    assert citations(html) == []
    assert "在所选报纸和日期范围内没有找到段落" in html


def test_empty_fields_of_the_form_mean_no_filter(client):
    form = {"q": QUESTION, "publication": "", "date_from": "", "date_to": "", "top_k": "5"}
    resp = client.get("/", query_string=form)
    assert resp.status_code == 200
    assert len(citations(html_of(resp))) == 5 and "只看" not in html_of(resp)


# Paging


def test_more_results_pages_on_with_every_field_kept(client):
    args = {"q": QUESTION, "publication": PAPER, "date_from": "2021-01-01", "top_k": "5"}
    first = html_of(client.get("/", query_string=args))
    assert nav_link(first, "prev") is None
    more = nav_link(first, "more")
    assert more and query(more) == {**{k: [v] for k, v in args.items()}, "offset": ["5"]}

    second = html_of(client.get(more))
    assert '<ol class="passages" start="6">' in second and "第 6–10 条" in second
    seen = {c["at"] for c in citations(first)}
    assert not seen & {c["at"] for c in citations(second)}, "a passage shown twice"
    assert all(c["publication"] == PAPER for c in citations(second))
    prev = nav_link(second, "prev")
    assert query(prev) == {k: [v] for k, v in args.items()}  # offset 0: left out
    assert citations(html_of(client.get(prev))) == citations(first)


def test_the_last_page_has_no_more_link(client):
    args = {"q": QUESTION, "publication": "中国组织人事报", "top_k": "2"}
    pages, seen = 0, []
    html = html_of(client.get("/", query_string=args))
    while (more := nav_link(html, "more")) is not None:
        seen += citations(html)
        pages += 1
        assert pages < 20, "paging never ends"
        html = html_of(client.get(more))
    seen += citations(html)
    assert pages >= 1 and nav_link(html, "prev")
    every = client.get("/api/ask", query_string={**args, "top_k": 20}).get_json()["passages"]
    assert len(seen) == len(every)  # paging shows each passage the filter keeps, once
    assert len({c["at"] for c in seen}) == len(seen)  # no passage on two pages
    assert all(c["publication"] == "中国组织人事报" for c in seen)


def test_a_page_past_the_end_says_so(client):
    args = {"q": QUESTION, "publication": "中国组织人事报", "offset": "900"}
    html = html_of(client.get("/", query_string=args))
    assert "没有找到更多段落" in html and nav_link(html, "more") is None
    assert query(nav_link(html, "prev"))["offset"] == ["895"]


# The page takes what the API takes, and refuses what it refuses


@pytest.mark.parametrize(
    "args",
    [
        {"q": QUESTION, "publication": PAPER, "date_from": "2021", "top_k": "10", "offset": "3"},
        {"question": QUESTION},
        {"q": QUESTION, "question": QUESTION},
        {"q": QUESTION, "top_k": "3.0"},
        {"q": QUESTION, "date_from": "2024-13-01"},
        {"q": QUESTION, "date_to": "2024/05/08"},
        {"q": QUESTION, "date_from": "2022", "date_to": "2021"},
        {"q": QUESTION, "top_k": "0"},
        {"q": QUESTION, "top_k": "21"},
        {"q": QUESTION, "top_k": "五"},
        {"q": QUESTION, "offset": "-1"},
        {"q": QUESTION, "offset": "1001"},
        {"q": QUESTION, "publication": "报" * 201},
        {"q": QUESTION, "page": "2"},
        {"q": QUESTION, "question": "别的问题"},
        {"publication": PAPER},
        {"q": " "},
    ],
)
def test_the_page_and_the_api_accept_the_same_fields(client, args):
    api = client.get("/api/ask", query_string=args)
    page = client.get("/", query_string=args)
    assert page.status_code == api.status_code, api.get_json()
    assert page.content_type.startswith("text/html")
    if api.status_code == 200:
        found = [(c["at"][1]) for c in citations(html_of(page))]
        want = [
            f"{p['citation']['char_start']}-{p['citation']['char_end']}"
            for p in api.get_json()["passages"]
        ]
        assert found == want
    else:
        code = api.get_json()["error"]["code"]
        html = html_of(page)
        assert '<p class="error" role="alert">' in html
        assert code not in html and api.get_json()["error"]["message"] not in html
        assert not re.search(r"[a-z]{4,} [a-z]{4,}", html.split('role="alert">')[1].split("<")[0])


def test_a_field_given_twice_is_refused_like_the_api(client):
    path = "/?q=一&q=二"
    assert client.get("/api/ask" + path[1:]).status_code == 400
    resp = client.get(path)
    assert resp.status_code == 400 and "参数重复出现" in html_of(resp)


@pytest.mark.parametrize(
    "args,said",
    [
        ({"date_from": "2024-13-01"}, "起始日期的格式不对：日期格式应为 2024-05-08"),
        ({"date_to": "2024/05/08"}, "终止日期的格式不对：日期格式应为 2024-05-08"),
        ({"date_from": "2022", "date_to": "2021"}, "起始日期晚于终止日期"),
        ({"top_k": "50"}, "结果条数应是 1 到 20 之间的整数"),
        ({"offset": "x"}, "翻页位置应是 0 到 1000 之间的整数"),
        ({"page": "2"}, "网址里有本页不认识的参数"),
    ],
)
def test_bad_values_are_a_chinese_400_on_the_form(client, args, said):
    resp = client.get("/", query_string={"q": QUESTION, **args})
    assert resp.status_code == 400
    html = html_of(resp)
    alert = re.search(r'<p class="error" role="alert">([^<]*)</p>', html).group(1)
    assert said in alert
    for english in ("invalid_", "unknown_field", "must be", "date_from", "date_to", "top_k"):
        assert english not in alert, english
    # The form is still there, with the question kept, to correct and ask again.
    assert f">{QUESTION}</textarea>" in html and '<select id="publication"' in html
    assert 'id="about"' not in html and 'class="passage"' not in html
    assert_no_inline_code(html)


# The first page


def test_the_first_page_says_what_the_archive_holds(client, dated_app):
    html = html_of(client.get("/"))
    about = re.search(r'<section class="about" id="about">(.*?)</section>', html, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", about)
    assert "共 5 个版面、38 篇文章（330 个段落）" in text
    assert f"出版日期从 {ISSUE_DATES[0]} 到 {ISSUE_DATES[-1]}" in text
    papers = re.findall(r'<span class="paper">([^<]*)</span> (\d+) 篇', about)
    assert papers == [("滨州日报", "21"), ("中国组织人事报", "1")]
    assert "未标注报纸 16 篇" in text
    built = dated_app.extensions["qa"].searcher().index.manifest["built_at"]
    assert f"索引建于 {built[:10]} {built[11:16]} (UTC)" in text
    assert 'class="passage"' not in html


def test_example_questions_are_links_that_ask_them(client):
    summary = client.get("/api/archive").get_json()
    html = html_of(client.get("/"))
    found = re.findall(r'<a class="example" href="([^"]+)">([^<]*)</a>', html)
    assert [unescape(t) for _, t in found] == summary["examples"] and len(found) >= 3
    for href, text in found:
        assert query(unescape(href)) == {"q": [unescape(text)]}
    resp = client.get(unescape(found[0][0]))
    assert resp.status_code == 200 and len(citations(html_of(resp))) == 5


def test_an_archive_without_issue_dates_says_so(fake_client):
    html = html_of(fake_client.get("/"))
    assert "各版的出版日期尚未标注" in html and "出版日期从" not in html


def test_a_citation_leads_back_to_the_same_filtered_page_of_results(client):
    """Citation → article → 返回问题 keeps the paper, the dates, top_k and the offset."""
    asked = {
        "q": "实验室",
        "publication": "滨州日报",
        "date_from": "2021-01-01",
        "date_to": "2022-12-31",
        "top_k": "5",
        "offset": "5",
    }
    html = html_of(client.get("/", query_string=asked))
    link = unescape(re.search(r'<a class="cite" href="([^"]+)"', html).group(1))
    carried = query(link)
    for field, value in asked.items():
        assert carried[field] == [value], field
    article = html_of(client.get(link))
    back = unescape(re.search(r'<a href="([^"]+)" class="back">', article).group(1))
    assert {k: v[0] for k, v in query(back).items()} == asked
    assert client.get(back).status_code == 200
