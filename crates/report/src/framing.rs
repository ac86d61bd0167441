//! The report's framing section: how each outlet names the main actors, side by side, with
//! each label linked to its sentence, the outlet's tone toward the actor with its non-neutral
//! sentences linked, what the people it quotes say of the actor, and the loaded terms each
//! outlet uses.

use crate::limits;
use crate::sections::Index;
use maud::{html, Markup};
use parallax_core::{Dossier, LabelForm, OutletActor, Speech, Tone};
use std::collections::HashMap;

/// How many actors the section shows: the most mentioned ones that any outlet labels.
pub const MAIN_ACTORS: usize = 6;
/// How many non-neutral sentences or quotations are listed per actor and outlet.
const JUDGEMENTS_SHOWN: usize = 4;
/// Longest quotation shown whole in the framing table, in characters.
const QUOTE_CHARS: usize = 90;

/// `text` cut after [`QUOTE_CHARS`] characters, with an ellipsis when cut.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// How many loaded terms are shown per outlet.
const TERMS_SHOWN: usize = 12;

fn form_name(form: LabelForm) -> &'static str {
    match form {
        LabelForm::Appositive => "appositive",
        LabelForm::Premodifier => "premodifier",
        LabelForm::Predicate => "predicate",
        LabelForm::Epithet => "epithet",
    }
}

fn tone_tag(tone: Tone, score: f64) -> Markup {
    html! {
        span class={ "tag tone-" (tone.as_str()) } title="the outlet's own tone toward the actor, over its articles" {
            (tone.as_str()) " " (format!("{score:+.2}"))
        }
    }
}

pub fn framing(dossier: &Dossier, index: &Index) -> Markup {
    // Per entity: each outlet's view of it, in outlet order.
    let mut views: HashMap<&str, Vec<(&str, &OutletActor)>> = HashMap::new();
    for outlet in &dossier.outlets {
        for actor in &outlet.actors {
            views
                .entry(actor.entity.as_str())
                .or_default()
                .push((outlet.outlet.as_str(), actor));
        }
    }
    // The outlets that label an actor most come first; a large corpus keeps only the first ones.
    for outlets in views.values_mut() {
        outlets.sort_by_key(|(_, a)| std::cmp::Reverse(a.labels.len()));
    }
    let main: Vec<(&parallax_core::Entity, &Vec<(&str, &OutletActor)>)> = dossier
        .entities
        .iter()
        .filter_map(|e| views.get(e.id.as_str()).map(|v| (e, v)))
        .filter(|(_, v)| v.iter().any(|(_, a)| !a.labels.is_empty()))
        .take(MAIN_ACTORS)
        .collect();
    html! {
        section #framing {
            h2 { "How each outlet names the main actors" }
            p.ctx { "Labels each outlet attaches to an actor (appositives, words before the name, “X is a …”, descriptions standing for the name), each linked to its sentence; labels inside quotations are marked “quoted”. Tone is the outlet's own voice toward the actor: each of its sentences mentioning the actor is read by a target-dependent classifier with quotations masked, and the article's tone weighs them by salience (see docs/dossier.md); the non-neutral sentences are listed, each linked to its sentence. Quoted voices are what the people an outlet quotes say of the actor." }
            @if main.is_empty() { p.ctx { "No labels found." } }
            @for (entity, outlets) in &main {
                div.group #{ "framing-" (entity.id) } {
                    @let all = outlets.len();
                    @let outlets = limits::cut(outlets, limits::MEMBERS);
                    h3 { "How each outlet names " a href={ "#entity-" (entity.id) } { (entity.name) } }
                    @if outlets.len() < all { p.ctx { "The " (outlets.len()) " outlets that label it most, of " (all) "." } }
                    // One column per outlet: with many outlets the table is wider than the page and
                    // scrolls inside its own box, as the claims table does.
                    div.scroll { table.framing {
                        tr { th { "" } @for (outlet, _) in outlets.iter() { th { (outlet) } } }
                        tr {
                            th { "Labels" }
                            @for (_, actor) in outlets.iter() {
                                td {
                                    @if actor.labels.is_empty() { span.ctx { "—" } }
                                    @for label in limits::cut(&actor.labels, limits::LABELS) {
                                        div.label {
                                            a href={ "#" (index.sentence_anchor_of(&label.evidence.doc, label.evidence.span)) } title=(form_name(label.form)) { (label.evidence.text) }
                                            " " span.tag { (form_name(label.form)) }
                                            @if label.voice == Speech::Quoted { span.tag.quoted { "quoted" } }
                                        }
                                    }
                                    (limits::more(actor.labels.len().min(limits::LABELS), actor.labels.len()))
                                }
                            }
                        }
                        tr {
                            th { "Tone" }
                            @for (_, actor) in outlets.iter() {
                                td {
                                    @if let Some(t) = &actor.tone {
                                        (tone_tag(t.tone, t.score))
                                        span.ctx { (t.sentences) @if t.sentences == 1 { " sentence" } @else { " sentences" } }
                                        @for d in &t.documents {
                                            @for j in d.by_sentence.iter().filter(|j| j.tone != Tone::Neutral).take(JUDGEMENTS_SHOWN) {
                                                div.judgement {
                                                    a href={ "#" (index.sentence_anchor_of(&d.doc, j.sentence)) } title="the sentence" {
                                                        span class={ "tag tone-" (j.tone.as_str()) } { (if j.tone == Tone::Negative { "−" } else { "+" }) }
                                                        @if j.words.is_empty() { "sentence" }
                                                        @for (i, w) in j.words.iter().enumerate() { @if i > 0 { ", " } "“" (w.text) "”" }
                                                    }
                                                }
                                            }
                                        }
                                    } @else { span.ctx { "only quoted" } }
                                }
                            }
                        }
                        tr {
                            th { "Quoted voices" }
                            @for (_, actor) in outlets.iter() {
                                td {
                                    @if actor.quoted_tones.is_empty() { span.ctx { "—" } }
                                    @for q in actor.quoted_tones.iter().take(JUDGEMENTS_SHOWN) {
                                        div.judgement {
                                            span class={ "tag tone-" (q.tone.as_str()) } { (q.tone.as_str()) }
                                            (q.speaker_text.as_deref().unwrap_or("unattributed")) ": "
                                            a href={ "#" (index.sentence_anchor_of(&q.evidence.doc, q.evidence.span)) } { (shorten(&q.evidence.text)) }
                                        }
                                    }
                                }
                            }
                        }
                    } }
                }
            }
            h3 { "Loaded terms by outlet" }
            table {
                tr { th { "Outlet" } th { "In its own voice" } th { "Inside quotations" } }
                @for outlet in &dossier.outlets {
                    tr {
                        td { strong { (outlet.outlet) } }
                        td {
                            @for term in outlet.loaded_terms.iter().filter(|t| t.author > 0).take(TERMS_SHOWN) {
                                @if let Some(e) = term.evidence.first() {
                                    a.term href={ "#" (index.sentence_anchor_of(&e.doc, e.span)) } { (term.term) }
                                    @if term.author > 1 { span.ctx { " ×" (term.author) } }
                                    " "
                                }
                            }
                        }
                        td {
                            @for term in outlet.loaded_terms.iter().filter(|t| t.quoted > 0).take(TERMS_SHOWN) {
                                (term.term) @if term.quoted > 1 { span.ctx { " ×" (term.quoted) } } " "
                            }
                        }
                    }
                }
            }
        }
    }
}
