"""eventcoder's version, in a module of its own: any module can import it without importing the
package (whose ``__init__`` imports the coder lazily, which would make an import cycle)."""

__version__ = "0.1.0"
