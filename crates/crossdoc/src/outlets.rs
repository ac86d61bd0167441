//! Outlet profiles: what each outlet contributes, what only it claims, and what it leaves out.
//!
//! A claim is *exclusive* to an outlet when no other outlet makes it. A claim is *omitted* by an
//! outlet when the outlet covers the claim's story (or, without stories, the corpus) and at
//! least two other outlets make the claim but it does not. The opinion share is the fraction of
//! the outlet's own sentences that the voice annotator classed as opinion: sentences of block
//! quotes (paragraphs pasted from elsewhere) and bylines are not the outlet's words and are
//! left out, so a blog that comments between pasted paragraphs is measured on its comments.
//!
//! Framing per outlet ([`framing`]): the labels it attaches to each actor, its tone
//! toward each actor, and the loaded terms it uses.

mod framing;

use framing::Framing;
use parallax_core::{Analysis, Claim, Dossier, OutletProfile, ParagraphRole, Voice};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub fn profiles(
    dossier: &Dossier,
    claims: &[Claim],
    story_of: &HashMap<String, String>,
    analyses: &HashMap<&str, &Analysis>,
) -> Vec<OutletProfile> {
    let mut by_outlet: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for d in &dossier.documents {
        by_outlet
            .entry(d.outlet_name().to_string())
            .or_default()
            .push(&d.id);
    }
    let framing = Framing::new(dossier, analyses);
    // Claims indexed once, so each outlet looks only at the claims of its own stories.
    let mut exclusive: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut wide_by_story: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for (i, claim) in claims.iter().enumerate() {
        match claim.outlets.as_slice() {
            [only] => exclusive.entry(only.as_str()).or_default().push(i),
            [_, _, ..] => wide_by_story
                .entry(claim.story.as_deref())
                .or_default()
                .push(i),
            [] => {}
        }
    }
    by_outlet
        .into_iter()
        .map(|(outlet, docs)| {
            let stories: BTreeSet<String> = docs
                .iter()
                .filter_map(|d| story_of.get(*d).cloned())
                .collect();
            let exclusive_claims = exclusive
                .get(outlet.as_str())
                .into_iter()
                .flatten()
                .map(|&i| claims[i].id.clone())
                .collect();
            // Claims of the stories it covers (a claim without a story concerns every outlet)
            // that at least two outlets make and it does not.
            let mut omitted: Vec<usize> = stories
                .iter()
                .map(|s| Some(s.as_str()))
                .chain([None])
                .filter_map(|s| wide_by_story.get(&s))
                .flatten()
                .copied()
                .filter(|&i| !claims[i].outlets.contains(&outlet))
                .collect();
            omitted.sort_unstable();
            let omitted_claims = omitted.iter().map(|&i| claims[i].id.clone()).collect();
            let (mut opinion, mut total) = (0usize, 0usize);
            for d in &docs {
                if let Some(a) = analyses.get(d) {
                    let own = a.voice.iter().filter(|v| is_own(a, v.sentence));
                    for v in own {
                        total += 1;
                        opinion += usize::from(v.voice == Voice::Opinion);
                    }
                }
            }
            let (actors, loaded_terms) = framing.of_outlet(&docs);
            OutletProfile {
                outlet,
                documents: docs.iter().map(|d| d.to_string()).collect(),
                stories: stories.into_iter().collect(),
                exclusive_claims,
                omitted_claims,
                opinion_share: if total == 0 {
                    0.0
                } else {
                    opinion as f64 / total as f64
                },
                sentences: total,
                opinion_sentences: opinion,
                actors,
                loaded_terms,
            }
        })
        .collect()
}

/// Whether sentence `index` of an analysis is the outlet's own writing: not in a block quote
/// nor a byline.
fn is_own(analysis: &Analysis, index: usize) -> bool {
    let seg = &analysis.segmentation;
    let role = seg
        .sentences
        .get(index)
        .and_then(|s| seg.paragraphs.get(s.paragraph))
        .map(|p| p.role);
    !matches!(
        role,
        Some(ParagraphRole::BlockQuote | ParagraphRole::Byline)
    )
}
