//! Evaluation task `numbers`: the Recognizers-Text English specs for numbers, ordinals,
//! percentages, currencies, dimensions and date-times.
//!
//! What counts as a correct case: the annotator's results for that model are exactly the
//! expected results — every expected result is found with the same character extent and the
//! same resolved value, and nothing else is found. Values compare as numbers for the numeric
//! models (a percentage's "%" dropped; a currency's value compared, not its unit's name,
//! which the specs spell inconsistently). For date-times our TIMEX3 value must equal one of
//! the expected `timex` or resolved `value` strings (a time `2016-11-07T14:00` also matches
//! the spec's `2016-11-07 14:00:00`), and the spec's notations of what TimeML writes
//! otherwise are read as the same value: a range open at one end by the boundary its `Mod`
//! keeps, "now" as the reference day, a part of a named day, the end of a day as its last
//! second, and "few"/"several"/"some" as three. Figures are compared without their hedge ("about 5%"
//! is scored on "5%"), since the specs do not include hedges in the extent.
//!
//! Cases flagged `NotSupported` or `NotSupportedByDesign` (platform- or option-dependent)
//! are skipped and counted in the notes. GOLD may be one spec file (its model is taken from
//! the file name) or the dataset folder.

use crate::formats::recognizers::{self, SpecCase, SpecResult};
use crate::metrics::ratio;
use crate::{read_text, EvalError, EvalReport};
use parallax_core::{Document, FigureCategory, Segmentation, Span};
use parallax_figures::NumberKind;
use std::path::{Path, PathBuf};

/// Model name and its spec file inside the dataset folder.
const MODELS: [(&str, &str); 6] = [
    ("number", "Number/English/NumberModel.json"),
    ("ordinal", "Number/English/OrdinalModel.json"),
    ("percentage", "Number/English/PercentModel.json"),
    ("currency", "NumberWithUnit/English/CurrencyModel.json"),
    ("dimension", "NumberWithUnit/English/DimensionModel.json"),
    ("datetime", "DateTime/English/DateTimeModel.json"),
];

/// One result: inclusive character extent and value.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    start: usize,
    end: usize,
    value: String,
}

pub fn run(gold: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let files: Vec<(&str, PathBuf)> = if gold.is_dir() {
        MODELS
            .iter()
            .map(|(m, rel)| (*m, gold.join(rel)))
            .filter(|(_, p)| p.is_file())
            .collect()
    } else {
        let name = gold
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let model = MODELS
            .iter()
            .find(|(_, rel)| rel.ends_with(&name))
            .map(|(m, _)| *m)
            .ok_or_else(|| {
                EvalError::format(gold, "not one of the model spec files this task scores")
            })?;
        vec![(model, gold.to_path_buf())]
    };
    if files.is_empty() {
        return Err(EvalError::format(
            gold,
            "no Recognizers-Text model specs found",
        ));
    }
    let mut report = EvalReport::new("numbers", gold.display().to_string());
    let (mut correct_all, mut scored_all) = (0, 0);
    for (model, path) in files {
        let cases =
            recognizers::parse(&read_text(&path)?).map_err(|m| EvalError::format(&path, m))?;
        let (mut correct, mut scored, mut skipped) = (0, 0, 0);
        for case in cases.iter().take(limit.unwrap_or(usize::MAX)) {
            if case.flagged() {
                skipped += 1;
                continue;
            }
            scored += 1;
            if case_correct(model, case) {
                correct += 1;
            }
        }
        report.metric(&format!("{model}_accuracy"), ratio(correct, scored));
        report.type_metric(model, "accuracy", ratio(correct, scored));
        report.type_metric(model, "cases", scored as f64);
        report.type_metric(model, "skipped", skipped as f64);
        report.notes.push(format!(
            "{model}: {correct}/{scored} correct, {skipped} flagged cases skipped"
        ));
        correct_all += correct;
        scored_all += scored;
    }
    report.items = scored_all;
    report.metric("accuracy", ratio(correct_all, scored_all));
    Ok(report)
}

fn case_correct(model: &str, case: &SpecCase) -> bool {
    let system = match model {
        "datetime" => return datetime_case_correct(case, &datetimes(case)),
        _ => numbers(model, &case.input),
    };
    let expected = &case.results;
    system.len() == expected.len()
        && expected
            .iter()
            .all(|e| system.iter().any(|s| matches(model, &case.input, e, s)))
}

fn matches(model: &str, input: &str, expected: &SpecResult, ours: &Item) -> bool {
    if model == "datetime" {
        return datetime_extent(input, expected, ours)
            && (expected
                .datetime_values()
                .iter()
                .any(|v| datetime_equal(v, &ours.value))
                || same_interval(expected, &ours.value)
                || same_part_of_day(expected, &ours.value)
                || same_day_end(expected, &ours.value)
                || same_vague_amount(expected, &ours.value));
    }
    if expected.start != Some(ours.start) || expected.end != Some(ours.end) {
        return false;
    }
    let want = expected.value().map(|v| v.trim_end_matches('%'));
    match (
        want.and_then(|v| v.parse::<f64>().ok()),
        ours.value.parse::<f64>().ok(),
    ) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        _ => false,
    }
}

/// Whether our date-times are exactly the spec's results: each spec result is one of ours,
/// or, for a range, two of ours in a row — TimeML marks each end of "from 5 to 6pm" or
/// "between Jan 22 and now" as its own TIMEX3, where the spec reads one range.
fn datetime_case_correct(case: &SpecCase, system: &[Item]) -> bool {
    let mut used = vec![false; system.len()];
    for e in &case.results {
        let single = (0..system.len())
            .find(|&k| !used[k] && matches("datetime", &case.input, e, &system[k]));
        if let Some(k) = single {
            used[k] = true;
            continue;
        }
        let pair = (1..system.len()).find(|&k| {
            !used[k - 1]
                && !used[k]
                && range_matches(&case.input, case.reference(), e, &system[k - 1], &system[k])
        });
        match pair {
            Some(k) => {
                used[k - 1] = true;
                used[k] = true;
            }
            None => return false,
        }
    }
    used.iter().all(|u| *u)
}

/// Words that join the two ends of a range: "5 to 6pm", "Jan 22 - now".
const RANGE_JOINERS: [&str; 9] = [
    "to", "-", "–", "and", "until", "till", "through", "thru", "~",
];

/// Whether our expressions `a` and `b` are the two ends of the spec range `expected`: they
/// span its extent (less a leading signal such as "from" or "between"), only a joiner stands
/// between them, and their values are its start and end.
fn range_matches(
    input: &str,
    reference: Option<&str>,
    expected: &SpecResult,
    a: &Item,
    b: &Item,
) -> bool {
    let whole = Item {
        start: a.start,
        end: b.end,
        value: String::new(),
    };
    if !datetime_extent(input, expected, &whole) || b.start <= a.end {
        return false;
    }
    let gap: String = input
        .chars()
        .skip(a.end + 1)
        .take(b.start - a.end - 1)
        .collect::<String>()
        .to_lowercase();
    if !RANGE_JOINERS.contains(&gap.trim()) {
        return false;
    }
    let mut starts: Vec<&str> = Vec::new();
    let mut ends: Vec<&str> = Vec::new();
    for v in expected
        .resolution
        .as_ref()
        .and_then(|r| r.get("values"))
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let field = |k: &str| v.get(k).and_then(|x| x.as_str());
        // The timex of a range: "(2016-11-08,2016-11-11,P3D)".
        if let Some((s, rest)) = field("timex")
            .and_then(|t| t.strip_prefix('(')?.strip_suffix(')'))
            .and_then(|t| t.split_once(','))
        {
            starts.push(s);
            ends.extend(rest.split_once(',').map(|(e, _)| e));
        }
        starts.extend(field("start"));
        ends.extend(field("end"));
    }
    let equal =
        |spec: &str, ours: &str| datetime_equal(spec, ours) || is_now(reference, spec, ours);
    starts.iter().any(|s| equal(s, &a.value)) && ends.iter().any(|e| equal(e, &b.value))
}

/// "now" (TimeML's PRESENT_REF) against the spec's reference date, which it writes for the
/// "now" end of a range ("between now and November 15th" starts on the reference day).
fn is_now(reference: Option<&str>, spec: &str, ours: &str) -> bool {
    ours == "PRESENT_REF"
        && reference
            .and_then(|r| r.get(..10))
            .is_some_and(|day| spec == day)
}

/// Words TimeML calls SIGNALs — they relate a time to an event and stay outside the TIMEX3
/// extent — which the spec keeps inside its date-time extents ("before 2010", "since
/// tomorrow", "at 6.45", "starting on January 7th").
const SIGNALS: [&str; 21] = [
    "before",
    "between",
    "in",
    "after",
    "since",
    "until",
    "till",
    "by",
    "on",
    "at",
    "from",
    "starting",
    "starting on",
    "beginning",
    "beginning on",
    "later than",
    "no later than",
    "earlier than",
    "greater than",
    "as early as",
    "any time from",
];

/// Whether our extent is the spec's, or the spec's without a leading SIGNAL, or the spec's
/// with a leading "the".
fn datetime_extent(input: &str, expected: &SpecResult, ours: &Item) -> bool {
    let (Some(start), Some(end)) = (expected.start, expected.end) else {
        return false;
    };
    if end != ours.end {
        return false;
    }
    // TimeML keeps a determiner inside the TIMEX3 ("the next quarter"); the spec may not.
    if start > ours.start {
        let article: String = input
            .chars()
            .skip(ours.start)
            .take(start - ours.start)
            .collect();
        return article.eq_ignore_ascii_case("the ");
    }
    if start == ours.start {
        return true;
    }
    let lead: String = input
        .chars()
        .skip(start)
        .take(ours.start - start)
        .collect::<String>()
        .to_lowercase();
    let lead = lead.trim_end();
    SIGNALS.contains(&lead) && lead.chars().count() < ours.start - start
}

/// Our TIMEX3 value against a spec `timex` or resolved `value`.
fn datetime_equal(spec: &str, ours: &str) -> bool {
    if spec == ours {
        return true;
    }
    // "2016-11-07T14:00" against "2016-11-07 14:00:00", "T14:00" against "14:00:00": the
    // spec leaves a bare time of day undated where we date it by the anchor, so the time
    // parts compare ("2016-11-07TMO" against "TMO").
    // ISO 8601 reduced precision: "T16" is the hour "T16:00" written without its minutes.
    if ours
        .strip_suffix(":00")
        .is_some_and(|h| h.len() > 3 && h.as_bytes()[h.len() - 3] == b'T' && spec == h)
    {
        return true;
    }
    let spaced = format!("{}:00", ours.replacen('T', " ", 1));
    let time_only = ours.split_once('T').map(|(_, t)| t);
    spec == spaced
        || time_only.is_some_and(|t| spec == format!("{t}:00") || spec.strip_prefix('T') == Some(t))
}

/// A spec date range resolved to `start`/`end` days (end exclusive) against the days our
/// DATE value denotes: "2019-Q3" is 2019-07-01 up to 2019-10-01, "2018-04" is April. A range
/// open at its end ("since August": `Mod` since, no `end`) compares its start only.
fn same_interval(expected: &SpecResult, ours: &str) -> bool {
    let Some((from, to)) = parallax_time::calendar::interval(ours) else {
        return false;
    };
    let (from, to) = (from.to_string(), to.to_string());
    let Some(values) = expected
        .resolution
        .as_ref()
        .and_then(|r| r.get("values"))
        .and_then(|v| v.as_array())
    else {
        return false;
    };
    values.iter().any(|v| {
        let field = |k: &str| v.get(k).and_then(|x| x.as_str());
        // The spec writes a range open at one end by the boundary its `Mod` keeps: "before
        // 2018" ends where 2018 starts, "before the end of December" where December ends,
        // "since August" starts where August starts, "after 2016" where 2016 ends ("after
        // January 1" where that day starts).
        match (field("start"), field("end"), field("Mod")) {
            (Some(s), Some(e), _) => s == from && e == to,
            (Some(s), None, Some("since" | "after-start")) => s == from,
            (Some(s), None, Some("after")) => s == to || (ours.len() == 10 && s == from),
            (None, Some(e), Some("before")) => e == from,
            (None, Some(e), Some("before-end")) => e == to,
            _ => false,
        }
    })
}

/// The resolution values of a spec result.
fn resolution_values(expected: &SpecResult) -> &[serde_json::Value] {
    expected
        .resolution
        .as_ref()
        .and_then(|r| r.get("values"))
        .and_then(|v| v.as_array())
        .map_or(&[], |v| v.as_slice())
}

/// A part of a named day: our "2016-11-08TAF" (that Tuesday's afternoon) against the spec's
/// "XXXX-WXX-2TAF", whose resolution starts on 2016-11-08.
fn same_part_of_day(expected: &SpecResult, ours: &str) -> bool {
    let Some((day, part)) = ours.split_once('T') else {
        return false;
    };
    let is_part = part.len() == 2 && part.bytes().all(|b| b.is_ascii_uppercase());
    if !is_part || day.len() != 10 {
        return false;
    }
    resolution_values(expected).iter().any(|v| {
        let field = |k: &str| v.get(k).and_then(|x| x.as_str());
        field("timex").is_some_and(|t| t.strip_suffix(part).is_some_and(|t| t.ends_with('T')))
            && field("start").is_some_and(|s| s.starts_with(day))
    })
}

/// The end of a day: the spec writes "end of tomorrow" as its last second
/// ("2016-11-08T23:59:59"), TimeML as the day ("2016-11-08") with `mod="END"`, which the
/// extent carries ("end of", "EOD").
fn same_day_end(expected: &SpecResult, ours: &str) -> bool {
    let text = expected.text.to_lowercase();
    if ours.len() != 10 || !(text.contains("end") || text.contains("eod")) {
        return false;
    }
    expected.datetime_values().iter().any(|v| {
        v.strip_prefix(ours)
            .is_some_and(|t| matches!(t, "T23:59:59" | " 23:59:59"))
    })
}

/// A vague amount of time: the spec resolves "few", "several" and "some" to three by
/// convention ("few hours" is "PT3H"), where TimeML writes the amount unknown ("PTXH").
fn same_vague_amount(expected: &SpecResult, ours: &str) -> bool {
    let text = expected.text.to_lowercase();
    let vague = text
        .split_whitespace()
        .any(|w| matches!(w, "few" | "several" | "some"));
    let Some(i) = ours.find('X') else {
        return false;
    };
    vague
        && ours.starts_with('P')
        && expected.datetime_values().iter().any(|v| {
            v.get(..i) == ours.get(..i)
                && v.get(i..i + 1) == Some("3")
                && v.get(i + 1..) == ours.get(i + 1..)
        })
}

/// Inclusive character extent of a byte span.
fn char_extent(text: &str, span: Span) -> Option<(usize, usize)> {
    let start = text.get(..span.start)?.chars().count();
    let len = text.get(span.range())?.chars().count();
    (len > 0).then(|| (start, start + len - 1))
}

fn item(text: &str, span: Span, value: f64) -> Option<Item> {
    let (start, end) = char_extent(text, span)?;
    Some(Item {
        start,
        end,
        value: value.to_string(),
    })
}

/// The numeric results of `model` on `text`.
fn numbers(model: &str, text: &str) -> Vec<Item> {
    match model {
        "number" | "ordinal" => {
            let kind = if model == "number" {
                NumberKind::Cardinal
            } else {
                NumberKind::Ordinal
            };
            // The spec's sense of a number: every notation, not only news copy's.
            parallax_figures::find_numbers_with(text, parallax_figures::Notations::GENERAL)
                .into_iter()
                .filter(|m| m.kind == kind && m.suffix.is_none())
                .filter_map(|m| item(text, m.span, m.value?))
                .collect()
        }
        _ => parallax_figures::figures_in(text)
            .into_iter()
            .filter(|f| match model {
                "percentage" => f.unit.as_deref() == Some("percent"),
                "currency" => f.category == FigureCategory::Economic,
                _ => f
                    .unit
                    .as_deref()
                    .is_some_and(parallax_figures::units::is_dimension),
            })
            .filter_map(|f| {
                // Scored without the hedge, which the specs leave out of the extent.
                let skip = f.hedge.as_ref().map_or(0, |h| h.len());
                let rest = f.text.get(skip..)?;
                let start = f.span.start + skip + (rest.len() - rest.trim_start().len());
                item(text, Span::new(start, f.span.end), f.value.or(f.low)?)
            })
            .collect(),
    }
}

/// The date-time results on a case, anchored on its reference date.
fn datetimes(case: &SpecCase) -> Vec<Item> {
    let mut doc = Document::new("case", case.input.clone(), "spec");
    doc.meta.published = case.reference().map(str::to_string);
    parallax_time::annotate(&doc, &Segmentation::default())
        .times
        .into_iter()
        .filter_map(|t| {
            let (start, end) = char_extent(&case.input, t.span)?;
            Some(Item {
                start,
                end,
                value: t.value,
            })
        })
        .collect()
}

#[cfg(test)]
mod dump {
    use super::*;

    /// Development aid: prints the failing cases of the spec folder in NUMBERS_DUMP, for the
    /// model in NUMBERS_MODEL (default `number`), with what we found.
    #[test]
    #[ignore]
    fn dump_failures() {
        let Ok(dir) = std::env::var("NUMBERS_DUMP") else {
            return;
        };
        let model = std::env::var("NUMBERS_MODEL").unwrap_or_else(|_| "number".into());
        let Some((_, rel)) = MODELS.iter().find(|(m, _)| *m == model) else {
            return;
        };
        let path = Path::new(&dir).join(rel);
        let cases = recognizers::parse(&read_text(&path).unwrap()).unwrap();
        for case in cases.iter().filter(|c| !c.flagged()) {
            if case_correct(&model, case) {
                continue;
            }
            let ours = match model.as_str() {
                "datetime" => datetimes(case),
                _ => numbers(&model, &case.input),
            };
            println!("FAIL {:?} (ref {:?})", case.input, case.reference());
            for e in &case.results {
                let v = if model == "datetime" {
                    e.datetime_values().join(" | ")
                } else {
                    e.value().unwrap_or("").to_string()
                };
                println!("  want {:?} {:?}..{:?} = {v}", e.text, e.start, e.end);
            }
            for o in &ours {
                let t: String = case
                    .input
                    .chars()
                    .skip(o.start)
                    .take(o.end + 1 - o.start)
                    .collect();
                println!("  got  {t:?} {}..{} = {}", o.start, o.end, o.value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_values_compare_across_notations() {
        assert!(datetime_equal("2016-11-07 14:00:00", "2016-11-07T14:00"));
        assert!(datetime_equal("14:00:00", "2016-11-07T14:00"));
        assert!(datetime_equal("P3D", "P3D"));
        assert!(!datetime_equal("2016-11-04", "2016-11-11"));
        assert!(datetime_equal("TMO", "2016-11-07TMO"));
        assert!(datetime_equal("XXXX-WXX-1T16", "XXXX-WXX-1T16:00"));
        assert!(!datetime_equal("XXXX-WXX-1T16", "XXXX-WXX-1T16:30"));
    }

    #[test]
    fn signals_may_lead_the_spec_extent() {
        let spec = |start, end| SpecResult {
            text: String::new(),
            type_name: String::new(),
            start: Some(start),
            end: Some(end),
            resolution: None,
        };
        let ours = Item {
            start: 7,
            end: 10,
            value: "2010".into(),
        };
        assert!(datetime_extent("before 2010", &spec(0, 10), &ours));
        assert!(!datetime_extent("around 2010", &spec(0, 10), &ours));
        assert!(datetime_extent("before 2010", &spec(7, 10), &ours));
        let the_next = Item {
            start: 0,
            end: 15,
            value: "2019-Q4".into(),
        };
        assert!(datetime_extent("the next quarter", &spec(4, 15), &the_next));
        assert!(!datetime_extent(
            "our next quarter",
            &spec(4, 15),
            &the_next
        ));
    }

    #[test]
    fn granular_values_denote_the_spec_range() {
        let spec: SpecResult = serde_json::from_str(
            r#"{"Text": "this quarter", "Resolution": {"values": [{"timex": "(2019-07-01,2019-10-01,P3M)", "type": "daterange", "start": "2019-07-01", "end": "2019-10-01"}]}}"#,
        )
        .unwrap();
        assert!(same_interval(&spec, "2019-Q3"));
        let item = |start, end, value: &str| Item {
            start,
            end,
            value: value.into(),
        };
        let range: SpecResult = serde_json::from_str(
            r#"{"Text": "between 4pm and 5pm", "Start": 0, "End": 18, "Resolution": {"values": [{"timex": "(T16,T17,PT1H)", "type": "timerange", "start": "16:00:00", "end": "17:00:00"}]}}"#,
        )
        .unwrap();
        let input = "between 4pm and 5pm";
        let (a, b) = (
            item(8, 10, "2016-11-07T16:00"),
            item(16, 18, "2016-11-07T17:00"),
        );
        assert!(range_matches(input, None, &range, &a, &b));
        assert!(!range_matches(input, None, &range, &b, &a));
        assert!(!same_interval(&spec, "2019-Q2"));
    }

    fn spec(json: &str) -> SpecResult {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn open_ranges_compare_the_boundary_their_mod_keeps() {
        let before = spec(
            r#"{"Text": "before independence day", "Resolution": {"values": [{"timex": "XXXX-07-04", "Mod": "before", "end": "2018-07-04"}]}}"#,
        );
        assert!(same_interval(&before, "2018-07-04"));
        assert!(!same_interval(&before, "2018-07-03"));
        let before_end = spec(
            r#"{"Text": "before the end of december", "Resolution": {"values": [{"timex": "XXXX-12", "Mod": "before-end", "end": "2017-01-01"}]}}"#,
        );
        assert!(same_interval(&before_end, "2016-12"));
        assert!(!same_interval(&before_end, "2017-12"));
        let after = spec(
            r#"{"Text": "after 2016", "Resolution": {"values": [{"timex": "2016", "Mod": "after", "start": "2017-01-01"}]}}"#,
        );
        assert!(same_interval(&after, "2016"));
        assert!(!same_interval(&after, "2017"));
    }

    #[test]
    fn notations_of_parts_ends_and_vague_amounts() {
        let afternoon = spec(
            r#"{"Text": "tuesday afternoon", "Resolution": {"values": [{"timex": "XXXX-WXX-2TAF", "start": "2016-11-01 12:00:00"}, {"timex": "XXXX-WXX-2TAF", "start": "2016-11-08 12:00:00"}]}}"#,
        );
        assert!(same_part_of_day(&afternoon, "2016-11-08TAF"));
        assert!(!same_part_of_day(&afternoon, "2016-11-08TEV"));
        assert!(!same_part_of_day(&afternoon, "2016-11-09TAF"));
        let end = spec(
            r#"{"Text": "end of tomorrow", "Resolution": {"values": [{"timex": "2016-11-08T23:59:59", "value": "2016-11-08 23:59:59"}]}}"#,
        );
        assert!(same_day_end(&end, "2016-11-08"));
        assert!(!same_day_end(&end, "2016-11-07"));
        let few = spec(
            r#"{"Text": "few hours", "Resolution": {"values": [{"timex": "PT3H", "value": "10800"}]}}"#,
        );
        assert!(same_vague_amount(&few, "PTXH"));
        assert!(!same_vague_amount(&few, "PXD"));
        let three =
            spec(r#"{"Text": "three hours", "Resolution": {"values": [{"timex": "PT3H"}]}}"#);
        assert!(!same_vague_amount(&three, "PTXH"));
        assert!(is_now(
            Some("2019-04-23T12:00:00"),
            "2019-04-23",
            "PRESENT_REF"
        ));
        assert!(!is_now(
            Some("2019-04-23T12:00:00"),
            "2019-04-24",
            "PRESENT_REF"
        ));
    }

    #[test]
    fn extents_are_in_characters() {
        assert_eq!(char_extent("Цена 5", Span::new(9, 10)), Some((5, 5)));
    }
}
