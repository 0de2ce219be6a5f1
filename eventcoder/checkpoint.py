"""Checkpoints of a coding run: durable chunks and the manifest that says which are done.

A resumable run (either engine, Parquet output, inputs that are files) cuts the records it reads
into chunks of ``chunk_stories`` records, in reading order. When every story of a chunk is coded,
its events are written as one Parquet file per year, ``year=Y/part-<run id>-c<chunk>.parquet``,
and its rejected records as ``_resume/rejected-<chunk>.jsonl``, each to a temporary name, flushed
to disk (``fsync``) and renamed; then the manifest ``_resume/manifest.json`` is rewritten the same
way to list the chunk as done, with its counts. All of it lives in the writer's hidden temporary
folder beside the output (``.NAME.tmp-<8 hex>``), which a killed run leaves behind.

The manifest also holds the run's *key*: each input's path, size, modification time and SHA-256,
the options that change events, the dictionaries' fingerprint, the model and the eventcoder
version. ``--resume`` refuses (:class:`eventcoder.errors.ResumeError`) when any of them differs,
and otherwise skips the chunks done. A chunk whose files were written but that the manifest does
not list is simply written again (same events, same file names).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ._version import __version__
from .errors import ResumeError
from .testhooks import disk_point

RESUME_DIR = "_resume"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = "eventcoder-resume/1"
#: Records per chunk (the unit of work a kill can lose): a few seconds to a minute of coding.
CHUNK_STORIES = 1000
#: Options that do not change the events (how the work is spread, where it goes, how it is resumed).
NEUTRAL_OPTIONS = frozenset({
    "inputs", "output", "overwrite", "append", "workers", "engine", "scheduler", "resume", "chunk_stories", "command",
})
COUNT_FIELDS = ("stories_read", "stories_coded", "stories_rejected", "files_rejected", "stories_with_events",
                "sentences", "events")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (best effort where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def durable_replace(temp: Path, target: Path) -> None:
    """Flush ``temp`` to disk, rename it to ``target`` and flush the folder: after a crash the
    target is either the old file or the complete new one."""
    disk_point(target)
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, target)
    fsync_dir(target.parent)


def write_json_durably(path: Path, value: object) -> None:
    """Replace a JSON document durably (the manifest holds only JSON types)."""
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", "utf-8")
    durable_replace(temp, path)


def file_fingerprint(path: Path) -> dict:
    """Path, size, modification time and SHA-256 of one input file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    st = os.stat(path)
    return {"path": str(Path(path).resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "sha256": digest.hexdigest()}


def run_key(options, paths: list[Path], fingerprint: str, model: str) -> dict:
    """Everything that decides the events of a run: inputs, options, dictionaries, model, version."""
    settings = {k: v for k, v in options.to_metadata().items() if k not in NEUTRAL_OPTIONS}
    return {
        "inputs": [file_fingerprint(p) for p in paths],
        "options": settings,
        "dictionary_fingerprint": fingerprint,
        "model": model,
        "eventcoder_version": __version__,
    }


def key_differences(old: dict, new: dict) -> list[str]:
    """What changed between the key of the interrupted run and this one, in words."""
    out: list[str] = []
    old_inputs = {i["path"]: i for i in old.get("inputs", [])}
    new_inputs = {i["path"]: i for i in new.get("inputs", [])}
    for path in sorted(old_inputs.keys() | new_inputs.keys()):
        a, b = old_inputs.get(path), new_inputs.get(path)
        if a is None or b is None:
            out.append(f"input {path} was {'added' if a is None else 'removed'}")
        elif a["sha256"] != b["sha256"] or a["size"] != b["size"]:
            out.append(f"input {path} changed ({a['size']:,} -> {b['size']:,} bytes, content differs)")
    if [i["path"] for i in old.get("inputs", [])] != [i["path"] for i in new.get("inputs", [])] and not out:
        out.append("the inputs are read in another order")
    old_opts, new_opts = old.get("options", {}), new.get("options", {})
    for name in sorted(old_opts.keys() | new_opts.keys()):
        if old_opts.get(name) != new_opts.get(name):
            out.append(f"option {name}: {old_opts.get(name)!r} -> {new_opts.get(name)!r}")
    for name, what in (("dictionary_fingerprint", "dictionaries"), ("model", "model"),
                       ("eventcoder_version", "eventcoder version")):
        if old.get(name) != new.get(name):
            out.append(f"{what}: {old.get(name)} -> {new.get(name)}")
    return out


def read_manifest(folder: Path) -> dict | None:
    """The manifest in a run's temporary folder (or a dataset), or None when there is none or it
    is not one (a manifest is only ever replaced whole, so a readable one is complete)."""
    try:
        manifest = json.loads((folder / RESUME_DIR / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == MANIFEST_FORMAT else None


def partial_outputs(output: Path) -> list[tuple[Path, dict]]:
    """The temporary folders of ``output`` that hold a manifest (interrupted resumable runs, or a
    live one), oldest first."""
    pattern = re.compile(r"\." + re.escape(output.name) + r"\.tmp-[0-9a-f]{8}")
    try:
        names = sorted(e for e in os.listdir(output.parent) if pattern.fullmatch(e))
    except OSError:
        return []
    found = [(output.parent / n, m) for n in names if (m := read_manifest(output.parent / n)) is not None]
    return sorted(found, key=lambda pair: pair[1].get("created", ""))


def totals(manifest: dict) -> dict:
    """The counts of the chunks done, summed (``by_quad`` and ``by_root`` as Counters)."""
    out: dict = {name: 0 for name in COUNT_FIELDS}
    out["by_quad"], out["by_root"] = Counter(), Counter()
    for chunk in manifest.get("chunks", []):
        for name in COUNT_FIELDS:
            out[name] += chunk.get(name, 0)
        out["by_quad"].update({int(k): v for k, v in chunk.get("by_quad", {}).items()})
        out["by_root"].update(chunk.get("by_root", {}))
    return out


def resume_command(manifest: dict) -> str:
    command = manifest.get("command")
    if not command:
        return "the same eventcoder code command with --resume"
    return command if " --resume" in f"{command} " else f"{command} --resume"


@dataclass
class Chunk:
    """One chunk being coded: its records' rejections and the events of its stories."""

    index: int
    stories: int  # stories of the chunk still to code
    rejected: list = field(default_factory=list)
    events: list = field(default_factory=list)
    counts: dict = field(default_factory=lambda: {name: 0 for name in COUNT_FIELDS})
    by_quad: Counter = field(default_factory=Counter)
    by_root: Counter = field(default_factory=Counter)


class Checkpoint:
    """The chunks and manifest of one resumable run, in the writer's temporary folder ``folder``."""

    def __init__(self, folder: Path, manifest: dict) -> None:
        self.folder = folder
        self.manifest = manifest
        self._started = time.perf_counter()
        self._elapsed_before = float(manifest.get("elapsed_seconds", 0.0))

    @classmethod
    def create(cls, folder: Path, *, key: dict, run_id: str, chunk_stories: int, command: str | None,
               stories_expected: int | None) -> Checkpoint:
        (folder / RESUME_DIR).mkdir(exist_ok=True)
        manifest = {
            "format": MANIFEST_FORMAT, "run_id": run_id, "created": _now(), "command": command,
            "chunk_stories": chunk_stories, "stories_expected": stories_expected, "state": "running",
            "elapsed_seconds": 0.0, "attempts": [{"started": _now(), "from_chunk": 0}], "key": key, "chunks": [],
        }
        checkpoint = cls(folder, manifest)
        checkpoint.save()
        return checkpoint

    @classmethod
    def adopt(cls, folder: Path, manifest: dict) -> Checkpoint:
        """Continue an interrupted run: drop the files of chunks the manifest does not list."""
        checkpoint = cls(folder, manifest)
        done = checkpoint.chunks_done
        for part in folder.glob("year=*/*.parquet"):
            match = re.search(r"-c(\d+)\.parquet$", part.name)
            if match is None or int(match.group(1)) >= done:
                part.unlink()
        for leftover in list(folder.glob("year=*/.*.tmp")) + list((folder / RESUME_DIR).glob(".*.tmp")):
            leftover.unlink()
        manifest.setdefault("attempts", []).append({"started": _now(), "from_chunk": done})
        manifest["state"] = "running"
        checkpoint.save()
        return checkpoint

    @property
    def chunks_done(self) -> int:
        return len(self.manifest["chunks"])

    @property
    def chunk_stories(self) -> int:
        return int(self.manifest["chunk_stories"])

    def save(self) -> None:
        self.manifest["elapsed_seconds"] = round(self._elapsed_before + time.perf_counter() - self._started, 3)
        self.manifest["updated"] = _now()
        write_json_durably(self.folder / RESUME_DIR / MANIFEST, self.manifest)

    def write_chunk(self, chunk: Chunk, schema, run_id: str) -> None:
        """Write a finished chunk's files durably, then list it in the manifest."""
        import pyarrow.parquet as pq

        from .schema import events_to_table, json_default, rejected_to_dict
        from .writers import COMPRESSION, year_parts

        if chunk.index != self.chunks_done:
            raise RuntimeError(f"chunk {chunk.index} finished before chunk {self.chunks_done}")
        if chunk.events:
            for year, part in year_parts(events_to_table(chunk.events)):
                folder = self.folder / f"year={year}"
                folder.mkdir(exist_ok=True)
                target = folder / f"part-{run_id}-c{chunk.index:06d}.parquet"
                temp = folder / f".{target.name}.tmp"
                try:
                    pq.write_table(part.replace_schema_metadata(schema.metadata), temp, compression=COMPRESSION)
                    durable_replace(temp, target)
                except OSError:
                    temp.unlink(missing_ok=True)  # a full disk: the chunk is written again on --resume
                    raise
        rejected = None
        if chunk.rejected:
            rejected = f"rejected-{chunk.index:06d}.jsonl"
            path = self.folder / RESUME_DIR / rejected
            temp = path.with_name(f".{rejected}.tmp")
            lines = "".join(json.dumps(rejected_to_dict(r), ensure_ascii=False, default=json_default) + "\n"
                            for r in chunk.rejected)
            temp.write_text(lines, "utf-8")
            durable_replace(temp, path)
        entry = {"index": chunk.index, **chunk.counts, "by_quad": {str(k): v for k, v in sorted(chunk.by_quad.items())},
                 "by_root": dict(sorted(chunk.by_root.items())), "rejected_file": rejected}
        self.manifest["chunks"].append(entry)
        self.save()

    def gather_rejected(self, target: Path) -> int:
        """Join the chunks' rejected records, in order, into ``target``; returns how many."""
        count = 0
        temp = target.with_name(f".{target.name}.tmp")
        with open(temp, "wb") as out:
            for chunk in self.manifest["chunks"]:
                if chunk.get("rejected_file"):
                    with open(self.folder / RESUME_DIR / chunk["rejected_file"], "rb") as part:
                        shutil.copyfileobj(part, out)
                    count += chunk["stories_rejected"]
        if count:
            durable_replace(temp, target)
        else:
            temp.unlink()
        return count


def key_hash(key: dict) -> str:
    """A short hash of a run key, stored in the committed dataset's metadata."""
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]


def refuse_changed(folder: Path, manifest: dict, key: dict) -> None:
    differences = key_differences(manifest.get("key", {}), key)
    if differences:
        raise ResumeError(
            "cannot resume: " + "; ".join(differences[:5]) + (f" (and {len(differences) - 5} more)" if len(differences) > 5 else "")
            + f" since the interrupted run ({len(manifest.get('chunks', []))} chunks done)",
            file=folder,
            fix="run the interrupted run's command unchanged with --resume, or start again without --resume and with "
            "--overwrite (which discards the partial output)",
        )
