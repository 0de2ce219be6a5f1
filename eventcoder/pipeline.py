"""The Coder: stories in, events out; and the spaCy component that codes a Doc.

Both drive the same path: actor mentions (actors.py) -> references resolved on the story ->
verb patterns on the parse (events.py) -> dates (dates.py) -> Event records.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .actors import StoryContext, assumed_day, keep_apart, sentence_mentions
from .denials import answer_denials, may_answer
from .country_inference import StoryCountries, dateline_country, headline_country, headline_words, infer_countries
from .dates import TRIGGERS as DATE_TRIGGERS
from .dates import event_date
from .dictionaries.compile import Lexicon, load_lexicon
from .dictionaries.model import quad_class
from .events import code_sentence
from .longtext import parse_long, parse_stories, piece_size
from .locations import event_location, target_place
from .plover import EVENTS as PLOVER_EVENTS
from .plover import MODES as PLOVER_MODES
from .records import Event, Story, event_id
from .tokens import ParsedDoc, Sentence

for _name, _default in (("events", None), ("story_date", None), ("story_id", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


# Visits take place where the visited party is ("visited Beijing").
_VISITS = frozenset({"042", "043"})
# Assaults, fighting and mass violence happen where their target is ("shelled Kharkiv").
_PHYSICAL = frozenset({"18", "19", "20"})
# A dateline ends with one of these ("KARACHI, Pakistan (Reuters) -", "NAIROBI:").
_DATELINE_MARKS = frozenset({"-", "\u2014", "\u2013", ":", "--", ")"})


def _discarded(index, lowers: list[str], texts: list[str]) -> bool:
    firsts = index.by_first
    if firsts.keys().isdisjoint(lowers) and firsts.keys().isdisjoint(texts):
        return False  # no discard phrase can start here (checked without a Python loop)
    return any(
        index.match_at(lowers, texts, i) for i, low in enumerate(lowers) if low in firsts or texts[i] in firsts
    )


def code_doc(lex: Lexicon, doc: Doc | ParsedDoc, story: Story, require_dyad: bool = True) -> list[Event]:
    """Every event of a parsed story (a spaCy ``Doc``, or the ``ParsedDoc`` read from one)."""
    if isinstance(doc, ParsedDoc):
        return _code_parsed(lex, doc, story, require_dyad)
    parsed = ParsedDoc(doc)
    try:
        return _code_parsed(lex, parsed, story, require_dyad)
    finally:
        parsed.release()


def _code_parsed(lex: Lexicon, parsed: ParsedDoc, story: Story, require_dyad: bool) -> list[Event]:
    lowers, texts = parsed.lowers, parsed.texts
    if lex.story_discards.by_first and _discarded(lex.story_discards, lowers, texts):
        return []
    ctx = StoryContext()
    ctx.explore = lambda s, acting: code_sentence(lex, s, acting, False)
    out: list[Event] = []
    day = story.date
    # Actors are coded as of the story's date; an undated story's from the people it names in
    # office (their codes only: no event gets that day as its date).
    on = day if day is not None else assumed_day(lex, lowers, texts)
    ctx.day = on
    dateline, dateline_end = (
        dateline_country(parsed.opening(), on) if _DATELINE_MARKS.intersection(texts[:14]) else (None, 0)
    )
    countries = StoryCountries(dateline, headline_country(lex, story.title, story.url, on))
    ctx.name_halves(lex, *headline_words(story.title, story.url), story.sentence_offset)
    for k, (start, end) in enumerate(parsed.sents):
        index = story.sentence_offset + k
        sent = Sentence(parsed, start, end)
        s_lowers, s_texts = lowers[start:end], texts[start:end]
        if lex.sentence_discards.by_first and _discarded(lex.sentence_discards, s_lowers, s_texts):
            continue
        if k == 0 and dateline_end:
            # "MELBOURNE (Reuters) - Authorities in Fiji detained": the dateline's words are no
            # part of a phrase the parser ran across it (its country is the dateline's, below)
            cut = 0
            while cut < end - start and parsed.char_start(start + cut) < dateline_end:
                cut += 1
            m_lowers = [""] * cut + s_lowers[cut:]
            m_texts = [""] * cut + s_texts[cut:]
        else:
            m_lowers, m_texts = s_lowers, s_texts
        mentions = sentence_mentions(lex, sent, index, on, m_lowers, m_texts)
        mentions = ctx.resolve(lex, sent, mentions, index, m_lowers, m_texts)
        if mentions:
            if k == 0 and dateline_end:  # the dateline's own place is not what the story names
                countries.observe([m for m in mentions if parsed.char_start(m.head) >= dateline_end])
            else:
                countries.observe(mentions)
            mentions = infer_countries(sent, mentions, countries, on)
            if day is None:
                mentions = keep_apart(mentions)
        acting = mentions
        if k == 0 and dateline_end and mentions:
            # "KIEV, Ukraine (AP) — Russian troops attacked ...": the dateline says where the story
            # was filed; its place names are no party to the sentence's events.
            # A phrase the parser ran across the dateline ("ANKARA - Turkey summoned") is the
            # party its head names.
            acting = [m for m in mentions if parsed.char_start(m.head) >= dateline_end]
        raw = code_sentence(lex, sent, acting, require_dyad) if acting else []
        if acting and (ctx.acts or ctx.told) and may_answer(ctx, index, s_lowers):
            # "Sudan accused Chad of ... Chad denied any link": the denial answers the accuser
            raw = raw + answer_denials(lex, ctx, index, sent, acting, raw)
        ctx.remember(mentions, lex)
        if raw:
            ctx.remember_acts(index, raw, parsed)
        if acting:
            ctx.await_reading(index, sent, acting)
        dated = day is not None and not DATE_TRIGGERS.isdisjoint(s_lowers)
        text = sent.text.strip()
        places: dict = {}
        for r in raw:
            t = r.target
            where = places.get(r.verb, places)
            if where is places:
                where = places[r.verb] = event_location(
                    sent.doc, r.verb, [r.source.country, t.country if t else None], countries.ranked(), on, mentions)
                if where is None and t is not None and (r.code[:2] in _PHYSICAL or r.code[:3] in _VISITS):
                    where = places[r.verb] = target_place(sent.doc, t.head, t.country, on)
            code = r.code
            third = lex.dictionaries.elsewhere.get(code) if where is not None and t is not None else None
            if third is not None and r.source.country and t.country and where.country not in (r.source.country, t.country):
                code = third  # "met in Brussels": a meeting at a third location (@elsewhere)
            cameo = lex.cameo.get(code)
            out.append(Event(
                event_id=event_id(story.id, index, r.verb, r.source.code, t.code if t else None, code),
                story_id=story.id,
                sentence_index=index,
                date=event_date(sent, r.verb, day) if dated else day,
                story_date=day,
                source=r.source.code,
                source_country=r.source.country,
                source_agent=r.source.agent,
                source_text=r.source.text if r.source.via is None else f"{r.source.text} [{r.source.via}]",
                target=t.code if t else None,
                target_country=t.country if t else None,
                target_agent=t.agent if t else None,
                target_text=(t.text if t.via is None else f"{t.text} [{t.via}]") if t else None,
                event_code=code,
                root_code=code[:2],
                quad_class=quad_class(code),
                goldstein=cameo.goldstein if cameo else None,
                verb_text=r.verb_text,
                pattern=f"{r.pattern.origin} {r.pattern.text}" if r.pattern.origin else r.pattern.text,
                sentence_text=text,
                publisher=story.publisher,
                url=story.url,
                source_entry=r.source.entry,
                target_entry=t.entry if t else None,
                source_country_inferred=r.source.inferred,
                target_country_inferred=t.inferred if t else False,
                trigger=r.trigger,
                plover_event=PLOVER_EVENTS.get(code),
                plover_mode=PLOVER_MODES.get(code),
                location_text=where.text if where else None,
                location_country=where.country if where else None,
                latitude=where.latitude if where else None,
                longitude=where.longitude if where else None,
            ))
    return out


class Coder:
    """Code stories into events with a spaCy pipeline and compiled dictionaries.

    >>> coder = Coder()                                     # bundled dictionaries, default model
    >>> events = coder.code_text("Russia attacked Ukraine.", date=dt.date(2022, 2, 24))
    """

    def __init__(
        self,
        dictionaries: Sequence[str] | None = None,
        model: str | None = None,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
        require_dyad: bool = True,
        batch_size: int = 64,
        use_cache: bool = True,
        max_story_chars: int | None = None,
        piece_chars: int | None = None,
    ) -> None:
        from .nlp import load_model

        self.lexicon = lexicon if lexicon is not None else load_lexicon(dictionaries, use_cache=use_cache)
        self.nlp = nlp if nlp is not None else load_model(model)
        self.require_dyad = require_dyad
        self.batch_size = batch_size
        self.sentences = 0
        # A story longer than max_story_chars is an InputError (None: any length); one longer
        # than piece_chars (default and at most: the parser's nlp.max_length) is parsed in pieces.
        self.max_story_chars = max_story_chars
        self.piece_chars = piece_chars

    @property
    def fingerprint(self) -> str:
        return self.lexicon.fingerprint

    def code_doc(self, doc: Doc, story: Story) -> list[Event]:
        parsed = ParsedDoc(doc)
        self.sentences += len(parsed.sents)
        return code_doc(self.lexicon, parsed, story, self.require_dyad)

    def code_stories(self, stories: Iterable[Story]) -> Iterator[tuple[Story, list[Event]]]:
        """Parse in batches with nlp.pipe and code each story; yields (story, events) in order.
        A story longer than the parser takes is parsed in pieces (eventcoder.longtext)."""
        if self.max_story_chars is not None:
            stories = (s for s in stories if self._within_limit(s.id, s.text, s.origin))
        size = piece_size(self.nlp, self.piece_chars)
        for doc, story in parse_stories(self.nlp, stories, size, self.batch_size):
            yield story, self.code_doc(doc, story)

    def _within_limit(self, story_id: str, text: str, origin: str | None = None) -> bool:
        """True, or an InputError when ``text`` is longer than ``max_story_chars``."""
        limit = self.max_story_chars
        if limit is None or len(text) <= limit:
            return True
        from .errors import InputError
        from .readers import too_long_reason

        file, _, line = (origin or "").rpartition(":")
        raise InputError(
            too_long_reason(story_id, len(text), limit), file=file or origin,
            line=int(line) if line.isdigit() else None, field="--max-story-chars",
            fix="raise --max-story-chars, or leave the story out",
        )

    def _parse(self, text: str, story_id: str) -> Doc:
        """The parse of ``text`` (in pieces if the parser cannot take it whole)."""
        self._within_limit(story_id, text)
        return parse_long(self.nlp, text, piece_size(self.nlp, self.piece_chars))

    def code(self, stories: Iterable[Story]) -> Iterator[Event]:
        for _, events in self.code_stories(stories):
            yield from events

    def code_text(
        self, text: str, date: dt.date | None = None, story_id: str = "text", context: str | None = None,
        url: str | None = None, title: str | None = None,
    ) -> list[Event]:
        """Events of ``text``. ``context``: the story's text before it (dateline, earlier
        sentences), read first for references and countries; its own events are left out.
        ``title`` (or, without one, ``url``) is the story's headline, read for its country."""
        if not context:
            story = Story(id=story_id, date=date, text=text, title=title, url=url)
            return self.code_doc(self._parse(text, story_id), story)
        full = context.rstrip() + "\n\n" + text
        begin = len(full) - len(text)
        doc = self._parse(full, story_id)
        parsed = ParsedDoc(doc)
        try:
            # Sentences that reach into ``text`` (one the parser ran on from the context counts).
            keep = {k for k, (start, end) in enumerate(parsed.sents) if parsed.char_end(end) > begin}
            self.sentences += len(keep)
            events = code_doc(self.lexicon, parsed, Story(id=story_id, date=date, text=full, title=title, url=url),
                              self.require_dyad)
        finally:
            parsed.release()
        return [e for e in events if e.sentence_index in keep]


class EventcoderComponent:
    """spaCy pipeline component: ``nlp.add_pipe("eventcoder")`` sets ``doc._.events``.

    The story date is read from ``doc._.story_date`` (a datetime.date) when set."""

    def __init__(self, nlp: Language, name: str, dictionaries: list[str] | None, require_dyad: bool) -> None:
        self.name = name
        self.lexicon = load_lexicon(dictionaries)
        self.require_dyad = require_dyad

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not doc.has_annotation("DEP"):
            from .errors import ModelError

            raise ModelError(
                "the eventcoder component got a Doc without a dependency parse",
                fix="add it to a pipeline with a parser, after the parser: nlp.add_pipe('eventcoder', last=True)",
            )
        story = Story(id=doc._.story_id or "doc", date=doc._.story_date, text=doc.text)
        doc._.events = code_doc(self.lexicon, doc, story, self.require_dyad)
        return doc


@Language.factory("eventcoder", default_config={"dictionaries": None, "require_dyad": True})
def make_eventcoder(nlp: Language, name: str, dictionaries: list[str] | None, require_dyad: bool) -> EventcoderComponent:
    return EventcoderComponent(nlp, name, dictionaries, require_dyad)
