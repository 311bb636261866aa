"""kiji batch at full speed: workers, order, resume, stopping early, pipes, Ctrl-C."""

import json
import os
import pty
import signal
import subprocess
import sys
import time

import pytest

from analyzer.result import SCHEMA_VERSION
from tests.conftest import ROOT, SAMPLES, validate


@pytest.fixture
def posts(tmp_path):
    folder = tmp_path / "posts"
    for i in range(3):
        for sample in SAMPLES:
            target = folder / f"set{i}" / sample.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(sample.read_bytes())
    (folder / "set1" / "broken.md").write_bytes(b"\x00\x01binary")
    return folder


def kiji_process(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "analyzer", *map(str, args)], cwd=ROOT, **kwargs)


def test_parallel_results_equal_serial_results_in_the_same_order(kiji, posts):
    serial = kiji("batch", posts, "--jobs", "1")
    parallel = kiji("batch", posts, "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == 1  # the broken file
    assert serial.stdout == parallel.stdout
    paths = [json.loads(line)["source"]["path"] for line in parallel.stdout.splitlines()]
    assert paths == sorted(paths) and len(paths) == 3 * len(SAMPLES) + 1


def test_unordered_emits_the_same_records(kiji, posts):
    ordered = kiji("batch", posts, "--jobs", "2").stdout.splitlines()
    unordered = kiji("batch", posts, "--jobs", "2", "--unordered").stdout.splitlines()
    assert sorted(ordered) == sorted(unordered)


def test_resume_skips_up_to_date_results_and_redoes_changed_ones(kiji, posts, tmp_path):
    out = tmp_path / "out"
    first = kiji("batch", posts, "-o", out, "--jobs", "2")
    assert first.exit_code == 1
    written = next(out.rglob("*.json"))
    assert written.stat().st_mode & 0o777 == 0o644  # readable by all, as files usually are
    assert not list(out.rglob(".*"))  # no temporary file left behind
    changed = posts / "set0" / SAMPLES[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n追記した段落。\n", encoding="utf-8")
    stale = out / "set2" / f"{SAMPLES[1].name}.json"
    record = json.loads(stale.read_text(encoding="utf-8"))
    record["versions"]["kiji"] = "0.0.0-old"
    stale.write_text(json.dumps(record), encoding="utf-8")
    older_rules = out / "set1" / f"{SAMPLES[1].name}.json"  # same release, other code
    rules = json.loads(older_rules.read_text(encoding="utf-8"))
    assert len(rules["versions"]["kiji_code"]) == 12
    rules["versions"]["kiji_code"] = "000000000000"
    older_rules.write_text(json.dumps(rules), encoding="utf-8")
    second = kiji("batch", posts, "-o", out, "--resume", "--jobs", "2")
    total = 3 * len(SAMPLES)
    assert f"{3:,} ok, 1 failed, {total - 3:,} skipped" in second.stderr
    redone = json.loads((out / "set0" / f"{SAMPLES[0].name}.json").read_text(encoding="utf-8"))
    validate(redone)
    assert redone["source"]["sha256"] != record["source"]["sha256"]


def test_resume_needs_an_output_folder(kiji, posts):
    result = kiji("batch", posts, "--resume")
    assert result.exit_code == 2
    assert "--resume needs -o" in result.stderr


def test_fail_fast_stops_at_the_first_failure(kiji, tmp_path):
    (tmp_path / "a.md").write_bytes(b"\x00binary")
    for name in ("b.md", "c.md", "d.md"):
        (tmp_path / name).write_text("NVIDIAの記事。", encoding="utf-8")
    result = kiji("batch", tmp_path, "--fail-fast", "--jobs", "1")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "0 ok, 1 failed" in result.stderr


def test_a_closed_pipe_ends_quietly(posts):
    process = kiji_process(
        "batch", posts, "--jobs", "2", stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    first = process.stdout.readline()
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert json.loads(first)["schema_version"] == SCHEMA_VERSION
    assert b"Traceback" not in stderr
    assert process.returncode == 0


def test_ctrl_c_keeps_finished_outputs_and_exits_130(posts, tmp_path):
    # Enough work that the run is still going when interrupted, even on a loaded machine
    # where this test wakes up late (with 9 sets, a run under `make test` once finished first).
    for i in range(3, 40):
        for sample in SAMPLES:
            target = posts / f"set{i}" / sample.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(sample.read_bytes())
    out = tmp_path / "out"
    process = kiji_process(
        "batch", posts, "-o", out, "--jobs", "2", stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not list(out.rglob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"interrupted:" in stderr and b"not done" in stderr
    assert b"Traceback" not in stderr
    written = list(out.rglob("*.json"))
    assert written
    for path in written:  # every file there is whole
        json.loads(path.read_text(encoding="utf-8"))
    assert not [p for p in out.rglob(".*") if p.is_file()]


def test_progress_shows_on_a_terminal(posts):
    controller, terminal = pty.openpty()
    process = kiji_process(
        "batch", posts, "--jobs", "2", stdout=subprocess.DEVNULL, stderr=terminal
    )
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=60)
    os.close(controller)
    assert b"analysing" in seen
    assert b"ok, 1 failed" in seen


def test_each_article_hands_back_the_dictionary_pages_it_read(posts, monkeypatch):
    from analyzer import batch, tokenizer

    released = []
    monkeypatch.setattr(tokenizer, "release_dictionary", lambda: released.append(1))
    jobs, _ = batch.discover([str(posts)])
    outcomes = list(batch.run(jobs, batch.Settings(), workers=1))
    assert any(o.failed for o in outcomes)  # failed articles release theirs too
    assert len(released) == len(jobs)


def test_a_worker_that_dies_fails_only_its_article(posts, monkeypatch):
    from analyzer import batch

    analyze = batch.analyze_job

    def dies_on_one(job, settings):
        if job.path.endswith(os.path.join("set1", SAMPLES[0].name)):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel kills a worker out of memory
        return analyze(job, settings)

    monkeypatch.setattr(batch, "analyze_job", dies_on_one)  # the forked workers inherit it
    jobs, _ = batch.discover([str(posts)])
    outcomes = list(batch.run(jobs, batch.Settings(), workers=2))
    assert [o.job for o in outcomes] == jobs  # every article, in order
    died = [o for o in outcomes if o.failed and o.error[0] == "internal"]
    assert [o.job.path for o in died] == [os.path.join(str(posts), "set1", SAMPLES[0].name)]
    assert "killed by SIGKILL" in died[0].record["error"]["message"]
    assert sum(not o.failed for o in outcomes) == len(jobs) - 2  # and the binary file


def test_an_article_past_the_timeout_fails_alone_and_the_run_goes_on(posts, monkeypatch):
    from analyzer import batch

    analyze = batch.analyze_job
    stuck = os.path.join(str(posts), "set2", SAMPLES[0].name)

    def hangs_on_one(job, settings):
        if job.path == stuck:
            time.sleep(3600)  # as a pathological input would keep a worker busy
        return analyze(job, settings)

    monkeypatch.setattr(batch, "analyze_job", hangs_on_one)  # the forked workers inherit it
    jobs, _ = batch.discover([str(posts)])
    started = time.monotonic()
    outcomes = list(batch.run(jobs, batch.Settings(), workers=1, timeout=3))
    assert time.monotonic() - started < 120
    assert [o.job for o in outcomes] == jobs  # every article, in order, one worker after it
    late = [o for o in outcomes if o.failed and o.error[0] == "timeout"]
    assert [o.job.path for o in late] == [stuck]
    assert "took longer than 3 s (--timeout)" in late[0].record["error"]["message"]
    validate(late[0].record)
    assert sum(not o.failed for o in outcomes) == len(jobs) - 2  # and the binary file


def test_timeout_on_the_command_line_fails_the_slow_article_with_a_clear_line(kiji, tmp_path):
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "a.md").write_bytes(SAMPLES[0].read_bytes())
    (folder / "huge.md").write_text("あ" * 2_000_000, encoding="utf-8")  # ~20 s to analyse
    result = kiji("batch", folder, "--timeout", "2", "--jobs", "1")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"].endswith("a.md") for r in records] == [True, False]
    assert "error" not in records[0] and records[1]["error"]["kind"] == "timeout"
    assert f"Error: {folder / 'huge.md'}: not analysed: it took longer than 2 s" in result.stderr


def test_discovery_matches_file_names_in_any_case(tmp_path):
    from analyzer import batch

    for name in ("a.md", "B.MD", "c.Markdown", "d.TXT", "e.json", ".hidden.md"):
        (tmp_path / name).write_text("トヨタ。", encoding="utf-8")
    jobs, problems = batch.discover([str(tmp_path)])
    assert [job.relative for job in jobs] == ["B.MD", "a.md", "c.Markdown", "d.TXT"]
    assert problems == []
    jobs, _ = batch.discover([str(tmp_path)], ["*.JSON"])
    assert [job.relative for job in jobs] == ["e.json"]
