"""merge.py B: batch B + the agreed readings + resolve-B.json -> merged-B.jsonl (gold format).

Part of the blind-batch workflow for the real-news gold (benchmarks/gold_batches/README.md).
Work files live in output/gold-work/ (git-ignored): batch-B.jsonl, code-BA.jsonl, code-BB.jsonl,
resolve-B.json, merged-B.jsonl.
"""
import json
import sys
from pathlib import Path

W = Path(__file__).resolve().parents[2] / "output" / "gold-work"
B = sys.argv[1]
def load(p):
    return {r["id"]: r for r in map(json.loads, filter(str.strip, open(p)))}
def key(r):
    return sorted((e["source"], e["code"], e.get("target") if e.get("target") not in (None, "", "---") else "---") for e in r["events"])
batch = load(W / f"batch-{B}.jsonl"); a = load(W / f"code-{B}A.jsonl"); b = load(W / f"code-{B}B.jsonl")
try:
    res = json.load(open(W / f"resolve-{B}.json"))
except FileNotFoundError:
    res = {}
drop = set(res.pop("_drop", []))
out = open(W / f"merged-{B}.jsonl", "w")
n = 0
for i, rec in batch.items():
    if i in drop:
        continue
    if i in res:
        cat = res[i]["category"]; evs = res[i]["events"]
        notes = res[i]["why"] + " Readings disagreed (A: " + json.dumps(key(a[i])) + "; B: " + json.dumps(key(b[i])) + "); resolved on a third reading."
    elif key(a[i]) == key(b[i]):
        cat = a[i]["category"]; evs = [[s, c, t] for s, c, t in key(a[i])]
        notes = a[i].get("notes", "") + " Second reading (independent reader): agreed."
    else:
        sys.exit(f"{i}: unresolved disagreement")
    r = {"id": i, "url": rec["url"], "outlet": rec["outlet"], "date": rec["date"], "category": cat,
         "context": rec["context"], "text": rec["text"],
         "events": [{"source": s, "code": c, "target": (None if t in (None, "---") else t)} for s, c, t in evs],
         "notes": notes.strip()}
    out.write(json.dumps(r, ensure_ascii=False) + "\n"); n += 1
print("wrote", n)
