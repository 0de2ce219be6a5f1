# Compiled by hatch_build.py: the parse's token as a C struct, so that the coder's tree walks
# (events.py, actors.py) read links and labels without Python attribute lookups.
cimport cython

cdef class Tok:
    cdef public Py_ssize_t i
    cdef public str text, lower_, lemma, tag_, pos_, dep_
    cdef public Tok head
    cdef public list children
    cdef public object _conjuncts
    cpdef bint is_ancestor(self, Tok other)


cdef class ParsedDoc:
    cdef public list texts, lowers, sents
    cdef public object _cols
    cdef public list _heads, _idx, _spaces, _toks
    cdef public object _text
    @cython.locals(i=Py_ssize_t, h=Py_ssize_t, n=Py_ssize_t, t=Tok, head=Tok)
    cpdef build(self, Py_ssize_t start, Py_ssize_t end)
    cpdef str span_text(self, Py_ssize_t start, Py_ssize_t end)
    @cython.locals(i=Py_ssize_t, t=Tok, toks=list)
    cpdef release(self)


cdef class Sentence:
    cdef public ParsedDoc doc
    cdef public Py_ssize_t start, end


@cython.locals(cache=dict, out=list, s=str)
cpdef list _strings(object strings, list hashes, bint lower=*)
