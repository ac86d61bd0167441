"""The Python package on the fixture corpus: analysis, tables, exports read back by pyarrow
and DuckDB, the batch call, the store, and errors naming their input."""

import json
import os
import pathlib
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import parallax

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEXT = ROOT / "fixtures" / "corpus" / "text"
MANIFEST = TEXT / "manifest.csv"


@pytest.fixture(scope="module")
def dossier():
    return parallax.analyze([TEXT], manifest=MANIFEST)


def test_analyze_gives_a_dossier(dossier):
    assert len(dossier) == 7
    data = json.loads(dossier.json())
    assert data["format"] == "parallax-dossier"
    assert {d["outlet"] for d in data["documents"]} >= {"Meridian Wire", "The Lorvik Herald"}
    assert dossier.skipped == []


def test_tables_have_the_parquet_schemas(dossier, tmp_path):
    tables = dossier.tables()
    assert sorted(tables) == sorted(parallax.TABLES)
    dossier.export(tmp_path, "parquet")
    for name, table in tables.items():
        on_disk = pq.read_table(tmp_path / f"{name}.parquet")
        assert on_disk.schema.equals(table.schema), name
        assert on_disk.num_rows == table.num_rows, name
    quotes = tables["quotes"].to_pylist()
    texts = {r["doc_id"]: r["text"] for r in tables["documents"].to_pylist()}
    assert quotes, "no quotes"
    for q in quotes:
        text = texts[q["doc_id"]]
        assert text[q["char_start"]:q["char_end"]] == q["text"]
        assert text.encode()[q["byte_start"]:q["byte_end"]].decode() == q["text"]
    assert tables["documents"].schema.field("published").type == pa.timestamp("us", tz="UTC")


def test_duckdb_reads_the_parquet_export_and_joins_it(dossier, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    dossier.export(tmp_path, "parquet")
    rows = duckdb.sql(
        f"""
        SELECT e.name, count(*) AS n
        FROM read_parquet('{tmp_path / "mentions.parquet"}') m
        JOIN read_parquet('{tmp_path / "entities.parquet"}') e USING (entity_id)
        GROUP BY e.name ORDER BY n DESC, e.name LIMIT 3
        """
    ).fetchall()
    assert len(rows) == 3 and rows[0][1] >= rows[2][1]
    claims = duckdb.sql(
        f"SELECT DISTINCT status FROM read_parquet('{tmp_path / 'claims.parquet'}')"
    ).fetchall()
    assert claims


def test_partitioned_parquet_reads_as_a_dataset(dossier, tmp_path):
    dossier.export(tmp_path, "parquet", partition="day")
    table = pq.read_table(tmp_path / "sentences")
    assert "day" in table.column_names
    assert table.num_rows == dossier.tables()["sentences"].num_rows
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.sql(
        f"SELECT count(DISTINCT day) FROM read_parquet('{tmp_path}/sentences/*/*.parquet', hive_partitioning = true)"
    ).fetchall()[0][0]
    assert n >= 2


def test_csv_reads_in_pandas(dossier, tmp_path):
    pandas = pytest.importorskip("pandas")
    dossier.export(tmp_path, "csv")
    frame = pandas.read_csv(tmp_path / "sentences.csv")
    assert list(frame.columns)[:2] == ["sentence_id", "doc_id"]
    assert len(frame) == dossier.tables()["sentences"].num_rows


def test_to_pandas(dossier):
    pytest.importorskip("pandas")
    frames = dossier.to_pandas()
    assert len(frames["documents"]) == 7
    assert str(frames["documents"]["published"].dt.tz) == "UTC"


def test_records_analyze_like_files():
    text = (TEXT / "01-meridian-shelling.txt").read_text()
    from_record = parallax.analyze(
        [{"text": text, "outlet": "Meridian Wire", "published": "2031-05-09T14:20:00Z"}]
    )
    tables = from_record.tables()
    assert tables["documents"]["outlet"].to_pylist() == ["Meridian Wire"]
    assert tables["quotes"].num_rows > 0


def test_analyze_batch_matches_analyze(dossier):
    texts = [p.read_text() for p in sorted(TEXT.glob("*.txt"))]
    batch = pa.RecordBatch.from_pydict(
        {"text": texts + [""], "source": [f"row {i}" for i in range(len(texts) + 1)]}
    )
    out = parallax.analyze_batch(batch)
    assert out.num_rows == len(texts) + 1
    rows = out.to_pylist()
    assert rows[-1]["error"] and rows[-1]["analysis"] is None
    assert all(r["error"] is None for r in rows[:-1])
    analysis = json.loads(rows[0]["analysis"])
    assert analysis["doc"] == rows[0]["doc_id"] and analysis["quotes"]
    assert rows[0]["pipeline_version"] == parallax.PIPELINE_VERSION


def test_errors_name_the_input(tmp_path):
    with pytest.raises(FileNotFoundError) as missing:
        parallax.analyze([tmp_path / "nope"])
    assert "nope" in str(missing.value)
    with pytest.raises(ValueError, match=r"records\[1\]"):
        parallax.analyze([{"text": "Troops crossed the river."}, {"title": "no text"}])
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01")
    with pytest.raises(parallax.ParallaxError, match="blob.bin"):
        parallax.analyze([tmp_path / "blob.bin"])
    with pytest.raises(KeyError, match="text"):
        parallax.analyze_batch(pa.RecordBatch.from_pydict({"title": ["x"]}))
    with pytest.raises(parallax.ParallaxError, match="no store"):
        parallax.Store(tmp_path / "empty")


def test_store_opens_what_the_cli_wrote(tmp_path):
    binary = ROOT / "target" / "release" / "parallax"
    if not binary.exists():
        pytest.skip("target/release/parallax not built")
    store = tmp_path / "store"
    subprocess.run(
        [binary, "analyze", "-q", TEXT, "--manifest", MANIFEST, "--store", store, "--out", tmp_path / "out"],
        check=True,
    )
    opened = parallax.Store(store)
    assert len(opened) == 7
    assert len(opened.dossier()) == 7
