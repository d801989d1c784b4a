"""The docmine command line: a thin layer over the library (each command parses options,
calls one library function, and turns its errors into a one-line message)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from docmine import guard
from docmine.guard import GuardError, Limits
from docmine.model import ParseError
from docmine.normalize import one_line, source_of
from docmine.parsers import inspect, parse

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Mine Vietnamese administrative-reform documents for scores, ranks, shortcomings and tasks.")  # fmt: skip


TIMEOUT = typer.Option(None, "--timeout", help="Seconds one file may take (default 300, DOCMINE_TIMEOUT).")
MAX_MEMORY = typer.Option(None, "--max-memory", help="MiB one file's work may use (default 3072, DOCMINE_MAX_MEMORY).")  # fmt: skip


def _limits(timeout: float | None, max_memory: int | None) -> Limits:
    base = Limits()
    return Limits(base.seconds if timeout is None else timeout,
                  base.memory if max_memory is None else max_memory * 1024**2)  # fmt: skip


def _parse(path: Path, limits: Limits):
    """Parse under the per-file guard; any failure is one line on stderr and exit code 1."""
    try:
        inspect(path)  # refused at once when too large, before any worker is started
        return guard.call(parse, path, limits)
    except (ParseError, GuardError) as e:
        typer.echo(f"{source_of(path)}: error: {one_line(str(e))}", err=True)
        raise typer.Exit(1) from None


@app.command()
def text(path: Path, timeout: float | None = TIMEOUT, max_memory: int | None = MAX_MEMORY) -> None:
    """Print the normalized text of a document (the offset space of all evidence)."""
    doc = _parse(path, _limits(timeout, max_memory))
    sys.stdout.write(doc.text + "\n")


@app.command()
def blocks(
    path: Path,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per block."),
    timeout: float | None = TIMEOUT,
    max_memory: int | None = MAX_MEMORY,
) -> None:
    """Print the blocks of a document: kind, page, offsets and text."""
    doc = _parse(path, _limits(timeout, max_memory))
    for b in doc.blocks:
        if as_json:
            sys.stdout.write(
                json.dumps({**b.to_dict(), "text": doc.block_text(b)}, ensure_ascii=False) + "\n"
            )
        else:
            sys.stdout.write(f"{b.kind:10} p{b.page or '-'} {b.start}-{b.end} {doc.block_text(b)[:100]!r}\n")


@app.command()
def extract(
    paths: list[Path],
    as_json: bool = typer.Option(False, "--json", help="Print one schema-v1 JSON line per input on stdout."),
    out: Path | None = typer.Option(
        None, "-o", "--out", help="Write one table per fact kind into this folder."
    ),
    fmt: str = typer.Option("parquet", "--format", help="parquet, csv or xlsx (with --out)."),
    timeout: float | None = TIMEOUT,
    max_memory: int | None = MAX_MEMORY,
) -> None:
    """Extract documents, citations, scores, criteria, metrics, targets, shortcomings and assignments
    (each file under the time, memory and size limits; a file past one gets its error line)."""
    from docmine.pipeline import process_all, to_frames, write_tables

    results, read = [], False
    for r in process_all(paths, _limits(timeout, max_memory)):
        read |= r.document is not None
        for e in r.errors:
            typer.echo(f"{r.source}: {one_line(e)}", err=True)
        if as_json:
            sys.stdout.write(json.dumps(r.to_record(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        if out is not None:
            results.append(r)
    if out is not None:
        write_tables(to_frames(results), out, fmt)
        typer.echo(f"wrote {fmt} tables to {out}", err=True)
    if not read:
        raise typer.Exit(1)


@app.command()
def mine(
    paths: list[Path],
    out: Path = typer.Option(..., "--out", help="Dataset folder: Parquet tables and docmine.duckdb."),
    workers: int | None = typer.Option(None, "--workers", help="Worker processes (default: all cores)."),
    resume: bool = typer.Option(
        False, "--resume", help="Keep the folder's dataset and mine only what it lacks."
    ),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Address of a dask scheduler."),
    timeout: float = typer.Option(300, "--timeout", help="Seconds one file may take."),
    max_memory: int = typer.Option(3072, "--max-memory", help="MiB one file's work may use."),
    quiet: bool = typer.Option(False, "--quiet", help="No progress bar."),
) -> None:
    """Mine folders of PDF, DOCX, DOC, HTML and TXT into a dataset (resumable; one bad file never stops it)."""
    from docmine.dataset import DatasetBusy
    from docmine.mine import mine as run

    try:
        limits = Limits(timeout, max_memory * 1024**2)
        s = run(paths, out, workers, resume, engine, scheduler, limits, not quiet)
    except ValueError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    except DatasetBusy as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{s.files} files: {s.mined} mined ({s.errors} with errors), {s.duplicates} duplicates, "
               f"{s.skipped} already in {out}; {s.seconds:.1f} s", err=True)  # fmt: skip


@app.command()
def export(
    dataset: Path,
    xlsx: Path | None = typer.Option(None, "--xlsx", help="One workbook, a sheet per table and view."),
    csv: Path | None = typer.Option(None, "--csv", help="A folder of CSV files, one per table and view."),
) -> None:
    """Export a mined dataset folder to Excel and/or CSV."""
    from docmine.dataset import export as run

    if xlsx is None and csv is None:
        typer.echo("error: give --xlsx FILE and/or --csv DIR", err=True)
        raise typer.Exit(2)
    names = run(dataset, xlsx, csv)
    typer.echo(f"exported {len(names)} tables and views", err=True)


@app.command()
def check(
    path: Path,
    history: Path | None = typer.Option(None, "--history", help="A dataset folder from docmine mine."),
    as_json: bool = typer.Option(False, "--json", help="Facts and findings as one JSON object."),
    html_out: Path | None = typer.Option(None, "--html", help="Write a self-contained HTML report here."),
    timeout: float | None = TIMEOUT,
    max_memory: int | None = MAX_MEMORY,
) -> None:
    """Check one letter: its facts, then findings (form, arithmetic, tasks, history). Exit 1 on any error finding."""
    from docmine.checks import check as run
    from docmine.pipeline import process_all
    from docmine.report import html_report, text_report

    report = run(next(process_all([path], _limits(timeout, max_memory))), history)
    if as_json:
        sys.stdout.write(json.dumps(report.to_record(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(text_report(report) + "\n")
    if html_out is not None:
        html_out.write_text(html_report(report), encoding="utf-8")
        typer.echo(f"wrote {html_out}", err=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Path = typer.Option(..., "--gold", help="Folder of gold JSON files, one per document stem."),
    docs: Path = typer.Option(..., "--docs", help="Folder of documents whose stems match the gold files."),
    misses: bool = typer.Option(False, "--misses", help="List every field that did not match."),
    minimum: float | None = typer.Option(None, "--min", help="Exit 1 when overall field F1 is below this."),
) -> None:
    """Field-level precision, recall and F1 per table of this extractor against gold annotations."""
    from docmine.evaluate import evaluate
    from docmine.pipeline import process

    stems = {p.stem for p in gold.glob("*.json")}
    files = sorted(p for p in docs.iterdir() if p.is_file() and p.stem in stems)
    report = evaluate(gold, [process(p).to_record() for p in files])
    typer.echo(f"{'table':14} {'gold':>5} {'pred':>5} {'field P':>8} {'field R':>8} {'field F1':>8}")
    for r in report.rows():
        typer.echo(
            f"{r['table']:14} {r['gold']:5d} {r['pred']:5d} {r['field_p']:8.3f} {r['field_r']:8.3f} {r['field_f1']:8.3f}"
        )
    if misses:
        for c in report.tables.values():
            for m in c.misses:
                typer.echo("  " + m)
    p, r, f = report.overall
    typer.echo(f"evidence found in source: {report.evidence_ok}/{report.evidence_total}")
    typer.echo(f"overall field P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if minimum is not None and f < minimum:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
