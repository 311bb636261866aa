"""Batch runner: find articles under folders, analyse each, stream results in order.

One article's failure is an error record, never the end of the run. The unit of
work (``analyze_job``) is a plain top-level function of picklable arguments, so
the same loop can run it in worker processes.
"""

from __future__ import annotations

import fnmatch
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.errors import KijiError, NotFoundError, OutputError
from analyzer.reader import ReadOptions
from analyzer.result import ErrorRecord

DEFAULT_GLOBS = ("*.md", "*.markdown", "*.txt")


@dataclass(frozen=True, slots=True)
class Job:
    path: str  # as shown to the user and recorded in source.path
    relative: str  # path below the folder given, used for output file names


@dataclass(frozen=True, slots=True)
class Settings:
    top: int = 10
    read: ReadOptions = field(default_factory=ReadOptions)


@dataclass(frozen=True, slots=True)
class Outcome:
    job: Job
    record: dict[str, Any]  # an analysis result or an error record, as JSON-ready data
    folder: bool = False  # a folder that could not be read, not an article

    @property
    def failed(self) -> bool:
        return "error" in self.record


def discover(
    roots: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS
) -> tuple[list[Job], list[Outcome]]:
    """Articles below ``roots`` in a stable order, and error records for folders that
    could not be read (the walk goes on past them; symlinked folders are not followed,
    so a link loop cannot trap it)."""
    jobs: list[Job] = []
    problems: list[Outcome] = []
    for root in roots:
        if os.path.isfile(root):
            jobs.append(Job(root, os.path.basename(root)))
            continue
        if not os.path.isdir(root):
            raise NotFoundError("no such file or folder", root)
        found: list[Job] = []

        def note(error: OSError, root: str = root) -> None:
            path = str(error.filename or root)
            record = ErrorRecord(path, "unreadable", f"cannot read folder: {error.strerror}")
            job = Job(path, os.path.relpath(path, root))
            problems.append(Outcome(job, record.to_dict(), folder=True))

        for folder, dirs, files in os.walk(root, onerror=note):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith(".") or not any(fnmatch.fnmatch(name, g) for g in globs):
                    continue
                path = os.path.join(folder, name)
                found.append(Job(path, os.path.relpath(path, root)))
        found.sort(key=lambda job: job.relative)
        jobs.extend(found)
    return jobs, problems


def analyze_job(job: Job, settings: Settings) -> Outcome:
    """Analyse one article; any failure becomes an error record."""
    from analyzer.pipeline import analyze_path

    try:
        analysis = analyze_path(job.path, top=settings.top, options=settings.read)
        return Outcome(job, analysis.to_dict())
    except KijiError as exc:
        return Outcome(job, ErrorRecord(job.path, exc.kind, exc.message).to_dict())
    except Exception as exc:  # a bug in kiji: report it for this file, keep going
        message = f"internal error: {type(exc).__name__}: {exc}"
        return Outcome(job, ErrorRecord(job.path, "internal", message).to_dict())


def run(
    jobs: Iterable[Job],
    settings: Settings,
    analyze: Callable[[Job, Settings], Outcome] = analyze_job,
) -> Iterator[Outcome]:
    """Outcomes in input order."""
    for job in jobs:
        yield analyze(job, settings)


def to_json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class OutputFolder:
    """Writes ``OUT/<relative path>.json`` (or ``.error.json``), each atomically."""

    def __init__(self, root: str) -> None:
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".kiji-check-"):
                pass
        except OSError as exc:
            raise OutputError(f"cannot write there: {exc.strerror or exc}", root) from None

    def write(self, outcome: Outcome) -> Path:
        base = self.root / outcome.job.relative
        target = base.with_name(base.name + (".error.json" if outcome.failed else ".json"))
        stale = base.with_name(base.name + (".json" if outcome.failed else ".error.json"))
        text = json.dumps(outcome.record, ensure_ascii=False, indent=2) + "\n"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(text)
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
            stale.unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        return target
