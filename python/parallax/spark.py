"""Parallax on Apache Spark: the whole analysis over a corpus no one machine holds.

``python -m parallax.spark analyze INPUT... --out OUT`` (or ``spark-submit -m``-style with
this module) reads articles (JSON Lines or Parquet records) on any filesystem Spark reads and
writes the tables of ``parallax export --format parquet`` into ``OUT``, one folder per table.
It runs in local mode on a laptop and unchanged on a cluster; docs/scale.md says which
settings matter and how its results can differ from one process.

Every rule is the Rust code the CLI runs, called through the package; Spark only distributes:

1. **Per article** (a map): ``mapInArrow`` hands record batches to ``analyze_batch``. The
   analyses are written once to ``OUT/_analyses`` (the store of a distributed run) and read
   back from there by the later stages.
2. **Stories** (partitioned): the one-process clusterer is sequential, so articles are
   partitioned into windows of publication days, each window also holding the first
   ``overlap`` days of the next one; each window is clustered by ``stories_batch``, resumed
   with the counts the stream would have made before it (articles published earlier and how
   many of them used each word or name, running sums by group-by: ``window_priors``). An
   article in two windows ties its two window stories together, and the stories are the
   connected components of those ties (label propagation by joins). Undated articles form
   their own window, after every dated one.
3. **Per story** (a group-by): ``applyInArrow`` hands each story's analyses to
   ``dossier_of_batch`` with the story given, which runs entity resolution, quote groups,
   claims, events, disputes, timeline, places and outlet profiles for that story, and its
   tables leave as Arrow IPC bytes, one row per (story, table).
4. **Tables**: each table is decoded from those rows by ``mapInArrow`` and written as Parquet.

Cross-document ids that one dossier numbers (claims ``c1``, disputes, quote groups, passages,
events, places) are prefixed with their story id so that they stay unique; entity ids are
name slugs (``e:tamaz-kelidze``), so the same name in two stories is one id.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Iterator, Optional, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from . import _parallax

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["analyze", "main", "WINDOW_DAYS", "OVERLAP_DAYS"]

#: Days of publication clustered together in one story window.
WINDOW_DAYS = 28
#: Days of the next window each window also clusters, so that a story crossing a border is
#: seen whole by one window and tied to its continuation. The clusterer joins an article to a
#: story without penalty within 3 days of the story's span, hence a week.
OVERLAP_DAYS = 7

#: Settings the tables need from any Spark session: timestamps as Parquet's microseconds
#: in UTC (the export's type; Spark's default INT96 reads back without its zone elsewhere).
#: An article's stored analysis is tens of kilobytes of JSON, so the Parquet reader reads
#: fewer rows per batch than its default 4,096 (80 MB per column batch at 10,000 articles
#: ran a 1 GB driver out of heap).
SPARK_SETTINGS = {
    "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.parquet.columnarReaderBatchSize": "256",
}

#: Memory of the one JVM of local mode (driver and executor in one), unless given: Spark's
#: 1 GB default is too small for the per-window and per-story groups of a large corpus.
LOCAL_DRIVER_MEMORY = "4g"

#: The story window of undated articles.
UNDATED = -1

#: Columns, by table, holding ids one dossier numbers by itself (``c1``, ``g2``…): made
#: unique across the per-story dossiers by their story id.
NUMBERED_IDS = ("claim_id", "dispute_id", "group_id", "passage_id", "event_id", "place_id")


def _analyses_schema():
    """The Spark schema of ``analyze_batch``'s output, read from the Rust side (one
    definition of its columns)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    empty = pa.RecordBatch.from_pydict({"text": pa.array([], pa.string())})
    return from_arrow_schema(_parallax.analyze_batch(empty, []).schema)


def read_articles(spark: "SparkSession", inputs: Sequence[str]) -> "DataFrame":
    """The article records of ``inputs``: JSON Lines (``.jsonl``, ``.json``, ``.jsonl.gz``)
    or Parquet (``.parquet`` or a folder of it), one record per row."""
    from functools import reduce

    from pyspark.sql import functions as F

    frames = []
    for path in inputs:
        if path.rstrip("/").endswith(".parquet"):
            frame = spark.read.parquet(path)
        else:
            frame = spark.read.json(path)
        # A row's label in diagnostics: its file and line-like position.
        if "source" not in frame.columns:
            frame = frame.withColumn(
                "source",
                F.concat_ws(
                    "#", F.input_file_name(), F.monotonically_increasing_id().cast("string")
                ),
            )
        frames.append(frame)
    return reduce(lambda a, b: a.unionByName(b, allowMissingColumns=True), frames)


def analyze_articles(articles: "DataFrame", fields: Sequence[str] = ()) -> "DataFrame":
    """Stage 1: the per-article analysis of every row, as ``analyze_batch`` writes it."""
    fields = list(fields)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield _parallax.analyze_batch(batch, fields)

    return articles.mapInArrow(run, _analyses_schema())


def _with_days(analyses: "DataFrame") -> "DataFrame":
    """Each analyzed article with its publication day (days since 1970-01-01 UTC, null when
    undated) and its place in the one-process stream (undated last, then instant, the
    published text, outlet, id), all as the Rust code reads the stored document."""
    from pyspark.sql import functions as F

    seconds = F.col("published_seconds")
    return analyses.select(
        "doc_id",
        "document",
        "analysis",
        F.floor(seconds / 86400).cast("long").alias("day"),
        F.struct(
            seconds.isNull().alias("undated"),
            seconds.alias("instant"),
            F.get_json_object("document", "$.published").alias("published"),
            F.get_json_object("document", "$.outlet").alias("outlet"),
            F.col("doc_id"),
        ).alias("order"),
    )


def assign_windows(dated: "DataFrame", window_days: int, overlap_days: int) -> "DataFrame":
    """Each article's story windows: its own (``primary``), and the window before when it is
    within the first ``overlap_days`` of its own."""
    from pyspark.sql import functions as F

    window = F.when(F.col("day").isNull(), F.lit(UNDATED)).otherwise(
        F.floor(F.col("day") / window_days)
    )
    own = dated.withColumn("window", window.cast("long")).withColumn("primary", F.lit(True))
    late = (
        own.where(
            (F.col("window") > 0) & (F.col("day") - F.col("window") * window_days < overlap_days)
        )
        .withColumn("window", F.col("window") - 1)
        .withColumn("primary", F.lit(False))
    )
    return own.unionByName(late)


def window_priors(good: "DataFrame", windowed: "DataFrame") -> "tuple[DataFrame, DataFrame]":
    """What the one-process stream has counted when it reaches each window: the number of
    articles published before the window (``window``, ``prior_documents``) and, for each key
    the window's articles use, how many of those articles had it (``window``, ``key``,
    ``df``). Undated articles come after every dated one, as in the stream.

    Each is a running sum over windows in order (one sort per key, no pairs of windows): a
    row asking for a key at a window sorts before that window's own counts, so the sum there
    is the count of the windows before it."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield _parallax.story_keys_batch(batch)

    keys_schema = "doc_id string, key long"
    keys = good.select("doc_id", "document", "analysis").mapInArrow(run, keys_schema)
    rank = F.when(F.col("window") == UNDATED, F.lit(2**62)).otherwise(F.col("window"))
    membership = windowed.select("doc_id", "window", "primary").withColumn("rank", rank)
    own = membership.where("primary").select("doc_id", "window", "rank")
    counted = (
        keys.join(own, "doc_id")
        .groupBy("rank", "key")
        .agg(F.count("*").alias("n"))
        .select(F.lit(None).cast("long").alias("window"), "rank", "key", "n", F.lit(1).alias("kind"))
    )
    asked = (
        keys.join(membership, "doc_id")
        .select("window", "rank", "key")
        .distinct()
        .select("window", "rank", "key", F.lit(0).alias("n"), F.lit(0).alias("kind"))
    )
    before = Window.partitionBy("key").orderBy("rank", "kind").rowsBetween(
        Window.unboundedPreceding, Window.currentRow
    )
    df = (
        counted.unionByName(asked)
        .withColumn("df", F.sum("n").over(before))
        .where("kind = 0")
        .select("window", "key", "df")
    )
    per_window = own.groupBy("window", "rank").agg(F.count("*").alias("n"))
    documents = per_window.select(
        "window",
        (F.sum("n").over(Window.orderBy("rank")) - F.col("n")).alias("prior_documents"),
    )
    return documents, df


#: One row per (window, article) with its window story: ``window/number``.
WINDOW_STORIES = pa.schema(
    [("window", pa.int64()), ("doc_id", pa.string()), ("node", pa.string())]
)


def cluster_windows(windowed: "DataFrame", documents: "DataFrame", df: "DataFrame") -> "DataFrame":
    """Stage 2a: the one-process clusterer over each window, resumed with the counts of the
    articles before it (``window_priors``); rows of ``WINDOW_STORIES``."""
    from pyspark.sql.pandas.types import from_arrow_schema

    def cluster(articles: pa.Table, prior: pa.Table) -> pa.Table:
        if articles.num_rows == 0:
            return WINDOW_STORIES.empty_table()
        window = articles.column("window")[0].as_py()
        before = articles.column("prior_documents")[0].as_py() or 0
        batch = articles.select(["document", "analysis"]).combine_chunks().to_batches()[0]
        counts = prior.select(["key", "df"]).combine_chunks().to_batches()
        counts = counts[0] if counts else None
        found = _parallax.stories_batch(batch, counts, before)
        nodes = pc.binary_join_element_wise(
            pa.scalar(str(window)), pc.cast(found.column("story"), pa.string()), "/"
        )
        windows = pa.array([window] * found.num_rows, pa.int64())
        return pa.Table.from_arrays(
            [windows, found.column("doc_id"), nodes], schema=WINDOW_STORIES
        )

    articles = windowed.join(documents, "window").groupBy("window")
    return articles.cogroup(df.groupBy("window")).applyInArrow(
        cluster, from_arrow_schema(WINDOW_STORIES)
    )


def connected_components(edges: "DataFrame", nodes: "DataFrame", max_rounds: int = 50) -> "DataFrame":
    """Stage 2b: the component of every node, as the least node label reachable through
    ``edges`` (columns ``a``, ``b``), by label propagation: each round is one join, and the
    rounds stop when no label changes (the graph's diameter, one or two here)."""
    from pyspark.sql import functions as F

    both = edges.unionByName(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    labels = nodes.select("node", F.col("node").alias("label")).localCheckpoint()
    for _ in range(max_rounds):
        offered = both.join(labels, both.a == labels.node).select(
            F.col("b").alias("node"), F.col("label").alias("offer")
        )
        updated = (
            labels.join(offered, "node", "left")
            .groupBy("node", "label")
            .agg(F.min("offer").alias("offer"))
            .select("node", F.least("label", F.coalesce("offer", "label")).alias("label"))
            .groupBy("node")
            .agg(F.min("label").alias("label"))
            .localCheckpoint()
        )
        changed = updated.join(labels.withColumnRenamed("label", "before"), "node").where(
            F.col("label") != F.col("before")
        )
        labels = updated
        if changed.limit(1).count() == 0:
            return labels
    raise RuntimeError(
        f"story ties did not settle in {max_rounds} rounds of label propagation: "
        "a chain of window stories longer than that (raise max_rounds)"
    )


def story_ids(clustered: "DataFrame", windowed: "DataFrame") -> "DataFrame":
    """Stage 2c: each article's story id. A story is a component of window stories tied by
    the articles two windows share; stories are numbered ``s1``, ``s2``… by first
    publication (undated last), as the one-process run numbers them."""
    from pyspark.sql import functions as F

    shared = clustered.alias("x").join(
        clustered.alias("y"),
        (F.col("x.doc_id") == F.col("y.doc_id")) & (F.col("x.window") < F.col("y.window")),
    )
    edges = shared.select(F.col("x.node").alias("a"), F.col("y.node").alias("b"))
    nodes = clustered.select("node").distinct()
    labels = connected_components(edges, nodes)
    primary = windowed.where("primary").select("doc_id", "window", "order")
    of_doc = (
        primary.join(clustered, ["doc_id", "window"])
        .join(labels, "node")
        .select("doc_id", "order", F.col("label").alias("component"))
    )
    # Stories in order of their first article, as the one-process stream meets them.
    firsts = of_doc.groupBy("component").agg(F.min("order").alias("first"))
    numbered = (
        firsts.orderBy("first")
        .rdd.zipWithIndex()
        .map(lambda pair: (pair[0]["component"], f"s{pair[1] + 1}"))
        .toDF(["component", "story_id"])
    )
    return of_doc.join(numbered, "component").select("doc_id", "story_id")


def story_tables(analyses: "DataFrame", stories: "DataFrame") -> "DataFrame":
    """Stage 3: each story's dossier, built by the one-process code with the story given,
    as one row per (story, table) holding the table's rows as Arrow IPC bytes."""
    from pyspark.sql.types import BinaryType, StringType, StructField, StructType

    out_schema = StructType(
        [
            StructField("story_id", StringType()),
            StructField("table", StringType()),
            StructField("ipc", BinaryType()),
        ]
    )

    def build(table: pa.Table) -> pa.Table:
        story = table.column("story_id")[0].as_py()
        batch = table.select(["document", "analysis", "story_id"]).combine_chunks().to_batches()[0]
        dossier = _parallax.dossier_of_batch(batch, "story_id")
        names, blobs = [], []
        for name, rows in dossier.tables().items():
            rows = _story_scoped(rows, story)
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, rows.schema) as writer:
                writer.write_table(rows)
            names.append(name)
            blobs.append(sink.getvalue().to_pybytes())
        return pa.table(
            {
                "story_id": pa.array([story] * len(names), pa.string()),
                "table": pa.array(names, pa.string()),
                "ipc": pa.array(blobs, pa.binary()),
            }
        )

    joined = analyses.select("doc_id", "document", "analysis").join(stories, "doc_id")
    return joined.groupBy("story_id").applyInArrow(build, out_schema)


def _story_scoped(rows: pa.Table, story: str) -> pa.Table:
    """A per-story table with its story's id in place of the lone dossier's ``s1``, and the
    ids one dossier numbers prefixed by that story id."""
    for i, name in enumerate(rows.column_names):
        column = rows.column(i)
        if name == "story_id":
            column = pc.if_else(pc.is_null(column), column, pa.scalar(story))
        elif name == "stories":
            # One story per dossier: every listed story is this one.
            lists = column.combine_chunks()
            values = pc.if_else(pc.is_null(lists.values), lists.values, pa.scalar(story))
            column = pa.ListArray.from_arrays(lists.offsets, values, mask=lists.is_null())
        elif name in NUMBERED_IDS:
            column = pc.binary_join_element_wise(pa.scalar(story), column, ":")
        else:
            continue
        rows = rows.set_column(i, name, column.cast(rows.schema.field(i).type))
    return rows


def empty_schemas() -> "dict[str, pa.Schema]":
    """Every table's Arrow schema (those of the Parquet export)."""
    empty = pa.RecordBatch.from_pydict(
        {"document": pa.array([], pa.string()), "analysis": pa.array([], pa.string())}
    )
    return {name: t.schema for name, t in _parallax.dossier_of_batch(empty).tables().items()}


def decode_table(blobs: "DataFrame", name: str, schema: pa.Schema) -> "DataFrame":
    """Stage 4: one table's rows from the per-story IPC blobs (a map, no shuffle)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    def decode(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for blob in batch.column("ipc").to_pylist():
                yield from pa.ipc.open_stream(blob).read_all().to_batches()

    return blobs.where(blobs.table == name).select("ipc").mapInArrow(
        decode, from_arrow_schema(schema)
    )


def analyze(
    spark: "SparkSession",
    inputs: Sequence[str],
    out: str,
    *,
    fields: Sequence[str] = (),
    window_days: int = WINDOW_DAYS,
    overlap_days: int = OVERLAP_DAYS,
    partitions: Optional[int] = None,
    log=None,
) -> "dict[str, int]":
    """Runs the whole analysis of ``inputs`` on ``spark`` and writes every table under
    ``out`` (``out/TABLE/`` Parquet, plus ``out/_analyses``). Returns rows per table."""
    from pyspark.sql import functions as F

    say = log or (lambda message: None)
    for key, value in SPARK_SETTINGS.items():
        spark.conf.set(key, value)
    clock = time.monotonic()
    articles = read_articles(spark, inputs)
    if partitions:
        articles = articles.repartition(partitions)
    analyzed = analyze_articles(articles, fields)
    analyzed.write.mode("overwrite").parquet(f"{out}/_analyses")
    stored = spark.read.parquet(f"{out}/_analyses")
    failed = stored.where(F.col("error").isNotNull()).select("source", "error")
    # The same text twice is one document, as in one process (the first by source).
    good = (
        stored.where(F.col("error").isNull())
        .groupBy("doc_id")
        .agg(F.min(F.struct("source", "published_seconds", "document", "analysis")).alias("row"))
        .select("doc_id", "row.published_seconds", "row.document", "row.analysis")
    )
    say(f"per-article analysis: {time.monotonic() - clock:.1f} s")
    clock = time.monotonic()
    windowed = assign_windows(_with_days(good), window_days, overlap_days).localCheckpoint()
    documents, df = window_priors(good, windowed)
    # Each window is clustered once: the ties, nodes and primary stories below all read it.
    clustered = cluster_windows(windowed, documents, df).localCheckpoint()
    stories = story_ids(clustered, windowed.select("doc_id", "window", "primary", "order"))
    stories = stories.localCheckpoint()
    say(f"stories: {time.monotonic() - clock:.1f} s")
    clock = time.monotonic()
    blobs = story_tables(good, stories)
    blobs.write.mode("overwrite").parquet(f"{out}/_story_tables")
    blobs = spark.read.parquet(f"{out}/_story_tables")
    say(f"per-story dossiers: {time.monotonic() - clock:.1f} s")
    clock = time.monotonic()
    counts: "dict[str, int]" = {}
    for name, schema in empty_schemas().items():
        table = decode_table(blobs, name, schema)
        table.write.mode("overwrite").parquet(f"{out}/{name}")
        counts[name] = spark.read.parquet(f"{out}/{name}").count()
    failed.write.mode("overwrite").parquet(f"{out}/skipped")
    counts["skipped"] = spark.read.parquet(f"{out}/skipped").count()
    say(f"tables: {time.monotonic() - clock:.1f} s")
    return counts


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parallax.spark",
        description="Parallax on Apache Spark: analyze articles and write the export tables.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("analyze", help="analyze articles and write every table as Parquet")
    run.add_argument("inputs", nargs="+", help="JSON Lines or Parquet article records")
    run.add_argument("--out", required=True, help="folder receiving one Parquet folder per table")
    run.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="PIECE=NAME",
        help="a record field with a non-default name, as for `parallax analyze --field`",
    )
    run.add_argument("--window-days", type=int, default=WINDOW_DAYS)
    run.add_argument("--overlap-days", type=int, default=OVERLAP_DAYS)
    run.add_argument("--partitions", type=int, help="repartition the articles into this many")
    run.add_argument("--master", help="Spark master (default: what spark-submit gives, else local[*])")
    run.add_argument(
        "--driver-memory",
        default=LOCAL_DRIVER_MEMORY,
        help=f"JVM memory in local mode (default {LOCAL_DRIVER_MEMORY})",
    )
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("parallax").config(
        "spark.ui.showConsoleProgress", "false"
    )
    for key, value in SPARK_SETTINGS.items():
        builder = builder.config(key, value)
    if args.master:
        builder = builder.master(args.master)
    elif not SparkSession.getActiveSession():
        builder = builder.master("local[*]")
    if (args.master or "local").startswith("local"):
        builder = builder.config("spark.driver.memory", args.driver_memory)
    spark = builder.getOrCreate()
    try:
        counts = analyze(
            spark,
            args.inputs,
            args.out,
            fields=args.field,
            window_days=args.window_days,
            overlap_days=args.overlap_days,
            partitions=args.partitions,
            log=lambda message: print(message, file=sys.stderr),
        )
    finally:
        spark.stop()
    for name, rows in counts.items():
        print(f"{name}: {rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
