"""The `eventcoder dictionaries` commands, run on the sub-app with typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder.cli import dictionaries as cli
from eventcoder.errors import EventcoderError

SHARED = Path(__file__).resolve().parents[2] / "shared"
PETRARCH = SHARED / "petrarch2" / "dictionaries"
needs_shared = pytest.mark.skipif(
    not PETRARCH.is_dir(), reason=f"PETRARCH-2 reference dictionaries not found at {PETRARCH} (../shared is absent)"
)

runner = CliRunner()


def _petrarch_folder(tmp_path: Path) -> Path:
    src = tmp_path / "petr"
    src.mkdir()
    (src / "t.Countries.actors.txt").write_text(
        "BARACK_OBAMA\n+OBAMA\n\t[USAELI 780101-000101]\n\t[USAGOV >090120]\nSYRIA_ [SYR]\n", encoding="utf-8")
    (src / "t.agents.txt").write_text("REBEL [~REB]\n", encoding="utf-8")
    (src / "CAMEO.t.txt").write_text("--- ATTACK [190] ---\nATTACK\n- * (ON +) [190]\n", encoding="utf-8")
    return src


def test_import_petrarch_writes_native_and_refuses_to_overwrite(tmp_path: Path) -> None:
    src = _petrarch_folder(tmp_path)
    out = tmp_path / "out"
    res = runner.invoke(cli.app, ["import", "petrarch", str(src), "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "actor" in res.output and "converted" in res.output
    assert "USAGOV 2009-01-20.." in (out / "actors" / "actors.txt").read_text()
    again = runner.invoke(cli.app, ["import", "petrarch", str(src), "--output", str(out)])
    assert again.exit_code != 0
    assert isinstance(again.exception, EventcoderError) and "--overwrite" in str(again.exception)
    forced = runner.invoke(cli.app, ["import", "petrarch", str(src), "--output", str(out), "--overwrite"])
    assert forced.exit_code == 0


def test_check_stats_lookup_on_an_import(tmp_path: Path) -> None:
    src = _petrarch_folder(tmp_path)
    spec = f"petrarch:{src}"
    res = runner.invoke(cli.app, ["check", "-d", spec])
    assert res.exit_code == 0, res.output  # warnings alone do not fail the check...
    assert "no code from 2000-01-02 to 2009-01-19" in res.output  # lint runs: a gap in a person's ranges
    res = runner.invoke(cli.app, ["check", "-d", spec, "--strict"])
    assert res.exit_code == 1 and "no code from 2000-01-02" in res.output  # ...unless --strict
    res = runner.invoke(cli.app, ["check", "-d", spec, "--lint"])  # the old flag is still accepted
    assert res.exit_code == 0 and "no code from 2000-01-02" in res.output
    res = runner.invoke(cli.app, ["stats", "-d", spec])
    assert res.exit_code == 0 and "actors" in res.output and "verb patterns" in res.output
    res = runner.invoke(cli.app, ["lookup", "Barack Obama", "--date", "2010-01-01", "-d", spec])
    assert res.exit_code == 0 and "USAGOV" in res.output and "t.Countries.actors.txt:1" in res.output
    res = runner.invoke(cli.app, ["lookup", "Obama", "--date", "2005-01-01", "-d", spec])
    assert "no code on 2005-01-01" in res.output
    res = runner.invoke(cli.app, ["lookup", "Syrian rebels", "-d", spec])
    assert res.exit_code == 1  # 'Syrian' is not in this tiny dictionary
    res = runner.invoke(cli.app, ["lookup", "Syria rebels", "-d", spec])
    assert res.exit_code == 0 and "SYRREB" in res.output


def test_check_reports_a_bad_file_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    (bad / "actors").mkdir(parents=True)
    (bad / "actors" / "a.txt").write_text("Russia = RUS\nObama = USAGOV 2009-13-01..\n", encoding="utf-8")
    res = runner.invoke(cli.app, ["check", "-d", str(bad)])
    assert res.exit_code == 1
    assert f"{bad / 'actors' / 'a.txt'}:2" in res.output
    # Commands that need valid dictionaries raise the library error (main() prints it, exit 1).
    res = runner.invoke(cli.app, ["stats", "-d", str(bad)])
    assert res.exit_code != 0 and isinstance(res.exception, EventcoderError)
    assert "a.txt:2" in str(res.exception)


def test_check_shows_an_agent_that_never_composes(tmp_path: Path) -> None:
    native = tmp_path / "native"
    (native / "actors").mkdir(parents=True)
    (native / "actors" / "a.txt").write_text("Syria = SYR\nWhite House = USAGOV\n", encoding="utf-8")
    (native / "agents.txt").write_text("rebel = REB\nWhite House = MIL\n", encoding="utf-8")
    res = runner.invoke(cli.app, ["check", "-d", str(native)])
    assert res.exit_code == 0, res.output
    line = next(x for x in res.output.splitlines() if "white house" in x.lower())
    assert f"{native / 'agents.txt'}:2" in line and f"{native / 'actors' / 'a.txt'}:2" in line and "Fix:" in line
    assert runner.invoke(cli.app, ["check", "-d", str(native), "--strict"]).exit_code == 1


def test_import_picks_one_set_and_says_what_it_left_out(tmp_path: Path) -> None:
    src = _petrarch_folder(tmp_path)
    (src / "PETR.Validate.actors.txt").write_text("SYRIA_ [ZZZ]\n", encoding="utf-8")
    (src / "Phoenix.Countries.actors.txt").write_text("SYRIA_ [SYR]\n", encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(cli.app, ["import", "petrarch", str(src), "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "files read: Phoenix.Countries.actors.txt, CAMEO.t.txt" in res.output
    assert "files left out: PETR.Validate.actors.txt, t.Countries.actors.txt, t.agents.txt" in res.output
    # A glob picks another set.
    res = runner.invoke(cli.app, ["import", "petrarch", f"{src}/t.*", "--output", str(tmp_path / "t")])
    assert res.exit_code == 0, res.output
    assert "USAGOV 2009-01-20.." in (tmp_path / "t" / "actors" / "actors.txt").read_text()


@needs_shared
def test_lookup_on_phoenix_folder_as_petrarch_reads_it() -> None:
    res = runner.invoke(cli.app, ["lookup", "Egypt", "--date", "2017-12-08", "-d", f"petrarch:{PETRARCH}"])
    assert res.exit_code == 0 and "EGY" in res.output and "UAR" not in res.output, res.output


@needs_shared
def test_lookup_on_phoenix(tmp_path: Path) -> None:
    folder = tmp_path / "phoenix"
    folder.mkdir()
    for f in list(PETRARCH.glob("Phoenix.*")) + [PETRARCH / "CAMEO.2.0.txt"]:
        (folder / f.name).symlink_to(f)
    res = runner.invoke(cli.app, ["lookup", "Syrian rebels", "--date", "2017-12-08", "-d", f"petrarch:{folder}"])
    assert res.exit_code == 0 and "SYRREB" in res.output
