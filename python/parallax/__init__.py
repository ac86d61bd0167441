"""Parallax from Python: cross-source news dossiers.

Parallax reads many outlets' reports of one story and builds a dossier: entities resolved
across outlets, quotations with their speakers, figures with what they count and who asserts
them, dates, stories, shared passages, disputes and each outlet's framing -- every item tied to
the exact span of its article.

>>> import parallax
>>> dossier = parallax.analyze(["articles/"], manifest="articles/manifest.csv")
>>> tables = dossier.tables()            # dict of pyarrow.Table, the Parquet export's schemas
>>> quotes = dossier.to_pandas()["quotes"]

The tables and their columns are documented in docs/export.md of the repository.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Union

from . import _parallax
from ._parallax import PIPELINE_VERSION, ParallaxError, TABLES

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = [
    "analyze",
    "analyze_batch",
    "story_keys_batch",
    "stories_batch",
    "dossier_of_batch",
    "Dossier",
    "Store",
    "ParallaxError",
    "PIPELINE_VERSION",
    "TABLES",
]

PathLike = Union[str, "os.PathLike[str]"]
Record = Mapping[str, Any]


class Dossier:
    """A dossier with the per-article analyses it was built from.

    ``len(dossier)`` is the number of analyzed articles; ``dossier.skipped`` lists the inputs
    that could not be analyzed as ``(source, reason)`` pairs.
    """

    __slots__ = ("_inner",)

    def __init__(self, inner: "_parallax.Dossier") -> None:
        self._inner = inner

    def json(self) -> str:
        """The dossier as JSON, in the ``dossier.json`` format (docs/dossier.md)."""
        return self._inner.json()

    def tables(
        self,
        *,
        story: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
    ) -> "dict[str, pyarrow.Table]":
        """Every export table as a ``pyarrow.Table``, keyed by table name.

        The schemas are those of the Parquet export. ``story`` keeps one story's articles,
        ``since`` and ``until`` (``YYYY-MM-DD``, UTC, inclusive) a range of publication days.
        """
        return dict(self._inner.tables(story, since, until))

    def to_pandas(self, **selection: Optional[str]) -> "dict[str, pandas.DataFrame]":
        """Every export table as a ``pandas.DataFrame`` (needs pandas), keyed by table name."""
        return {name: table.to_pandas() for name, table in self.tables(**selection).items()}

    def export(
        self,
        out: PathLike,
        format: str = "parquet",
        *,
        story: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        partition: str = "auto",
    ) -> "list[str]":
        """Writes an export format into the folder ``out`` and returns the files written.

        Formats: ``jsonl``, ``csv``, ``parquet``, ``gkg``, ``dossier``, ``report``.
        """
        return self._inner.export(os.fspath(out), format, story, since, until, partition)

    @property
    def skipped(self) -> "list[tuple[str, str]]":
        """Inputs that could not be analyzed, as ``(source, reason)`` pairs."""
        return self._inner.skipped

    def __len__(self) -> int:
        return len(self._inner)

    def __repr__(self) -> str:
        return repr(self._inner)


def analyze(
    records_or_paths: Union[PathLike, Record, Iterable[Union[PathLike, Record]]],
    *,
    manifest: Optional[PathLike] = None,
) -> Dossier:
    """Analyzes articles and returns their dossier.

    ``records_or_paths`` holds files and folders of articles (``.txt``, ``.md``, ``.html``,
    ``.jsonl``, ``.warc``, ``.warc.gz``; folders are read recursively) and/or article records:
    mappings with the article text under ``text`` (or news-please's ``maintext``) and optional
    ``title``, ``outlet``, ``published``, ``url`` and ``authors``. ``manifest`` is a CSV or
    JSON Lines file of metadata per path or URL, as for ``parallax analyze --manifest``.

    Raises ``FileNotFoundError`` for a path that does not exist, ``ValueError`` for a record
    without text (naming its position), and ``ParallaxError`` when no input could be analyzed
    (with each input's reason). Inputs skipped beside good ones are listed in
    ``Dossier.skipped``.
    """
    if isinstance(records_or_paths, (str, os.PathLike, Mapping)):
        items: list = [records_or_paths]
    else:
        items = list(records_or_paths)
    paths: "list[str]" = []
    records: "list[tuple[str, str]]" = []
    for i, item in enumerate(items):
        if isinstance(item, Mapping):
            try:
                records.append((f"records[{i}]", json.dumps(dict(item), default=str)))
            except (TypeError, ValueError) as error:
                raise ValueError(f"records[{i}]: not a JSON-like record: {error}") from None
        elif isinstance(item, (str, os.PathLike)):
            path = os.fspath(item)
            if not os.path.exists(path):
                raise FileNotFoundError(2, "no such file or folder", path)
            paths.append(path)
        else:
            raise TypeError(
                f"records_or_paths[{i}]: expected a path or a mapping, got {type(item).__name__}"
            )
    if manifest is not None and not os.path.exists(os.fspath(manifest)):
        raise FileNotFoundError(2, "no such manifest", os.fspath(manifest))
    manifest_path = None if manifest is None else os.fspath(manifest)
    return Dossier(_parallax.analyze(paths, records, manifest_path))


def analyze_batch(
    batch: "pyarrow.RecordBatch", fields: "Iterable[str]" = ()
) -> "pyarrow.RecordBatch":
    """Runs the per-article analysis over a batch of articles, on the calling thread.

    Each row is read as the JSON record ``parallax analyze`` reads from a file: its string and
    list-of-string columns, the text under ``text`` (or news-please's ``maintext`` and the
    other default names); ``fields`` (``PIECE=NAME``, as ``--field``) names other columns. The
    result has one row per input row: ``doc_id``, ``source``, ``pipeline_version``, counts
    (``sentences``, ``mentions``, ``quotes``, ``figures``, ``times``), ``published_seconds``
    (the publication instant, UTC, that the cross-document stages order by), ``document``
    and ``analysis`` (the JSON records a store keeps, from which the cross-document stages
    build the dossier), and ``error`` (why a row could not be analyzed, else null). Made for
    ``mapInArrow``-style engines: each call is independent and single-threaded. Raises
    ``KeyError`` when no column can hold the text.
    """
    return _parallax.analyze_batch(batch, list(fields))


def story_keys_batch(batch: "pyarrow.RecordBatch") -> "pyarrow.RecordBatch":
    """The keys each analyzed article (a batch as ``analyze_batch`` writes it) counts in the
    story clusterer's document frequencies: one row per ``doc_id`` and ``key``."""
    return _parallax.story_keys_batch(batch)


def stories_batch(
    batch: "pyarrow.RecordBatch",
    prior: "Optional[pyarrow.RecordBatch]" = None,
    prior_documents: int = 0,
) -> "pyarrow.RecordBatch":
    """Clusters the analyzed articles of one batch (as ``analyze_batch`` writes them) into
    stories with the one-process clusterer: columns ``doc_id`` and ``story`` (the story's
    number within this batch). ``prior`` (``key``, ``df``) and ``prior_documents`` resume the
    stream after that many earlier articles. ``parallax.spark`` calls it once per window of
    days."""
    return _parallax.stories_batch(batch, prior, prior_documents)


def dossier_of_batch(
    batch: "pyarrow.RecordBatch", story_column: Optional[str] = None
) -> Dossier:
    """The dossier of analyzed articles (a batch as ``analyze_batch`` writes them). With
    ``story_column``, that string column gives each article's story and the clusterer does not
    run: ``parallax.spark`` builds each story's dossier this way."""
    return Dossier(_parallax.dossier_of_batch(batch, story_column))


class Store:
    """A store written by ``parallax analyze --store DIR``.

    ``len(store)`` is the number of stored articles; ``store.dossier()`` builds the dossier
    of all of them.
    """

    __slots__ = ("_inner",)

    def __init__(self, path: PathLike) -> None:
        self._inner = _parallax.Store(os.fspath(path))

    @property
    def path(self) -> str:
        """The store's folder."""
        return self._inner.path

    def dossier(self) -> Dossier:
        """The dossier of every stored article (the cross-document stages run now)."""
        return Dossier(self._inner.dossier())

    def __len__(self) -> int:
        return len(self._inner)

    def __repr__(self) -> str:
        return repr(self._inner)
