"""eventcoder's own dictionary format: read a folder of line files and validate it (writing.py
writes one); load dictionary specs (native folders, or PETRARCH files through petrarch.py).

The format is documented in docs/dictionaries.md. One entry per line, so every problem names the
file and line to edit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import DictionaryError
# The bundled folder and the phrase keys (shared with petrarch.py); importable from here too.
from .common import BUNDLED_NAME, bundled_dictionaries_path, is_case_sensitive, normalize_phrase, phrase_key  # noqa: F401
from .model import (
    ACTOR_CODE_RE,
    ACTOR_TYPES,
    AGENT_CODE_RE,
    EVENT_CODE_RE,
    NO_EVENT,
    SOURCE,
    TARGET,
    ActorEntry,
    AgentEntry,
    CameoCode,
    DatedCode,
    Dictionaries,
    Discard,
    IssueEntry,
    NounPattern,
    Origin,
    Problem,
    Reference,
    Synset,
    VerbPattern,
    Words,
)

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ALT_SPACES = re.compile(r"\s*\|\s*")


# ----------------------------------------------------------------------------------------------
# Reading


def _strip_comment(line: str) -> str:
    i = line.find("#")
    return (line if i < 0 else line[:i]).strip()


def _parse_day(text: str, origin: Origin, entry: str) -> dt.date:
    if not _DATE_RE.match(text):
        raise DictionaryError(
            f"'{text}' is not a date",
            file=origin.file, line=origin.line, entry=entry,
            fix="write dates as YYYY-MM-DD, e.g. 2009-01-20",
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DictionaryError(
            f"'{text}' is not a real day",
            file=origin.file, line=origin.line, entry=entry,
            fix="check the month and day",
        ) from None


def parse_dated_code(text: str, origin: Origin, entry: str) -> DatedCode:
    parts = text.split()
    if len(parts) == 1:
        return DatedCode(parts[0])
    if len(parts) != 2 or ".." not in parts[1]:
        raise DictionaryError(
            f"'{text}' is not CODE or CODE START..END",
            file=origin.file, line=origin.line, entry=entry,
            fix="write e.g. 'USAGOV 2009-01-20..2017-01-19' (open ends allowed: '..2000-12-31')",
        )
    lo, hi = parts[1].split("..", 1)
    start = _parse_day(lo, origin, entry) if lo else None
    end = _parse_day(hi, origin, entry) if hi else None
    if start and end and start > end:
        raise DictionaryError(
            f"the range {parts[1]} ends before it starts",
            file=origin.file, line=origin.line, entry=entry,
            fix="swap the two dates",
        )
    return DatedCode(parts[0], start, end)


def _split_entry(line: str, origin: Origin) -> tuple[str, str]:
    if "=" not in line:
        raise DictionaryError(
            "no '=' in the line",
            file=origin.file, line=origin.line, entry=line[:40],
            fix="write 'PHRASE | PHRASE = CODE' (see docs/dictionaries.md)",
        )
    lhs, rhs = line.rsplit("=", 1)
    return lhs.strip(), rhs.strip()


def _phrases(lhs: str) -> tuple[str, ...]:
    return tuple(normalize_phrase(p) for p in lhs.split("|") if p.strip())


class _Reader:
    """Reads one dictionary folder into a Dictionaries, collecting problems."""

    def __init__(self, root: Path, label: str) -> None:
        self.root = root
        self.label = label
        self.d = Dictionaries()
        self.problems: list[Problem] = []
        self.only: frozenset[str] | None = None  # read only these files (paths relative to root)

    def display(self, path: Path) -> str:
        """How a file is named in messages and provenance: stable across machines."""
        if self.label == BUNDLED_NAME:
            return f"dictionaries/{path.relative_to(self.root).as_posix()}"
        return str(path)

    def files(self, pattern: str) -> list[Path]:
        found = sorted(self.root.glob(pattern))
        if self.only is None:
            return found
        return [p for p in found if p.relative_to(self.root).as_posix() in self.only]

    def lines(self, path: Path) -> Iterable[tuple[Origin, str]]:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DictionaryError(
                f"cannot read the file ({exc.strerror})", file=path, fix="check the path and permissions"
            ) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise DictionaryError(
                "the file is not valid UTF-8", file=path, line=line, fix="save the file as UTF-8"
            ) from None
        self.d.sources.append((f"{self.label}/{path.relative_to(self.root)}", hashlib.sha256(raw).hexdigest()))
        for i, line in enumerate(text.splitlines(), 1):
            line = _strip_comment(line)
            if line:
                yield Origin(self.display(path), i), line

    def guard(self, origin: Origin, fn, *args) -> None:
        try:
            fn(*args)
        except DictionaryError as err:
            self.problems.append(Problem(origin, err.entry or "", err.message, err.fix or ""))

    # -- kinds --

    def read(self) -> Dictionaries:
        if not self.root.is_dir():
            raise DictionaryError(
                "is not a dictionary folder", file=self.root,
                fix="pass a folder laid out as in docs/dictionaries.md, or petrarch:DIR for PETRARCH files",
            )
        for path in self.files("cameo.txt"):
            for origin, line in self.lines(path):
                self.guard(origin, self.cameo_line, origin, line)
        for path in self.files("actors/*.txt"):
            current = {"type": "other"}
            for origin, line in self.lines(path):
                self.guard(origin, self.actor_line, origin, line, current)
        for path in self.files("agents.txt"):
            for origin, line in self.lines(path):
                self.guard(origin, self.agent_line, origin, line)
        for path in self.files("verbs/*.txt"):
            for origin, line in self.lines(path):
                self.guard(origin, self.verb_line, origin, line)
        for path in self.files("nouns.txt"):
            for origin, line in self.lines(path):
                self.guard(origin, self.noun_line, origin, line)
        for path in self.files("discards.txt"):
            for origin, line in self.lines(path):
                self.guard(origin, self.discard_line, origin, line)
        for path in self.files("references.txt"):
            for origin, line in self.lines(path):
                self.guard(origin, self.reference_line, origin, line)
        for path in self.files("issues.txt"):
            for origin, line in self.lines(path):
                self.guard(origin, self.issue_line, origin, line)
        return self.d

    def cameo_line(self, origin: Origin, line: str) -> None:
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 3:
            raise DictionaryError(
                "a CAMEO line has three fields", entry=line[:40], fix="write 'CODE | GOLDSTEIN | NAME'"
            )
        code, gold, name = parts
        if not EVENT_CODE_RE.match(code):
            raise DictionaryError(
                f"'{code}' is not a CAMEO event code", entry=code,
                fix="use 2 to 4 digits with the leading zero, e.g. 010, 0841, 195",
            )
        try:
            g = float(gold)
        except ValueError:
            raise DictionaryError(f"Goldstein value '{gold}' is not a number", entry=code, fix="write e.g. -4.0") from None
        if not -10.0 <= g <= 10.0:
            raise DictionaryError(f"Goldstein value {g} is outside -10..10", entry=code, fix="use a value from -10 to 10")
        self.d.cameo[code] = CameoCode(code, name, g, origin)

    def actor_line(self, origin: Origin, line: str, current: dict) -> None:
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            value = value.strip()
            if key != "type" or value not in ACTOR_TYPES:
                raise DictionaryError(
                    f"unknown directive '{line}'", entry=line,
                    fix=f"use '@type T' with T one of: {', '.join(ACTOR_TYPES)}",
                )
            current["type"] = value
            return
        lhs, rhs = _split_entry(line, origin)
        phrases = _phrases(lhs)
        if not phrases:
            raise DictionaryError("no phrase before '='", entry=line[:40], fix="write the actor's name first")
        codes = tuple(parse_dated_code(c.strip(), origin, phrases[0]) for c in rhs.split(",") if c.strip())
        if not codes:
            raise DictionaryError("no code after '='", entry=phrases[0], fix="write a code, e.g. '= RUSGOV'")
        self.d.actors.append(ActorEntry(phrases[0], phrases, codes, current["type"], origin))

    def agent_line(self, origin: Origin, line: str) -> None:
        lhs, rhs = _split_entry(line, origin)
        phrases = _phrases(lhs)
        code = rhs.strip()
        prefix = False
        if code.endswith("~"):
            prefix, code = True, code[:-1]
        code = code.lstrip("~")
        if not phrases:
            raise DictionaryError("no phrase before '='", entry=line[:40], fix="write the role noun first")
        self.d.agents.append(AgentEntry(phrases[0], phrases, code, prefix, origin))

    def verb_line(self, origin: Origin, line: str) -> None:
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            words = {w.strip().lower() for w in value.split("|") if w.strip()}
            if key == "negating":
                self.d.negating |= words
            elif key == "aspectual":
                self.d.aspectual |= words
            elif key == "intending":
                self.d.intending |= words
            elif key == "light":
                self.d.light |= words
            elif key == "enacting":
                self.d.enacting |= words
            elif key == "enacted":
                if any(not w.isdigit() for w in words):
                    raise DictionaryError("@enacted takes CAMEO code prefixes", entry=line[:40],
                                          fix="write e.g. '@enacted 08 | 16 | 17'")
                self.d.enacted |= words
            elif key == "announcing":
                self.d.announcing |= words
            elif key == "speculative":
                self.d.speculative |= words
            elif key == "mutual":
                self.d.mutual |= words
            elif key in ("elsewhere", "announced", "paired"):
                code, eq, other = (x.strip() for x in value.partition("="))
                if not eq or not code or not other or " " in code or " " in other:
                    example = "042 = 043" if key == "paired" else "040 = 044"
                    raise DictionaryError(
                        f"@{key} needs two codes", entry=line[:40], fix=f"write e.g. '@{key} {example}'"
                    )
                if key == "paired":
                    self.d.paired[code] = other
                    self.d.paired[other] = code
                else:
                    (self.d.elsewhere if key == "elsewhere" else self.d.announced)[code] = other
            else:
                raise DictionaryError(
                    f"unknown directive '@{key}'", entry=line[:40],
                    fix="use @negating, @intending, @aspectual, @light, @enacting, @enacted, @announcing, @speculative, @announced, "
                    "@elsewhere, @mutual or @paired",
                )
            return
        lhs, rhs = _split_entry(line, origin)
        if lhs.startswith("&"):
            name = lhs.strip().upper()
            alts = tuple(tuple(a.lower().split()) for a in rhs.split("|") if a.strip())
            if not alts:
                raise DictionaryError("an empty synset", entry=name, fix="list its words: '&NAME = a | b'")
            self.d.synsets[name] = Synset(name, alts, origin)
            return
        tokens = _ALT_SPACES.sub("|", lhs).split()
        verbs = tuple(v.lower() for v in tokens[0].split("|") if v)
        if not verbs or not all(re.match(r"^[a-z][a-z'\-]*$", v) for v in verbs):
            raise DictionaryError(
                f"'{tokens[0]}' is not a verb", entry=lhs, fix="start the line with the verb's lemma, e.g. 'attack + = 190'"
            )
        pre: list = []
        post: list = []
        for tok in tokens[1:]:
            if tok == "*":
                if pre:
                    raise DictionaryError("two '*' in one pattern", entry=lhs, fix="keep one '*'")
                pre, post = post, []
            elif tok in (TARGET, SOURCE):
                post.append(tok)
            elif tok.startswith("&"):
                post.append(Words((), tok.upper()))  # resolved against synsets later
            else:
                alts = tuple(tuple(w.lower().split("_")) for w in tok.split("|") if w)
                post.append(Words(alts, tok.lower()))
        codes = rhs.split(":")
        if len(codes) > 2:
            raise DictionaryError("more than one ':' in the code", entry=lhs, fix="write CODE or CODE:PASSIVE")
        code = codes[0].strip()
        passive = codes[1].strip() if len(codes) == 2 else None
        self.d.verbs.append(VerbPattern(verbs, tuple(post), code, passive, tuple(pre), origin, line))

    def noun_line(self, origin: Origin, line: str) -> None:
        """``clash = 190 target with | against | mutual``: after the code, options separated by
        ``|``: ``target PREP`` (more prepositions follow as ``| PREP``), ``source PREP``,
        ``object WORD ...``, ``mutual``, ``implied AGENT``, ``subject``."""
        lhs, rhs = _split_entry(line, origin)
        phrases = _phrases(lhs)
        if not phrases:
            raise DictionaryError("no noun before '='", entry=line[:40], fix="write the noun first, e.g. 'air strike = 195'")
        parts = [p.split() for p in rhs.split("|")]
        if not parts or not parts[0]:
            raise DictionaryError("no code after '='", entry=phrases[0], fix="write a CAMEO code, e.g. '= 195'")
        code = parts[0][0]
        if not EVENT_CODE_RE.match(code) and code != NO_EVENT:
            raise DictionaryError(f"'{code}' is not a CAMEO event code", entry=phrases[0],
                                  fix="write e.g. '= 195', or '= ---' for a noun that tells who acted but no event")
        options: dict = {}
        last = None
        for words in [parts[0][1:]] + parts[1:]:
            if not words:
                continue
            key, values = words[0].lower(), tuple(w.lower() for w in words[1:])
            if key in ("target", "source") and values:
                options[key] = values
                last = key
            elif key == "object" and values:
                options["objects"] = values  # singular words; their plurals match too
                last = "objects"
            elif last and len(words) == 1 and key not in ("mutual", "implied", "subject"):
                options[last] += (key,)  # "target on | against": one more preposition
            elif (key == "mutual" or key == "subject") and not values:
                options[key] = True
                last = None
            elif key == "implied" and len(values) == 1 and AGENT_CODE_RE.match(words[1]):
                options["implied"] = words[1]
                last = None
            else:
                raise DictionaryError(
                    f"unknown noun option '{' '.join(words)}'", entry=phrases[0],
                    fix="use 'target PREP ...', 'source PREP ...', 'object WORD ...', 'mutual', 'implied AGENT' or "
                        "'subject', separated by '|'",
                )
        words = tuple(tuple(normalize_phrase(p).lower().split()) for p in phrases)
        self.d.nouns.append(NounPattern(phrases[0], words, code, origin=origin, **options))

    def discard_line(self, origin: Origin, line: str) -> None:
        story = line.startswith("+")
        body = line[1:] if story else line
        for p in _phrases(body):
            self.d.discards.append(Discard(p, story, origin))

    def reference_line(self, origin: Origin, line: str) -> None:
        lhs, rhs = _split_entry(line, origin)
        types = tuple(t.strip() for t in rhs.split("|") if t.strip())
        bad = [t for t in types if t not in ACTOR_TYPES]
        if bad or not types:
            raise DictionaryError(
                f"unknown actor type(s) {', '.join(bad) or '(none)'}", entry=lhs[:40],
                fix=f"use types from: {', '.join(ACTOR_TYPES)}",
            )
        self.d.references.append(Reference(_phrases(lhs), types, origin))

    def issue_line(self, origin: Origin, line: str) -> None:
        lhs, rhs = _split_entry(line, origin)
        for p in _phrases(lhs):
            self.d.issues.append(IssueEntry(p, rhs.strip(), origin))


def read_folder(root: str | Path, label: str | None = None) -> tuple[Dictionaries, list[Problem]]:
    """Read one native dictionary folder without cross-checking; returns problems found per line."""
    root = Path(root)
    reader = _Reader(root, label or root.name)
    d = reader.read()
    return d, reader.problems


def read_bundled(*names: str) -> Dictionaries:
    """Only the named files of the bundled dictionaries (``"cameo.txt"``, ``"actors/countries.txt"``),
    read as :func:`read_folder` reads them, without validation: for tools that need a table of
    codes and names rather than the coder (reading every bundled file takes seconds)."""
    reader = _Reader(bundled_dictionaries_path(), BUNDLED_NAME)
    reader.only = frozenset(names)
    return reader.read()


# ----------------------------------------------------------------------------------------------
# Merging layers and validating the whole


def merge(layers: Sequence[Dictionaries]) -> Dictionaries:
    """Later layers override earlier ones: a phrase, verb pattern, code or synset defined again
    replaces the earlier definition."""
    out = Dictionaries()
    for layer in layers:
        redefined = {phrase_key(p) for a in layer.actors for p in a.phrases}
        kept = []
        for a in out.actors:
            phrases = tuple(p for p in a.phrases if phrase_key(p) not in redefined)
            if phrases:
                kept.append(a if phrases == a.phrases else ActorEntry(a.name, phrases, a.codes, a.type, a.origin))
        out.actors = kept + layer.actors
        agent_keys = {phrase_key(p) for a in layer.agents for p in a.phrases}
        out.agents = [a for a in out.agents if not agent_keys & {phrase_key(p) for p in a.phrases}] + layer.agents
        verb_keys = {_verb_key(v) for v in layer.verbs}
        out.verbs = [v for v in out.verbs if _verb_key(v) not in verb_keys] + layer.verbs
        noun_keys = {w for n in layer.nouns for w in n.words}
        out.nouns = [n for n in out.nouns if not noun_keys & set(n.words)] + layer.nouns
        out.cameo.update(layer.cameo)
        out.synsets.update(layer.synsets)
        out.negating |= layer.negating
        out.aspectual |= layer.aspectual
        out.intending |= layer.intending
        out.light |= layer.light
        out.enacting |= layer.enacting
        out.enacted |= layer.enacted
        out.elsewhere.update(layer.elsewhere)
        out.announcing |= layer.announcing
        out.speculative |= layer.speculative
        out.mutual |= layer.mutual
        out.paired.update(layer.paired)
        out.announced.update(layer.announced)
        out.discards += layer.discards
        out.references += layer.references
        out.issues += layer.issues
        out.sources += layer.sources
        out.warnings += layer.warnings
    return out


def _verb_key(v: VerbPattern) -> tuple:
    return (v.verbs, tuple(str(e) for e in v.pre), tuple(str(e) for e in v.post))


def resolve_synsets(d: Dictionaries) -> list[Problem]:
    """Replace ``&NAME`` placeholders in patterns by the synset's words."""
    problems = []
    resolved = []
    for v in d.verbs:
        elems = []
        ok = True
        for part in (v.pre, v.post):
            out = []
            for e in part:
                if isinstance(e, Words) and not e.alternatives and e.label.startswith("&"):
                    syn = d.synsets.get(e.label)
                    if syn is None:
                        problems.append(Problem(
                            v.origin, v.text, f"synset {e.label} is not defined",
                            f"define it in a verbs file: '{e.label} = word | word'",
                        ))
                        ok = False
                        break
                    e = Words(syn.alternatives, e.label)
                out.append(e)
            elems.append(tuple(out))
        if ok:
            resolved.append(VerbPattern(v.verbs, elems[1], v.code, v.passive_code, elems[0], v.origin, v.text))
    d.verbs = resolved
    return problems


def validate(d: Dictionaries) -> list[Problem]:
    """Check codes, dates and conflicts across the merged dictionaries."""
    problems: list[Problem] = []
    for a in d.actors:
        for dc in a.codes:
            if not ACTOR_CODE_RE.match(dc.code):
                problems.append(Problem(
                    a.origin, a.name, f"'{dc.code}' is not an actor code",
                    "use upper-case 3-letter blocks, e.g. RUS, RUSGOV, IMGMUSISI",
                ))
        codes = list(a.codes)
        for i, x in enumerate(codes):
            for y in codes[i + 1:]:
                if x.overlaps(y) and x.code != y.code:
                    problems.append(Problem(
                        a.origin, a.name, f"the ranges of {x} and {y} overlap",
                        "make one range end the day before the other starts",
                    ))
    # A phrase may not give two different codes on one day.
    by_phrase: dict[str, list[ActorEntry]] = defaultdict(list)
    for a in d.actors:
        for p in set(map(phrase_key, a.phrases)):
            by_phrase[p].append(a)
    for p, entries in by_phrase.items():
        if len(entries) < 2:
            continue
        for i, x in enumerate(entries):
            for y in entries[i + 1:]:
                clash = _clash(x, y)
                if clash:
                    problems.append(Problem(
                        y.origin, p, f"also given {clash[0]} by '{x.name}' ({x.origin}) while here {clash[1]}",
                        "remove the phrase from one entry or make their date ranges disjoint",
                    ))
    for a in d.agents:
        if not AGENT_CODE_RE.match(a.code):
            problems.append(Problem(a.origin, a.name, f"'{a.code}' is not an agent code", "use e.g. GOV, MIL, REB"))
    if d.cameo:
        for v in d.verbs:
            for code in (v.code, v.passive_code):
                if code is not None and code != NO_EVENT and code not in d.cameo:
                    problems.append(Problem(
                        v.origin, v.text, f"'{code}' is not a CAMEO code in cameo.txt",
                        "use a code listed in cameo.txt, or '---' for no event",
                    ))
        for n in d.nouns:
            if n.code != NO_EVENT and n.code not in d.cameo:
                problems.append(Problem(
                    n.origin, n.name, f"'{n.code}' is not a CAMEO code in cameo.txt",
                    "use a code listed in cameo.txt, or '---' for a noun that names who acted but no event",
                ))
        for code, other in d.announced.items():
            if other not in d.cameo or not d.cameo.keys() & {k for k in d.cameo if k.startswith(code)}:
                problems.append(Problem(
                    None, f"@announced {code} = {other}", f"'{code}' starts no CAMEO code or '{other}' is none",
                    "write a code prefix and a CAMEO code, e.g. '@announced 04 = 036'",
                ))
        for code in sorted(set(d.paired) - d.cameo.keys()):
            problems.append(Problem(
                None, f"@paired {code} = {d.paired[code]}", f"'{code}' is not a CAMEO code in cameo.txt",
                "pair two CAMEO codes, e.g. '@paired 042 = 043'",
            ))
        for code in sorted(d.mutual - d.cameo.keys()):
            problems.append(Problem(
                None, f"@mutual {code}", f"'{code}' is not a CAMEO code in cameo.txt", "list CAMEO codes, e.g. '@mutual 040 | 057'",
            ))
        for code, other in d.elsewhere.items():
            for c in (code, other):
                if c not in d.cameo:
                    problems.append(Problem(
                        None, f"@elsewhere {code} = {other}", f"'{c}' is not a CAMEO code in cameo.txt",
                        "use codes listed in cameo.txt, e.g. '@elsewhere 040 = 044'",
                    ))
    return problems


def _clash(x: ActorEntry, y: ActorEntry) -> tuple[str, str] | None:
    for cx in x.codes:
        for cy in y.codes:
            if cx.code != cy.code and cx.overlaps(cy):
                return str(cx), str(cy)
    return None


DIRECTIVES = "verbs/directives.txt"


def load_layers(specs: Sequence[str | Path] | None) -> tuple[list[Dictionaries], list[Problem]]:
    """Read each dictionary spec: a native folder, or ``petrarch:DIR`` (``petrarch:FILE,FILE``,
    ``petrarch:DIR/NAME.*``) for PETRARCH files.

    The bundled CAMEO table, reference nouns and verb directives are always the first layer, so
    folders without them (like an import of PETRARCH dictionaries) still know every CAMEO code,
    "the group" and that "denied attacking" is a denial."""
    bundled = bundled_dictionaries_path()
    problems: list[Problem] = []
    layers: list[Dictionaries] = []
    if not specs:
        d, p = read_folder(bundled, BUNDLED_NAME)
        return [d], p
    # The base layer: the CAMEO table and the English reference nouns ("the group") are not
    # dictionary content but the language of CAMEO and English; other dictionaries add to them.
    base_reader = _Reader(bundled, BUNDLED_NAME)
    for origin, line in base_reader.lines(bundled / "cameo.txt"):
        base_reader.guard(origin, base_reader.cameo_line, origin, line)
    if (bundled / "references.txt").is_file():
        for origin, line in base_reader.lines(bundled / "references.txt"):
            base_reader.guard(origin, base_reader.reference_line, origin, line)
    # The verb directives (@negating "deny", @intending "plan", @aspectual "resume", ...) describe
    # English verbs, not a dictionary's coding choices: every set of patterns uses them.
    if (bundled / DIRECTIVES).is_file():
        for origin, line in base_reader.lines(bundled / DIRECTIVES):
            if line.startswith("@"):
                base_reader.guard(origin, base_reader.verb_line, origin, line)
    layers.append(base_reader.d)
    problems += base_reader.problems
    for spec in specs:
        spec = str(spec)
        if spec.startswith("petrarch:"):
            from .petrarch import read_petrarch_spec  # imported lazily: only needed for PETRARCH files

            # A folder (PETR_config.ini or the default set), files or globs: petrarch.spec_selection.
            d, p = read_petrarch_spec(spec[len("petrarch:"):])
        elif spec in (BUNDLED_NAME, ""):
            d, p = read_folder(bundled, BUNDLED_NAME)
        else:
            d, p = read_folder(Path(spec))
        layers.append(d)
        problems += p
    return layers, problems


def load_dictionaries(specs: Sequence[str | Path] | None = None, *, strict: bool = True) -> Dictionaries:
    """Read, merge and validate dictionaries (uncompiled). ``specs`` None means the bundled ones.

    With ``strict`` the first error is raised as a DictionaryError naming file, line, entry and fix;
    otherwise errors are kept in ``.warnings`` for lint tools."""
    layers, problems = load_layers(specs)
    d = merge(layers)
    problems += resolve_synsets(d)
    problems += validate(d)
    errors = [p for p in problems if p.severity == "error"]
    if strict and errors:
        first = errors[0]
        more = f" ({len(errors) - 1} more problems: run 'eventcoder dictionaries check')" if len(errors) > 1 else ""
        raise DictionaryError(
            first.message + more,
            file=first.origin.file if first.origin else None,
            line=first.origin.line if first.origin else None,
            entry=first.entry,
            fix=first.fix,
        )
    d.warnings = problems
    return d
