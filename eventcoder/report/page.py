"""The report as one self-contained HTML page: summary table, chart sections, inlined scripts.

The Vega, Vega-Lite and Vega-Embed libraries are inlined from the bundle the
``vl-convert-python`` package builds offline (:func:`javascript_bundle`), and every chart's
data is inside its spec, so the page draws without a network. The summary table and the notes
are plain HTML, readable where scripts do not run (a mail reader); charts are drawn as SVG, and
each chart element gets ``data-rendered="true"`` once drawn (``"error"`` and a message if not).
"""

from __future__ import annotations

import html
import json
from functools import lru_cache

from .. import __version__
from .aggregate import MAX_PLACES, TOP_ACTORS, TOP_DYADS, ReportData, Summary

#: Section of each chart: (id, heading, what it shows, note when there is nothing to draw).
SECTIONS = (
    ("over-time", "Events over time by quad class",
     "Events per {period}, stacked by quad class: verbal and material cooperation (greens), "
     "verbal and material conflict (oranges and reds).",
     "No events."),
    ("dyads", "Top dyads",
     f"The {TOP_DYADS} source \u2192 target pairs with the most events, by quad class; actors named by {{actors}}.",
     "No events."),
    ("roots", "CAMEO root codes",
     "Events per CAMEO root code (the first two digits of the event code), coloured by quad class.",
     "No events."),
    ("plover", "PLOVER categories",
     "Events per PLOVER event category (column plover_event), most frequent first.",
     "No event of this dataset has a PLOVER category (column plover_event is empty): the dataset was "
     "coded before eventcoder assigned PLOVER categories. Code the stories again to fill it."),
    ("balance", "Conflict\u2013cooperation balance of the top actors",
     f"Mean Goldstein score (\u221210 most conflictual, +10 most cooperative) per {{period}} of the "
     f"events each of the {TOP_ACTORS} actors in the most events took part in, as source or target; "
     "actors named by {actors}. Above the dashed line cooperation outweighs conflict.",
     "No events."),
    ("map", "Located events",
     "Events with coordinates (columns latitude and longitude), one circle per place, sized by its "
     "events and coloured by their mean Goldstein score.",
     "No located events: no event of this dataset has coordinates (columns latitude and longitude "
     "are empty), so there is nothing to map."),
)

ACTOR_WORDING = {
    "country": "country (the whole code for an actor without one, such as IGOUNO)",
    "code": "full CAMEO actor code",
}

STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #222; margin: 0 auto; max-width: 960px; padding: 16px 24px 48px; }
h1 { font-size: 1.6em; margin: 0.3em 0 0; }
h2 { font-size: 1.2em; margin: 1.8em 0 0.2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
.sub, .about { color: #555; margin: 0.2em 0 0.8em; }
table.summary { border-collapse: collapse; }
table.summary th { text-align: left; font-weight: 600; padding: 3px 18px 3px 0; vertical-align: top; }
table.summary td { padding: 3px 0; }
.note { background: #f6f6f6; border-left: 4px solid #bbb; padding: 8px 12px; }
.chart { min-height: 40px; }
.vega-embed { width: 100%; }
"""

SCRIPT = """
(function () {
  var specs = JSON.parse(document.getElementById("eventcoder-specs").textContent);
  Object.keys(specs).forEach(function (id) {
    var element = document.getElementById("chart-" + id);
    vegaEmbed(element, specs[id], {actions: false, renderer: "svg"}).then(function () {
      element.setAttribute("data-rendered", "true");
    }).catch(function (error) {
      element.setAttribute("data-rendered", "error");
      element.textContent = "This chart could not be drawn: " + error;
    });
  });
})();
"""


@lru_cache(maxsize=1)
def javascript_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script (``vegaEmbed`` global), built offline by
    vl-convert for the Vega-Lite version altair writes."""
    import altair as alt
    import vl_convert

    wanted = "_".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    available = [v.replace(".", "_") for v in vl_convert.get_vegalite_versions()]
    version = wanted if wanted in available else available[-1]
    return vl_convert.javascript_bundle(vl_version=f"v{version}")


def _number(n: int) -> str:
    return f"{n:,}"


def _share(part: int, whole: int) -> str:
    return f"{_number(part)} ({part / whole:.1%})" if whole else _number(part)


def summary_rows(summary: Summary, dataset: str) -> list[tuple[str, str]]:
    """The summary table as (label, value) pairs, in page order."""
    read = summary.stories_read
    share = summary.coded_share
    prov = summary.provenance
    rows = [
        ("dataset", dataset),
        ("stories read", _number(read) if read is not None else "not recorded in the provenance"),
        ("stories with events", _number(summary.stories)),
        ("coded share", f"{share:.1%} of the stories read have at least one event" if share is not None
         else "unknown (the provenance does not record the stories read)"),
        ("events", _number(summary.events)),
        ("actors", f"{_number(summary.actors)} distinct CAMEO actor codes"),
    ]
    if summary.first is not None:
        days = (summary.last - summary.first).days + 1
        rows.append(("date range", f"{summary.first.isoformat()} to {summary.last.isoformat()} ({_number(days)} days)"))
    else:
        rows.append(("date range", "no events"))
    rows += [
        ("located events", _share(summary.located, summary.events)),
        ("events with a PLOVER category", _share(summary.plover, summary.events)),
        ("runs", f"{summary.runs} (last: {prov.get('created', 'unknown')})"),
        ("coded with", f"eventcoder {prov.get('eventcoder_version', '?')}, model {prov.get('model', '?')}, "
                       f"dictionaries {prov.get('dictionary_fingerprint', '?')}"),
    ]
    return rows


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element (no ``</`` to close it early)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")


def _section(name: str, heading: str, about: str, empty: str, drawn: bool, extra: str = "") -> str:
    body = (f'<div class="chart" id="chart-{name}"></div>' if drawn
            else f'<p class="note" id="note-{name}">{html.escape(empty)}</p>')
    return (f'<section id="section-{name}">\n<h2>{html.escape(heading)}</h2>\n'
            f'<p class="about">{html.escape(about)}{extra}</p>\n{body}\n</section>')


def render(data: ReportData, specs: dict[str, dict | None], dataset: str) -> str:
    """The whole page."""
    words = {"period": data.period, "actors": ACTOR_WORDING[data.actors]}
    sections = []
    for name, heading, about, empty in SECTIONS:
        extra = ""
        if name == "map" and data.places_total > len(data.places):
            extra = html.escape(f" The {MAX_PLACES:,} places with the most events are shown, of {data.places_total:,}.")
        if name == "plover" and data.plover and data.summary.plover < data.summary.events:
            extra = html.escape(f" {data.summary.events - data.summary.plover:,} events have no PLOVER category.")
        sections.append(_section(name, heading, about.format(**words), empty, specs.get(name) is not None, extra))
    rows = "\n".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                     for k, v in summary_rows(data.summary, dataset))
    drawn = {name: spec for name, spec in specs.items() if spec is not None}
    scripts = ""
    if drawn:
        scripts = (f"<script>\n{javascript_bundle()}\n</script>\n"
                   f'<script type="application/json" id="eventcoder-specs">{_script_json(drawn)}</script>\n'
                   f"<script>{SCRIPT}</script>\n")
    title = html.escape(f"eventcoder report: {dataset}")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="eventcoder {html.escape(__version__)}">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>Event dataset report</h1>
<p class="sub">{html.escape(dataset)}: {_number(data.summary.events)} events, written by eventcoder report.</p>
<section id="section-summary">
<h2>Summary</h2>
<table class="summary">
{rows}
</table>
</section>
<noscript><p class="note">The charts need JavaScript, which this reader does not run: open the file in a web browser.</p></noscript>
{chr(10).join(sections)}
{scripts}</body>
</html>
"""
