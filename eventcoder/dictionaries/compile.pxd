# Compiled by hatch_build.py: the phrase matcher as a C-callable function (actors.py cimports it).
cimport cython

@cython.locals(best_n=Py_ssize_t, size=Py_ssize_t, n=Py_ssize_t, groups=list, table=dict)
cpdef object phrase_match(dict by_first, object lowers, object texts, Py_ssize_t i)
