"""Write dictionaries as a folder of native line files (docs/dictionaries.md): what the importers
(``eventcoder dictionaries import petrarch``) produce and native.py reads back."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .model import ActorEntry, Dictionaries, VerbPattern, Words


def format_actor(a: ActorEntry) -> str:
    return " | ".join(a.phrases) + " = " + ", ".join(str(c) for c in a.codes)


def format_pattern(v: VerbPattern) -> str:
    def elem(e) -> str:
        if isinstance(e, Words):
            if e.label.startswith("&"):
                return e.label
            return "|".join("_".join(a) for a in e.alternatives) if any(len(a) > 1 for a in e.alternatives) else "|".join(a[0] for a in e.alternatives)
        return e

    words = [elem(e) for e in v.pre] + (["*"] if v.pre else []) + [elem(e) for e in v.post]
    code = v.code + (f":{v.passive_code}" if v.passive_code is not None else "")
    return " ".join(["|".join(v.verbs)] + words) + " = " + code


def write_folder(d: Dictionaries, out: str | Path, header: str = "") -> dict[str, int]:
    """Write dictionaries in the native format; returns lines written per file."""
    out = Path(out)
    (out / "actors").mkdir(parents=True, exist_ok=True)
    (out / "verbs").mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    head = "".join(f"# {line}\n" for line in header.splitlines())

    def put(rel: str, lines: list[str]) -> None:
        (out / rel).write_text(head + "".join(line + "\n" for line in lines), encoding="utf-8")
        written[rel] = len(lines)

    if d.cameo:
        put("cameo.txt", [f"{c.code} | {c.goldstein} | {c.name}" for c in d.cameo.values()])
    by_type: dict[str, list[str]] = defaultdict(list)
    for a in d.actors:
        by_type[a.type].append(format_actor(a))
    lines = []
    for t, entries in by_type.items():
        lines.append(f"@type {t}")
        lines += entries
    put("actors/actors.txt", lines)
    put("agents.txt", [" | ".join(a.phrases) + " = " + (a.code + "~" if a.prefix else a.code) for a in d.agents])
    verb_lines = [f"{s.name} = " + " | ".join(" ".join(a) for a in s.alternatives) for s in d.synsets.values()]
    if d.negating:
        verb_lines.append("@negating " + " | ".join(sorted(d.negating)))
    if d.aspectual:
        verb_lines.append("@aspectual " + " | ".join(sorted(d.aspectual)))
    if d.intending:
        verb_lines.append("@intending " + " | ".join(sorted(d.intending)))
    if d.light:
        verb_lines.append("@light " + " | ".join(sorted(d.light)))
    if d.enacting:
        verb_lines.append("@enacting " + " | ".join(sorted(d.enacting)))
    if d.enacted:
        verb_lines.append("@enacted " + " | ".join(sorted(d.enacted)))
    verb_lines += [f"@elsewhere {a} = {b}" for a, b in sorted(d.elsewhere.items())]
    if d.announcing:
        verb_lines.append("@announcing " + " | ".join(sorted(d.announcing)))
    if d.speculative:
        verb_lines.append("@speculative " + " | ".join(sorted(d.speculative)))
    verb_lines += [f"@announced {a} = {b}" for a, b in sorted(d.announced.items())]
    verb_lines += [format_pattern(v) for v in d.verbs]
    put("verbs/verbs.txt", verb_lines)
    put("discards.txt", [("+ " if x.story else "") + x.phrase for x in d.discards])
    if d.references:
        put("references.txt", [" | ".join(r.phrases) + " = " + " | ".join(r.types) for r in d.references])
    if d.issues:
        put("issues.txt", [f"{i.phrase} = {i.code}" for i in d.issues])
    return written
