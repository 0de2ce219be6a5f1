"""Speed benchmark: spaCy alone, eventcoder end to end, the coding stage alone, dictionary loads,
1 -> 2 worker scaling, and (optionally) a memory-flatness check. Writes docs/performance.md.

    .venv/bin/python benchmarks/speed.py                      # default size, about 5 minutes here
    .venv/bin/python benchmarks/speed.py --stories 2000 --no-docs
    .venv/bin/python benchmarks/speed.py --memory-sentences 200000   # adds the RSS check

Every measurement runs in its own fresh Python process (``--stage``), so peak memory
(``ru_maxrss``) is that stage's alone and a "cold" dictionary load really starts cold. All stages
read the same seeded corpus (benchmarks/corpus.py). Sentences are counted as the coder counts
them (spaCy sentences of the parsed stories).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PHOENIX = ROOT.parent / "shared" / "petrarch2" / "dictionaries"
BUNDLED = "bundled"
WARM_UP = 20  # stories run before a timed stage, so one-time set-up is not counted per sentence
DOCS = ROOT / "docs" / "performance.md"


def _maxrss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _stories(corpus: str):
    from eventcoder.readers import read_stories
    from eventcoder.records import Story

    default = dt.date.fromisoformat(UNDATED)  # the real corpora hold undated records
    return [s for s in read_stories([corpus], default_date=default) if isinstance(s, Story)]


# ------------------------------------------------------------------------------------------------
# Stages (each runs in a fresh process and prints one JSON line)


def stage_spacy(a) -> dict:
    from eventcoder.nlp import load_model

    nlp = load_model(a.model)
    texts = [s.text for s in _stories(a.corpus)]
    for _ in nlp.pipe(texts[:WARM_UP], batch_size=64):  # first-call set-up, as (b) gets
        pass
    started = time.perf_counter()
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=64):
        sentences += sum(1 for _ in doc.sents)
    seconds = time.perf_counter() - started
    return {"sentences": sentences, "seconds": seconds, "components": nlp.pipe_names, "maxrss_mb": _maxrss_mb()}


def stage_e2e(a) -> dict:
    from eventcoder.pipeline import Coder
    from eventcoder.run import RunOptions, run

    specs = _specs(a)
    started = time.perf_counter()
    coder = Coder(specs, a.model)
    setup = time.perf_counter() - started
    options = RunOptions(inputs=[a.corpus], output=a.output, dictionaries=specs, model=a.model, workers=a.workers, overwrite=True)
    # A run of a few stories first: imports and first-call set-up (pyarrow's kernels, the
    # writer's modules) are one-time costs like loading the model, not per-sentence costs.
    warm = Path(a.output).with_name(Path(a.output).name + "-warm")
    warm_input = warm.with_suffix(".jsonl")
    with open(a.corpus, encoding="utf-8") as src:
        warm_input.write_text("".join(line for _, line in zip(range(WARM_UP), src)), encoding="utf-8")
    run(RunOptions(inputs=[str(warm_input)], output=str(warm), dictionaries=specs, model=a.model, workers=1, overwrite=True), coder=coder)
    coder.sentences = 0
    started = time.perf_counter()
    summary = run(options, coder=coder)
    seconds = time.perf_counter() - started
    return {
        "sentences": summary.sentences, "events": summary.events, "seconds": seconds, "setup_seconds": setup,
        "maxrss_mb": _maxrss_mb(), "children_maxrss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
    }


def stage_coding(a) -> dict:
    from eventcoder.dictionaries.compile import load_lexicon
    from eventcoder.nlp import load_model
    from eventcoder.pipeline import code_doc

    specs = _specs(a)
    lex = load_lexicon(specs)
    nlp = load_model(a.model)
    stories = _stories(a.corpus)
    docs = list(nlp.pipe([s.text for s in stories], batch_size=64))  # parsed once, not timed
    sentences = sum(1 for d in docs for _ in d.sents)
    profile = None
    for doc, story in zip(docs[:WARM_UP], stories[:WARM_UP]):
        code_doc(lex, doc, story)
    started = time.perf_counter()
    events = sum(len(code_doc(lex, doc, story)) for doc, story in zip(docs, stories))
    seconds = time.perf_counter() - started
    if a.profile:
        profile = _breakdown(lex, docs, stories)
    return {"sentences": sentences, "events": events, "seconds": seconds, "maxrss_mb": _maxrss_mb(), "profile": profile}


def _breakdown(lex, docs, stories) -> dict:
    """Where the coding stage's time goes, by step. cProfile cannot see into the compiled modules,
    so the steps that code_doc calls through module globals are wrapped with timers instead (the
    wrappers add a little to each step); the story's parse is read separately."""
    import eventcoder.actors as actors
    import eventcoder.pipeline as pipeline
    from eventcoder.tokens import ParsedDoc

    spent: dict[str, float] = {}

    def timed(label, fn):
        def wrapper(*args, **kw):
            t = time.process_time()
            try:
                return fn(*args, **kw)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - t
        return wrapper

    steps = [
        (pipeline, "sentence_mentions", "actor mentions (dictionary matches, noun phrases; builds the sentence's tokens)"),
        (actors.StoryContext, "resolve", "references and pronouns"),
        (pipeline, "code_sentence", "verb patterns, sources and targets"),
        (pipeline, "event_date", "event dates"),
        (pipeline, "_discarded", "discard phrases"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in steps]
    try:
        for owner, name, label in steps:
            setattr(owner, name, timed(label, getattr(owner, name)))
        started = time.process_time()
        for doc, story in zip(docs, stories):
            pipeline.code_doc(lex, doc, story)
        total = time.process_time() - started
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)
    started = time.process_time()
    for doc in docs:
        ParsedDoc(doc).release()
    read = time.process_time() - started
    rows = [{"step": "reading the parse (Doc.to_array, strings)", "seconds": read}]
    rows += [{"step": label, "seconds": spent.get(label, 0.0)} for _, _, label in steps]
    rows.append({"step": "the rest (Event records, event ids, loop)", "seconds": max(total - sum(r["seconds"] for r in rows), 0.0)})
    return {"total": total, "rows": rows}


def _specs(a) -> list[str] | None:
    """--dictionaries: one spec, or several joined by ',' when the first is the bundled set."""
    if not a.dictionaries:
        return None
    if a.dictionaries.startswith(BUNDLED + ","):
        return a.dictionaries.split(",")
    return [a.dictionaries]


def _write_people(folder: Path, n: int, seed: int) -> Path:
    """A native dictionary folder of ``n`` generated people with dated codes (seeded), to time
    loading a dictionary of realistic size: each is two phrases and two date ranges."""
    import random

    rng = random.Random(seed)
    countries = ["USA", "RUS", "CHN", "FRA", "DEU", "GBR", "IRN", "ISR", "TUR", "SYR", "IND", "PAK", "BRA", "NGA"]
    lines = ["@type person"]
    for k in range(n):
        first = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)).title()
        last = f"{first[:3]}{k:06d}".title()
        year = rng.randint(1960, 2020)
        code = rng.choice(countries)
        lines.append(
            f"{first} {last} | {last} {first} = {code}ELI ..{year}-12-31, {code}GOV {year + 1}-01-01..{year + 5}-12-31"
        )
    (folder / "actors").mkdir(parents=True, exist_ok=True)
    (folder / "actors" / "people.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def stage_load(a) -> dict:
    from eventcoder.dictionaries.compile import load_lexicon

    specs = _specs(a)
    started = time.perf_counter()
    lex = load_lexicon(specs)
    seconds = time.perf_counter() - started
    d = lex.dictionaries
    return {"seconds": seconds, "actors": len(d.actors), "agents": len(d.agents), "verbs": len(d.verbs)}


def stage_memory(a) -> dict:
    """Stream a large corpus through run() and sample this process's RSS as stories go by."""
    from eventcoder.run import RunOptions, run

    samples: list[tuple[int, float]] = []
    every = max(a.sample_every, 1)

    def progress(stories: int, sentences: int) -> None:
        if stories % every == 0:
            samples.append((sentences, _rss_mb()))

    options = RunOptions(inputs=[a.corpus], output=a.output, workers=a.workers, overwrite=True)
    started = time.perf_counter()
    summary = run(options, progress=progress)
    return {
        "sentences": summary.sentences, "events": summary.events, "seconds": time.perf_counter() - started,
        "samples": samples, "maxrss_mb": _maxrss_mb(), "children_maxrss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
    }


# ------------------------------------------------------------------------------------------------
# Whole processes: `eventcoder code` against a bare spaCy script (benchmarks/bare_spacy.py), each
# started fresh, start-up included, in turn (A B A B ...), the median of the runs.

REAL = ROOT / "benchmarks" / "corpora"
REAL_CORPORA = {"full articles": REAL / "news-articles.jsonl", "sentences": REAL / "news-sentences.jsonl"}
# About a third of the gold records give no date; `eventcoder code` codes those with this one.
UNDATED = "2015-01-01"


def _process(cmd: list[str]) -> dict:
    """Run ``cmd`` to the end; its wall time, CPU time and peak RSS (the kernel's accounting)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # cumulative; differences are taken below
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {(err.decode().strip().splitlines() or ['?'])[-1]}")
    return {"wall": wall, "cpu_total": usage.ru_utime + usage.ru_stime, "stdout": out.decode()}


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def eventcoder_command(corpus: str, output: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "eventcoder", "code", corpus, "--output", output, "--overwrite", "--quiet",
            "--workers", "1", "--date", UNDATED, *extra]


def bare_command(corpus: str, model: str, *extra: str) -> list[str]:
    return [sys.executable, str(ROOT / "benchmarks" / "bare_spacy.py"), corpus, "--model", model, *extra]


BARE, EC, BARE_NUMPY = "bare spaCy", "eventcoder code", "bare spaCy, numpy's BLAS"


def compare_processes(commands: dict[str, list[str]], runs: int) -> dict:
    """Each command ``runs`` times after one warm-up, in turn; medians of wall and CPU seconds, and
    the median of the per-round ratios of every command's wall time to the first's."""
    names = list(commands)
    walls: dict[str, list[float]] = {n: [] for n in names}
    cpus: dict[str, list[float]] = {n: [] for n in names}
    last = {}
    for round_ in range(runs + 1):
        for name in names:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            r = _process(commands[name])
            last[name] = r["stdout"]
            if round_:  # round 0 warms the file cache and the dictionary cache
                walls[name].append(r["wall"])
                cpus[name].append(r["cpu_total"] - before.ru_utime - before.ru_stime)
    first = names[0]
    return {
        "runs": runs,
        "commands": {n: " ".join(Path(c).name if k < 2 else c for k, c in enumerate(commands[n])) for n in names},
        "wall": {n: _median(walls[n]) for n in names},
        "wall_range": {n: [min(walls[n]), max(walls[n])] for n in names},
        "cpu": {n: _median(cpus[n]) for n in names},
        # > 1: faster than the first command (its time over this one's), round by round
        "speed_vs_first": {n: _median([a / b for a, b in zip(walls[first], walls[n])]) for n in names},
        "stdout": last,
    }


def real_text(a, work: Path, say) -> dict:
    """The real-news figures: whole processes on each real corpus, start-up, the coding stage."""
    from eventcoder.nlp import available_model

    model = a.model or available_model()
    out: dict = {"model": model, "corpora": {}}
    for label, corpus in REAL_CORPORA.items():
        commands = {
            BARE: bare_command(str(corpus), model),
            EC: eventcoder_command(str(corpus), str(work / "real-out"), "--model", model),
            # spaCy given the matrix products eventcoder gives it: how much of the lead is that
            BARE_NUMPY: bare_command(str(corpus), model, "--numpy-matmul"),
        }
        r = compare_processes(commands, a.runs)
        r["sentences"] = json.loads(r["stdout"][BARE].strip().splitlines()[-1])["sentences"]
        r["texts"] = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
        r["coding"] = _stage("coding", str(corpus), profile=a.profile)
        out["corpora"][label] = r
        say(f"real {label}", {k: v for k, v in r.items() if k not in ("stdout", "coding")},
            _fmt(_rate(r["coding"]), " sent/s coding"))
    one = work / "one.jsonl"
    one.write_text(json.dumps({"id": "one", "date": "2022-02-24", "text": "Russia attacked Ukraine."}) + "\n")
    load = f"import spacy; spacy.load({model!r}, exclude=['ner', 'senter'])"
    out["startup"] = r = compare_processes(
        {"import spacy; spacy.load": [sys.executable, "-c", load],
         "eventcoder code, one sentence": eventcoder_command(str(one), str(work / "one-out"), "--model", model)},
        a.runs,
    )
    say("start-up", r["wall"])
    if a.scaling_copies:
        out["scaling"] = real_scaling(a, work, model, say)
    return out


def repeated_corpus(corpus: Path, copies: int, out: Path) -> Path:
    """``copies`` copies of a real corpus, each story under its own id: a real-text run long
    enough that starting processes does not decide how workers scale (the text, and the work per
    sentence, stay real)."""
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    with out.open("w", encoding="utf-8") as f:
        for copy in range(copies):
            for row in rows:
                f.write(json.dumps({**row, "id": f"{row['id']}-copy{copy}"}) + "\n")
    return out


def real_scaling(a, work: Path, model: str, say) -> dict:
    """``eventcoder code`` with 1, 2 (and 4 where there are 4 cores) workers on the real articles
    repeated ``--scaling-copies`` times, whole processes in turn, medians."""
    corpus = repeated_corpus(REAL_CORPORA["full articles"], a.scaling_copies, work / "articles-repeated.jsonl")
    counts = [1, 2] + ([4] if (os.cpu_count() or 1) >= 4 else [])
    commands = {}
    for n in counts:
        command = eventcoder_command(str(corpus), str(work / f"scaling-out-{n}"), "--model", model)
        command[command.index("--workers") + 1] = str(n)
        commands[f"{n} worker{'s' if n > 1 else ''}"] = command
    r = compare_processes(commands, a.scaling_runs)
    r["copies"] = a.scaling_copies
    r["texts"] = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
    del r["stdout"]
    say("workers", r["wall"], r["speed_vs_first"])
    return r


STAGES = {"spacy": stage_spacy, "e2e": stage_e2e, "coding": stage_coding, "load": stage_load, "memory": stage_memory}


# ------------------------------------------------------------------------------------------------
# Orchestration


def _stage(name: str, corpus: str, env: dict | None = None, **kw) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", name, "--corpus", corpus]
    for key, value in kw.items():
        if value is None or value is False:
            continue
        cmd.append("--" + key.replace("_", "-"))
        if value is not True:
            cmd.append(str(value))
    # One BLAS thread, as `eventcoder code` runs (eventcoder.cli.main), unless the caller says.
    blas = {"OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1")}
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **blas, **(env or {})}, cwd=ROOT)
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) / 2**20
    except OSError:
        pass
    import spacy

    from eventcoder.nlp import available_model

    name = available_model()
    model_version = "?"
    if name:
        try:
            from importlib.metadata import version

            model_version = version(name.replace("_", "-"))
        except Exception:  # noqa: BLE001
            model_version = "?"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(ram, 1), "python": platform.python_version(),
        "spacy": spacy.__version__, "model": f"{name} {model_version}", "os": platform.platform(),
    }


def _best(runs: list[dict]) -> dict:
    ok = [r for r in runs if _rate(r)]
    return max(ok, key=_rate) if ok else runs[-1]


def _rate(r: dict) -> float | None:
    if not r or "error" in r or not r.get("seconds"):
        return None
    return r["sentences"] / r["seconds"]


def _fmt(x, unit="", digits=0) -> str:
    if x is None:
        return "n/a"
    return f"{x:,.{digits}f}{unit}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="eventcoder speed benchmark")
    ap.add_argument("--stories", type=int, default=1000, help="stories in the seeded corpus (5 sentences each)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--phoenix", default=str(PHOENIX), help="PETRARCH-2 dictionary folder for the petrarch: rows")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 2-worker run")
    ap.add_argument("--repeat", type=int, default=2, help="runs of (a) and (b) each, alternating; the best counts")
    ap.add_argument("--big-dictionary", type=int, default=46000,
                    help="also time loading the bundled dictionaries plus this many generated people (0: skip)")
    ap.add_argument("--memory-sentences", type=int, default=0, help="also stream this many sentences through run() and sample RSS")
    ap.add_argument("--memory-workers", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="time the coding stage step by step (where its time goes)")
    ap.add_argument("--no-docs", action="store_true", help="print only; do not rewrite docs/performance.md")
    ap.add_argument("--runs", type=int, default=5, help="rounds of the whole-process comparisons (median counts)")
    ap.add_argument("--scaling-copies", type=int, default=16,
                    help="workers: code the real articles this many times over with 1 and 2 workers (0: skip)")
    ap.add_argument("--scaling-runs", type=int, default=3, help="rounds of the workers comparison (median counts)")
    ap.add_argument("--real-only", action="store_true", help="only the real-news figures (no template corpus; docs left as they are)")
    # stage options (internal)
    ap.add_argument("--stage", choices=sorted(STAGES))
    ap.add_argument("--corpus")
    ap.add_argument("--dictionaries")
    ap.add_argument("--model")
    ap.add_argument("--output")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--sample-every", type=int, default=500)
    a = ap.parse_args(argv)
    if a.stage:
        print(json.dumps(STAGES[a.stage](a)))
        return
    run_benchmark(a, argv)


def run_benchmark(a, argv) -> None:
    from benchmarks.corpus import write_jsonl

    command = "python benchmarks/speed.py" + ("" if not argv else " " + " ".join(argv))
    if argv is None:
        command = "python benchmarks/speed.py " + " ".join(sys.argv[1:])
    work = Path(tempfile.mkdtemp(prefix="eventcoder-bench-"))
    from eventcoder import speedups

    results: dict = {"machine": _machine(), "command": command.strip(), "date": dt.date.today().isoformat(), "speedups": speedups.describe()}
    try:
        corpus = str(write_jsonl(work / "corpus.jsonl", a.stories, a.seed))
        phoenix = f"petrarch:{a.phoenix}" if Path(a.phoenix).is_dir() else None
        say = lambda *x: print(*x, flush=True)  # noqa: E731
        say(f"corpus: {a.stories} stories -> {corpus}")
        # warm the caches so (a)-(c) measure steady state
        _stage("load", corpus)
        results["real"] = real_text(a, work, say)
        if a.real_only:
            return _finish(results, a)
        if phoenix:
            _stage("load", corpus, dictionaries=phoenix)
        # (a) and (b) alternate, best of --repeat each: a busy moment on the machine should not
        # decide the ratio.
        spacy_runs, e2e_runs = [], []
        for _ in range(max(a.repeat, 1)):
            spacy_runs.append(_stage("spacy", corpus))
            say("a spaCy alone", _fmt(_rate(spacy_runs[-1]), " sent/s"), spacy_runs[-1])
            e2e_runs.append(_stage("e2e", corpus, output=str(work / "out1")))
            say("b end to end", _fmt(_rate(e2e_runs[-1]), " sent/s"), e2e_runs[-1])
        results["spacy"] = _best(spacy_runs)
        results["e2e"] = _best(e2e_runs)
        results["repeat"] = max(a.repeat, 1)
        results["coding"] = {}
        for label, spec in (("bundled", None), ("phoenix", phoenix)):
            if label == "phoenix" and spec is None:
                results["coding"][label] = {"error": f"{a.phoenix} not found"}
                continue
            results["coding"][label] = r = _stage("coding", corpus, dictionaries=spec, profile=a.profile)
            say(f"c coding ({label})", _fmt(_rate(r), " sent/s"), {k: v for k, v in r.items() if k != "profile"})
        results["load"] = {}
        big = None
        if a.big_dictionary:
            big = f"{BUNDLED},{_write_people(work / 'big', a.big_dictionary, a.seed)}"
        for label, spec in (("bundled", None), ("phoenix", phoenix), (f"bundled + {a.big_dictionary:,} generated people", big)):
            if spec is None and label != "bundled":
                continue
            cold_dir = tempfile.mkdtemp(prefix="eventcoder-cache-")
            cold = _stage("load", corpus, env={"EVENTCODER_CACHE_DIR": cold_dir}, dictionaries=spec)
            warm = _stage("load", corpus, env={"EVENTCODER_CACHE_DIR": cold_dir}, dictionaries=spec)
            shutil.rmtree(cold_dir, ignore_errors=True)
            results["load"][label] = {"cold": cold, "warm": warm}
            say(f"d load ({label})", cold, warm)
        if not a.no_scaling:
            results["e2e2"] = r = _stage("e2e", corpus, output=str(work / "out2"), workers=2)
            say("b with 2 workers", _fmt(_rate(r), " sent/s"), r)
        if a.memory_sentences:
            stories = max(a.memory_sentences // 5, 1)
            big = str(write_jsonl(work / "memory.jsonl", stories, a.seed + 1))
            results["memory"] = r = _stage(
                "memory", big, output=str(work / "outm"), workers=a.memory_workers, sample_every=max(stories // 40, 1)
            )
            say("memory", {k: v for k, v in r.items() if k != "samples"})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _finish(results, a)


def _finish(results: dict, a) -> None:
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "speed.json").write_text(json.dumps(results, indent=2) + "\n")
    table = render(results)
    print(table)
    if not a.no_docs and not a.real_only:  # the docs' block holds the template figures too
        write_docs(table)


def render_real(real: dict) -> list[str]:
    """The real-news tables: whole processes, start-up, the coding stage."""
    lines = [
        "**Real news, whole processes** (start-up included; each pair run in turn after a warm-up, median "
        f"of {next(iter(real['corpora'].values()))['runs']} rounds; speed = bare spaCy's wall time / eventcoder's, "
        "the median of the rounds' ratios):", "",
        "| corpus | texts | sentences | bare spaCy wall s (range) | `eventcoder code` wall s (range) | CPU s spaCy / eventcoder | speed vs bare spaCy | bare spaCy with numpy's BLAS: wall s, speed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in real["corpora"].items():
        rng = r["wall_range"]
        numpy_cell = (f"{r['wall'][BARE_NUMPY]:.2f}, {r['speed_vs_first'][BARE_NUMPY]:.2f}×" if BARE_NUMPY in r["wall"] else "")
        lines.append(
            f"| {label} | {r['texts']:,} | {r['sentences']:,} | {r['wall'][BARE]:.2f} ({rng[BARE][0]:.2f}–{rng[BARE][1]:.2f}) "
            f"| {r['wall'][EC]:.2f} ({rng[EC][0]:.2f}–{rng[EC][1]:.2f}) | {r['cpu'][BARE]:.2f} / {r['cpu'][EC]:.2f} "
            f"| **{r['speed_vs_first'][EC]:.2f}×** | {numpy_cell} |"
        )
    st = real["startup"]
    base, ec = list(st["wall"])
    lines += [
        "", f"**Start-up** (median of {st['runs']} rounds): `python -c \"import spacy; spacy.load(...)\"` "
        f"{st['wall'][base]:.2f} s; `eventcoder code` on one sentence {st['wall'][ec]:.2f} s: "
        f"**{st['wall'][ec] - st['wall'][base]:+.2f} s** beyond loading spaCy.",
        "", "**Coding stage on real news** (one core, after parsing, bundled dictionaries):", "",
        "| corpus | sentences | seconds | sentences/s | events |", "|---|---:|---:|---:|---:|",
    ]
    for label, r in real["corpora"].items():
        c = r["coding"]
        if "error" in c:
            lines.append(f"| {label} | | | | {c['error']} |")
            continue
        lines.append(f"| {label} | {c['sentences']:,} | {c['seconds']:.2f} | {_rate(c):,.0f} | {c['events']:,} |")
    if real.get("scaling"):
        sc = real["scaling"]
        one = next(iter(sc["wall"]))
        lines += [
            "", f"**Workers on real news** (the full articles {sc['copies']} times over, {sc['texts']:,} texts, "
            f"whole processes with start-up, in turn, median of {sc['runs']} rounds; speed-up = one worker's wall "
            "time / this one's, the median of the rounds' ratios):", "",
            "| workers | wall s (range) | CPU s | speed-up |", "|---|---:|---:|---:|",
        ]
        for name, wall in sc["wall"].items():
            rng = sc["wall_range"][name]
            speed = sc["speed_vs_first"][name]
            cell = "1.00×" if name == one else f"**{speed:.2f}×**"
            lines.append(f"| {name} | {wall:.2f} ({rng[0]:.2f}–{rng[1]:.2f}) | {sc['cpu'][name]:.2f} | {cell} |")
    model = real["model"]
    lines += [
        "", "Reproduce one pair by hand (run each several times, alternating, and compare medians):", "", "```sh",
        f".venv/bin/python benchmarks/bare_spacy.py benchmarks/corpora/news-articles.jsonl --model {model}",
        f".venv/bin/eventcoder code benchmarks/corpora/news-articles.jsonl --output /tmp/ec --overwrite --quiet --workers 1 --date {UNDATED} --model {model}",
        "```", "",
    ]
    return lines


def render(r: dict) -> str:
    m = r["machine"]
    a, b = _rate(r.get("spacy")), _rate(r.get("e2e"))
    lines = [
        f"Measured {r['date']} with `{r['command']}` on: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, "
        f"{m['os']}, Python {m['python']}, spaCy {m['spacy']}, model {m['model']}; eventcoder {r.get('speedups', '?')}.",
        "",
    ]
    if r.get("real"):
        lines += render_real(r["real"])
    if not r.get("spacy"):
        return "\n".join(lines)
    lines += [
        "**Template corpus** (benchmarks/corpus.py; stages in one process each, after a warm-up):", "",
        "| measurement | sentences | seconds | sentences/s | peak RSS (MB) | notes |",
        "|---|---:|---:|---:|---:|---|",
    ]

    def row(name, x, notes=""):
        if not x or "error" in x:
            lines.append(f"| {name} | | | | | {(x or {}).get('error', 'skipped')} {notes}|")
            return
        rss = x.get("maxrss_mb")
        if x.get("children_maxrss_mb"):
            notes = f"{notes} workers peak {x['children_maxrss_mb']:,.0f} MB each".strip()
        lines.append(
            f"| {name} | {x['sentences']:,} | {x['seconds']:.1f} | {_rate(x):,.0f} | {_fmt(rss)} | {notes} |"
        )

    sp = r.get("spacy") or {}
    row("(a) spaCy alone, nlp.pipe", sp, f"components: {', '.join(sp.get('components', []))}")
    row("(b) end to end, 1 worker (JSONL -> Parquet)", r.get("e2e"), f"b/a = {_fmt(b / a if a and b else None, '', 2)}")
    if r.get("e2e2"):
        b2 = _rate(r["e2e2"])
        row("(b) end to end, 2 workers", r["e2e2"], f"speed-up {_fmt(b2 / b if b and b2 else None, 'x', 2)} (includes starting the workers)")
    for label, x in r.get("coding", {}).items():
        row(f"(c) coding stage only, {label} dictionaries", x, f"{x.get('events', 0):,} events" if x and "error" not in x else "")
    lines += ["", "| dictionary load | cold (no cache) | warm (cached) | entries |", "|---|---:|---:|---|"]
    for label, x in r.get("load", {}).items():
        c, w = x["cold"], x["warm"]
        lines.append(
            f"| {label} | {_fmt(c.get('seconds'), ' s', 2)} | {_fmt(w.get('seconds'), ' s', 2)} | "
            f"{c.get('actors', 0):,} actors, {c.get('agents', 0):,} agents, {c.get('verbs', 0):,} verb patterns "
            f"({c.get('actors', 0) + c.get('agents', 0) + c.get('verbs', 0):,} entries) |"
        )
    mem = r.get("memory")
    if mem and "error" not in mem:
        samples = mem["samples"]
        lines += ["", f"Memory flatness: {mem['sentences']:,} sentences streamed through `run()` "
                  f"in {mem['seconds']:.0f} s; RSS of the process as stories went by:", "",
                  "| sentences done | RSS (MB) |", "|---:|---:|"]
        step = max(len(samples) // 10, 1)
        for s, rss in samples[::step] + ([samples[-1]] if samples and samples[-1] not in samples[::step] else []):
            lines.append(f"| {s:,} | {rss:,.0f} |")
        lines.append(f"\nPeak RSS {mem['maxrss_mb']:,.0f} MB.")
    for label, x in r.get("coding", {}).items():
        prof = (x or {}).get("profile")
        if prof and prof.get("rows"):
            lines += ["", f"Where the coding stage's time goes ({label} dictionaries; {r.get('speedups', '')}), "
                      f"process time {prof['total']:.2f} s with the step timers:", "",
                      "| step | seconds | share |", "|---|---:|---:|"]
            for p in prof["rows"]:
                lines.append(f"| {p['step']} | {p['seconds']:.3f} | {100 * p['seconds'] / prof['total']:.0f} % |")
    return "\n".join(lines)


START, END = "<!-- speed:begin -->", "<!-- speed:end -->"


def write_docs(table: str) -> None:
    text = DOCS.read_text() if DOCS.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOCS.write_text(f"{head}{START}\n{table}\n{END}{tail}")
    print(f"wrote {DOCS}")


if __name__ == "__main__":
    main()
