"""agree.py B [-q]: compare the two blind readings of batch B; print the disagreements.

Part of the blind-batch workflow for the real-news gold (benchmarks/gold_batches/README.md).
Work files live in output/gold-work/ (git-ignored): batch-B.jsonl, code-BA.jsonl, code-BB.jsonl,
resolve-B.json, merged-B.jsonl.
"""
import json
import sys
from pathlib import Path

W = Path(__file__).resolve().parents[2] / "output" / "gold-work"
B = sys.argv[1]; quiet = "-q" in sys.argv
def load(p):
    return {r["id"]: r for r in map(json.loads, filter(str.strip, open(p)))}
def key(r):
    return sorted((e["source"], e["code"], e.get("target") if e.get("target") not in (None, "", "---") else "---") for e in r["events"])
batch = load(W / f"batch-{B}.jsonl"); a = load(W / f"code-{B}A.jsonl"); b = load(W / f"code-{B}B.jsonl")
agree = 0
for i, rec in batch.items():
    ka, kb = key(a[i]), key(b[i])
    if ka == kb:
        agree += 1; continue
    if not quiet:
        print(f"== {i} ({rec['date']}) {rec['url']}\nCTX: {rec['context']}\nTXT: {rec['text']}")
        print(f"  A {a[i].get('category')}: {ka}\n     {a[i].get('notes','')}")
        print(f"  B {b[i].get('category')}: {kb}\n     {b[i].get('notes','')}\n")
print(f"agreed {agree}/{len(batch)}")
