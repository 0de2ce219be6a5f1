"""The report's charts as Vega-Lite specifications, built with altair from the aggregated figures.

Each function takes :class:`~eventcoder.report.aggregate.ReportData` and returns a Vega-Lite
spec (a dict, the data inlined), or ``None`` when there is nothing to draw (the page then shows
a note instead). Dates are given as ISO days on a UTC time scale, so a bar never slides to the
day before in a reader's time zone. The map's land comes from :mod:`.basemap`; nothing refers
to a URL.
"""

from __future__ import annotations

import datetime as dt

import altair as alt

from .aggregate import QUAD_NAMES, ReportData
from .basemap import world_land

WIDTH = 820
QUAD_LABELS = [f"{quad} {name}" for quad, name in QUAD_NAMES.items()]
QUAD_COLORS = ["#7fbf7b", "#1b7837", "#f4a582", "#b2182b"]
_QUAD_COLOR = alt.Color(
    "quad:N", title="quad class", scale=alt.Scale(domain=QUAD_LABELS, range=QUAD_COLORS),
    legend=alt.Legend(orient="bottom", direction="horizontal"),
)
_GOLDSTEIN = alt.Scale(domain=[-10, 10], scheme="redyellowblue", domainMid=0)
#: An axis of event counts: whole numbers only.
_COUNT_AXIS = alt.Axis(tickMinStep=1, format=",d")


def _quad(quad: int | None) -> str:
    return f"{quad} {QUAD_NAMES[quad]}" if quad in QUAD_NAMES else "unknown"


def _plain(value):
    """A JSON value: dates as ISO days, floats to two decimals."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 2)
    return value


def _values(records: list[dict], **extra) -> alt.Data:
    rows = []
    for record in records:
        row = {key: _plain(value) for key, value in record.items()}
        row.update({key: make(record) for key, make in extra.items()})
        rows.append(row)
    return alt.Data(values=rows)


def _time_axis(field: str, title: str) -> alt.X:
    return alt.X(f"{field}:T", title=title, scale=alt.Scale(type="utc"), axis=alt.Axis(labelOverlap=True))


def over_time(data: ReportData) -> dict | None:
    """Events per period, stacked by quad class (bars span their whole period)."""
    if not data.over_time:
        return None
    chart = alt.Chart(_values(data.over_time, quad=lambda r: _quad(r["quad_class"]))).mark_bar().encode(
        x=_time_axis("period", f"{data.period} (UTC)"),
        x2="period_end:T",
        y=alt.Y("sum(events):Q", title="events", axis=_COUNT_AXIS),
        color=_QUAD_COLOR,
        order=alt.Order("quad_class:Q"),
        tooltip=[alt.Tooltip("period:T", title=data.period, format="%Y-%m-%d", formatType="utc"),
                 "quad:N", alt.Tooltip("events:Q")],
    )
    return chart.properties(width=WIDTH, height=240).to_dict()


def dyads(data: ReportData) -> dict | None:
    """The top dyads (source -> target), their events stacked by quad class."""
    if not data.dyads:
        return None

    def label(record: dict) -> str:
        return f"{record['source']} \u2192 {record['target'] or '(no target)'}"

    order = list(dict.fromkeys(label(r) for r in data.dyads))
    chart = alt.Chart(_values(data.dyads, dyad=label, quad=lambda r: _quad(r["quad_class"]))).mark_bar().encode(
        y=alt.Y("dyad:N", title=None, sort=order),
        x=alt.X("sum(events):Q", title="events", axis=_COUNT_AXIS),
        color=_QUAD_COLOR,
        order=alt.Order("quad_class:Q"),
        tooltip=["dyad:N", "quad:N", "events:Q"],
    )
    return chart.properties(width=WIDTH - 180, height=alt.Step(18)).to_dict()


def roots(data: ReportData) -> dict | None:
    """Events per CAMEO root code (all twenty, zero included), coloured by quad class."""
    if not data.summary.events:
        return None

    def label(record: dict) -> str:
        return f"{record['root']} {record['name']}"

    chart = alt.Chart(_values(data.roots, label=label, quad=lambda r: _quad(r["quad_class"]))).mark_bar().encode(
        x=alt.X("label:N", title="CAMEO root", sort=[label(r) for r in data.roots],
                axis=alt.Axis(labelAngle=-40, labelLimit=180)),
        y=alt.Y("events:Q", title="events", axis=_COUNT_AXIS),
        color=_QUAD_COLOR,
        tooltip=["label:N", "events:Q"],
    )
    return chart.properties(width=WIDTH, height=220).to_dict()


def plover(data: ReportData) -> dict | None:
    """Events per PLOVER category, most frequent first; None when no event has one."""
    if not data.plover:
        return None
    chart = alt.Chart(_values(data.plover)).mark_bar(color="#4c78a8").encode(
        y=alt.Y("category:N", title="PLOVER category", sort=[r["category"] for r in data.plover]),
        x=alt.X("events:Q", title="events", axis=_COUNT_AXIS),
        tooltip=["category:N", "events:Q"],
    )
    return chart.properties(width=WIDTH - 180, height=alt.Step(18)).to_dict()


def balance(data: ReportData) -> dict | None:
    """Mean Goldstein score per period of the events each top actor took part in (as source or
    target), one small chart per actor (most events first), with the line of zero: above it
    cooperation outweighs conflict."""
    if not data.balance:
        return None
    base = alt.Chart()
    zero = base.mark_rule(color="#888", strokeDash=[4, 4]).encode(y=alt.datum(0))
    lines = base.mark_line(point=True, color="#4c78a8").encode(
        x=_time_axis("period", None),
        y=alt.Y("goldstein:Q", title="mean Goldstein", scale=alt.Scale(domain=[-10, 10])),
        tooltip=["actor:N", alt.Tooltip("period:T", title=data.period, format="%Y-%m-%d", formatType="utc"),
                 alt.Tooltip("goldstein:Q", title="mean Goldstein", format=".2f"), "events:Q"],
    )
    actors = list(dict.fromkeys(r["actor"] for r in data.balance))
    chart = alt.layer(zero, lines, data=_values(data.balance)).properties(width=230, height=130).facet(
        facet=alt.Facet("actor:N", title=None, sort=actors, header=alt.Header(labelFontWeight="bold", labelFontSize=12)),
        columns=3,
    )
    return chart.to_dict()


def located_map(data: ReportData) -> dict | None:
    """Located events on a world map: a circle per place, sized by its events and coloured by
    their mean Goldstein score; None when no event has coordinates."""
    if not data.places:
        return None
    land = alt.Chart(alt.Data(values=[{"type": "Feature", "geometry": world_land(), "properties": {}}])).mark_geoshape(
        fill="#e6e6e6", stroke="#bdbdbd", strokeWidth=0.5,
    )
    points = alt.Chart(_values(data.places)).mark_circle(opacity=0.75, stroke="#333", strokeWidth=0.4).encode(
        longitude="longitude:Q",
        latitude="latitude:Q",
        size=alt.Size("events:Q", title="events", scale=alt.Scale(type="sqrt", range=[20, 900])),
        color=alt.Color("goldstein:Q", title="mean Goldstein", scale=_GOLDSTEIN),
        tooltip=[alt.Tooltip("place:N", title="place"), alt.Tooltip("country:N", title="country"),
                 "events:Q", alt.Tooltip("goldstein:Q", title="mean Goldstein", format=".2f"),
                 alt.Tooltip("latitude:Q", format=".2f"), alt.Tooltip("longitude:Q", format=".2f")],
    )
    chart = alt.layer(land, points).project(type="equalEarth")
    return chart.properties(width=WIDTH, height=420).to_dict()


#: The charts of the report in page order: (id, function).
CHARTS = (
    ("over-time", over_time),
    ("dyads", dyads),
    ("roots", roots),
    ("plover", plover),
    ("balance", balance),
    ("map", located_map),
)


def build_specs(data: ReportData) -> dict[str, dict | None]:
    """Every chart's spec by id (None where there is nothing to draw)."""
    return {name: make(data) for name, make in CHARTS}
