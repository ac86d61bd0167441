"""Compares the tables of two runs over the same articles — `parallax analyze --export parquet`
(one process) and `python -m parallax.spark analyze` — as docs/scale.md reports them:

- per table, the share of one run's rows found identical in the other, leaving out the columns
  that name a run's own inputs or numbering (``source``, ids one dossier numbers by itself)
  and entity ids (resolved per story in the Spark run);
- stories as pairwise F1 over articles (pairs of articles put in one story);
- entities as pairwise F1 over mentions (pairs of mentions put in one entity).

    python python/examples/compare_runs.py ONE_PROCESS_DIR SPARK_DIR
"""

import collections
import json
import pathlib
import sys

import pyarrow.dataset as ds

#: Columns that legitimately differ between the runs (see docs/scale.md).
LEFT_OUT = {
    "source",
    "claim_id",
    "dispute_id",
    "group_id",
    "passage_id",
    "event_id",
    "place_id",
    "story_id",
    "stories",
    "entity_id",
    "speaker_id",
    "day",
}


def table(folder: pathlib.Path, name: str):
    """A table written either as ``NAME.parquet``, a folder of parts, or day partitions."""
    for path in (folder / f"{name}.parquet", folder / name):
        if path.exists():
            return ds.dataset(path, format="parquet", partitioning="hive").to_table()
    return None


def rows(t):
    keep = [c for c in t.column_names if c not in LEFT_OUT]
    return collections.Counter(
        json.dumps(r, sort_keys=True, default=str) for r in t.select(keep).to_pylist()
    )


def pairwise_f1(one, other, group: str, member: str):
    """Pairwise precision, recall and F1 of ``other``'s grouping of members against ``one``'s."""

    def pairs(t):
        groups = collections.defaultdict(list)
        for g, m in zip(t.column(group).to_pylist(), t.column(member).to_pylist()):
            groups[g].append(m)
        return {(a, b) for ms in groups.values() for a in ms for b in ms if a < b}

    expected, found = pairs(one), pairs(other)
    hit = len(expected & found)
    p = hit / max(len(found), 1)
    r = hit / max(len(expected), 1)
    return p, r, 2 * p * r / max(p + r, 1e-12), len(expected), len(found)


def main(one_dir: str, spark_dir: str) -> None:
    one_dir, spark_dir = pathlib.Path(one_dir), pathlib.Path(spark_dir)
    names = sorted(
        p.name.removesuffix(".parquet")
        for p in spark_dir.iterdir()
        if not p.name.startswith(("_", ".")) and p.name != "skipped"
    )
    print(f"{'table':14} {'one':>8} {'spark':>8} {'same rows':>10}")
    for name in names:
        a, b = table(one_dir, name), table(spark_dir, name)
        if a is None or b is None:
            print(f"{name:14} missing in {'one-process' if a is None else 'spark'} run")
            continue
        ra, rb = rows(a), rows(b)
        same = sum((ra & rb).values())
        print(f"{name:14} {a.num_rows:8} {b.num_rows:8} {same / max(a.num_rows, 1):10.4f}")
    documents_one, documents_spark = table(one_dir, "documents"), table(spark_dir, "documents")
    p, r, f, n, m = pairwise_f1(documents_one, documents_spark, "story_id", "doc_id")
    print(f"stories: pairwise P {p:.4f} R {r:.4f} F1 {f:.4f} ({n} / {m} pairs)")
    mentions_one, mentions_spark = table(one_dir, "mentions"), table(spark_dir, "mentions")
    p, r, f, n, m = pairwise_f1(mentions_one, mentions_spark, "entity_id", "mention_id")
    print(f"entities: pairwise P {p:.4f} R {r:.4f} F1 {f:.4f} over mentions ({n} / {m} pairs)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
