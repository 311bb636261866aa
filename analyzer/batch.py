"""Batch runner: find articles under folders, analyse them in worker processes, stream
the results in input order (or as they finish), and never lose the run to one article.

Workers load the tagger and lexicons once, take one article at a time and send back
finished JSON text, so the parent only writes, and knows which article a worker that
died, or that was killed for taking too long (``timeout``), was on. The parent holds
no more than the results waiting for an earlier article to finish (at most
``_MAX_WAITING``), so memory stays flat however large the folder.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import multiprocessing
import multiprocessing.connection
import os
import signal
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.errors import KijiError, NotFoundError, OutputError
from analyzer.reader import ReadOptions
from analyzer.resources import sha256, write_atomically
from analyzer.result import ErrorRecord

if TYPE_CHECKING:
    from analyzer.entities import NameList

DEFAULT_GLOBS = ("*.md", "*.markdown", "*.txt")


@dataclass(frozen=True, slots=True)
class Job:
    path: str  # as shown to the user and recorded in source.path
    relative: str  # path below the folder given, used for output file names


@dataclass(frozen=True, slots=True)
class Settings:
    top: int = 10
    read: ReadOptions = field(default_factory=ReadOptions)
    pretty: bool = False  # indented JSON (output files) or one line (JSON Lines)
    resume_from: str | None = None  # output folder whose up-to-date results are kept
    names_file: str | None = None  # the user's entities file (--entities-file)


@dataclass(frozen=True, slots=True)
class Outcome:
    job: Job
    text: str  # the JSON record (an analysis or an error record); empty when skipped
    error: tuple[str, str] | None = None  # (kind, message) when the article failed
    chars: int = 0  # characters analysed
    skipped: bool = False  # --resume found an up-to-date result
    folder: bool = False  # a folder that could not be read, not an article

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def record(self) -> dict:
        return json.loads(self.text)


@dataclass(slots=True)
class Summary:
    total: int
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    chars: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def done(self) -> int:
        return self.ok + self.failed + self.skipped

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def count(self, outcome: Outcome) -> None:
        if outcome.skipped:
            self.skipped += 1
        elif outcome.failed:
            self.failed += 1
        else:
            self.ok += 1
            self.chars += outcome.chars

    def line(self, interrupted: bool = False) -> str:
        seconds = self.seconds
        rate = self.chars / seconds if seconds > 0 else 0.0
        text = (
            f"{self.ok:,} ok, {self.failed:,} failed, {self.skipped:,} skipped"
            f" · {self.chars:,} characters in {seconds:.1f} s ({rate:,.0f} characters/s)"
        )
        if interrupted:
            text = f"interrupted: {text}; {self.total - self.done:,} not done"
        return f"kiji: {text}"


def discover(
    roots: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS
) -> tuple[list[Job], list[Outcome]]:
    """Articles below ``roots`` in a stable order, and error records for folders that
    could not be read (the walk goes on past them; symlinked folders are not followed,
    so a link loop cannot trap it)."""
    jobs: list[Job] = []
    problems: list[Outcome] = []
    patterns = [g.lower() for g in globs]  # in any case: POST.MD, from Windows, too
    for root in roots:
        if os.path.isfile(root):
            jobs.append(Job(root, os.path.basename(root)))
            continue
        if os.path.exists(root) and not os.path.isdir(root):  # a named pipe, a device
            raise NotFoundError("not a regular file or folder (a named pipe or device)", root)
        if not os.path.isdir(root):
            raise NotFoundError("no such file or folder", root)
        found: list[Job] = []

        def note(error: OSError, root: str = root) -> None:
            path = str(error.filename or root)
            message = f"cannot read folder: {error.strerror}"
            problems.append(
                Outcome(
                    Job(path, os.path.relpath(path, root)),
                    _to_json(ErrorRecord(path, "unreadable", message).to_dict()),
                    error=("unreadable", message),
                    folder=True,
                )
            )

        for folder, dirs, files in os.walk(root, onerror=note):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith(".") or not any(
                    fnmatch.fnmatchcase(name.lower(), g) for g in patterns
                ):
                    continue
                path = os.path.join(folder, name)
                if os.path.isfile(path) or os.path.islink(path):
                    # Regular files, and links (a broken one is reported, not skipped);
                    # named pipes and devices are not articles and could block the run.
                    found.append(Job(path, os.path.relpath(path, root)))
        found.sort(key=lambda job: job.relative)
        jobs.extend(found)
    return jobs, problems


def analyze_job(job: Job, settings: Settings) -> Outcome:
    """Analyse one article; any failure becomes an error record."""
    from analyzer.entities import read_names
    from analyzer.pipeline import analyze_path
    from analyzer.tokenizer import release_dictionary

    try:
        names = read_names(settings.names_file) if settings.names_file else None
        if settings.resume_from and _up_to_date(job, settings.resume_from, names):
            return Outcome(job, "", skipped=True)
        analysis = analyze_path(job.path, top=settings.top, options=settings.read, names=names)
        text = _to_json(analysis.to_dict(), settings.pretty)
        text.encode("utf-8")  # text that cannot be written fails here, for this file only
        return Outcome(job, text, chars=analysis.stats.chars)
    except KijiError as exc:
        kind, message = exc.kind, exc.message
    except Exception as exc:  # a bug in kiji: report it for this file, keep going
        kind, message = "internal", f"internal error: {type(exc).__name__}: {exc}"
    finally:
        # a worker's memory stays what one article needs, however many it reads
        release_dictionary()
    record = ErrorRecord(job.path, kind, message).to_dict()
    return Outcome(job, _to_json(record, settings.pretty), error=(kind, message))


def run(
    jobs: Sequence[Job],
    settings: Settings,
    workers: int = 1,
    ordered: bool = True,
    timeout: float | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``jobs``: in input order, or as they finish with ``ordered=False``.

    Closing the iterator early (an error, Ctrl-C, a closed pipe) stops the workers. A
    worker that dies (killed for memory, a crash in native code) fails the article it
    was on, and a new one takes its place; so does one still on an article after
    ``timeout`` seconds, which is killed (articles then always run in workers, even one).
    """
    if not jobs:
        return
    if timeout is None and (workers <= 1 or len(jobs) <= 1):
        from analyzer.tokenizer import tagger

        tagger()
        for job in jobs:
            yield analyze_job(job, settings)
        return
    context = multiprocessing.get_context("fork")
    pool: list[_Worker] = []
    try:
        todo = iter(enumerate(jobs))
        left = len(jobs)  # not yet given to a worker
        waiting: dict[int, Outcome] = {}  # finished out of order, held for their turn
        turn = 0  # index of the next outcome to yield, in input order
        pool = [_Worker(context, settings) for _ in range(max(1, min(workers, len(jobs))))]
        while True:
            for i, worker in enumerate(pool):
                # Idle workers wait while many results wait for a slow article's turn, so
                # memory stays flat; a worker that died is replaced while work is left.
                if worker.job is None and left and len(waiting) < _MAX_WAITING:
                    if not worker.process.is_alive():
                        worker.stop()
                        pool[i] = worker = _Worker(context, settings)
                    worker.give(next(todo))
                    left -= 1
            busy = [worker for worker in pool if worker.job is not None]
            if not busy:
                return
            wait = None
            if timeout is not None:
                wait = max(0.0, min(w.since for w in busy) + timeout - time.monotonic())
            ready = set(
                multiprocessing.connection.wait(
                    [w.connection for w in busy] + [w.process.sentinel for w in busy], wait
                )
            )
            for worker in busy:
                if worker.connection in ready or worker.process.sentinel in ready:
                    taken = worker.take()
                    if taken is None:  # it is ready: its article's time starts now
                        continue
                    index, outcome = taken
                elif timeout is not None and time.monotonic() - worker.since >= timeout:
                    index, outcome = worker.give_up(timeout)
                else:
                    continue
                if not ordered:
                    yield outcome
                    continue
                waiting[index] = outcome
                while turn in waiting:
                    yield waiting.pop(turn)
                    turn += 1
    finally:
        for worker in pool:
            worker.stop()


# Results held for an earlier article's turn before idle workers wait for it.
_MAX_WAITING = 256


class _Worker:
    """One worker process, given one article at a time, so that if it dies the parent
    knows which article it was on."""

    def __init__(self, context: Any, settings: Settings) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, settings), daemon=True)
        self.process.start()
        theirs.close()
        self.pretty = settings.pretty
        self.job: tuple[int, Job] | None = None
        self.since = 0.0  # when it started on its article (time.monotonic())

    def give(self, item: tuple[int, Job]) -> None:
        self.job = item
        self.since = time.monotonic()
        with contextlib.suppress(OSError):  # it died before reading it: take() says so
            self.connection.send(item)

    def take(self) -> tuple[int, Outcome] | None:
        """The outcome of the article given, or an error record if the worker died; None
        when the worker said it has loaded everything (the article's clock starts then)."""
        assert self.job is not None
        with contextlib.suppress(EOFError, OSError):
            if self.connection.poll():
                message = self.connection.recv()
                if message is None:
                    self.since = time.monotonic()
                    return None
                self.job = None
                return message
        index, job = self.job
        self.job = None
        self.process.join(5)
        code = self.process.exitcode
        if code is not None and code < 0:
            try:
                how = f"was killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was killed by signal {-code}"
            if -code == signal.SIGKILL:
                how += " (out of memory?)"
        else:
            how = f"exited with status {code}"
        return self._failed(
            index, job, "internal", f"internal error: the worker analysing it {how}"
        )

    def give_up(self, timeout: float) -> tuple[int, Outcome]:
        """An error record for the article given, whose worker is killed: it took longer
        than ``timeout`` seconds. A new worker takes its place."""
        assert self.job is not None
        index, job = self.job
        self.job = None
        self.process.kill()
        self.process.join()
        message = f"not analysed: it took longer than {timeout:g} s (--timeout)"
        return self._failed(index, job, "timeout", message)

    def _failed(self, index: int, job: Job, kind: str, message: str) -> tuple[int, Outcome]:
        record = ErrorRecord(job.path, kind, message).to_dict()
        return index, Outcome(job, _to_json(record, self.pretty), error=(kind, message))

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.connection.close()


def _serve(connection: Any, settings: Settings) -> None:
    """A worker's life: load everything once, then analyse what the parent sends."""
    _start_worker(settings)
    connection.send(None)  # loaded: the article's time (--timeout) starts now
    while True:
        try:
            index, job = connection.recv()
        except EOFError:  # the parent has gone
            return
        connection.send((index, analyze_job(job, settings)))


def _start_worker(settings: Settings) -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from analyzer.pipeline import warm_up
    from analyzer.tokenizer import release_dictionary

    warm_up()
    release_dictionary()


def _to_json(record: dict, pretty: bool = False) -> str:
    if pretty:
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _up_to_date(job: Job, out: str, names: NameList | None = None) -> bool:
    """An earlier result exists for the same bytes and the same kiji, lexicon and model
    versions (and the same entities file, if any)."""
    from analyzer.versions import versions

    expected = versions()
    if names is not None:
        expected = {**expected, "entities_file": names.version}
    target = Path(out) / f"{job.relative}.json"
    try:
        previous = json.loads(target.read_text(encoding="utf-8"))
        with open(job.path, "rb") as handle:
            digest = sha256(handle.read()).hexdigest()
    except (OSError, ValueError):
        return False
    return (
        isinstance(previous, dict)
        and previous.get("versions") == expected
        and previous.get("source", {}).get("sha256") == digest
    )


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
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, outcome.text.encode("utf-8"))
            stale.unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
        return target
