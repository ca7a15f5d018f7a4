"""The Chinese web pages through the test client: form, citations, article, page view, errors.

Most tests run on the random-vector build of the seeds (``fake_client``) or on a one-page
archive of hostile text; the few that need a real answer use the real model (``client``).
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

QUESTION = "张店区光荣牌应挂多少户？"
SOURCE = "003_54c9fe256b89c4a1.txt"
ARTICLE = "003_54c9fe256b89c4a1-01"  # bylined □王新端 on the page

HOSTILE_PAGE = (
    "<script>alert(1)</script>城区图书馆开放\n\n□本报记者 <b>王某</b>\n\n"
    "　　本报讯 3月5日，<img src=x onerror=alert(2)>城区图书馆正式向市民开放，馆内藏书十万册。"
    "读者可以凭身份证免费办理借阅证。\n"
    "　　图书馆每天开放十二个小时，周一闭馆。"
    "馆长表示，将陆续举办读书讲座和展览活动，欢迎市民参加。\n"
)


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory, fake_embedder):
    """A one-page archive whose headline, byline and text carry markup, catalogued with its
    publication, issue date and 版次."""
    from qa.build import build_index
    from qa.service import Service
    from qa.settings import load_settings
    from qa.web.app import create_app

    root = tmp_path_factory.mktemp("hostile")
    (root / "seeds").mkdir()
    (root / "seeds" / "evil_page.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    catalog = "file,publication,issue_date,page\nevil_page.txt,<i>晨报</i>,2024-05-08,3\n"
    (root / "seeds" / "catalog.csv").write_text(catalog, encoding="utf-8")
    settings = load_settings(
        {"SEEDS_DIR": str(root / "seeds"), "INDEX_DIR": str(root / "index"), "TESTING": True},
        environ={},
    )
    build_index(settings, fake_embedder)
    return create_app(settings, service=Service(settings, fake_embedder)).test_client()


def html_of(resp) -> str:
    return resp.get_data(as_text=True)


def links(html: str, css_class: str) -> list[str]:
    return [
        unescape(m.group(1)) for m in re.finditer(rf'<a class="{css_class}" href="([^"]+)"', html)
    ]


def assert_no_inline_code(html: str) -> None:
    """No inline script, no style attribute, no event handler: the CSP would refuse them."""
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<[^>]*\son\w+=", html)


# The form


def test_form_page_is_chinese_with_a_growing_textarea(fake_client):
    resp = fake_client.get("/")
    assert resp.status_code == 200
    html = html_of(resp)
    assert '<html lang="zh-CN">' in html
    assert re.search(r'<textarea id="q" name="q"[^>]*required', html)
    assert "Shift+Enter" in html and "提问" in html
    assert '<script src="/static/ask.js" defer>' in html
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    assert_no_inline_code(html)


def test_scripts_are_files_of_the_package(fake_client):
    for name in ("ask.js", "cite.js"):
        resp = fake_client.get(f"/static/{name}")
        assert resp.status_code == 200, name
        js = html_of(resp)
        assert "http" not in js  # nothing fetched from anywhere
    assert "requestSubmit" in html_of(fake_client.get("/static/ask.js"))
    assert "clipboard" in html_of(fake_client.get("/static/cite.js"))


def test_a_long_question_is_kept_whole_in_the_box(fake_client):
    question = "请问" + "光荣牌悬挂" * 30 + "多少户？"
    html = html_of(fake_client.get("/", query_string={"q": question}))
    assert f">{question}</textarea>" in html


# Citations


def test_each_result_cites_with_byline_reference_and_copy_button(fake_client):
    html = html_of(fake_client.get("/", query_string={"q": QUESTION}))
    assert html.count('class="passage"') == 5
    assert "□" not in html
    assert '<span class="byline">王新端</span>' in html
    refs = re.findall(r'<span class="ref-text" id="(ref-\d+)">([^<]*)</span>', html)
    assert len(refs) == 5
    assert "王新端. 坚持党建引领助推军民融合[N]." in [unescape(r) for _, r in refs]
    for ref_id, _ in refs:
        assert f'<button type="button" class="copy" data-ref="{ref_id}" hidden>复制引文' in html


def test_citation_link_opens_the_cited_passage_and_keeps_the_question(fake_client):
    html = html_of(fake_client.get("/", query_string={"q": QUESTION}))
    link = links(html, "cite")[0]
    parts = urlsplit(link)
    assert parts.fragment == "cited"
    args = parse_qs(parts.query)
    assert args["q"] == [QUESTION] and re.fullmatch(r"\d+-\d+", args["p"][0])

    page = html_of(fake_client.get(link))
    assert re.search(r'<mark class="cited[^"]*" id="cited">', page)
    assert page.count('id="cited"') == 1
    back = re.search(r'<a href="([^"]+)" class="back">返回问题“([^<]+)”</a>', page)
    assert parse_qs(urlsplit(unescape(back.group(1))).query)["q"] == [QUESTION]
    assert back.group(2) == QUESTION
    assert 'class="legend"' in page and "引用的段落" in page and "问题中的词" in page
    assert '<mark class="cited hit">光荣牌</mark>' in page  # a question word in the passage


def test_article_page_cites_like_a_result_and_links_the_whole_page(fake_client):
    html = html_of(fake_client.get(f"/articles/{ARTICLE}"))
    assert "□" not in html and '<span class="byline">王新端</span>' in html
    ref = '<span class="ref-text" id="ref-article">王新端. 坚持党建引领助推军民融合[N].</span>'
    assert ref in html
    assert f'href="/pages/{SOURCE}?article={ARTICLE}#marked"' in html
    assert 'class="back">返回搜索</a>' in html  # no question: back to the empty form
    assert 'class="legend"' not in html  # nothing marked, nothing to explain
    assert_no_inline_code(html)


def test_catalogued_citation_shows_paper_issue_date_and_page(hostile_client):
    html = html_of(hostile_client.get("/", query_string={"q": "图书馆什么时候开放？"}))
    pub = '<span class="pub">&lt;i&gt;晨报&lt;/i&gt;</span>'
    assert pub + '<span class="issue">2024-05-08</span><span class="page">第3版</span>' in html
    assert '<span class="byline">本报记者&lt;b&gt;王某&lt;/b&gt;</span>' in html
    ref = re.search(r'<span class="ref-text" id="ref-1">([^<]*)</span>', html).group(1)
    assert unescape(ref) == (
        "<b>王某</b>. <script>alert(1)</script>城区图书馆开放[N]. <i>晨报</i>, 2024-05-08(3)."
    )


# Hostile text is shown as text


@pytest.mark.parametrize("path", ["/?q=图书馆", "/articles/evil_page-01", "/pages/evil_page.txt"])
def test_markup_in_the_archive_is_escaped(hostile_client, path):
    html = html_of(hostile_client.get(path))
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html and "<b>王某" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_no_inline_code(html)


def test_a_paper_named_in_markup_is_text_in_the_menu_and_the_summary(hostile_client):
    first = html_of(hostile_client.get("/"))
    option = '<option value="&lt;i&gt;晨报&lt;/i&gt;">&lt;i&gt;晨报&lt;/i&gt;</option>'
    assert option in first
    assert '<span class="paper">&lt;i&gt;晨报&lt;/i&gt;</span> 1 篇' in first
    assert "<i>" not in first
    assert_no_inline_code(first)
    args = {"q": "图书馆", "publication": "<i>晨报</i>"}
    html = html_of(hostile_client.get("/", query_string=args))
    assert option.replace('">', '" selected>', 1) in html
    assert html.count('class="passage"') >= 1 and "<i>" not in html
    more = re.search(r'<a class="(?:more|prev)" href="([^"]+)"', html)
    assert more is None or "<i>" not in more.group(1)


def test_question_echoed_is_escaped(fake_client):
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    for path in ("/", f"/articles/{ARTICLE}"):
        html = html_of(fake_client.get(path, query_string={"q": evil}))
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html


# The page view


def test_page_view_marks_the_article(fake_client):
    resp = fake_client.get(f"/pages/{SOURCE}", query_string={"article": ARTICLE})
    assert resp.status_code == 200
    html = html_of(resp)
    assert html.count('id="marked"') == 1
    marked = re.search(r'<mark class="cited" id="marked">([^<]*)</mark>', html).group(1)
    assert "坚持党建引领 助推军民融合\n\n□王新端" in marked  # the page as printed
    assert "费县打好脱贫攻坚战场上" in html  # the rest of the page is there too
    assert f'href="/articles/{ARTICLE}"' in html
    assert_no_inline_code(html)


def test_page_view_marks_a_span_or_nothing(fake_client):
    html = html_of(fake_client.get(f"/pages/{SOURCE}", query_string={"p": "1153-1263"}))
    assert re.search(r'<mark class="cited" id="marked">举行光荣牌', html)
    plain = html_of(fake_client.get(f"/pages/{SOURCE}"))
    assert "<mark" not in plain and "举行光荣牌悬挂仪式" in plain


@pytest.mark.parametrize(
    "path",
    [
        "/pages/nope.txt",
        "/pages/.hidden",
        "/pages/..%2F..%2Fetc%2Fpasswd",
        "/pages/%2E%2E",
        "/pages/a%00b.txt",
        f"/pages/{SOURCE}?article=nope",
        f"/pages/{SOURCE}?article=000_4aea86586ab16aa7-01",  # on another page
        "/articles/nope",
        "/nope",
    ],
)
def test_unknown_things_are_a_chinese_404(fake_client, path):
    resp = fake_client.get(path)
    assert resp.status_code == 404
    html = html_of(resp)
    assert resp.content_type.startswith("text/html")
    assert '<p class="error" role="alert">' in html and "找不到" in html
    for english in ("unknown_", "not_found", "not found", "Not Found", "no article", "/work"):
        assert english not in html, english


@pytest.mark.parametrize(
    "path",
    [
        f"/pages/{SOURCE}?p=abc",
        f"/pages/{SOURCE}?p=20-10",
        f"/pages/{SOURCE}?p=0-99999999",
        f"/articles/{ARTICLE}?p=1-2-3",
        f"/articles/{ARTICLE}?a=x",
    ],
)
def test_bad_spans_are_a_chinese_400(fake_client, path):
    resp = fake_client.get(path)
    assert resp.status_code == 400
    html = html_of(resp)
    assert "引文位置的写法不对" in html
    assert "invalid_span" not in html and "must look like" not in html


def test_wrong_method_is_a_chinese_405(fake_client):
    resp = fake_client.post("/")
    assert resp.status_code == 405
    html = html_of(resp)
    assert "这个网址不接受这种请求方式" in html and "method_not_allowed" not in html
    assert "The method is not allowed" not in html


def test_api_paths_keep_their_json_errors(fake_client):
    resp = fake_client.get("/api/articles/nope")
    assert resp.status_code == 404
    assert resp.get_json()["error"]["code"] == "unknown_article"
    resp = fake_client.get("/api/nope")
    assert resp.status_code == 404 and resp.get_json()["error"]["code"] == "not_found"


def test_blank_question_on_the_form_is_a_400_page(fake_client):
    resp = fake_client.get("/?q=%20")
    assert resp.status_code == 400
    assert "请输入问题" in html_of(resp)


# With the real model: the answer


def test_answer_is_marked_once_in_its_passage_and_not_repeated(client):
    resp = client.get("/", query_string={"q": QUESTION})
    assert resp.status_code == 200
    html = html_of(resp)
    assert 'id="answer"' in html and "31904" in html
    assert html.count('class="passage"') == 5
    assert html.count('id="answer-in-passage"') == 1
    assert '<a href="#answer-in-passage">在段落中查看</a>' in html
    passages = re.findall(r'<li class="passage">(.*?)</li>', html, re.S)
    holding = [p for p in passages if 'id="answer-in-passage"' in p]
    assert len(holding) == 1 and "31904" in holding[0]
    # Every other passage of that stretch leaves the sentence out, pointing back to the box.
    for p in passages:
        if p is not holding[0]:
            assert "31904" not in p.split('<p class="citation">')[0]
    assert '<a class="elided" href="#answer"' in html
    assert "答案句" in html  # in the legend


def test_answer_citation_opens_the_article_with_the_answer_marked(client):
    html = html_of(client.get("/", query_string={"q": QUESTION}))
    link = links(html, "cite")[0]  # the answer's own citation
    assert re.search(r"\?p=\d+-\d+&a=\d+-\d+&q=", link)
    art = html_of(client.get(link))
    assert re.search(r'<mark class="[^"]*\bans\b[^"]*"[^>]*>[^<]*31904', art)
    assert "答案句" in art


def test_no_answer_is_said_plainly(client):
    resp = client.get("/", query_string={"q": "火星上的第一家咖啡馆叫什么名字？"})
    html = html_of(resp)
    assert resp.status_code == 200
    assert 'id="no-answer"' in html and 'class="ans' not in html.split('id="legend"')[1]
