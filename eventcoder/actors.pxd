# Compiled by hatch_build.py (see tokens.pxd): dictionary matching and noun-phrase grouping over
# typed tokens.
cimport cython
from eventcoder.tokens cimport ParsedDoc, Tok
from eventcoder.dictionaries.compile cimport phrase_match


cdef class _Hit:
    cdef public str kind, code
    cdef public Py_ssize_t start, end
    cdef public object payload


@cython.locals(toks=list, root=Tok, tok=Tok, i=Py_ssize_t, h=Py_ssize_t)
cdef Tok _span_root(ParsedDoc sent_doc, Py_ssize_t start, Py_ssize_t end)

@cython.locals(seen=int)
cdef Tok _np_head(Tok tok)

@cython.locals(actors=dict, agents=dict, hits=list, i=Py_ssize_t, n=Py_ssize_t, last=Py_ssize_t, singles=frozenset, pairs=frozenset, firsts=frozenset, low=str, text=str)
cdef list _find_hits(object lex, list lowers, list texts, Py_ssize_t offset, object day)

@cython.locals(doc=ParsedDoc, hits=list, groups=dict, relation=dict, shared=dict, h=_Hit, root=Tok, head=Tok,
               tok=Tok, partner=Tok, mentions=list, owner=list)
cdef list _sentence_mentions(object lex, object sent, object sentence_index, object day, list lowers, list texts)

@cython.locals(h=_Hit, base=_Hit, head_hit=_Hit, agent_hit=_Hit, other=_Hit, actors=list, agents=list, start=Py_ssize_t,
               end=Py_ssize_t)
cdef _compose(object lex, ParsedDoc doc, Py_ssize_t head_i, list group, object rel, object sentence_index)
