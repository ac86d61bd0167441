"""The Spark path against one process on the fixture corpus: the same per-article tables row
for row, the same stories, the same claims, and the Parquet export's schemas (docs/scale.md
lists what is allowed to differ and why)."""

import collections
import json
import pathlib
import shutil

import pyarrow.parquet as pq
import pytest

import parallax

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install ./python[spark])")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark (apt install openjdk-17-jre-headless)", allow_module_level=True)

from parallax import spark as parallax_spark  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "fixtures" / "corpus" / "articles.jsonl"

#: Columns that name an input (the row's label) or a cross-document item one dossier numbers
#: by itself: they legitimately differ between the two runs.
RUN_SPECIFIC = {"source"} | set(parallax_spark.NUMBERED_IDS)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    from pyspark.sql import SparkSession

    out = tmp_path_factory.mktemp("spark")
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("parallax-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        counts = parallax_spark.analyze(spark, [str(ARTICLES)], str(out))
        # Windows of two days and one of overlap cut the fixture corpus in two: the first
        # window (May 9-10, with May 11) sees the 5-article story whole; the second (May
        # 11-12) clusters the later articles resumed with the first window's counts, and the
        # articles of May 11 tie the two. The stories stay the same only if both work. A
        # story longer than a window and its overlap is not seen whole (docs/scale.md).
        narrow = tmp_path_factory.mktemp("spark-narrow")
        parallax_spark.analyze(
            spark, [str(ARTICLES)], str(narrow), window_days=2, overlap_days=1
        )
    finally:
        spark.stop()
    records = [json.loads(line) for line in ARTICLES.read_text().splitlines() if line.strip()]
    one = parallax.analyze(records).tables()
    distributed = {name: pq.read_table(out / name) for name in one}
    distributed["narrow stories"] = pq.read_table(narrow / "stories")
    return one, distributed, counts


def rows(table, drop=()):
    """The table's rows as a multiset, without the columns in ``drop``."""
    drop = set(drop) | RUN_SPECIFIC
    return collections.Counter(
        json.dumps({k: v for k, v in row.items() if k not in drop}, sort_keys=True, default=str)
        for row in table.to_pylist()
    )


def test_every_table_has_the_export_schema(runs):
    one, distributed, counts = runs
    assert sorted(set(distributed) - {"narrow stories"}) == sorted(parallax.TABLES)
    for name, table in one.items():
        assert distributed[name].schema.equals(table.schema), name
    assert counts["skipped"] == 0


#: Entity ids: resolution runs within each story (docs/scale.md), so an entity named in
#: several stories may be resolved differently in each; compared separately below.
ENTITY_IDS = {"entity_id", "speaker_id"}


@pytest.mark.parametrize(
    "name",
    [
        "documents",
        "sentences",
        "times",
        "figures",
        "quotes",
        "claims",
        "labels",
        "loaded_terms",
        "places",
        "timeline",
        "reuse",
        "disputes",
    ],
)
def test_tables_are_the_same_but_for_entity_ids(runs, name):
    one, distributed, _ = runs
    assert rows(distributed[name], ENTITY_IDS) == rows(one[name], ENTITY_IDS), name


def test_stories_are_the_same(runs):
    one, distributed, _ = runs

    def pairs(table):
        return {
            tuple(sorted((a, b)))
            for story in table.to_pylist()
            for a in story["doc_ids"]
            for b in story["doc_ids"]
            if a < b
        }

    assert pairs(distributed["stories"]) == pairs(one["stories"])
    assert rows(distributed["stories"]) == rows(one["stories"])
    assert rows(distributed["narrow stories"]) == rows(one["stories"])


def test_mentions_are_the_same_spans(runs):
    one, distributed, _ = runs
    drop = {"entity_id", "entity_type"}
    assert rows(distributed["mentions"], drop) == rows(one["mentions"], drop)


def test_entities_agree_within_stories(runs):
    """Entity resolution runs per story: mentions the one-process run puts in one entity stay
    together unless their entity spans stories (measured as pairwise F1 over mentions)."""
    one, distributed, _ = runs

    def together(table):
        by_entity = collections.defaultdict(list)
        for m in table.to_pylist():
            by_entity[m["entity_id"]].append(m["mention_id"])
        return {
            (a, b) for ids in by_entity.values() for a in ids for b in ids if a < b
        }

    expected, found = together(one["mentions"]), together(distributed["mentions"])
    precision = len(expected & found) / max(len(found), 1)
    recall = len(expected & found) / max(len(expected), 1)
    # Measured: precision 0.929, recall 0.861 (an entity named in two stories, such as
    # "Kelidze" alone in a one-article story, is two entities here; docs/scale.md).
    assert precision >= 0.90 and recall >= 0.83, (precision, recall)
