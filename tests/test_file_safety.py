"""Files argmap writes: what --force may replace, and OS errors as messages, not crashes.

Attacks the way a careless or hostile setup would: a FIFO, a device, a
socket or a folder where the output should go; an output spelled as (or
hard-linked to) a seed or topics file the run just read; a full or
read-only disk, a name too long, a path under a regular file, a folder that
cannot be read; and signals in the middle of a write or a layout.  Every
refusal must name the path and the reason, exit 1 or 2, print no traceback,
leave no temporary file and leave what was there intact.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from argmap.atomic import Protected, check_target, write_bytes, write_text
from argmap.cli import main
from argmap.errors import OutputExistsError, UnsafeOutputError, WriteError

from .conftest import MAPS, SEEDS

SEED = "2018-pm-may-internal-market.txt"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A copy of the bundled maps and seeds, with the working directory at its top."""
    shutil.copytree(MAPS, tmp_path / "maps")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def export(*args: str) -> int:
    return main(["export", "maps/may-2018.yaml", "-f", "argdown", *args])


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.tmp")]


def assert_refused(capsys, code: int, path: str, reason: str) -> str:
    """Exit 1 or 2, one message naming *path* and *reason*, no traceback, no temporary file."""
    err = capsys.readouterr().err
    assert code in (1, 2), err
    assert path in err and reason in err, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert temp_files(Path.cwd()) == []
    return err


# -- what --force may replace ---------------------------------------------------------------------


def test_force_never_replaces_a_fifo(workspace, capsys):
    os.mkfifo("out.argdown")
    assert_refused(capsys, export("-o", "out.argdown", "--force"), "out.argdown", "FIFO")
    assert stat.S_ISFIFO(os.lstat("out.argdown").st_mode)


@pytest.mark.skipif(not IS_ROOT, reason="making a device node needs root")
def test_force_never_replaces_a_device(workspace, capsys):
    os.mknod("null.argdown", stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    assert_refused(capsys, export("-o", "null.argdown", "--force"), "null.argdown", "device")
    assert stat.S_ISCHR(os.lstat("null.argdown").st_mode)


def test_force_never_replaces_a_socket(workspace, capsys):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("sock.argdown")
        assert_refused(capsys, export("-o", "sock.argdown", "--force"), "sock.argdown", "socket")
        assert stat.S_ISSOCK(os.lstat("sock.argdown").st_mode)
    finally:
        server.close()


def test_force_never_replaces_a_folder(workspace, capsys):
    (workspace / "out" / "may-2018.argdown").mkdir(parents=True)
    (workspace / "out" / "may-2018.argdown" / "keep").write_text("mine")
    assert_refused(capsys, export("-o", "out", "--force"), "out/may-2018.argdown", "folder")
    assert (workspace / "out" / "may-2018.argdown" / "keep").read_text() == "mine"


@pytest.mark.parametrize("spelling", [f"seeds/{SEED}", f"seeds/../seeds/{SEED}", f"./seeds//{SEED}",
                                      "hardlink.argdown"])
def test_force_never_replaces_a_seed_the_export_read(workspace, capsys, spelling):
    seed = workspace / "seeds" / SEED
    before = seed.read_bytes()
    os.link(seed, "hardlink.argdown")
    assert_refused(capsys, export("-o", spelling, "--force"), str(Path(spelling)), "argmap read it")
    assert seed.read_bytes() == before


def test_force_replaces_a_link_to_a_seed_not_the_seed(workspace):
    seed = workspace / "seeds" / SEED
    before = seed.read_bytes()
    os.symlink(f"seeds/{SEED}", "alias.argdown")
    assert export("-o", "alias.argdown", "--force", "-q") == 0
    assert not os.path.islink("alias.argdown") and Path("alias.argdown").read_text().startswith("===")
    assert seed.read_bytes() == before


def test_force_never_replaces_a_seed_read_through_a_link(workspace, capsys):
    seed = workspace / "seeds" / SEED
    before = seed.read_bytes()
    seed.rename(workspace / "real-seed.txt")
    os.symlink(workspace / "real-seed.txt", seed)  # the map's seed is this link
    for target in (str(seed), "real-seed.txt"):
        assert_refused(capsys, export("-o", target, "--force"), target, "argmap read it")
    assert os.path.islink(seed) and seed.read_bytes() == before


def test_force_never_replaces_the_topics_file_or_a_map(workspace, capsys):
    topics = (workspace / "maps" / "topics.yaml").read_bytes()
    os.link("maps/topics.yaml", "topics-link.argdown")
    os.link("maps/ft-hewitt-2023.yaml", "map-link.argdown")
    for target in ("topics-link.argdown", "map-link.argdown"):
        assert_refused(capsys, export("-o", target, "--force"), target, "argmap read it")
    assert (workspace / "maps" / "topics.yaml").read_bytes() == topics
    assert Path("map-link.argdown").read_bytes() == (workspace / "maps" / "ft-hewitt-2023.yaml").read_bytes()


def test_force_replaces_a_regular_file_and_a_link_itself(workspace):
    Path("old.argdown").write_text("old")
    Path("elsewhere.txt").write_text("the link's target")
    os.symlink("elsewhere.txt", "link.argdown")
    assert export("-o", "old.argdown", "--force", "-q") == 0
    assert export("-o", "link.argdown", "--force", "-q") == 0
    assert Path("old.argdown").read_text().startswith("===")
    assert not os.path.islink("link.argdown") and Path("link.argdown").read_text().startswith("===")
    assert Path("elsewhere.txt").read_text() == "the link's target"


def test_without_force_nothing_that_exists_is_replaced(workspace, capsys):
    os.symlink("nowhere", "dangling.argdown")
    os.mkfifo("fifo.argdown")
    for target in ("dangling.argdown", "fifo.argdown"):
        assert_refused(capsys, export("-o", target), target, "exists")
    assert os.readlink("dangling.argdown") == "nowhere" and not os.path.exists("nowhere")


def test_import_force_never_replaces_the_topics_file(workspace, capsys):
    aif = workspace / "may.json"
    assert main(["export", "maps/may-2018.yaml", "-f", "aif", "-o", str(aif), "-q"]) == 0
    topics = (workspace / "maps" / "topics.yaml").read_bytes()
    code = main(["import", "aif", str(aif), "-o", "maps/topics.yaml", "--force", "--map-id", "t"])
    assert_refused(capsys, code, "maps/topics.yaml", "argmap read it")
    assert (workspace / "maps" / "topics.yaml").read_bytes() == topics
    # A hard link to another map is that map.
    os.link("maps/ft-hewitt-2023.yaml", "maps/alias.yaml")
    ft = (workspace / "maps" / "ft-hewitt-2023.yaml").read_bytes()
    code = main(["import", "aif", str(aif), "-o", "maps/alias.yaml", "--force", "--map-id", "alias"])
    assert_refused(capsys, code, "maps/alias.yaml", "argmap read it")
    assert (workspace / "maps" / "ft-hewitt-2023.yaml").read_bytes() == ft
    # Re-importing over the map itself is what --force is for.
    assert main(["import", "aif", str(aif), "-o", "maps/may-2018.yaml", "--force", "-q"]) == 0


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_import_writes_nothing_when_the_map_cannot_be_written(workspace, capsys, monkeypatch):
    aif = workspace / "may.json"
    assert main(["export", "maps/may-2018.yaml", "-f", "aif", "-o", str(aif), "-q"]) == 0
    (workspace / "other").mkdir()
    os.remove(f"seeds/{SEED}")  # so the import writes a new seed first
    seeds_before = sorted(os.listdir("seeds"))
    _fail_temp_writes(monkeypatch, "write", errno.ENOSPC, only=".m.yaml.")  # the map's write fails
    code = main(["import", "aif", str(aif), "-o", "other/m.yaml", "--seeds", "seeds"])
    assert_refused(capsys, code, "other/m.yaml", "No space left on device")
    assert sorted(os.listdir("seeds")) == seeds_before  # the new seed taken back
    assert os.listdir("other") == []


# -- the rule itself, as the explorer and other writers call it ----------------------------------


def test_atomic_rule(tmp_path):
    target = tmp_path / "out.svg"
    write_text(target, "one")
    with pytest.raises(OutputExistsError, match="exists"):
        write_text(target, "two")
    seed = tmp_path / "seed.txt"
    seed.write_text("the seed")
    os.link(seed, tmp_path / "alias.svg")
    guard = Protected([seed])
    with pytest.raises(UnsafeOutputError, match="argmap read it"):
        write_text(tmp_path / "alias.svg", "x", overwrite=True, protect=guard)
    with pytest.raises(UnsafeOutputError, match="folder"):
        check_target(tmp_path, overwrite=True)
    write_text(target, "two", overwrite=True, protect=guard)
    assert target.read_text() == "two" and seed.read_text() == "the seed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alias.svg", "out.svg", "seed.txt"]
    # Errors are builtins too: a caller catching OSError catches them.
    assert issubclass(WriteError, OSError) and issubclass(UnsafeOutputError, FileExistsError)


# -- OS errors: the path and the reason, exit 1 or 2 ----------------------------------------------


@pytest.mark.parametrize("target, reason", [
    ("reg/x.argdown", "reg is not a folder"),
    ("reg/deeper/x.argdown", "reg is not a folder"),
    ("n" * 300 + ".argdown", "File name too long"),
    ("/proc/argmap-test.argdown", "/proc/argmap-test.argdown"),
])
def test_unwritable_targets(workspace, capsys, target, reason):
    Path("reg").write_text("keep me")
    assert_refused(capsys, export("-o", target), target[:100], reason)
    assert Path("reg").read_text() == "keep me"


def _fail_temp_writes(monkeypatch, function: str, code: int, only: str = "") -> None:
    """Make *function* (os.write or os.open) fail with *code* on argmap's temporary files
    (those whose name holds *only*)."""
    real = getattr(os, function)

    def failing(*args, **kwargs):
        first = args[0]
        name = os.fsdecode(first) if function == "open" else os.readlink(f"/proc/self/fd/{first}")
        if name.endswith(".tmp") and only in name:
            raise OSError(code, os.strerror(code), None if function == "write" else name)
        return real(*args, **kwargs)

    monkeypatch.setattr(os, function, failing)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
@pytest.mark.parametrize("function, code, reason", [
    ("write", errno.ENOSPC, "No space left on device"),
    ("open", errno.EROFS, "Read-only file system"),
    ("open", errno.EACCES, "Permission denied"),
])
def test_full_or_read_only_disk_keeps_the_old_file(workspace, capsys, monkeypatch, function, code, reason):
    Path("old.argdown").write_text("keep me")
    _fail_temp_writes(monkeypatch, function, code)
    assert_refused(capsys, export("-o", "old.argdown", "--force"), "old.argdown", reason)
    assert Path("old.argdown").read_text() == "keep me"


def _mount_tmpfs(where: Path, options: str) -> bool:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


@pytest.mark.skipif(not IS_ROOT or shutil.which("mount") is None, reason="mounting a tmpfs needs root")
def test_a_really_full_and_a_really_read_only_disk(tmp_path, capsys):
    full, read_only = tmp_path / "full", tmp_path / "ro"
    if not _mount_tmpfs(full, "size=16k"):
        pytest.skip("cannot mount a tmpfs here")
    try:
        (full / "old.json").write_text("keep me")
        assert main(["export", str(MAPS / "bbc-reader-heath-2021.yaml"), "-f", "json", "-o",
                     str(full / "old.json"), "--force", "-q"]) == 1
        err = capsys.readouterr().err
        assert "No space left on device" in err and str(full / "old.json") in err
        assert os.listdir(full) == ["old.json"] and (full / "old.json").read_text() == "keep me"
        assert _mount_tmpfs(read_only, "ro,size=16k")
        try:
            assert main(["export", str(MAPS / "may-2018.yaml"), "-f", "argdown", "-o",
                         str(read_only / "x.argdown"), "-q"]) == 1
            err = capsys.readouterr().err
            assert "Read-only file system" in err and str(read_only / "x.argdown") in err
        finally:
            subprocess.run(["umount", str(read_only)], check=False)
    finally:
        subprocess.run(["umount", str(full)], check=False)


def test_batch_goes_on_and_reports_every_failure_at_the_end(workspace, capsys):
    out = workspace / "out"
    out.mkdir()
    os.mkfifo(out / "may-2018.argdown")
    (out / "ft-hewitt-2023.argdown").mkdir()
    code = main(["export", "maps", "-f", "argdown", "-o", "out", "--force"])
    err = capsys.readouterr().err
    assert code == 1
    written = sorted(p.name for p in out.iterdir() if p.is_file())
    assert len(written) == 3  # the other maps
    tail = err.splitlines()[-3:]  # both failures together, after every "wrote", then a count
    assert "may-2018.argdown" in tail[0] + tail[1] and "ft-hewitt-2023.argdown" in tail[0] + tail[1]
    assert tail[2] == "argmap: 2 of 5 outputs failed"
    assert temp_files(workspace) == []


def test_output_names_cannot_command_the_terminal(workspace, capsys):
    name = "evil\x1b]0;pwned\x07\u202e.argdown"
    assert export("-o", name) == 0
    assert export("-o", name) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "evil\\x1b]0;pwned\\x07<U+202E>.argdown" in err


# Root reads any folder: without these two capabilities it is bound by permissions like anyone.
BOUND = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if IS_ROOT else []


@pytest.fixture
def unreadable_folder(tmp_path):
    """A copy of the maps whose maps/ folder may not be listed or searched."""
    shutil.copytree(MAPS, tmp_path / "maps")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    os.chmod(tmp_path / "maps", 0)
    try:
        if IS_ROOT and (shutil.which("setpriv") is None or subprocess.run(
                [*BOUND, "ls", str(tmp_path / "maps")], capture_output=True).returncode == 0):
            pytest.skip("cannot make a folder unreadable to root here")
        yield tmp_path
    finally:
        os.chmod(tmp_path / "maps", 0o755)


@pytest.mark.parametrize("command", [["check", "maps"], ["search", "NHS", "maps"],
                                     ["export", "maps", "-f", "argdown", "-o", "out"],
                                     ["check", "maps/may-2018.yaml"], ["stats", "maps/may-2018.yaml"]])
def test_unreadable_folder(unreadable_folder, command):
    done = subprocess.run([*BOUND, sys.executable, "-m", "argmap", *command], cwd=unreadable_folder,
                          capture_output=True, text=True, timeout=120)
    said = done.stdout + done.stderr  # check prints its diagnostics on standard output
    assert done.returncode in (1, 2), said
    assert "maps" in said and "Permission denied" in said, said
    assert "Traceback" not in said and "internal error" not in said, said


def test_a_full_standard_output_is_reported(workspace):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "argmap", "export", "maps/may-2018.yaml", "-f", "argdown",
                               "-o", "-"], cwd=workspace, stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr


# -- signals --------------------------------------------------------------------------------------

# A child that writes through argmap.atomic and stops once the temporary file holds the data.
WRITER = textwrap.dedent("""
    import os, sys, threading, time
    from argmap import atomic

    real_fsync = os.fsync
    def pause(fd):
        real_fsync(fd)
        print("written", flush=True)
        time.sleep(60)
    os.fsync = pause
    target, mode = sys.argv[1], sys.argv[2]
    if mode == "thread":  # the explorer writes from a worker; it installs the cleanup at start-up
        atomic.install_signal_cleanup()
        worker = threading.Thread(target=atomic.write_text, args=(target, "new"), kwargs={"overwrite": True})
        worker.start()
        worker.join()
    else:
        atomic.write_text(target, "new", overwrite=True)
    print("finished", flush=True)
""")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("mode", ["main", "thread"])
def test_a_signal_mid_write_leaves_no_temporary_file(tmp_path, signum, mode):
    target = tmp_path / "out.svg"
    target.write_text("old")
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(target), mode], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "written\n", child.stderr.read()
        assert len(temp_files(tmp_path)) == 1  # the write is in progress
        child.send_signal(signum)
        child.wait(timeout=60)
    finally:
        child.kill()
    assert child.returncode == -signum  # ended by the signal, as without argmap's handler
    assert temp_files(tmp_path) == []
    assert target.read_text() == "old"


# A child that starts a layout taking about a minute (a dense 60-node graph) and reports how it ended.
RENDER = textwrap.dedent("""
    from argmap.export import embedded
    n = 60
    slow = "digraph G {" + " ".join(f"n{i} -> n{j};" for i in range(n) for j in range(n)
                                    if i < j and (i * 7 + j * 13) % 3) + "}"
    embedded.render("digraph { a }", "svg")  # compile (or load the cache) before the clock matters
    real = embedded._Runner.render
    def announce(self, source, fmt):
        print("started", flush=True)
        return real(self, source, fmt)
    embedded._Runner.render = announce
    try:
        embedded.render(slow, "svg")
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    embedded._Runner.render = real
    print(embedded.render("digraph { a -> b }", "svg")[:5].decode(), flush=True)  # a fresh instance works
""")


@pytest.mark.skipif(not __import__("argmap.export.embedded", fromlist=["x"]).available(),
                    reason="the embedded renderer is not installed")
def test_ctrl_c_stops_an_embedded_layout(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", RENDER], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=tmp_path)
    try:
        assert child.stdout.readline() == "started\n", child.stderr.read()
        child.send_signal(signal.SIGINT)
        # Before the fix the layout ran to its end (a minute) and only then saw Ctrl+C.
        out, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert out.splitlines() == ["interrupted", "<?xml"], err
    assert child.returncode == 0, err
