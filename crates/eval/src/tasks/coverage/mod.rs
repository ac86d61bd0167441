//! Evaluation task `coverage`: the whole system on real multi-outlet coverage, read as a
//! fact-checker reads it — who said it, who is who, which day, whose number.
//!
//! The gold is ours (`eval/coverage/*.toml`, one file per story; format, guidelines and the
//! dev/test split in `eval/coverage/README.md`); the articles are read from the data folder
//! (`../shared/data`), never copied. Each story's articles are analyzed and resolved together
//! as one dossier, exactly as `parallax analyze` does with those articles and a manifest
//! giving their outlet and date (`parallax_pipeline::analyze_batch`, then
//! `parallax_crossdoc::build_dossier`), and the dossier is scored:
//! - `speaker_accuracy`: gold direct quotations whose dossier quotation credits the right
//!   speaker ([`attribution`]); a missed quotation is wrong.
//! - `entity_merge_precision`, `entity_merge_recall`: pairwise over the gold name mentions
//!   matched to dossier entity mentions ([`entities`]); `cross_doc_merge_*` over the pairs
//!   whose two mentions are in different articles.
//! - `relative_date_accuracy`: gold relative time expressions given the right calendar value
//!   ([`dates`]).
//! - `figure_assertion_accuracy`: gold figures (not generic counts or ages) whose dossier
//!   figure is credited to the right asserter ([`attribution`]).
//! - `generic_count_claims`: dossier claims holding a figure the gold marks as a generic count
//!   or an age (the target is 0).
//!
//! Counts sit beside each figure (`*_gold`, `*_found`, …), one row per story gives its own
//! scores, and [`evaluate`] also returns every miss with its sentence (`parallax eval coverage
//! --errors`).

mod attribution;
mod dates;
mod entities;
mod load;

use crate::formats::coverage::Split;
use crate::metrics::ratio;
use crate::{EvalError, EvalReport};
use parallax_core::{Analysis, Document, Dossier, Span};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Environment variable naming another folder of story files than the checkout's.
pub const GOLD_DIR_VAR: &str = "PARALLAX_COVERAGE_DIR";

/// The folder of story files: `$PARALLAX_COVERAGE_DIR`, else `eval/coverage` of the checkout
/// this binary was built from.
pub fn gold_dir() -> PathBuf {
    std::env::var_os(GOLD_DIR_VAR)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/coverage"))
}

/// What to score.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The stories of one split; `None` scores all.
    pub split: Option<Split>,
    /// Score at most this many stories.
    pub limit: Option<usize>,
}

/// One thing the dossier got wrong, with the sentence it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Miss {
    pub story: String,
    /// The article's key and outlet.
    pub article: String,
    /// `speaker`, `not speech`, `figure`, `date`, `false date`, `entity split`,
    /// `entity merged`, `generic claim`.
    pub kind: &'static str,
    /// The gold words in question.
    pub words: String,
    pub expected: String,
    pub got: String,
    /// The sentence holding the words, the words marked `[[…]]`.
    pub sentence: String,
}

/// A report and the misses behind it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub report: EvalReport,
    pub misses: Vec<Miss>,
}

/// `parallax eval coverage DATA`: the dev split.
pub fn run(data: &Path, limit: Option<usize>) -> Result<EvalReport, EvalError> {
    let options = Options {
        split: Some(Split::Dev),
        limit,
    };
    Ok(evaluate(data, &gold_dir(), &options)?.report)
}

/// Scores the stories of `gold_dir` chosen by `options`, reading articles from `data`.
pub fn evaluate(data: &Path, gold_dir: &Path, options: &Options) -> Result<Outcome, EvalError> {
    if !gold_dir.is_dir() {
        return Err(EvalError::Other(format!(
            "no folder of story files at {} (set {GOLD_DIR_VAR})",
            gold_dir.display()
        )));
    }
    let stories = load::stories(gold_dir, data, options.split, options.limit)?;
    if stories.is_empty() {
        return Err(EvalError::format(gold_dir, "no story files for this split"));
    }
    let split = options.split.map_or("all", Split::as_str);
    let mut report = EvalReport::new("coverage", format!("coverage-{split}"));
    let mut misses = Vec::new();
    let mut totals = StoryScores::default();
    for story in &stories {
        let docs: Vec<&Document> = story.documents.iter().collect();
        let analyses = parallax_pipeline::analyze_batch(&docs);
        let corpus: Vec<(Document, Analysis)> =
            story.documents.iter().cloned().zip(analyses).collect();
        let dossier = parallax_crossdoc::build_dossier(&corpus, &[]);
        let analyses: Vec<Analysis> = corpus.into_iter().map(|(_, a)| a).collect();
        let run = Run::new(story, &analyses, &dossier);
        let scores = run.score(&mut misses);
        put_story_row(&mut report, &story.id, &scores);
        totals.add(&scores);
    }
    report.items = stories.iter().map(|s| s.documents.len()).sum();
    totals.put(&mut report, stories.len());
    report.notes.push(format!(
        "{} stories ({split} split), each story's articles analyzed and resolved as one \
         dossier; accuracies count a missed item as wrong (`*_found` says how many were found)",
        stories.len()
    ));
    report.notes.push(
        "entity merge P/R: pairwise over gold name mentions matched one-to-one to dossier \
         entity mentions (`entity_mentions_matched` of `entity_mentions`)"
            .into(),
    );
    Ok(Outcome { report, misses })
}

/// One story's dossier with what is needed to judge it.
pub(crate) struct Run<'a> {
    pub story: &'a load::Story,
    /// The story's analyses, in the order of its articles.
    pub analyses: &'a [Analysis],
    pub dossier: &'a Dossier,
    pub doc_ids: Vec<&'a str>,
    /// Per gold mention, the dossier entity it is matched to.
    pub matched: Vec<Option<usize>>,
    pub identities: entities::Identities,
    entity_index: HashMap<&'a str, usize>,
}

impl<'a> Run<'a> {
    fn new(story: &'a load::Story, analyses: &'a [Analysis], dossier: &'a Dossier) -> Self {
        let doc_ids: Vec<&str> = story.documents.iter().map(|d| d.id.as_str()).collect();
        let system = entities::system_mentions(dossier, &doc_ids);
        let matched = entities::match_mentions(&story.gold.mentions, &system);
        let identities = entities::Identities::new(&story.gold.mentions, &matched);
        Run {
            story,
            analyses,
            dossier,
            doc_ids,
            matched,
            identities,
            entity_index: dossier
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), i))
                .collect(),
        }
    }

    /// Index into `dossier.entities` of the entity with id `id`.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    fn score(&self, misses: &mut Vec<Miss>) -> StoryScores {
        let gold = &self.story.gold.mentions;
        let all = entities::pairs(gold, &self.matched, |_| true);
        let mut within = entities::Pairs::default();
        for doc in 0..self.doc_ids.len() {
            within.add(entities::pairs(gold, &self.matched, |m| m.doc == doc));
        }
        self.entity_misses(misses);
        StoryScores {
            mentions: gold.len(),
            matched: self.matched.iter().flatten().count(),
            pairs: all,
            cross_doc: all.minus(within),
            attribution: attribution::score(self, misses),
            dates: dates::score(self, misses),
            generic: self.generic_claims(misses),
        }
    }

    /// Claims holding a figure the gold marks as generic, each a miss.
    fn generic_claims(&self, misses: &mut Vec<Miss>) -> GenericClaims {
        let figures = &self.dossier.figures;
        let mut generic: HashMap<&str, (usize, Span)> = HashMap::new();
        for f in self
            .story
            .gold
            .figures
            .iter()
            .filter(|f| f.generic.is_some())
        {
            let doc_id = self.doc_ids[f.doc];
            for x in figures.iter().filter(|x| x.doc == doc_id) {
                if entities::overlap(x.figure.span, f.span) > 0 {
                    generic.insert(x.id.as_str(), (f.doc, f.span));
                }
            }
        }
        let mut out = GenericClaims {
            figures: self
                .story
                .gold
                .figures
                .iter()
                .filter(|f| f.generic.is_some())
                .count(),
            claims: self.dossier.claims.len(),
            generic_claims: 0,
        };
        for claim in &self.dossier.claims {
            let Some(&(doc, span)) = claim
                .figures
                .iter()
                .find_map(|f| generic.get(f.figure.as_str()))
            else {
                continue;
            };
            out.generic_claims += 1;
            let texts: Vec<&str> = claim.figures.iter().map(|f| f.text.as_str()).collect();
            misses.push(self.miss(
                "generic claim",
                doc,
                span,
                "no claim".into(),
                format!(
                    "claim {} about {:?} ({:?}, {} figures: {})",
                    claim.id,
                    claim.subject,
                    claim.status,
                    claim.figures.len(),
                    texts.join(", ")
                ),
            ));
        }
        out
    }

    /// A gold entity whose mentions went to several dossier entities, and a dossier entity
    /// holding mentions of several gold entities, each one miss.
    fn entity_misses(&self, misses: &mut Vec<Miss>) {
        // (gold entity, dossier entity) → the gold mentions in that cell.
        let mut cells: BTreeMap<(&str, usize), Vec<usize>> = BTreeMap::new();
        for (i, (m, e)) in self
            .story
            .gold
            .mentions
            .iter()
            .zip(&self.matched)
            .enumerate()
        {
            if let Some(e) = e {
                cells.entry((m.entity.as_str(), *e)).or_default().push(i);
            }
        }
        let mut by_gold: BTreeMap<&str, Vec<(usize, &Vec<usize>)>> = BTreeMap::new();
        let mut by_system: BTreeMap<usize, Vec<(&str, &Vec<usize>)>> = BTreeMap::new();
        for ((g, e), ms) in &cells {
            by_gold.entry(g).or_default().push((*e, ms));
            by_system.entry(*e).or_default().push((g, ms));
        }
        let gold = &self.story.gold.mentions;
        let words = |ms: &[usize]| -> String {
            let mut seen = HashSet::new();
            let texts: Vec<String> = ms
                .iter()
                .map(|&i| format!("{:?}", self.text(gold[i].doc, gold[i].span)))
                .filter(|t| seen.insert(t.clone()))
                .collect();
            texts.join(", ")
        };
        for (g, mut parts) in by_gold {
            if parts.len() < 2 {
                continue;
            }
            parts.sort_by_key(|(e, ms)| (std::cmp::Reverse(ms.len()), *e));
            let got: Vec<String> = parts
                .iter()
                .map(|(e, ms)| {
                    let name = &self.dossier.entities[*e].name;
                    format!("{name} ({} × {})", ms.len(), words(ms))
                })
                .collect();
            let first = gold[parts[1].1[0]].clone();
            misses.push(self.miss(
                "entity split",
                first.doc,
                first.span,
                format!("one actor: {}", self.story.entity_name(g)),
                got.join("; "),
            ));
        }
        for (e, mut parts) in by_system {
            if parts.len() < 2 {
                continue;
            }
            parts.sort_by_key(|(g, ms)| (std::cmp::Reverse(ms.len()), *g));
            let got: Vec<String> = parts
                .iter()
                .map(|(g, ms)| {
                    format!(
                        "{} ({} × {})",
                        self.story.entity_name(g),
                        ms.len(),
                        words(ms)
                    )
                })
                .collect();
            let first = gold[parts[1].1[0]].clone();
            misses.push(self.miss(
                "entity merged",
                first.doc,
                first.span,
                format!("apart: {}", got.join("; ")),
                format!("one entity: {}", self.dossier.entities[e].name),
            ));
        }
    }

    fn text(&self, doc: usize, span: Span) -> &str {
        span.text(&self.story.documents[doc].text)
    }

    /// A miss at `span` of article `doc`.
    pub fn miss(
        &self,
        kind: &'static str,
        doc: usize,
        span: Span,
        expected: String,
        got: String,
    ) -> Miss {
        Miss {
            story: self.story.id.clone(),
            article: self.story.article_label(doc),
            kind,
            words: self.text(doc, span).to_string(),
            expected,
            got,
            sentence: marked_sentence(&self.story.documents[doc].text, &self.analyses[doc], span),
        }
    }
}

/// The sentence(s) holding `span` with the span marked `[[…]]`, cut to about 160 characters
/// on each side of it.
fn marked_sentence(text: &str, analysis: &Analysis, span: Span) -> String {
    let seg = &analysis.segmentation;
    let start = seg
        .sentence_at(span.start)
        .map_or(span.start, |i| seg.sentences[i].span.start);
    let end = seg
        .sentence_at(span.end.saturating_sub(1))
        .map_or(span.end, |i| seg.sentences[i].span.end)
        .max(span.end);
    let before = tail_chars(&text[start..span.start], 160);
    let after = head_chars(&text[span.end..end], 160);
    format!("{before}[[{}]]{after}", span.text(text)).replace('\n', " ")
}

fn tail_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        return s.to_string();
    }
    let cut: String = s.chars().skip(count - n).collect();
    format!("…{cut}")
}

fn head_chars(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    format!("{cut}…")
}

/// Generic figures and the claims made of them, in one story.
#[derive(Debug, Clone, Copy, Default)]
struct GenericClaims {
    figures: usize,
    claims: usize,
    generic_claims: usize,
}

/// Everything scored in one story.
#[derive(Debug, Clone, Copy, Default)]
struct StoryScores {
    mentions: usize,
    matched: usize,
    pairs: entities::Pairs,
    cross_doc: entities::Pairs,
    attribution: attribution::Attribution,
    dates: dates::Dates,
    generic: GenericClaims,
}

impl StoryScores {
    fn add(&mut self, s: &StoryScores) {
        let t = self;
        t.mentions += s.mentions;
        t.matched += s.matched;
        t.pairs.add(s.pairs);
        t.cross_doc.add(s.cross_doc);
        t.attribution.add(s.attribution);
        t.dates.add(s.dates);
        t.generic.figures += s.generic.figures;
        t.generic.claims += s.generic.claims;
        t.generic.generic_claims += s.generic.generic_claims;
    }

    fn put(&self, report: &mut EvalReport, stories: usize) {
        let t = self;
        let a = &t.attribution;
        let count = |report: &mut EvalReport, name: &str, n: usize| {
            report.metric(name, n as f64);
        };
        report.metric("speaker_accuracy", ratio(a.speakers.right, a.speakers.gold));
        count(report, "speaker_quotes", a.speakers.gold);
        count(report, "speaker_quotes_found", a.speakers.found);
        count(report, "speaker_quotes_right", a.speakers.right);
        count(report, "not_speech_quotes", a.not_speech);
        count(report, "false_speech_quotes", a.false_quotes);
        report.metric("entity_merge_precision", t.pairs.precision());
        report.metric("entity_merge_recall", t.pairs.recall());
        report.metric("cross_doc_merge_precision", t.cross_doc.precision());
        report.metric("cross_doc_merge_recall", t.cross_doc.recall());
        count(report, "entity_mentions", t.mentions);
        count(report, "entity_mentions_matched", t.matched);
        report.metric("entity_pairs_gold", t.pairs.gold_same as f64);
        report.metric("entity_pairs_system", t.pairs.system_same as f64);
        report.metric("entity_pairs_both", t.pairs.both as f64);
        report.metric("relative_date_accuracy", ratio(t.dates.right, t.dates.gold));
        count(report, "relative_dates", t.dates.gold);
        count(report, "relative_dates_found", t.dates.found);
        count(report, "relative_dates_right", t.dates.right);
        count(report, "not_dates", t.dates.not_dates);
        count(report, "false_dates", t.dates.false_dates);
        report.metric(
            "figure_assertion_accuracy",
            ratio(a.figures.right, a.figures.gold),
        );
        count(report, "figures", a.figures.gold);
        count(report, "figures_found", a.figures.found);
        count(report, "figures_right", a.figures.right);
        count(report, "generic_count_claims", t.generic.generic_claims);
        count(report, "generic_figures", t.generic.figures);
        count(report, "claims", t.generic.claims);
        count(report, "stories", stories);
    }
}

fn put_story_row(report: &mut EvalReport, story: &str, s: &StoryScores) {
    let a = &s.attribution;
    let row = format!("story {story}");
    report.type_metric(&row, "speaker", ratio(a.speakers.right, a.speakers.gold));
    report.type_metric(&row, "merge_p", s.pairs.precision());
    report.type_metric(&row, "merge_r", s.pairs.recall());
    report.type_metric(&row, "dates", ratio(s.dates.right, s.dates.gold));
    report.type_metric(&row, "figures", ratio(a.figures.right, a.figures.gold));
    report.type_metric(&row, "generic", s.generic.generic_claims as f64);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::coverage::{
        EntityDef, Generic, GoldDate, GoldFigure, GoldMention, GoldQuote, PlacedGold, Who,
    };
    use parallax_core::{
        Claim, ClaimFigure, ClaimStatus, DossierFigure, DossierQuote, DossierTime, Entity,
        EntityMention, EntityType, Evidence, Figure, FigureCategory, MentionKind, QuoteKind,
        TimeExpr, TimexType,
    };

    const TEXT: &str = "Biden said “We will win.” Jill Biden said “Vote.” Officials said 15 \
                        died on Friday, aged 40. Fox News Sunday aired it.";

    fn at(word: &str, nth: usize) -> Span {
        let start = TEXT.match_indices(word).nth(nth).unwrap().0;
        Span::new(start, start + word.len())
    }

    fn evidence(span: Span) -> Evidence {
        Evidence {
            doc: "d".into(),
            span,
            text: span.text(TEXT).into(),
            sentence: span,
        }
    }

    fn entity(id: &str, name: &str, mentions: &[Span]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            entity_type: EntityType::Person,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: mentions
                .iter()
                .map(|&s| EntityMention {
                    evidence: evidence(s),
                    kind: MentionKind::Name,
                })
                .collect(),
        }
    }

    fn quote(span: Span, speaker: Option<&str>, words: Option<Span>) -> DossierQuote {
        DossierQuote {
            id: format!("q{}", span.start),
            evidence: evidence(span),
            kind: QuoteKind::Direct,
            cue: None,
            speaker: speaker.map(str::to_string),
            speaker_text: words.map(|w| w.text(TEXT).to_string()),
            speaker_span: words,
            channel: None,
            group: None,
        }
    }

    fn figure(id: &str, span: Span) -> DossierFigure {
        DossierFigure {
            id: id.into(),
            doc: "d".into(),
            sentence: span,
            figure: Figure {
                span,
                text: span.text(TEXT).into(),
                value: None,
                low: None,
                high: None,
                unit: None,
                hedge: None,
                counted: None,
                category: FigureCategory::Other,
                quote: None,
            },
            speaker: None,
            asserted_by: Some("The Courier".into()),
        }
    }

    fn time(span: Span, value: &str) -> DossierTime {
        DossierTime {
            id: format!("t{}", span.start),
            doc: "d".into(),
            sentence: span,
            time: TimeExpr {
                span,
                text: span.text(TEXT).into(),
                value: value.into(),
                timex_type: TimexType::Date,
                relative: true,
                section_anchor: None,
                uncertain: false,
            },
            anchor: None,
        }
    }

    fn story() -> load::Story {
        let mut doc = Document::new("d", TEXT, "test");
        doc.meta.outlet = Some("The Courier".into());
        let inside = |word: &str| at(word, 0);
        let gold = PlacedGold {
            mentions: vec![
                GoldMention {
                    doc: 0,
                    span: at("Biden", 0),
                    entity: "joe".into(),
                },
                GoldMention {
                    doc: 0,
                    span: at("Biden", 1),
                    entity: "jill".into(),
                },
            ],
            quotes: vec![
                GoldQuote {
                    doc: 0,
                    span: inside("We will win."),
                    who: Who::Entity("joe".into()),
                },
                GoldQuote {
                    doc: 0,
                    span: inside("Vote."),
                    who: Who::Entity("jill".into()),
                },
                GoldQuote {
                    doc: 0,
                    span: inside("Fox News Sunday"),
                    who: Who::NotSpeech,
                },
            ],
            figures: vec![
                GoldFigure {
                    doc: 0,
                    span: inside("15"),
                    who: Some(Who::Words(inside("Officials"))),
                    generic: None,
                    what: None,
                },
                GoldFigure {
                    doc: 0,
                    span: inside("40"),
                    who: None,
                    generic: Some(Generic::Age),
                    what: None,
                },
            ],
            dates: vec![
                GoldDate {
                    doc: 0,
                    span: inside("Friday"),
                    value: Some("2010-07-02".into()),
                },
                GoldDate {
                    doc: 0,
                    span: inside("Fox News Sunday"),
                    value: None,
                },
            ],
        };
        load::Story {
            id: "demo".into(),
            keys: vec!["a".into()],
            entities: vec![
                EntityDef {
                    id: "joe".into(),
                    name: "Joe Biden".into(),
                    entity_type: "PERSON".into(),
                },
                EntityDef {
                    id: "jill".into(),
                    name: "Jill Biden".into(),
                    entity_type: "PERSON".into(),
                },
            ],
            documents: vec![doc],
            gold,
        }
    }

    #[test]
    fn a_hand_made_dossier_is_scored_by_the_rules() {
        let story = story();
        let mut dossier = Dossier::empty();
        // Both Bidens merged into one entity.
        dossier.entities = vec![entity(
            "e:biden",
            "Biden",
            &[at("Biden", 0), at("Biden", 1)],
        )];
        dossier.quotes = vec![
            quote(at("We will win.", 0), Some("e:biden"), Some(at("Biden", 0))),
            // No quotation for "Vote.": missed.
            // A show's name made a quotation with a speaker: false.
            quote(at("Fox News Sunday", 0), None, Some(at("Officials", 0))),
        ];
        let mut fifteen = figure("f1", at("15", 0));
        fifteen.figure.quote = Some(0);
        dossier.figures = vec![fifteen, figure("f2", at("40", 0))];
        dossier.times = vec![
            time(at("Friday", 0), "2010-07-02TNI"),
            time(at("Sunday", 0), "2010-07-04"),
        ];
        dossier.claims = vec![Claim {
            id: "c1".into(),
            story: None,
            category: FigureCategory::Other,
            subject: "aged".into(),
            status: ClaimStatus::SingleSource,
            low: None,
            best: None,
            high: None,
            outlets: vec!["The Courier".into()],
            figures: vec![ClaimFigure {
                figure: "f2".into(),
                doc: "d".into(),
                outlet: None,
                published: None,
                text: "40".into(),
                value: Some(40.0),
                low: None,
                high: None,
                hedge: None,
                asserted_by: None,
                revises: None,
            }],
        }];
        // The figure's quotation (index 0 of the analysis) names "Officials".
        let mut analysis = Analysis::default();
        analysis
            .segmentation
            .sentences
            .push(parallax_core::Sentence {
                span: Span::new(0, TEXT.len()),
                paragraph: 0,
            });
        analysis.quotes.push(parallax_core::Quote {
            span: at("15", 0),
            text: "15".into(),
            kind: QuoteKind::Indirect,
            cue: None,
            speaker_text: parallax_core::Anchor::new(TEXT, at("Officials", 0)),
            speaker_mention: None,
            channel: None,
        });
        let analyses = vec![analysis];
        let run = Run::new(&story, &analyses, &dossier);
        let mut misses = Vec::new();
        let scores = run.score(&mut misses);

        // One dossier entity holds Joe's and Jill's mention: one wrong pair, no right one.
        assert_eq!(scores.matched, 2);
        assert_eq!(
            scores.pairs,
            entities::Pairs {
                both: 0,
                gold_same: 0,
                system_same: 1
            }
        );
        // The merged entity reads as "jill" (a tie, alphabetical): Joe's quote is wrong,
        // Jill's is missed; the show's name is a false quotation.
        let a = scores.attribution;
        assert_eq!(
            (a.speakers.gold, a.speakers.found, a.speakers.right),
            (2, 1, 0)
        );
        assert_eq!((a.not_speech, a.false_quotes), (1, 1));
        // The 15 is credited to "Officials" through its quotation: right.
        assert_eq!(
            (a.figures.gold, a.figures.found, a.figures.right),
            (1, 1, 1)
        );
        // Friday at night is Friday; "Sunday" inside the show's name is a false date.
        let d = scores.dates;
        assert_eq!((d.gold, d.right, d.not_dates, d.false_dates), (1, 1, 1, 1));
        // The age made a claim.
        assert_eq!(scores.generic.generic_claims, 1);
        let kinds: Vec<&str> = misses.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                "entity merged",
                "speaker",
                "speaker",
                "not speech",
                "false date",
                "generic claim"
            ]
        );
        let merged = &misses[0];
        assert_eq!(merged.article, "a (The Courier)");
        assert_eq!(merged.got, "one entity: Biden");
        assert_eq!(
            merged.expected,
            "apart: Jill Biden (1 × \"Biden\"); Joe Biden (1 × \"Biden\")"
        );
        assert!(
            merged
                .sentence
                .starts_with("[[Biden]] said “We will win.” Jill Biden said"),
            "{}",
            merged.sentence
        );
    }

    #[test]
    fn an_unidentified_speaker_is_judged_by_its_words() {
        let story = story();
        let mut dossier = Dossier::empty();
        dossier.entities = vec![
            entity("e:joe", "Joe", &[at("Biden", 0)]),
            // An entity no gold mention is matched to (a pronoun's, say).
            entity("e:x", "X", &[]),
        ];
        dossier.quotes = vec![
            quote(at("We will win.", 0), Some("e:x"), Some(at("Biden", 0))),
            quote(at("Vote.", 0), Some("e:joe"), Some(at("Biden", 1))),
        ];
        let analyses = vec![Analysis::default()];
        let run = Run::new(&story, &analyses, &dossier);
        let mut misses = Vec::new();
        let a = attribution::score(&run, &mut misses);
        // First: unidentified entity, words over Joe's mention → right. Second: the entity
        // stands for Joe although the words name Jill → wrong.
        assert_eq!(a.speakers.right, 1);
        assert_eq!(misses[0].expected, "Jill Biden");
        assert!(
            misses[0].got.starts_with("Joe (= gold Joe Biden)"),
            "{}",
            misses[0].got
        );
    }
}
