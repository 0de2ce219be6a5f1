"""Compile eventcoder's coding stage with Cython, in place, beside its Python sources.

The modules below stay plain Python: they run as they are wherever Cython or a C compiler is
missing. Compiled, with the ``.pxd`` files beside them declaring the parse's token type and the
hot helpers as C-level, they code about 1.8 times as fast (docs/performance.md). The compiled module
records the SHA-256 of the sources it was built from (``eventcoder/_compiled.json``), so a stale
build (a ``.py`` edited after compiling) is found by ``eventcoder.speedups.status()`` and the tests.

Used two ways:

* as hatchling's build hook (pyproject.toml), so ``pip install [-e] .`` compiles;
* ``python hatch_build.py`` recompiles in place (``make test`` and ``make demo`` do, when a
  source changed).

``EVENTCODER_PURE_PYTHON=1`` skips compiling (and ``python hatch_build.py --clean`` removes the
compiled files): eventcoder then runs as plain Python, with the same events.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def _speedups():
    """eventcoder/speedups.py, loaded by path (the package itself may not import here)."""
    spec = importlib.util.spec_from_file_location("_eventcoder_speedups", ROOT / "eventcoder" / "speedups.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean(root: Path = ROOT) -> None:
    """Remove the compiled modules, their C files and the manifest: plain Python again."""
    sp = _speedups()
    for path in sp.extension_files(root):
        path.unlink()
    for module in sp.MODULES:
        (root / module).with_suffix(".c").unlink(missing_ok=True)
    (root / sp.MANIFEST).unlink(missing_ok=True)


def build_in_place(root: Path = ROOT, *, quiet: bool = True) -> list[Path]:
    """Compile the modules beside their sources; returns the extension files. Raises when
    Cython or the C compiler fails (the caller decides whether plain Python will do)."""
    sp = _speedups()
    manifest = root / sp.MANIFEST
    digest = sp.sources_digest(root)
    if manifest.exists() and json.loads(manifest.read_text()).get("sources") == digest:
        built = sp.extension_files(root)
        if len(built) == len(sp.MODULES):
            return built  # up to date
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    extensions = [Extension(module[:-3].replace("/", "."), [module]) for module in sp.MODULES]
    cwd = os.getcwd()
    os.chdir(root)
    try:
        ext_modules = cythonize(
            extensions, language_level=3, quiet=quiet, force=True,
            # Types come from the .pxd files only: the .py annotations are for readers and
            # type checkers (an ``int`` there is any Python int).
            compiler_directives={"binding": True, "annotation_typing": False},
        )
        dist = Distribution({"name": "eventcoder", "ext_modules": ext_modules})
        cmd = dist.get_command_obj("build_ext")
        cmd.inplace = True
        cmd.parallel = os.cpu_count() or 1
        cmd.build_temp = str(root / "build" / "cython")
        cmd.ensure_finalized()
        cmd.run()
    except BaseException:
        clean(root)  # never half compiled: a module left from an older build would be imported
        raise
    finally:
        os.chdir(cwd)
    manifest.write_text(json.dumps({"sources": digest, "cython": _cython_version()}, indent=1) + "\n")
    return sp.extension_files(root)


def _cython_version() -> str:
    import Cython

    return Cython.__version__


def _pure() -> bool:
    return os.environ.get("EVENTCODER_PURE_PYTHON", "").strip() not in ("", "0")


try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script, outside a build
    BuildHookInterface = object  # type: ignore[assignment,misc]


class CythonBuildHook(BuildHookInterface):  # type: ignore[misc,valid-type]
    """hatchling's hook: compile before the wheel (or the editable wheel) is made."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:  # pragma: no cover - runs in pip
        if self.target_name != "wheel" or _pure():
            return
        root = Path(self.root)
        try:
            built = build_in_place(root)
        except Exception as exc:  # no compiler, no Python headers: plain Python still works
            sys.stderr.write(f"eventcoder: not compiled ({exc}); the coder runs as plain Python\n")
            return
        if version != "editable":  # an editable install imports them from the source tree
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
            for path in built + [root / "eventcoder" / "_compiled.json"]:
                rel = path.relative_to(root).as_posix()
                build_data["force_include"][str(path)] = rel


def get_build_hook():
    return CythonBuildHook


if __name__ == "__main__":
    if "--clean" in sys.argv[1:]:
        clean()
    elif not _pure():
        try:
            build_in_place(quiet="-v" not in sys.argv[1:])
        except Exception as exc:
            sys.stderr.write(f"eventcoder: not compiled ({exc}); the coder runs as plain Python\n")
