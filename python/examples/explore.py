"""A notebook-style tour of the Python package on the bundled fictional corpus.

Run from the repository root after `pip install ./python`:

    python python/examples/explore.py
"""

# %% Analyze five fictional outlets' reports of one conflict.
import pathlib

import parallax

corpus = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "text"
dossier = parallax.analyze([corpus], manifest=corpus / "manifest.csv")
print(dossier)

# %% Every table as a pandas DataFrame (the Parquet export's schemas).
frames = dossier.to_pandas()
for name, frame in frames.items():
    print(f"{name:14} {len(frame):5} rows")

# %% Who is quoted most, and by how many outlets?
quotes = frames["quotes"].merge(frames["documents"][["doc_id", "outlet"]], on="doc_id")
entities = frames["entities"][["entity_id", "name"]]
speakers = (
    quotes.dropna(subset=["speaker_id"])
    .merge(entities, left_on="speaker_id", right_on="entity_id")
    .groupby("name")
    .agg(quotes=("quote_id", "count"), outlets=("outlet", "nunique"))
    .sort_values("quotes", ascending=False)
)
print(speakers.head(5))

# %% Where do the outlets' casualty figures disagree? One row per outlet figure.
claims = frames["claims"]
conflicts = claims[claims["status"] == "conflict"]
print(conflicts[["claim_id", "subject", "outlet", "text", "claim_low", "claim_best", "claim_high"]])

# %% Every row is evidence on its own: the sentence and the exact span.
row = conflicts.iloc[0] if len(conflicts) else claims.iloc[0]
print(f"{row['outlet']}: …{row['sentence_text']}…  [{row['char_start']}:{row['char_end']}]")

# %% The same tables as Parquet, for DuckDB, Spark or Polars.
written = dossier.export("parallax-export", "parquet")
print(f"wrote {len(written)} Parquet files under parallax-export/")
