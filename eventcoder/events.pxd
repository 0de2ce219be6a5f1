# Compiled by hatch_build.py (see tokens.pxd): the verb-pattern walks over typed tokens.
cimport cython
from eventcoder.tokens cimport Tok


cdef class _Keys:
    cdef public list pairs
    cdef public object _at
    @cython.locals(best_j=Py_ssize_t, best_n=Py_ssize_t, size=Py_ssize_t, n=Py_ssize_t, j=Py_ssize_t,
                   k=Py_ssize_t, ok=bint, starts=list, alt=tuple, pair=tuple)
    cpdef object find(self, object words, Py_ssize_t p)


@cython.locals(c=Tok)
cdef bint _is_negated(Tok v)

@cython.locals(c=Tok)
cdef bint _is_passive(Tok v)

@cython.locals(c=Tok)
cdef bint _has_subject(Tok v)

@cython.locals(c=Tok, gov=Tok, t=Tok)
cdef int _announcement(Tok v, object lex, object by_head=*)

@cython.locals(c=Tok)
cdef bint _open_question(Tok t)

@cython.locals(t=Tok, gov=Tok)
cdef bint _codable(Tok v, object lex)

cdef list _candidates(object lex, object names, set keys, bint worded=*)

@cython.locals(c=Tok, t=Tok)
cdef list _with_complements(Tok v, list own)

@cython.locals(c=Tok, t=Tok, out=list, stack=list)
cdef list _clause_tokens(Tok v)

@cython.locals(c=Tok, t=Tok, seen=dict, stack=list)
cdef list _expand(object tokens)

@cython.locals(c=Tok, p=Tok, first=Tok, subj=list, by=list)
cdef list _subject_tokens(Tok v, bint passive, int depth=*)

@cython.locals(t=Tok, out=list, of=list)
cdef list _through_quantities(object tokens)

@cython.locals(t=Tok, c=Tok, p=Tok, out=list)
cdef list _prep_objects(object tokens, str preposition)

cdef list _event_agents(Tok v, list objects, dict by_head)

@cython.locals(t=Tok, out=list)
cdef list _mentions_at(object tokens, dict by_head)
cdef list _counted_mentions(object tokens, dict by_head)

@cython.locals(p=Py_ssize_t, slots=dict, open_slots=list)
cdef object _match(object pattern, _Keys keys, _Keys pre_keys, list matched=*)

@cython.locals(t=Tok, j=Py_ssize_t)
cdef list _in_range(list clause, Py_ssize_t lo, Py_ssize_t hi, dict by_head, bint named=*)

@cython.locals(t=Tok, c=Tok, subjects=list, objects=list, found=list)
cdef list _default_targets(Tok v, bint passive, list clause_after, dict by_head, Py_ssize_t after=*)

@cython.locals(t=Tok)
cdef list _first_actor(list clause_after, dict by_head)

@cython.locals(post=list, matched=list, slots=object)
cdef object _first_match(list pats, bint passive, list own, _Keys own_keys, _Keys pre_keys, list extended,
                         _Keys ext_keys, dict by_head, object particle=*)

@cython.locals(v=Tok, t=Tok, c=Tok, by_head=dict, events=list, consumed=set, clause=list, own=list, pre=list,
               extended=list, own_keys=_Keys, pre_keys=_Keys, ext_keys=_Keys, keys=set, passive=bint,
               subjects=list, sources=list, targets=list, words=list, post=list, noun_taken=dict, coded=set,
               subject_tokens=list, superseded=set, scheduled=set, complements=set, announced=int)
cdef list _code_sentence(object lex, object sent, list mentions, bint require_dyad)
