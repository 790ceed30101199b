"""Every error a user can cause is one line on stderr naming the thing and saying what to do, with
README's exit statuses (1 error); a traceback only with ``-v``. The real CLI runs in a subprocess
on real files, folders and a real socket."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from synoptic.cli import EXIT_ERROR


def synoptic(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "synoptic", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    assert proc.returncode == EXIT_ERROR, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    line = lines[0]
    assert line.startswith("synoptic: ")
    for word in words:
        assert word in line, line
    return line


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text("The bridge over the river reopened on Monday after repairs, the city said.\n" * 30)
    return path


def test_out_that_cannot_be_made_is_one_line(tmp_path: Path, note: Path) -> None:
    proc = synoptic("run", str(note), "--out", "/proc/synoptic-out", cwd=tmp_path)
    assert_one_line_error(proc, "/proc/synoptic-out", "--out")


@pytest.mark.parametrize("command", [["watch", "{tmp}", "--rounds", "1"], ["follow", "{note}", "--rounds", "1"],
                                     ["demo"]])
def test_out_of_other_commands_is_checked_first(tmp_path: Path, note: Path, command: list[str]) -> None:
    args = [a.format(tmp=tmp_path, note=note) for a in command]
    proc = synoptic(*args, "--out", str(note), cwd=tmp_path)
    assert_one_line_error(proc, str(note), "is a file", "give a folder")


def test_out_on_an_existing_file_is_one_line(tmp_path: Path, note: Path) -> None:
    proc = synoptic("run", str(note), "--out", str(note), cwd=tmp_path)
    assert_one_line_error(proc, str(note), "is a file", "give a folder")


def test_out_on_an_unwritable_folder_is_one_line(tmp_path: Path, note: Path) -> None:
    if os.geteuid() == 0:
        folder = Path("/proc/1")  # root writes anywhere on disk, but not into /proc
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
    try:
        proc = synoptic("run", str(note), "--out", str(folder), cwd=tmp_path)
    finally:
        if folder.parent == tmp_path:
            folder.chmod(0o755)
    assert_one_line_error(proc, str(folder), "cannot write", "--out")


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = synoptic("run", str(tmp_path / "no-such-file.txt"), "--out", str(out), cwd=tmp_path)
    assert_one_line_error(proc, "no-such-file.txt", "nothing readable")
    assert not out.exists()  # no empty index, not even an empty folder


def test_nothing_readable_to_ingest_leaves_no_empty_store(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    proc = synoptic("ingest", str(tmp_path / "no-such-file.txt"), "--db", str(db), cwd=tmp_path)
    assert_one_line_error(proc, "no-such-file.txt", "nothing readable")
    assert list(tmp_path.iterdir()) == []


def test_nothing_readable_among_several_names_each_then_fails(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = synoptic("run", str(empty), str(tmp_path / "gone.txt"), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == EXIT_ERROR
    lines = proc.stderr.splitlines()
    assert len(lines) == 3 and "Traceback" not in proc.stderr
    assert "empty.txt" in lines[0] and "gone.txt" in lines[1] and "nothing readable" in lines[2]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("command", [
    ["ingest", "{note}", "--db", "{db}"],
    ["stories", "--db", "{db}"],
    ["brief", "some-story", "--db", "{db}"],
    ["serve", "--db", "{db}", "--port", "1"],
    ["watch", "{tmp}", "--db", "{db}", "--rounds", "1"],
])
def test_a_store_that_is_not_a_store_is_one_line(tmp_path: Path, note: Path, command: list[str]) -> None:
    db = tmp_path / "not-a-store.db"
    db.write_text("these are my notes, not a database\n" * 20)
    args = [a.format(note=note, db=db, tmp=tmp_path) for a in command]
    proc = synoptic(*args, cwd=tmp_path)
    assert_one_line_error(proc, str(db), "not a synoptic store")
    assert db.read_text().startswith("these are my notes")  # left as it was


def test_serve_on_a_busy_port_fails_before_saying_serving(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    from synoptic.store import open_store

    open_store(str(db)).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = synoptic("serve", "--db", str(db), "--port", str(port), cwd=tmp_path, timeout=60)
    line = assert_one_line_error(proc, f"port {port}", "in use", "--port")
    assert "serving" not in line


def test_verbose_adds_the_traceback(tmp_path: Path, note: Path) -> None:
    proc = synoptic("-v", "run", str(note), "--out", str(note), cwd=tmp_path)
    assert proc.returncode == EXIT_ERROR
    assert "Traceback" in proc.stderr
    assert proc.stderr.splitlines()[-1].startswith("synoptic: ")


@pytest.mark.parametrize("command,words", [
    (["watch", "{tmp}/no-such-folder", "--db", "{tmp}/s.db", "--rounds", "1"], ["no-such-folder", "no such folder"]),
    (["follow", "{tmp}/no-such-feeds.txt", "--db", "{tmp}/s.db", "--rounds", "1"], ["no-such-feeds.txt"]),
])
def test_a_missing_folder_or_feed_list_is_one_line(tmp_path: Path, command: list[str], words: list[str]) -> None:
    proc = synoptic(*[a.format(tmp=tmp_path) for a in command], cwd=tmp_path)
    assert_one_line_error(proc, *words)
