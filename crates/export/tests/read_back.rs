//! Every format written for the fixture corpus and read back: JSON Lines and CSV round trip
//! to the rows in memory, Parquet is read by the parquet crate's own reader (pyarrow and
//! DuckDB read it in the Python tests), GKG by a reader written from the codebook.

mod corpus;
mod gkg_reader;

use corpus::{fixture, rows, Value};
use parallax_export::{Kind, Options, Partition, Selection, Source, TableSchema, TABLES};
use std::collections::HashMap;
use std::path::Path;

fn source() -> Source<'static> {
    let (corpus, dossier) = fixture();
    Source::new(
        dossier,
        corpus.iter().map(|(_, a)| a),
        &Selection::default(),
    )
}

fn write(format: &str, options: &Options) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    parallax_export::format(format)
        .unwrap()
        .write(&source(), dir.path(), options)
        .unwrap();
    dir
}

/// Parses a text cell back into the value of its column's kind.
fn parse(kind: Kind, text: &str, csv: bool) -> Value {
    if csv && text.is_empty() {
        return Value::Null;
    }
    match kind {
        Kind::Label | Kind::Text => {
            let unquoted = text
                .strip_prefix('\'')
                .filter(|rest| csv && parallax_export::formats::Csv::looks_like_formula(rest));
            Value::Str(unquoted.unwrap_or(text).to_string())
        }
        Kind::Int => Value::Int(text.parse().unwrap()),
        Kind::Float => Value::Float(text.parse().unwrap()),
        Kind::Bool => Value::Bool(text == "true"),
        Kind::Timestamp => Value::Time(
            chrono::DateTime::parse_from_rfc3339(text)
                .unwrap()
                .timestamp_micros(),
        ),
        Kind::List => Value::List(serde_json::from_str(text).unwrap()),
    }
}

fn json_value(kind: Kind, value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::String(s) => parse(kind, s, false),
        serde_json::Value::Number(n) if kind == Kind::Int => Value::Int(n.as_i64().unwrap()),
        serde_json::Value::Number(n) => Value::Float(n.as_f64().unwrap()),
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Array(items) => Value::List(
            items
                .iter()
                .map(|i| i.as_str().unwrap().to_string())
                .collect(),
        ),
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn every_table_has_rows_and_every_item_row_is_exact_evidence() {
    let source = source();
    let texts: HashMap<&str, &str> = fixture()
        .1
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    for (schema, rows) in rows(&source) {
        let optional = ["disputes", "reuse", "loaded_terms"];
        assert!(
            !rows.is_empty() || optional.contains(&schema.name),
            "{} is empty",
            schema.name
        );
        let col = |name: &str| schema.columns.iter().position(|c| c.name == name);
        let (Some(doc), Some(start), Some(end), Some(cs), Some(ce), Some(text)) = (
            col("doc_id"),
            col("byte_start"),
            col("byte_end"),
            col("char_start"),
            col("char_end"),
            col("text"),
        ) else {
            continue;
        };
        for row in &rows {
            let (
                Value::Str(d),
                Value::Int(s),
                Value::Int(e),
                Value::Int(a),
                Value::Int(b),
                Value::Str(t),
            ) = (
                &row[doc],
                &row[start],
                &row[end],
                &row[cs],
                &row[ce],
                &row[text],
            )
            else {
                panic!("{}: bad location {row:?}", schema.name);
            };
            let full = texts[d.as_str()];
            let (s, e) = (*s as usize, *e as usize);
            assert_eq!(&full[s..e], t, "{}", schema.name);
            let chars: Vec<char> = full.chars().collect();
            let by_chars: String = chars[*a as usize..*b as usize].iter().collect();
            assert_eq!(&by_chars, t, "{}: character span", schema.name);
            if let Some(sentence) = col("sentence_text") {
                let Value::Str(sentence) = &row[sentence] else {
                    panic!()
                };
                assert!(
                    sentence.contains(t.as_str()) || t.contains(sentence.as_str()),
                    "{}: {t:?} not in {sentence:?}",
                    schema.name
                );
            }
        }
    }
}

#[test]
fn ids_join_the_tables() {
    let source = source();
    let tables: HashMap<&str, (&TableSchema, Vec<Vec<Value>>)> = rows(&source)
        .into_iter()
        .map(|(s, r)| (s.name, (s, r)))
        .collect();
    let ids = |table: &str, column: &str| -> std::collections::HashSet<String> {
        let (schema, rows) = &tables[table];
        let i = schema
            .columns
            .iter()
            .position(|c| c.name == column)
            .unwrap();
        rows.iter()
            .filter_map(|r| match &r[i] {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    };
    let documents = ids("documents", "doc_id");
    let sentences = ids("sentences", "sentence_id");
    let entities = ids("entities", "entity_id");
    let quotes = ids("quotes", "quote_id");
    let figures = ids("figures", "figure_id");
    let claims = ids("claims", "claim_id");
    let places = ids("places", "place_id");
    for (table, column, target) in [
        ("mentions", "doc_id", &documents),
        ("mentions", "entity_id", &entities),
        ("mentions", "sentence_id", &sentences),
        ("quotes", "speaker_id", &entities),
        ("figures", "quote_id", &quotes),
        ("figures", "claim_id", &claims),
        ("claims", "figure_id", &figures),
        ("disputes", "quote_id", &quotes),
        ("labels", "entity_id", &entities),
        ("events", "place_id", &places),
        ("events", "sentence_id", &sentences),
        ("places", "sentence_id", &sentences),
    ] {
        let found = ids(table, column);
        assert!(
            found.is_subset(target),
            "{table}.{column} has ids not in its table: {:?}",
            found.difference(target).collect::<Vec<_>>()
        );
    }
    assert!(quotes.iter().all(|q| q.contains(":q")));
    // Event actors join the entities where their words are an entity mention.
    let (schema, rows) = &tables["events"];
    let actor_ids: std::collections::HashSet<String> = ["source_entity_ids", "target_entity_ids"]
        .iter()
        .map(|c| schema.columns.iter().position(|x| x.name == *c).unwrap())
        .flat_map(|i| rows.iter().map(move |r| r[i].clone()))
        .flat_map(|v| match v {
            Value::List(ids) => ids,
            other => panic!("{other:?}"),
        })
        .filter(|id| !id.is_empty())
        .collect();
    assert!(!actor_ids.is_empty(), "no event actor is an entity");
    assert!(
        actor_ids.is_subset(&entities),
        "{:?}",
        actor_ids.difference(&entities).collect::<Vec<_>>()
    );
}

/// Rows equal, floats to 15 significant digits (serde_json's default float parsing is not
/// exact in the last digit; the written text is the shortest exact representation).
fn assert_same_rows(read: &[Vec<Value>], expected: &[Vec<Value>], table: &str) {
    assert_eq!(read.len(), expected.len(), "{table}: row count");
    for (r, e) in read.iter().zip(expected) {
        let same = r.len() == e.len()
            && r.iter().zip(e).all(|(a, b)| match (a, b) {
                (Value::Float(x), Value::Float(y)) => (x - y).abs() <= 1e-14 * x.abs().max(1.0),
                _ => a == b,
            });
        assert!(same, "{table}:\n read     {r:?}\n expected {e:?}");
    }
}

#[test]
fn json_lines_round_trip() {
    let source = source();
    let dir = write("jsonl", &Options::default());
    for (schema, expected) in rows(&source) {
        let text =
            std::fs::read_to_string(dir.path().join(format!("{}.jsonl", schema.name))).unwrap();
        let read: Vec<Vec<Value>> = text
            .lines()
            .map(|line| {
                let object: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(line).unwrap();
                let keys: Vec<&str> = object.keys().map(String::as_str).collect();
                let names: Vec<&str> = schema.columns.iter().map(|c| c.name).collect();
                let mut sorted = names.clone();
                sorted.sort();
                assert_eq!(keys, sorted, "{}", schema.name);
                schema
                    .columns
                    .iter()
                    .map(|c| json_value(c.kind, &object[c.name]))
                    .collect()
            })
            .collect();
        assert_same_rows(&read, &expected, schema.name);
    }
}

fn read_csv(path: &Path, schema: &TableSchema) -> Vec<Vec<Value>> {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a byte-order mark");
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let names: Vec<&str> = schema.columns.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            schema
                .columns
                .iter()
                .zip(r.iter())
                .map(|(c, f)| parse(c.kind, f, true))
                .collect()
        })
        .collect()
}

/// Empty strings and absent values are both empty CSV cells: compare them as one.
fn csv_view(rows: Vec<Vec<Value>>) -> Vec<Vec<Value>> {
    rows.into_iter()
        .map(|r| {
            r.into_iter()
                .map(|v| {
                    if v == Value::Str(String::new()) {
                        Value::Null
                    } else {
                        v
                    }
                })
                .collect()
        })
        .collect()
}

#[test]
fn csv_round_trips_with_quotes_and_newlines() {
    let source = source();
    let dir = write("csv", &Options::default());
    let raw = std::fs::read_to_string(dir.path().join("documents.csv")).unwrap();
    assert!(
        raw.contains("\r\n") && raw.contains("\"\""),
        "CRLF records and doubled quotes"
    );
    for (schema, expected) in rows(&source) {
        let read = read_csv(&dir.path().join(format!("{}.csv", schema.name)), schema);
        assert_same_rows(&read, &csv_view(expected), schema.name);
    }
}

#[test]
fn csv_cells_that_look_like_formulas_are_defused() {
    use parallax_export::formats::Csv;
    assert!(Csv::looks_like_formula("=HYPERLINK(\"http://x\")"));
    assert!(Csv::looks_like_formula("@SUM(A1)"));
    assert!(!Csv::looks_like_formula("Troops \"entered\", said X"));
}

#[test]
fn parquet_is_read_back_by_the_parquet_reader() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let source = source();
    let expected: HashMap<&str, usize> = rows(&source)
        .into_iter()
        .map(|(s, r)| (s.name, r.len()))
        .collect();
    let dir = write("parquet", &Options::default());
    for table in TABLES {
        let schema = table.schema();
        let file =
            std::fs::File::open(dir.path().join(format!("{}.parquet", schema.name))).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let arrow = builder.schema().clone();
        let names: Vec<&str> = arrow.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(
            names,
            schema.columns.iter().map(|c| c.name).collect::<Vec<_>>()
        );
        let metadata = builder.metadata().clone();
        let n: usize = builder
            .build()
            .unwrap()
            .map(|b| b.unwrap().num_rows())
            .sum();
        assert_eq!(n, expected[schema.name], "{}", schema.name);
        for rg in metadata.row_groups() {
            for c in rg.columns() {
                assert_eq!(
                    c.compression(),
                    parquet::basic::Compression::ZSTD(Default::default())
                );
            }
        }
    }
}

#[test]
fn parquet_partitions_per_document_tables_by_day() {
    let dir = write(
        "parquet",
        &Options {
            partition: Partition::Day,
        },
    );
    let days: Vec<String> = std::fs::read_dir(dir.path().join("sentences"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(days.iter().all(|d| d.starts_with("day=20")), "{days:?}");
    assert!(days.len() >= 2, "{days:?}");
    // Corpus tables stay one file.
    assert!(dir.path().join("claims.parquet").is_file());
}

#[test]
fn gkg_records_parse_by_the_codebook() {
    let source = source();
    let dir = write("gkg", &Options::default());
    let text = std::fs::read_to_string(dir.path().join("gkg.csv")).unwrap();
    let records: Vec<_> = text
        .lines()
        .map(|l| gkg_reader::parse(l).unwrap())
        .collect();
    assert_eq!(records.len(), source.selected_count());
    let docs = &fixture().1.documents;
    let mut quotes = 0;
    for (record, doc) in records.iter().zip(docs) {
        let chars: Vec<char> = doc.text.chars().collect();
        let at = |offset: usize, len: usize| chars[offset..offset + len].iter().collect::<String>();
        assert!(record.extras.contains(&doc.id));
        for (name, offset) in record.persons.iter().chain(&record.names) {
            assert_eq!(&at(*offset, name.chars().count()), name);
        }
        for (offset, length, _, quote) in &record.quotations {
            let written = at(*offset, *length);
            assert_eq!(parallax_export::gdelt::clean(&written, &['|', '#']), *quote);
            quotes += 1;
        }
        assert_eq!(record.tone[6], Some(record.tone[6].unwrap().round()));
        for (_, name, _, _, _, _, offset) in &record.locations {
            // The offset is a place mention's; the name is the gazetteer's, which starts
            // with the place's own name.
            assert!(*offset < chars.len(), "{name} at {offset}");
            assert!(record.v1_locations.contains(name), "{name}");
        }
    }
    assert!(
        records.iter().any(|r| !r.locations.is_empty()),
        "no record has a location"
    );
    assert!(quotes > 10);
    assert!(records
        .iter()
        .any(|r| r.counts.iter().any(|c| c.0 == "KILL")));
    assert!(records.iter().any(|r| r.dates.iter().any(|d| d.0 == 4)));
}

#[test]
fn a_story_or_a_range_of_days_selects_documents() {
    let (corpus, dossier) = fixture();
    let story = dossier.stories[0].id.clone();
    let by_story = Selection {
        story: Some(story.clone()),
        ..Selection::default()
    };
    let source = Source::new(dossier, corpus.iter().map(|(_, a)| a), &by_story);
    assert_eq!(source.selected_count(), dossier.stories[0].documents.len());
    let (_, documents) = rows(&source)
        .into_iter()
        .find(|(s, _)| s.name == "documents")
        .unwrap();
    assert!(documents.iter().all(|r| r[8] == Value::Str(story.clone())));
    let none = Selection {
        since: Some("2099-01-01".into()),
        ..Selection::default()
    };
    let source = Source::new(dossier, corpus.iter().map(|(_, a)| a), &none);
    assert_eq!(source.selected_count(), 0);
    assert!(rows(&source).iter().all(|(_, r)| r.is_empty()));
}

/// docs/export.md documents every table and column, in order.
#[test]
fn the_documentation_lists_every_column() {
    let doc = std::fs::read_to_string(corpus::repo_root().join("docs/export.md")).unwrap();
    for table in TABLES {
        let schema = table.schema();
        let heading = format!("### `{}`", schema.name);
        let start = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/export.md has no {heading}"));
        let section = &doc[start + heading.len()..];
        let section = &section[..section.find("\n### ").unwrap_or(section.len())];
        let documented: Vec<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split('`').next())
            .collect();
        let columns: Vec<&str> = schema.columns.iter().map(|c| c.name).collect();
        assert_eq!(documented, columns, "docs/export.md, table {}", schema.name);
    }
}
