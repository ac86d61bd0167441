"""Per-article throughput of `parallax.analyze_batch`, on one thread, over the news corpora
`parallax bench` times by default (AllSides' 1,300 articles and ECB+'s 982 documents), so the
two figures compare: `parallax bench` prints the CLI's per-document articles/s on one core.

    python python/examples/batch_throughput.py [../shared/data]
"""

import json
import pathlib
import sys
import time

import pyarrow as pa

import parallax

data = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
sources = [
    ("allsides-bias-subset/test_1300.jsonl", "content_original", "source", "date"),
    ("ecbplus-docs/documents.jsonl", "text", None, None),
]
rows = {"text": [], "outlet": [], "published": [], "title": []}
for name, text_field, outlet_field, date_field in sources:
    with open(data / name, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if not record.get(text_field):
                continue
            rows["text"].append(record[text_field])
            rows["outlet"].append(record.get(outlet_field) if outlet_field else None)
            rows["published"].append(record.get(date_field) if date_field else None)
            rows["title"].append(record.get("title"))
table = pa.table(rows)
megabytes = sum(len(t.encode()) for t in rows["text"]) / 1e6

best = None
for run in range(3):
    started = time.perf_counter()
    for batch in table.to_batches(max_chunksize=256):
        out = parallax.analyze_batch(batch)
        assert out.num_rows == batch.num_rows
    seconds = time.perf_counter() - started
    best = seconds if best is None else min(best, seconds)
    print(f"run {run + 1}: {len(table)} articles, {megabytes:.2f} MB in {seconds:.2f} s: "
          f"{len(table) / seconds:.0f} articles/s, {megabytes / seconds:.2f} MB/s")
print(f"best: {len(table) / best:.0f} articles/s on one thread")
