"""The web form end to end: the app served by waitress on loopback, driven in headless Chromium.

Debian's chromium and chromium-driver are required (``make test`` installs them when missing);
nothing is downloaded. Without them these tests fail, they never skip.
"""

from __future__ import annotations

import json
import os
import re
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.dated import CATALOG, build_dated

pytestmark = pytest.mark.model  # runs the real engine (left out by make test-fast)

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROME_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
]
QUESTION = "张店区光荣牌应挂多少户？"
ANSWER = "31904"
SOURCE = "003_54c9fe256b89c4a1.txt"
NO_ANSWER_QUESTION = "火星上的第一家咖啡馆叫什么名字？"
XSS = "<img src=x onerror=alert(1)>"
RANGE = re.compile(r"第 \d+–\d+ 字符")
SCREENSHOT = Path("/tmp/browser-phone.png")
WAIT_S = 15


@pytest.fixture(scope="module")
def server_url(index_dir, service):
    """The app behind the real server on a free loopback port, stopped after the module."""
    from qa.settings import load_settings
    from qa.web.app import create_app
    from qa.web.server import Running

    settings = load_settings({"INDEX_DIR": str(index_dir), "THREADS": 2}, environ={})
    with Running(create_app(settings, service=service), settings) as running:
        yield running.url


@pytest.fixture(scope="module")
def dated_url(tmp_path_factory, fake_embedder):
    """A second server: the seeds with papers and issue dates catalogued, random vectors."""
    from qa.service import Service
    from qa.settings import load_settings
    from qa.web.app import create_app
    from qa.web.server import Running

    index = build_dated(tmp_path_factory.mktemp("dated"), fake_embedder)
    settings = load_settings({"INDEX_DIR": str(index), "THREADS": 2}, environ={})
    app = create_app(settings, service=Service(settings, fake_embedder))
    with Running(app, settings) as running:
        yield running.url


def missing_browser() -> str | None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if not missing:
        return None
    return (
        f"{' and '.join(missing)} not found: run `make test`, which installs Debian's "
        "chromium and chromium-driver (as root, or with sudo) before running the tests"
    )


def test_chromium_and_chromedriver_are_installed():
    """Without the browser these tests fail, loudly; they never skip."""
    problem = missing_browser()
    assert problem is None, problem


@pytest.fixture(scope="module")
def driver(request, tmp_path_factory):
    """One headless Chromium for the module, with a fresh profile; quit before the server stops."""
    problem = missing_browser()
    if problem:  # checked before the server (and the shared index) is set up
        pytest.fail(problem, pytrace=False)
    request.getfixturevalue("server_url")  # started first, so it outlives the browser
    request.getfixturevalue("dated_url")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(options=options, service=ChromeService(str(CHROMEDRIVER)))
    drv.set_page_load_timeout(WAIT_S)
    yield drv
    drv.quit()


@pytest.fixture()
def base_url(driver, request) -> str:
    # Asked for by name, not as a parameter: the shared index (a session fixture, so pytest
    # would set it up first) is only built once the browser is known to be there.
    return request.getfixturevalue("server_url")


def ask(driver, base_url: str, question: str) -> None:
    """Open the form, type the question, press the button and wait for the results page."""
    driver.get(base_url + "/")
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(question)
    driver.find_element(By.CSS_SELECTOR, "form.ask button[type=submit]").click()
    WebDriverWait(driver, WAIT_S).until(
        lambda d: (
            "?q=" in d.current_url and d.find_elements(By.CSS_SELECTOR, "section.results, p.error")
        ),
        message=f"no results page for {question!r}",
    )
    errors = driver.find_elements(By.CSS_SELECTOR, "p.error, p.code")
    assert not errors, f"{question!r} got an error page: {' '.join(e.text for e in errors)}"


def assert_no_alert(driver) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 - the property raises when there is no alert


def csp_violations(driver) -> list[str]:
    """Console messages about the Content Security Policy since the last call."""
    return [
        e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]
    ]


def test_question_shows_answer_and_five_cited_passages(driver, base_url):
    ask(driver, base_url, QUESTION)
    assert driver.find_element(By.ID, "q").get_attribute("value") == QUESTION

    answer = driver.find_element(By.ID, "answer")
    assert answer.is_displayed()
    assert ANSWER in answer.find_element(By.CSS_SELECTOR, ".answer-text").text
    assert answer.find_element(By.CSS_SELECTOR, ".citation .file").text == SOURCE
    assert RANGE.fullmatch(answer.find_element(By.CSS_SELECTOR, ".citation .range").text)
    assert "/articles/" in answer.find_element(By.CSS_SELECTOR, "a.cite").get_attribute("href")

    passages = driver.find_elements(By.CSS_SELECTOR, "li.passage")
    assert len(passages) == 5
    for p in passages:
        link = p.find_element(By.CSS_SELECTOR, ".citation a.cite")
        assert re.search(r"/articles/[^/?]+\?p=\d+-\d+", link.get_attribute("href"))
        assert link.text.strip()
        assert RANGE.fullmatch(p.find_element(By.CSS_SELECTOR, ".citation .range").text)
    assert csp_violations(driver) == []


def in_view(driver, element) -> bool:
    """Whether ``element``'s top edge lies inside the window."""
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.top < window.innerHeight;",
        element,
    )


def test_citation_link_lands_on_the_passage_and_goes_back_to_the_question(driver, base_url):
    ask(driver, base_url, QUESTION)
    link = driver.find_element(By.CSS_SELECTOR, "a.cite")  # the answer's own citation
    headline = link.text.strip().strip("《》")
    link.click()
    WebDriverWait(driver, WAIT_S).until(lambda d: "/articles/" in d.current_url)
    assert re.search(r"/articles/[^/?]+\?p=\d+-\d+&a=\d+-\d+&q=[^#]+#cited$", driver.current_url)

    h1 = driver.find_element(By.TAG_NAME, "h1")
    assert h1.text.strip() == headline
    target = driver.find_element(By.ID, "cited")
    assert "cited" in target.get_attribute("class")
    assert driver.execute_script("return location.hash") == "#cited"
    assert in_view(driver, target), "the cited passage is not on screen"
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.ans")
    assert any(ANSWER in m.text for m in marks), [m.text for m in marks]
    legend = driver.find_element(By.CSS_SELECTOR, ".legend").text
    assert "引用的段落" in legend and "答案句" in legend and "问题中的词" in legend
    assert "□" not in driver.find_element(By.CSS_SELECTOR, "article .meta").text
    assert csp_violations(driver) == []

    driver.find_element(By.CSS_SELECTOR, "a.back").click()
    WebDriverWait(driver, WAIT_S).until(lambda d: d.find_elements(By.ID, "answer"))
    assert driver.find_element(By.ID, "q").get_attribute("value") == QUESTION
    assert ANSWER in driver.find_element(By.ID, "answer").text


def test_whole_page_view_shows_the_article_marked(driver, base_url):
    ask(driver, base_url, QUESTION)
    driver.find_element(By.CSS_SELECTOR, "#answer a.cite").click()
    WebDriverWait(driver, WAIT_S).until(lambda d: "/articles/" in d.current_url)
    driver.find_element(By.CSS_SELECTOR, "article a.file").click()
    WebDriverWait(driver, WAIT_S).until(lambda d: "/pages/" in d.current_url)
    marked = driver.find_element(By.ID, "marked")
    assert marked.text.strip() and in_view(driver, marked)
    assert SOURCE in driver.current_url
    assert csp_violations(driver) == []


def test_copy_citation_puts_the_reference_on_the_clipboard(driver, base_url):
    ask(driver, base_url, QUESTION)
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {
            "origin": base_url,
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
        },
    )
    ref = driver.find_element(By.ID, "ref-answer").text
    assert "[N]." in ref and "□" not in ref
    button = driver.find_element(By.CSS_SELECTOR, "#answer button.copy")
    assert button.is_displayed() and button.text == "复制引文"
    button.click()
    WebDriverWait(driver, WAIT_S).until(lambda d: button.text != "复制引文")
    assert button.text == "已复制", button.text
    copied = driver.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('!' + e));"
    )
    assert copied == ref
    assert csp_violations(driver) == []


def test_question_box_grows_and_enter_asks(driver, base_url):
    driver.get(base_url + "/")
    box = driver.find_element(By.ID, "q")
    assert box.tag_name == "textarea"
    before = box.size["height"]
    box.send_keys("第一行", Keys.SHIFT, Keys.ENTER, Keys.SHIFT, "第二行")
    assert box.get_attribute("value") == "第一行\n第二行"  # Shift+Enter: a new line
    box.send_keys("很长的问题" * 40)
    assert box.size["height"] > before, "the box did not grow"
    assert "?q=" not in driver.current_url
    box.send_keys(Keys.CONTROL, "a", Keys.CONTROL, Keys.DELETE)
    box.send_keys(QUESTION, Keys.ENTER)  # Enter: ask
    WebDriverWait(driver, WAIT_S).until(lambda d: d.find_elements(By.ID, "answer"))
    assert ANSWER in driver.find_element(By.ID, "answer").text
    assert csp_violations(driver) == []


def test_unknown_address_is_a_chinese_404(driver, base_url):
    driver.get(base_url + "/nope")
    assert "找不到" in driver.find_element(By.CSS_SELECTOR, "p.error").text
    driver.get(base_url + "/articles/nope")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "档案里没有这篇文章" in body
    assert "unknown_article" not in body and "not found" not in body.lower()
    assert csp_violations(driver) == []


def _gone(element) -> bool:
    """Has the page the element was found on been replaced? Chromium reports a node of a
    page being unloaded either as stale or as one that "does not belong to the document"."""
    try:
        element.is_enabled()
    except WebDriverException:  # (StaleElementReferenceException is one)
        return True
    return False


def test_results_fit_a_phone_screen(driver, base_url):
    ask(driver, base_url, QUESTION)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )
    try:
        driver.refresh()
        WebDriverWait(driver, WAIT_S).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "li.passage")
        )
        width = driver.execute_script("return window.innerWidth")
        assert width == 390
        overflow = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert overflow[0] <= overflow[1], f"page is wider than the phone: {overflow}"
        SCREENSHOT.write_bytes(driver.get_screenshot_as_png())

        button = driver.find_element(By.CSS_SELECTOR, "form.ask button[type=submit]")
        assert button.is_displayed() and button.is_enabled()
        rect = button.rect
        assert rect["x"] >= 0 and rect["x"] + rect["width"] <= width, rect
        on_top = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)"
            " === arguments[0];",
            button,
        )
        assert on_top, "something covers the button"
        WebDriverWait(driver, WAIT_S).until(EC.element_to_be_clickable(button)).click()
        WebDriverWait(driver, WAIT_S).until(lambda d: _gone(button))
        WebDriverWait(driver, WAIT_S).until(lambda d: d.find_elements(By.ID, "answer"))
        assert ANSWER in driver.find_element(By.ID, "answer").text
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_markup_typed_into_the_box_is_shown_as_text(driver, base_url):
    ask(driver, base_url, XSS)
    assert_no_alert(driver)
    # Shown back as the text typed, never parsed into an element.
    assert driver.find_element(By.ID, "q").get_attribute("value") == XSS
    assert driver.title.startswith(XSS)
    assert driver.find_elements(By.TAG_NAME, "img") == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in driver.page_source
    # Scripts only as files of this site, never inline, no event handler attributes.
    assert (
        driver.execute_script(
            "return [...document.scripts].filter(s => !s.src.startsWith(location.origin)).length"
            " + [...document.querySelectorAll('*')]"
            ".filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length"
        )
        == 0
    )
    assert_no_alert(driver)
    assert csp_violations(driver) == []

    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with no_proxy.open(driver.current_url, timeout=WAIT_S) as resp:
        csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_unanswerable_question_says_so(driver, base_url):
    ask(driver, base_url, NO_ANSWER_QUESTION)
    assert driver.find_element(By.ID, "no-answer").is_displayed()
    assert driver.find_elements(By.ID, "answer") == []
    assert driver.find_elements(By.CSS_SELECTOR, "mark.ans") == []
    assert csp_violations(driver) == []


def console_errors(driver) -> list[str]:
    """Console errors (and CSP refusals) since the last read of the log."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def fetched_elsewhere(driver) -> list[str]:
    """What this page loaded from anywhere but its own origin."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => !n.startsWith(location.origin))"
    )


def shown_citations(driver) -> list[tuple[str, str]]:
    """Each passage's (paper, issue date) as shown; '' where the citation shows none."""
    out = []
    for li in driver.find_elements(By.CSS_SELECTOR, "li.passage"):
        head = li.find_element(By.CSS_SELECTOR, ".cite-head")
        pub = head.find_elements(By.CSS_SELECTOR, ".pub")
        issue = head.find_elements(By.CSS_SELECTOR, ".issue")
        out.append((pub[0].text if pub else "", issue[0].text if issue else ""))
    return out


def test_filter_by_paper_and_dates_then_page_on(driver, dated_url):
    driver.get(dated_url + "/")
    driver.find_element(By.ID, "q").send_keys("滨州的经济发展怎么样？")
    Select(driver.find_element(By.ID, "publication")).select_by_visible_text("滨州日报")
    for name, value in (("date_from", "2021-06-01"), ("date_to", "2022-12-31")):
        field = driver.find_element(By.ID, name)
        assert field.get_attribute("type") == "date"
        driver.execute_script("arguments[0].value = arguments[1]", field, value)
    Select(driver.find_element(By.ID, "top_k")).select_by_value("10")
    driver.find_element(By.CSS_SELECTOR, "form.ask button[type=submit]").click()
    WebDriverWait(driver, WAIT_S).until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.passage"))
    url = driver.current_url
    for part in ("publication=", "date_from=2021-06-01", "date_to=2022-12-31", "top_k=10"):
        assert part in url, url
    first = shown_citations(driver)
    assert len(first) == 10
    for pub, issue in first:
        assert pub == "滨州日报" and "2021-06-01" <= issue <= "2022-12-31", (pub, issue)
    assert "只看：滨州日报" in driver.find_element(By.ID, "filters").text

    driver.find_element(By.CSS_SELECTOR, "nav.pager a.more").click()
    WebDriverWait(driver, WAIT_S).until(lambda d: "offset=10" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, "ol.passages").get_attribute("start") == "11"
    second = shown_citations(driver)
    assert second and all(p == "滨州日报" and "2021-06-01" <= d <= "2022-12-31" for p, d in second)
    paper = Select(driver.find_element(By.ID, "publication")).first_selected_option
    assert paper.text == "滨州日报"
    assert driver.find_element(By.ID, "date_from").get_attribute("value") == "2021-06-01"
    assert driver.find_element(By.CSS_SELECTOR, "nav.pager a.prev").text == "上一页"

    driver.back()  # the first page again, filters and all
    WebDriverWait(driver, WAIT_S).until(lambda d: "offset=" not in d.current_url)
    assert shown_citations(driver) == first
    assert Select(driver.find_element(By.ID, "top_k")).first_selected_option.text == "10 条"
    assert console_errors(driver) == []


def test_a_bad_date_in_the_address_is_told_in_chinese(driver, dated_url):
    driver.get(dated_url + "/?q=经济&date_to=2024-02-30")
    alert = driver.find_element(By.CSS_SELECTOR, "p.error").text
    assert "终止日期的格式不对" in alert and "2024-05-08" in alert
    assert "invalid" not in driver.page_source
    assert driver.find_element(By.ID, "q").get_attribute("value") == "经济"
    logged = console_errors(driver)  # the page's own 400, and nothing else
    assert len(logged) == 1 and "status of 400" in logged[0], logged


def test_first_page_says_what_the_archive_holds_and_offers_examples(driver, dated_url):
    driver.get(dated_url + "/")
    about = driver.find_element(By.ID, "about").text
    dates = sorted(d for _, d, _ in CATALOG.values())
    assert f"出版日期从 {dates[0]} 到 {dates[-1]}" in about
    assert "共 5 个版面、38 篇文章" in about and "滨州日报 21 篇" in about
    assert "索引建于" in about
    example = driver.find_element(By.CSS_SELECTOR, "a.example")
    question = example.text
    example.click()
    WebDriverWait(driver, WAIT_S).until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.passage"))
    assert driver.find_element(By.ID, "q").get_attribute("value") == question
    assert driver.find_elements(By.ID, "about") == []
    assert console_errors(driver) == [] and fetched_elsewhere(driver) == []


def test_api_docs_render_and_try_a_question(driver, base_url):
    driver.get(base_url + "/api/docs")
    WebDriverWait(driver, WAIT_S).until(lambda d: d.find_elements(By.CSS_SELECTOR, "section.op"))
    toc = driver.find_element(By.CSS_SELECTOR, "ul.toc").text
    for endpoint in ("GET /api/ask", "POST /api/ask", "GET /api/archive", "GET /api/health"):
        assert endpoint in toc, toc
    section = driver.find_element(By.ID, "askGet")
    box = section.find_element(By.CSS_SELECTOR, "form.try input[name=q]")
    WebDriverWait(driver, WAIT_S).until(lambda d: box.get_attribute("value"))  # an example
    box.clear()
    box.send_keys(QUESTION)
    section.find_element(By.CSS_SELECTOR, "form.try button[type=submit]").click()
    out = section.find_element(By.CSS_SELECTOR, "pre.out")
    WebDriverWait(driver, WAIT_S).until(lambda d: "\n200 " in out.text)
    answer = json.loads(out.text.split("\n\n", 1)[1])
    assert ANSWER in answer["answer"]["text"] and len(answer["passages"]) == 5
    assert console_errors(driver) == [] and fetched_elsewhere(driver) == []
