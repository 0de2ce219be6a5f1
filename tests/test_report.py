"""``eventcoder report``: the figures against pandas, the page, its errors, and the page drawn in a
real headless Chromium (skipped when Debian's chromium is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, needs_model
from eventcoder.dataset import open_dataset
from eventcoder.errors import DatasetError, OutputError
from eventcoder.report import build_report, write_report
from eventcoder.report.aggregate import MAX_PERIODS, PERIODS, aggregate, choose_period
from eventcoder.report.basemap import land_from_topojson, world_land

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from benchmarks.synthetic_events import synthetic_table, write_synthetic_dataset  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no headless browser: install Debian's chromium (apt-get install -y chromium) to draw the report"
)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventcoder", *args], capture_output=True, text=True, timeout=300)


# ------------------------------------------------------------------ the figures


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), events=st.integers(1, 400), located=st.sampled_from([0.0, 0.3, 1.0]))
def test_figures_agree_with_pandas(tmp_path_factory, seed, events, located):
    path = write_synthetic_dataset(tmp_path_factory.mktemp("ds") / "events", events, seed=seed, located=located, plover=seed % 2 == 0)
    df = pd.read_parquet(path)
    data = aggregate(open_dataset(path), actors="code")
    s = data.summary
    assert s.events == len(df)
    assert s.stories == df.story_id.nunique()
    assert (s.first, s.last) == (df.date.min(), df.date.max())
    assert s.actors == len(set(df.source) | set(df.target.dropna()))
    assert s.located == int((df.latitude.notna() & df.longitude.notna()).sum())
    assert s.coded_share == pytest.approx(s.stories / json.loads((path / "_eventcoder.json").read_text())["counts"]["stories_read"])
    # every event is in exactly one bar of the time chart, with its quad class
    over = pd.DataFrame(data.over_time).groupby("quad_class").events.sum().to_dict()
    assert over == df.quad_class.value_counts().to_dict()
    assert all(r["period"] < r["period_end"] for r in data.over_time)
    roots = {r["root"]: r["events"] for r in data.roots if r["events"]}
    assert roots == df.root_code.value_counts().to_dict()
    # the dyads are the most frequent (source, target) pairs
    pairs = df.groupby(["source", "target"]).size().sort_values(ascending=False)
    totals = sorted({(r["source"], r["target"]): r["total"] for r in data.dyads}.values(), reverse=True)
    assert totals == list(pairs.iloc[: len(totals)])
    assert sum(r["events"] for r in data.places) == s.located
    plover = {r["category"]: r["events"] for r in data.plover}
    assert plover == df.plover_event.dropna().value_counts().to_dict()


@given(st.dates(), st.integers(0, 20_000))
def test_the_time_axis_has_at_most_60_bars_unless_years(first, days):
    import datetime as dt

    last = first + dt.timedelta(days=min(days, (dt.date.max - first).days))  # (no date past 9999-12-31)
    unit = choose_period(first, last)
    span = (last - first).days + 1
    lengths = dict(PERIODS)
    assert unit == "year" or span / lengths[unit] <= MAX_PERIODS
    shorter = [u for u, _ in PERIODS][: [u for u, _ in PERIODS].index(unit)]
    assert all(span / lengths[u] > MAX_PERIODS for u in shorter)  # the shortest unit that fits


def test_balance_is_the_mean_goldstein_of_the_top_actors(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 3000, seed=7)
    df = pd.read_parquet(path)
    data = aggregate(open_dataset(path), actors="code")
    involved = pd.concat([df[["source", "goldstein"]].rename(columns={"source": "actor"}),
                          df[df.target != df.source][["target", "goldstein"]].rename(columns={"target": "actor"})])
    counts = involved.actor.value_counts()
    top = list(dict.fromkeys(r["actor"] for r in data.balance))
    assert [counts[a] for a in top] == sorted(counts, reverse=True)[: len(top)]
    first = top[0]
    mean = sum(r["goldstein"] * r["events"] for r in data.balance if r["actor"] == first) / counts[first]
    assert mean == pytest.approx(involved[involved.actor == first].goldstein.mean(), abs=1e-4)


def test_actors_by_country_fold_the_agents_into_their_country(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 2000, seed=3)
    data = aggregate(open_dataset(path), actors="country")
    names = {r["source"] for r in data.dyads} | {r["actor"] for r in data.balance}
    assert all(len(n) == 3 or n.startswith(("IGO", "NGO", "IMG")) for n in names), names


# ------------------------------------------------------------------ the page


def test_the_page_is_self_contained_and_deterministic(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 500, seed=5, located=0.5, plover=True)
    first, data, specs = build_report(path)
    again, _, _ = build_report(path)
    assert first == again
    assert all(spec is not None for spec in specs.values())
    # the markup loads nothing from elsewhere (what the scripts load is checked in Chromium below)
    markup = re.sub(r"<script[^>]*>.*?</script>", "", first, flags=re.S)
    assert not re.search(r"\s(src|href)=|@import|url\(", markup)
    assert '"url":' not in first.split('id="eventcoder-specs">', 1)[1].split("</script>", 1)[0]
    assert "vegaEmbed" in first and len(first) > 500_000  # the libraries are inlined
    assert 'id="chart-map"' in first and "No located events" not in first


def test_empty_plover_and_locations_give_notes_not_charts(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 300, seed=2, located=0.0, plover=False)
    page, data, specs = build_report(path)
    assert specs["map"] is None and specs["plover"] is None
    assert 'id="note-map"' in page and "No located events" in page
    assert 'id="note-plover"' in page and 'id="chart-plover"' not in page
    assert 'id="chart-over-time"' in page


def test_a_dataset_without_the_newer_columns_is_reported(tmp_path):
    """A dataset coded before PLOVER and locations existed (schema version 2) has no such columns."""
    folder = tmp_path / "old"
    (folder / "year=2016").mkdir(parents=True)
    table = synthetic_table(200, seed=4)
    old = table.drop_columns(["plover_event", "plover_mode", "location_text", "location_country", "latitude", "longitude"])
    pq.write_table(old, folder / "year=2016" / "part-0.parquet")
    (folder / "_eventcoder.json").write_text(json.dumps({"format": "parquet", "schema_version": 2}))
    page, data, specs = build_report(folder)
    assert data.summary.events == 200 and data.summary.located == 0 and data.summary.stories_read is None
    assert specs["map"] is None and specs["over-time"] is not None
    assert "unknown (the provenance does not record the stories read)" in page


def test_a_dataset_without_events_gives_a_page_without_charts(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 0)
    page, data, specs = build_report(path)
    assert all(spec is None for spec in specs.values())
    assert "<script>" not in page and "no events" in page


def test_missing_and_foreign_datasets_are_numbered_errors(tmp_path):
    with pytest.raises(DatasetError, match=r"\[E700\].*dataset not found"):
        open_dataset(tmp_path / "nope")
    (tmp_path / "plain").mkdir()
    pq.write_table(pa.table({"x": [1]}), tmp_path / "plain" / "data.parquet")
    with pytest.raises(DatasetError, match=r"\[E700\].*no _eventcoder.json"):
        open_dataset(tmp_path / "plain")
    (tmp_path / "events.csv").write_text("event_id\n")
    (tmp_path / "events.eventcoder.json").write_text("{}")
    with pytest.raises(DatasetError, match=r"\[E700\].*CSV or JSONL output.*--format parquet"):
        open_dataset(tmp_path / "events.csv")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "_eventcoder.json").write_text("{not json")
    with pytest.raises(DatasetError, match=r"\[E700\].*_eventcoder.json: cannot read"):
        open_dataset(tmp_path / "broken")
    (tmp_path / "plain" / "_eventcoder.json").write_text('{"format": "parquet"}')
    with pytest.raises(DatasetError, match=r"\[E700\].*missing column\(s\) story_id"):
        build_report(tmp_path / "plain")


def test_an_existing_output_is_replaced_only_when_asked(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 50, seed=1)
    out = tmp_path / "report.html"
    out.write_text("mine")
    with pytest.raises(OutputError, match=r"\[E400\].*already exists"):
        write_report(path, out)
    assert out.read_text() == "mine"
    result = write_report(path, out, overwrite=True)
    assert out.read_text().startswith("<!DOCTYPE html>") and result.size == out.stat().st_size
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cli_reports_and_fails_cleanly(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 100, seed=1, located=0.5)
    done = cli("report", str(path), "--output", str(tmp_path / "r.html"))
    assert done.returncode == 0, done.stderr
    assert "100 events" in done.stdout and "map" in done.stdout and "plover" in done.stdout
    missing = cli("report", str(tmp_path / "nope"), "--output", str(tmp_path / "x.html"))
    assert missing.returncode == 1 and "[E700]" in missing.stderr and "Traceback" not in missing.stderr
    again = cli("report", str(path), "--output", str(tmp_path / "r.html"))
    assert again.returncode == 1 and "[E400]" in again.stderr
    bad = cli("report", str(path), "--output", str(tmp_path / "y.html"), "--actors", "people")
    assert bad.returncode == 1 and "[E100]" in bad.stderr and "--actors" in bad.stderr


# ------------------------------------------------------------------ the world outline


def test_topojson_arcs_are_decoded_and_joined():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [-10, 20]},
        "arcs": [[[0, 0], [4, 0], [0, 4]], [[0, 0], [0, 4], [4, 0]]],  # delta-encoded
        "objects": {"land": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, -2]]},  # arc 0, then arc 1 reversed
        ]}},
    }
    square = [[-10.0, 20.0], [-8.0, 20.0], [-8.0, 21.0], [-10.0, 21.0], [-10.0, 20.0]]
    # closed, and the point two arcs share is not repeated where they join
    assert land_from_topojson(topology) == {"type": "MultiPolygon", "coordinates": [[square]]}
    topology["objects"]["land"]["geometries"].append({"type": "Polygon", "arcs": [[0]]})  # 3 positions: no ring
    assert len(land_from_topojson(topology)["coordinates"]) == 1


def test_the_bundled_world_outline_covers_the_continents():
    land = world_land()
    assert land["type"] == "MultiPolygon" and len(land["coordinates"]) > 100
    points = [p for polygon in land["coordinates"] for ring in polygon for p in ring]
    assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in points)
    assert min(y for _, y in points) < -80 and max(y for _, y in points) > 80  # Antarctica, the Arctic


# ------------------------------------------------------------------ drawn in Chromium

PROBE = """<script>
(function () {
  var timer = setInterval(function () {
    var charts = document.querySelectorAll("div.chart");
    var done = Array.prototype.every.call(charts, function (c) { return c.hasAttribute("data-rendered"); });
    if (!done) return;
    clearInterval(timer);
    var loaded = performance.getEntriesByType("resource").map(function (e) { return e.name; });
    document.body.setAttribute("data-resources", JSON.stringify(loaded));
  }, 50);
})();
</script>
"""


def draw(page: Path, tmp_path: Path) -> str:
    """The DOM of ``page`` after its scripts ran in headless Chromium, with the resources it
    loaded in ``body[data-resources]`` (a probe script is added to a copy of the page)."""
    probe = tmp_path / "probed.html"
    head, tail = page.read_text("utf-8").rsplit("</body>", 1)  # the last one: the scripts hold others
    probe.write_text(head + PROBE + "</body>" + tail, "utf-8")
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=30000", "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


def chart(dom: str, name: str) -> str:
    """The markup of one chart's element, up to the end of its section."""
    start = dom.index(f'id="chart-{name}"')
    return dom[dom.rindex("<div", 0, start): dom.index("</section>", start)]


def group_paths(markup: str, mark_class: str) -> list[str]:
    """The ``<path>`` elements drawn in the first Vega mark group of ``mark_class``."""
    start = markup.index(f'class="{mark_class}')
    body = markup[start: markup.index("</g>", start)]
    return re.findall(r"<path[^>]*>", body)


def assert_drawn(dom: str, names: list[str]) -> None:
    resources = re.search(r'data-resources="([^"]*)"', dom)
    assert resources, "the charts did not all finish drawing"
    assert json.loads(resources.group(1).replace("&quot;", '"')) == []  # nothing fetched
    for name in names:
        markup = chart(dom, name)
        assert 'data-rendered="true"' in markup.split(">", 1)[0], f"chart {name} was not drawn"
        assert "<svg" in markup and 'class="mark-' in markup


@needs_chromium
def test_chromium_draws_the_charts_and_the_map_of_located_events(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 2000, seed=11, located=0.4, plover=True)
    out = write_report(path, tmp_path / "report.html")
    dom = draw(out.output, tmp_path)
    assert_drawn(dom, ["over-time", "dyads", "roots", "plover", "balance", "map"])
    bars = group_paths(chart(dom, "over-time"), "mark-rect role-mark")
    assert len(bars) == len(out.data.over_time)
    land = group_paths(chart(dom, "map"), "mark-shape role-mark")
    assert len(land) == 1 and len(re.search(r'd="([^"]*)"', land[0]).group(1)) > 5000  # the world outline
    circles = group_paths(chart(dom, "map"), "mark-symbol role-mark")
    assert len(circles) == len(out.data.places) > 10


@needs_chromium
def test_chromium_shows_notes_where_nothing_is_located(tmp_path):
    path = write_synthetic_dataset(tmp_path / "events", 500, seed=12, located=0.0, plover=False)
    out = write_report(path, tmp_path / "report.html")
    dom = draw(out.output, tmp_path)
    assert_drawn(dom, ["over-time", "dyads", "roots", "balance"])
    assert 'id="chart-map"' not in dom and "No located events" in dom
    assert 'id="chart-plover"' not in dom and 'id="note-plover"' in dom


@pytest.mark.model
@needs_model
@needs_chromium
def test_chromium_draws_the_report_of_the_examples(tmp_path, bundled_coder):
    from eventcoder.run import RunOptions, run

    dataset = tmp_path / "examples"
    run(RunOptions(inputs=[str(ROOT / "examples" / "stories.jsonl")], output=str(dataset), workers=1), coder=bundled_coder)
    out = write_report(dataset, tmp_path / "report.html")
    dom = draw(out.output, tmp_path)
    drawn = [m.group(1) for m in re.finditer(r'<div[^>]*\sid="chart-([a-z-]+)"[^>]*>', dom)
             if 'data-rendered="true"' in m.group(0)]
    assert len(drawn) >= 4, drawn
    assert_drawn(dom, drawn)
    roots = group_paths(chart(dom, "roots"), "mark-rect role-mark")
    assert len(roots) == 20  # the examples exercise every CAMEO root
    assert out.data.summary.coded_share is not None
