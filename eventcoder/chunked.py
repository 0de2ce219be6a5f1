"""The local run in checkpointed chunks, so that a killed run can be resumed (``--resume``).

Plan: fingerprint the inputs and options (:func:`eventcoder.checkpoint.run_key`), find the partial
output of an interrupted run of the same output, and decide: resume it, refuse, or start afresh.
Execute: read the records in order, cut them into chunks of ``chunk_stories`` records, skip the
chunks the manifest lists as done, and code the stories of the others (in this process or in
``--workers`` processes, which return them in order). Commit: each chunk as soon as all its
stories are coded (eventcoder/checkpoint.py), then the whole dataset by the writer's atomic
rename. The events, their ids and the counts are those of a run that was never interrupted.
"""

from __future__ import annotations

import errno
import shutil
import time
from collections import deque
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from .checkpoint import (
    COUNT_FIELDS, MANIFEST, RESUME_DIR, Checkpoint, Chunk, key_hash, partial_outputs, refuse_changed, resume_command, run_key,
    totals,
)
from .errors import ResumeError
from .records import Rejected, Story
from .summary import RunSummary, input_paths, reject_error, run_metadata, writer_notes
from .testhooks import kill_point


def why_not_resumable(options, sources) -> str | None:
    """Why a run cannot be checkpointed (then it runs as before, all or nothing), or None."""
    if options.output_format != "parquet":
        return f"needs --format parquet (not {options.output_format})"
    if options.append:
        return "does not work with --append"
    if any(s.path is None for s in sources):
        return "cannot resume a run that reads stdin"
    return None


def _plan(options, writer, key: dict | None, notes: list[str]) -> tuple[Path, dict] | None:
    """The partial output to continue (folder, manifest), or None to start afresh; without
    --resume, refuses a partial output in the way (or with --overwrite removes it)."""
    from .writers import in_use

    partials = partial_outputs(writer.path)
    for folder, _ in partials:
        if in_use(folder):
            raise ResumeError(f"another eventcoder run is writing this output now ({folder.name})", file=writer.path,
                              fix="wait for it to finish (eventcoder status shows its progress), or choose another output")
    if not options.resume:
        for folder, manifest in partials:
            if options.overwrite:
                shutil.rmtree(folder, ignore_errors=True)
                notes.append(f"--overwrite: removed the partial output of an interrupted run ({folder}, "
                             f"{len(manifest.get('chunks', []))} chunks done)")
                continue
            raise ResumeError(
                f"an interrupted run left a partial output here ({len(manifest.get('chunks', []))} chunks of "
                f"{manifest.get('chunk_stories')} records done, {folder.name})",
                file=writer.path,
                fix=f"resume it with: {resume_command(manifest)}   (or pass --overwrite to discard it and start again)",
            )
        return None
    if len(partials) > 1:
        raise ResumeError(
            f"{len(partials)} partial outputs of interrupted runs: {', '.join(f.name for f, _ in partials)}",
            file=writer.path, fix="remove all but the one to resume",
        )
    if not partials:
        return None
    folder, manifest = partials[0]
    refuse_changed(folder, manifest, key)
    return folder, manifest


def _already_complete(writer, key: dict) -> RunSummary | None:
    """``--resume`` of a run that was killed after its commit: the dataset is there."""
    import json

    from .writers import METADATA_FILE

    try:
        meta = json.loads((writer.path / METADATA_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("resume_key") != key_hash(key):
        return None
    # The commit is done and is this run's: whatever of the checkpoints is left is stale, also
    # when a kill during their removal already took the manifest (rmtree removes files first).
    if (writer.path / RESUME_DIR).exists():
        shutil.rmtree(writer.path / RESUME_DIR, ignore_errors=True)
    counts = meta.get("counts") or {}
    summary = RunSummary(output=str(writer.path), model=meta.get("model", ""),
                         fingerprint=meta.get("dictionary_fingerprint", ""))
    for name in COUNT_FIELDS:
        setattr(summary, name, counts.get(name, 0))
    summary.notes = ["--resume: the run had already finished and committed its output; nothing to do"]
    return summary


def run_chunked(options, sources, coder, progress, started: float) -> RunSummary:
    from .nlp import model_description
    from .pipeline import Coder
    from .readers import count_hint, read_sources
    from .writers import REJECTED_FILE, DatasetWriter

    def new_writer(run_id=None, temp=None):
        return DatasetWriter(options.output, fmt="parquet", overwrite=options.overwrite, inputs=input_paths(sources),
                             run_id=run_id, temp=temp)

    writer = new_writer()
    notes: list[str] = []
    if not options.resume:  # refuse a bad output, or a partial one in the way, before the model is loaded
        writer.check()
        _plan(options, writer, None, notes)
    if coder is None:
        coder = Coder(options.dictionaries, options.model, require_dyad=options.require_dyad, batch_size=options.batch_size)
    model = model_description(coder.nlp)
    key = run_key(options, input_paths(sources), coder.fingerprint, model)
    plan = None
    if options.resume:
        done = _already_complete(writer, key)
        if done is not None:
            return done
        plan = _plan(options, writer, key, notes)
        if plan is not None:
            writer = new_writer(plan[1]["run_id"], plan[0])
        writer.check()
    summary = RunSummary(output=str(writer.path), model=model, fingerprint=coder.fingerprint)
    summary.setup_seconds = time.perf_counter() - started
    writer.metadata = run_metadata(options, summary)
    items = read_sources(
        sources, id_field=options.id_field, date_field=options.date_field, text_field=options.text_field,
        default_date=options.default_date, encoding=options.encoding, max_story_chars=options.max_story_chars,
        skip_unreadable=options.skip_bad,
    )
    with writer, _disk_errors(writer, options):
        if plan is None:
            checkpoint = Checkpoint.create(
                writer.temp_folder, key=key, run_id=writer.run_id, chunk_stories=options.chunk_stories,
                command=options.command, stories_expected=count_hint(list(options.inputs), options.input_format),
            )
            if options.resume:
                notes.append("--resume: no partial output found, so the run started from the beginning")
        else:
            checkpoint = Checkpoint.adopt(writer.temp_folder, plan[1])
            _restore(summary, checkpoint)
            notes.append(f"--resume: skipped {checkpoint.chunks_done:,} chunks done before the interruption "
                         f"({summary.stories_read:,} records, {summary.events:,} events)")
        summary.notes = writer_notes(writer) + notes
        from .engines.executor import executor

        with executor(options) as code:
            _code_chunks(code, coder, items, checkpoint, writer, summary, options, progress)
        kill_point("before-commit")
        rejected = checkpoint.gather_rejected(writer.temp_folder / REJECTED_FILE)
        writer.add_written(events=summary.events, rejected=rejected)
        checkpoint.manifest["state"] = "committing"
        checkpoint.save()
        summary.seconds = time.perf_counter() - started
        writer.metadata["counts"] = {name: getattr(summary, name) for name in COUNT_FIELDS}
        writer.metadata["resume_key"] = key_hash(key)
        writer.metadata["chunks"] = {"done": checkpoint.chunks_done, "records_per_chunk": checkpoint.chunk_stories,
                                     "attempts": len(checkpoint.manifest.get("attempts", []))}
        writer.metadata["elapsed_seconds"] = checkpoint.manifest["elapsed_seconds"]
        summary.rejected_file = str(writer.rejected_path) if summary.stories_rejected else None
        writer.commit()
    kill_point("after-commit")
    shutil.rmtree(writer.path / RESUME_DIR, ignore_errors=True)
    return summary


@contextmanager
def _disk_errors(writer, options) -> Iterator[None]:
    """A full disk, a read-only folder or a write the system refuses, while chunks are written or
    committed, is an OutputError; the temporary folder and its checkpoints stay for --resume
    (nothing looks complete: the output is only there after the commit's final rename)."""
    try:
        yield
    except OSError as err:
        if err.errno not in WRITE_ERRNOS:
            raise
        kept = writer.temp_folder if (writer.temp_folder / RESUME_DIR / MANIFEST).is_file() else None
        if kept is not None:
            writer.keep()
        raise write_failed(err, writer.path, kept) from None


#: The errors of a write the system refuses: a full disk or quota, a read-only or forbidden folder.
WRITE_ERRNOS = frozenset(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EFBIG")
                         if hasattr(errno, name))


def write_failed(err: OSError, output: Path, kept: Path | None = None):
    """The OutputError for a write the system refused (a full disk, a read-only folder)."""
    from .errors import OutputError

    return OutputError(
        f"cannot write the output: {err.strerror or err}"
        + (f"; the chunks done so far are kept in {kept}" if kept else "; nothing was written"),
        file=err.filename or output,
        fix="free space on that disk (or make the folder writable), then run the same command again"
        + (" with --resume" if kept else ""),
    )


def _restore(summary: RunSummary, checkpoint: Checkpoint) -> None:
    done = totals(checkpoint.manifest)
    for name in COUNT_FIELDS:
        setattr(summary, name, done[name])
    summary.by_quad.update(done["by_quad"])
    summary.by_root.update(done["by_root"])


def _code_chunks(code, coder, items: Iterable[Story | Rejected], checkpoint: Checkpoint, writer, summary: RunSummary,
                 options, progress) -> None:
    """Code every chunk not done yet (``code(coder, stories)``: the engine), writing each as soon
    as its last story is coded."""
    from .readers import FileRejected

    size = checkpoint.chunk_stories
    items = iter(items)
    skipped = sum(1 for _ in islice(items, checkpoint.chunks_done * size))
    if skipped != summary.stories_read:
        raise ResumeError(f"the inputs hold {skipped:,} records where the interrupted run read {summary.stories_read:,}",
                          fix="resume with the inputs of the interrupted run")
    pending: deque[Chunk] = deque()

    def stories() -> Iterator[Story]:
        index = checkpoint.chunks_done
        while batch := list(islice(items, size)):
            chunk = Chunk(index, stories=0)
            for item in batch:
                if isinstance(item, Rejected):
                    if not options.skip_bad:
                        if isinstance(item, FileRejected) and item.error is not None:
                            raise item.error
                        raise reject_error(item)
                    chunk.rejected.append(item)
                    chunk.counts["files_rejected"] += isinstance(item, FileRejected)
                else:
                    chunk.stories += 1
            chunk.counts["stories_read"] = len(batch)
            chunk.counts["stories_rejected"] = len(chunk.rejected)
            pending.append(chunk)
            index += 1
            yield from (item for item in batch if not isinstance(item, Rejected))

    def finish() -> None:
        chunk = pending.popleft()
        checkpoint.write_chunk(chunk, writer.file_schema, writer.run_id)
        for name in ("stories_read", "stories_rejected", "files_rejected"):
            setattr(summary, name, getattr(summary, name) + chunk.counts[name])
        summary.sentences += chunk.counts["sentences"]

    before = coder.sentences
    for story, events in code(coder, stories()):
        while pending[0].stories == 0:
            finish()  # chunks of rejected records only
        chunk = pending[0]
        chunk.events.extend(events)
        chunk.counts["sentences"] += coder.sentences - before
        before = coder.sentences
        chunk.counts["stories_coded"] += 1
        chunk.counts["stories_with_events"] += bool(events)
        chunk.counts["events"] += len(events)
        for event in events:
            chunk.by_quad[event.quad_class] += 1
            chunk.by_root[event.root_code] += 1
        summary.add(events)
        chunk.stories -= 1
        if chunk.stories == 0:
            finish()
        if progress is not None:
            progress(summary.stories_coded + summary.stories_rejected, summary.sentences)
    while pending:
        finish()
