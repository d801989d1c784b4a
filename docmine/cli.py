"""The docmine command line: a thin layer over the library (each command parses options,
calls one library function, and turns its errors into a one-line message)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from docmine.model import ParseError
from docmine.parsers import parse

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Mine Vietnamese administrative-reform documents for scores, ranks, shortcomings and tasks.")  # fmt: skip


def _fail(path: Path, err: Exception) -> None:
    typer.echo(f"{path}: error: {err}", err=True)
    raise typer.Exit(1)


@app.command()
def text(path: Path) -> None:
    """Print the normalized text of a document (the offset space of all evidence)."""
    try:
        doc = parse(path)
    except ParseError as e:
        _fail(path, e)
    sys.stdout.write(doc.text + "\n")


@app.command()
def blocks(
    path: Path, as_json: bool = typer.Option(False, "--json", help="One JSON object per block.")
) -> None:
    """Print the blocks of a document: kind, page, offsets and text."""
    try:
        doc = parse(path)
    except ParseError as e:
        _fail(path, e)
    for b in doc.blocks:
        if as_json:
            sys.stdout.write(
                json.dumps({**b.to_dict(), "text": doc.block_text(b)}, ensure_ascii=False) + "\n"
            )
        else:
            sys.stdout.write(f"{b.kind:10} p{b.page or '-'} {b.start}-{b.end} {doc.block_text(b)[:100]!r}\n")


if __name__ == "__main__":
    app()
