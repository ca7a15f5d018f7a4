"""The Chinese web form and the article page, through the test client."""

from __future__ import annotations

import re


def test_form_page_is_chinese_and_has_the_form(client):
    resp = client.get("/")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert '<html lang="zh-CN">' in html
    assert 'name="q"' in html and "提问" in html
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]


def test_question_shows_answer_passages_and_citations(client):
    resp = client.get("/", query_string={"q": "张店区光荣牌应挂多少户？"})
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert 'id="answer"' in html and "31904" in html
    assert html.count('class="passage"') == 5
    assert '<mark class="hit">光荣牌</mark>' in html or "光荣牌</mark>" in html
    assert "003_54c9fe256b89c4a1.txt" in html
    assert re.search(r"第 \d+–\d+ 字符", html)
    link = re.search(r'href="(/articles/[^"]+)"', html).group(1).replace("&amp;", "&")
    art = client.get(link)
    assert art.status_code == 200
    assert '<mark class="ans">' in art.get_data(as_text=True)


def test_everything_echoed_is_escaped(client):
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    html = client.get("/", query_string={"q": evil}).get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_blank_question_on_the_form_is_a_400_page(client):
    resp = client.get("/?q=%20")
    assert resp.status_code == 400
    assert "请输入问题" in resp.get_data(as_text=True)


def test_unknown_article_page_is_404(client):
    resp = client.get("/articles/does-not-exist")
    assert resp.status_code == 404
    assert "<html" in resp.get_data(as_text=True)


def test_no_answer_is_said_plainly(client):
    resp = client.get("/", query_string={"q": "火星上的第一家咖啡馆叫什么名字？"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert 'id="no-answer"' in html
