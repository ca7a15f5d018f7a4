"""`qa` on bad input and failures: one message, a non-zero exit, never a traceback.

Everything runs over the random-vector build (tests/fakes.py): the CLI's Service gets the
fake embedder in place of the bundled model.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import qa.build
import qa.evaluate
from qa.cli import SettingOption, main
from qa.settings import load_settings, setting
from qa.web.app import create_app
from qa.web.server import Running
from tests.conftest import EVAL, ROOT, SEEDS
from tests.fakes import RandomEmbedder

QUESTION = "张店区光荣牌应挂多少户？"


@pytest.fixture(autouse=True)
def _keep_root_log_level():
    """The CLI sets the root logger's level, as a process would: restore it after each test."""
    root = logging.getLogger()
    level = root.level
    yield
    root.setLevel(level)


@pytest.fixture()
def fake_model(monkeypatch):
    """The CLI's service embeds with the random-vector fake instead of loading the model."""
    made = []

    def make(model, engine, device="cpu"):
        made.append(model)
        return RandomEmbedder()

    monkeypatch.setattr("qa.service.make_embedder", make)
    return made


def run(args, env=None, **kwargs):
    env = {**{k: None for k in os.environ if k.startswith("QA_")}, **(env or {})}
    return CliRunner().invoke(main, args, env=env, catch_exceptions=False, **kwargs)


def no_traceback(result) -> None:
    assert "Traceback" not in result.output and "Traceback" not in result.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- serve ---------------------------------------------------------------------------------


def test_serve_on_a_busy_port_says_so_before_anything_else(tmp_path):
    """A real process on a real taken socket: one error line, no build, no 'serving on'."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
        env["PYTHONPATH"] = str(ROOT)
        index = tmp_path / "index"
        proc = subprocess.run(
            [sys.executable, "-m", "qa.cli", "serve", "--port", str(port), "--index", str(index)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    assert proc.returncode == 1
    assert (
        proc.stderr.strip().splitlines()[-1].startswith(f"error: cannot listen on 127.0.0.1:{port}")
    )
    assert "in use" in proc.stderr
    assert "serving on" not in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr
    assert not index.exists()  # it stopped before building anything


def test_serve_on_an_address_not_ours_says_so(tmp_path):
    result = run(["serve", "--host", "192.0.2.1", "--port", "0", "--index", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot listen on 192.0.2.1:0: ")
    assert "serving on" not in result.output
    no_traceback(result)


def test_serve_uses_index_and_seeds_and_says_where_it_listens(
    fake_index_dir, fake_model, monkeypatch, tmp_path
):
    ran = []
    monkeypatch.setattr("qa.web.server.Server.run", lambda self: ran.append(self.effective_port))
    result = run(
        ["serve", "--port", "0", "--index", str(fake_index_dir), "--seeds", str(tmp_path)],
        env={"QA_INDEX_DIR": str(tmp_path / "elsewhere"), "QA_SEEDS_DIR": str(tmp_path / "x")},
    )
    assert result.exit_code == 0, result.output
    assert ran and result.stderr.strip().endswith(f"serving on http://127.0.0.1:{ran[0]}/")
    assert "building it first" not in result.stderr  # it read --index, not QA_INDEX_DIR


# --- eval --url ----------------------------------------------------------------------------


@pytest.fixture()
def questions(tmp_path) -> Path:
    path = tmp_path / "q.jsonl"
    row = {"id": "q1", "question": QUESTION, "type": "lookup", "answer": "1", "source": "x.txt"}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    return path


def test_eval_url_without_a_scheme_is_a_usage_error(questions):
    result = run(["eval", str(questions), "--url", "127.0.0.1:8000"])
    assert result.exit_code == 2
    assert "--url" in result.stderr and "http://" in result.stderr
    no_traceback(result)


def test_eval_url_when_the_service_is_down(questions):
    port = free_port()
    result = run(["eval", str(questions), "--url", f"http://127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot reach the service at http://127.0.0.1:{port}")
    assert "refused" in result.stderr.lower() and "qa serve" in result.stderr
    no_traceback(result)


class _Html(BaseHTTPRequestHandler):
    """Some other web server: every POST gets an HTML page, with the status of its path."""

    def do_POST(self):  # noqa: N802 - the handler's name
        body = b"<html><body>hello</body></html>"
        self.send_response(404 if self.path.startswith("/missing/") else 200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize(
    "path,said",
    [("", "something that is not JSON"), ("/missing", "404 Not Found")],
    ids=["200", "404"],
)
def test_eval_url_that_answers_html(questions, path, said):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Html)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}{path}"
        result = run(["eval", str(questions), "--url", url])
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: the service at {url} answered /api/ask with {said}; is it the qa service?"
    )
    no_traceback(result)


@pytest.fixture()
def served_without_index(tmp_path, fake_embedder):
    """The real app over waitress, with no index: /api/ask answers 503 index_missing."""
    from qa.service import Service

    settings = load_settings({"INDEX_DIR": str(tmp_path / "none"), "THREADS": 2}, environ={})
    with Running(create_app(settings, service=Service(settings, fake_embedder)), settings) as r:
        yield r.url


def test_eval_url_reports_the_services_error(questions, served_without_index):
    result = run(["eval", str(questions), "--url", served_without_index])
    assert result.exit_code == 1
    assert f"the service at {served_without_index} answered 503 index_missing: " in result.stderr
    no_traceback(result)


def test_eval_url_reports_a_wrong_path_on_the_service(questions, served_without_index):
    url = served_without_index + "/somewhere"  # /somewhere/api/ask: the app's JSON 404
    result = run(["eval", str(questions), "--url", url])
    assert result.exit_code == 1
    assert f"the service at {url} answered 404 not_found: " in result.stderr
    no_traceback(result)


# --- question and gold files -----------------------------------------------------------------


@pytest.mark.parametrize(
    "content,message",
    [
        (b'{"question": "q", "type": "unanswerable"}\n\n{"question": \n', "line 3: not valid JSON"),
        (b'{"question": "q", "type": "unanswerable"}\n\xff\xfe\n', "line 2: not UTF-8"),
        (b'["a list"]\n', "line 1: not a JSON object"),
        (b'{"question": "q"}\n', "line 1: missing field 'type'"),
        (
            b'{"question": "q", "type": "lookup", "source": "a.txt"}\n',
            "line 1: missing field 'answer'",
        ),
        (b'{"question": 3, "type": "unanswerable"}\n', "line 1: 'question' must be a string"),
    ],
    ids=["bad json", "not utf-8", "not an object", "no type", "no answer", "not a string"],
)
def test_eval_bad_question_file_names_file_and_line(tmp_path, content, message):
    path = tmp_path / "questions.jsonl"
    path.write_bytes(content)
    result = run(["eval", str(path), "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path} {message}")
    assert result.stdout == ""
    no_traceback(result)


def test_eval_reads_a_question_file_with_a_bom(tmp_path, fake_index_dir, fake_model):
    path = tmp_path / "bom.jsonl"
    row = {"question": QUESTION, "type": "unanswerable"}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(row).encode() + b"\n")
    result = run(["eval", str(path), "--index", str(fake_index_dir)])
    assert result.exit_code == 0, result.output
    assert re.search(r"^all\s+1\s", result.stdout, re.M)


def test_eval_bad_gold_line_names_file_and_line(tmp_path, questions):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"source": "a.txt", "seq": 1, "body_start": "x"}\n', "utf-8")
    result = run(["eval", str(questions), "--articles", str(gold), "--seeds", str(SEEDS)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {gold} line 1: missing field 'body_end'")
    no_traceback(result)


def test_eval_segmentation_gold_naming_a_missing_page(tmp_path):
    gold = tmp_path / "gold.jsonl"
    row = {"source": "nope.txt", "seq": 1, "body_start": "a", "body_end": "b"}
    gold.write_text(json.dumps(row) + "\n", "utf-8")
    result = run(["eval", "--segmentation", str(gold), "--seeds", str(SEEDS)])
    assert result.exit_code == 2
    assert f"{gold} names the page nope.txt" in result.stderr and "--seeds" in result.stderr
    no_traceback(result)


# --- index problems ------------------------------------------------------------------------


def test_ask_on_an_index_of_another_model(fake_index_dir, monkeypatch):
    other = RandomEmbedder()
    other.model = "someone/else"
    monkeypatch.setattr("qa.service.make_embedder", lambda *a, **k: other)
    for args in (["ask", QUESTION], ["eval", str(EVAL / "dev.jsonl")]):
        result = run([*args, "--index", str(fake_index_dir)])
        assert result.exit_code == 1, args
        assert result.stderr.startswith("error: ") and "qa build" in result.stderr
        assert "someone/else" in result.stderr
        no_traceback(result)


def test_eval_without_an_index_says_to_build(tmp_path, questions, fake_model):
    result = run(["eval", str(questions), "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "qa build" in result.stderr
    no_traceback(result)


# --- Ctrl-C --------------------------------------------------------------------------------


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


def test_ctrl_c_during_build(monkeypatch, tmp_path, fake_model):
    monkeypatch.setattr("qa.embed.make_embedder", lambda *a, **k: RandomEmbedder())
    monkeypatch.setattr(qa.build, "build_index", _interrupt)
    result = run(["build", "--seeds", str(SEEDS), "--index", str(tmp_path / "i"), "--quiet"])
    assert result.exit_code == 130
    assert (
        result.stderr.strip()
        == f"interrupted: the index in {tmp_path / 'i'} is as it was before this build"
    )
    no_traceback(result)


def test_ctrl_c_during_eval(monkeypatch, tmp_path, questions, fake_index_dir, fake_model):
    monkeypatch.setattr(qa.evaluate, "evaluate", _interrupt)
    report = tmp_path / "r.json"
    result = run(["eval", str(questions), "--index", str(fake_index_dir), "--report", str(report)])
    assert result.exit_code == 130
    assert result.stderr.strip() == "interrupted: no report written"
    assert not report.exists()
    no_traceback(result)


# --- options -------------------------------------------------------------------------------


def test_index_option_beats_the_environment(tmp_path, fake_index_dir, fake_model, questions):
    env = {"QA_INDEX_DIR": str(tmp_path / "none")}
    asked = run(["ask", QUESTION, "--json", "--index", str(fake_index_dir)], env=env)
    assert asked.exit_code == 0, asked.output
    assert json.loads(asked.stdout)["passages"]
    scored = run(["eval", str(questions), "--index", str(fake_index_dir)], env=env)
    assert scored.exit_code == 0, scored.output
    assert re.search(r"^all\s+1\s", scored.stdout, re.M)


def test_top_k_from_the_environment_and_its_limit(fake_index_dir, fake_model):
    env = {"QA_TOP_K": "2"}
    result = run(["ask", QUESTION, "--json", "--index", str(fake_index_dir)], env=env)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["passages"]) == 2
    over = run(["ask", QUESTION, "--top-k", "8"], env={"QA_MAX_TOP_K": "7"})
    assert over.exit_code == 2 and "'--top-k'" in over.stderr and "7" in over.stderr


SETTING_OPTIONS = [
    (name, opt)
    for name, command in main.commands.items()
    for opt in command.params
    if isinstance(opt, SettingOption)
]


@pytest.mark.parametrize(
    "command,option", SETTING_OPTIONS, ids=[f"{c}{o.opts[0]}" for c, o in SETTING_OPTIONS]
)
def test_help_shows_the_default_in_force(command, option):
    flag = option.opts[0]
    table = setting(option.setting).default
    shown = run([command, "--help"])
    assert re.search(
        rf"{flag}\b.*?\[env var: QA_{option.setting}; default: {re.escape(str(table))}\b",
        " ".join(shown.stdout.split()),
    ), shown.stdout
    changed = {"PORT": "9123", "TOP_K": "3", "THREADS": "3", "DEVICE": "cuda", "ENGINE": "st"}
    value = changed.get(option.setting, "/some/where")
    shown = run([command, "--help"], env={f"QA_{option.setting}": value})
    assert f"default: {value}" in " ".join(shown.stdout.split()), shown.stdout


@pytest.mark.parametrize(
    "command,options",
    [
        ("build", ["--seeds", "--index"]),
        ("ask", ["--index"]),
        ("serve", ["--index", "--seeds"]),
        ("eval", ["--index", "--seeds"]),
    ],
)
def test_every_command_that_reads_a_folder_takes_it(command, options):
    have = {o for p in main.commands[command].params for o in p.opts}
    assert set(options) <= have


# --- logging -------------------------------------------------------------------------------


def _info_from_qa(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.INFO and r.name.startswith("qa")
    ]


@pytest.mark.parametrize(
    "env,logged",
    [({}, False), ({"QA_LOG_LEVEL": "WARNING"}, False), ({"QA_LOG_LEVEL": "INFO"}, True)],
    ids=["default", "warning", "info"],
)
def test_ask_is_quiet_unless_asked(fake_index_dir, fake_model, caplog, env, logged):
    result = run(["ask", QUESTION, "--index", str(fake_index_dir)], env=env)
    assert result.exit_code == 0, result.output
    assert any("serving index" in m for m in _info_from_qa(caplog)) == logged


# --- ask's output --------------------------------------------------------------------------


def test_ask_plain_output_cites_the_answer_and_each_passage(fake_index_dir, fake_model):
    args = ["ask", QUESTION, "--index", str(fake_index_dir), "--top-k", "3"]
    env = {"QA_NO_ANSWER_THRESHOLD": "0"}  # random vectors: lower the bar for an answer
    data = json.loads(run([*args, "--json"], env=env).stdout)
    plain = run(args, env=env)
    assert plain.exit_code == 0, plain.output
    lines = plain.stdout.splitlines()

    def cited(c: dict) -> str:
        parts = [f"《{c['headline']}》" if c["headline"] else "标题未识别"]
        parts += [c["publication"], c["issue_date"], f"第{c['page']}版" if c["page"] else None]
        parts += [c["date"], c["source"], f"第 {c['char_start']}–{c['char_end']} 字符"]
        return "    —— " + " ".join(p for p in parts if p)

    assert data["answer"] and not data["no_answer"]
    assert lines[0] == f"答案：{data['answer']['text']}"
    assert lines[1] == cited(data["answer"]["citation"])
    for i, p in enumerate(data["passages"], 1):
        at = lines.index(f"[{i}] {p['text'].splitlines()[0]}")
        line = next(x for x in lines[at:] if x.startswith("    —— "))
        assert line == f"{cited(p['citation'])}  score={p['score']:.4f}"
    assert not re.search(r"\[\d+:\d+\]", plain.stdout)


def test_ask_plain_output_says_when_there_is_no_answer(fake_index_dir, fake_model):
    env = {"QA_NO_ANSWER_THRESHOLD": "1"}  # no evidence is enough
    result = run(["ask", QUESTION, "--index", str(fake_index_dir)], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("（档案中似乎没有能回答这个问题的内容；以下是最接近的段落）")
    assert "答案：" not in result.stdout and "[1] " in result.stdout


def test_inspect_writes_ranges_as_ask_does():
    page = sorted(SEEDS.glob("*.txt"))[1]
    result = run(["inspect", str(page)])
    assert result.exit_code == 0, result.output
    assert re.search(r" 第 \d+–\d+ 字符 ", result.stdout)
    assert not re.search(r"\[\d+:\d+\]", result.stdout)


class SlowStart(RandomEmbedder):
    """A model whose first query pays a start-up second, as a real engine's first call does."""

    started = False

    def queries(self, texts):
        if not self.started:
            time.sleep(1.0)
            self.started = True
        return super().queries(texts)


def test_ask_took_ms_leaves_out_the_start_up(fake_index_dir, monkeypatch):
    monkeypatch.setattr("qa.service.make_embedder", lambda *a, **k: SlowStart())
    result = run(["ask", QUESTION, "--json", "--index", str(fake_index_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["took_ms"] < 1000
