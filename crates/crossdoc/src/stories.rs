//! Stories: articles grouped by the real-world event or development they report, built as a
//! stream so that articles added later join existing stories or open new ones.
//!
//! [`features`] reads what the clusterer needs from an analyzed article; [`StoryIndex`]
//! assigns each added article to a story; [`stories`] feeds a whole corpus in publication
//! order and lays the result out as the dossier's [`Story`] items.

pub mod features;
pub mod index;

pub use features::{features, DocFeatures};
pub use index::{df_keys, StoryConfig, StoryIndex};

use crate::assemble::publication_key;
use parallax_core::{Analysis, Document, Story};
use std::collections::HashMap;

/// Groups `corpus` into stories with the default ([`StoryConfig::EVENT`]) granularity.
///
/// Stories are numbered `s1`, `s2`… by first publication (undated articles come last, then
/// by outlet and id), and list their documents in publication order.
pub fn stories(corpus: &[(&Document, &Analysis)]) -> Vec<Story> {
    stories_after(corpus, StoryIndex::new(StoryConfig::default()))
}

/// [`stories`] continuing the stream of `index` ([`StoryIndex::seeded`]).
pub fn stories_after(corpus: &[(&Document, &Analysis)], mut index: StoryIndex) -> Vec<Story> {
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    order.sort_by(|&a, &b| publication_key(corpus[a].0).cmp(&publication_key(corpus[b].0)));
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(order.len());
    for i in order {
        let (doc, analysis) = corpus[i];
        let s = index.add(features(doc, analysis));
        joined.push((i, s));
    }
    // Stories may have merged after their articles joined: group by the surviving story.
    let joined = joined.into_iter().map(|(i, s)| (i, index.resolve(s)));
    lay_out(corpus, joined)
}

/// Lays out stories given from elsewhere: `story_of[i]` is the story key of `corpus[i]`
/// (a distributed run computes them by partition, see docs/scale.md). Articles with the same
/// key are one story; stories are numbered and ordered exactly as [`stories`] numbers its own.
pub fn given(corpus: &[(&Document, &Analysis)], story_of: &[String]) -> Vec<Story> {
    let mut order: Vec<usize> = (0..corpus.len()).collect();
    order.sort_by(|&a, &b| publication_key(corpus[a].0).cmp(&publication_key(corpus[b].0)));
    let mut key_number: HashMap<&str, usize> = HashMap::new();
    let joined: Vec<(usize, usize)> = order
        .into_iter()
        .map(|i| {
            let key = story_of.get(i).map_or("", String::as_str);
            let next = key_number.len();
            (i, *key_number.entry(key).or_insert(next))
        })
        .collect();
    lay_out(corpus, joined)
}

/// The dossier's [`Story`] items from `(article, story)` pairs in publication order: numbered
/// `s1`, `s2`… by first publication, labelled by their first article's label, listing their
/// documents in publication order.
fn lay_out(
    corpus: &[(&Document, &Analysis)],
    joined: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<Story> {
    let mut number: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Story> = Vec::new();
    for (i, s) in joined {
        let (doc, analysis) = corpus[i];
        let n = *number.entry(s).or_insert_with(|| {
            out.push(Story {
                id: format!("s{}", out.len() + 1),
                label: features(doc, analysis).label,
                documents: Vec::new(),
                outlets: Vec::new(),
                first_published: None,
                last_published: None,
            });
            out.len() - 1
        });
        let Some(story) = out.get_mut(n) else {
            continue;
        };
        story.documents.push(doc.id.clone());
        if let Some(outlet) = &doc.meta.outlet {
            if !story.outlets.contains(outlet) {
                story.outlets.push(outlet.clone());
            }
        }
        if let Some(published) = &doc.meta.published {
            story
                .first_published
                .get_or_insert_with(|| published.clone());
            story.last_published = Some(published.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DocumentMeta;

    fn doc(id: &str, outlet: &str, published: &str, title: &str, text: &str) -> Document {
        let mut d = Document::new(id, text, id);
        d.meta = DocumentMeta {
            title: Some(title.to_string()),
            outlet: Some(outlet.to_string()),
            published: Some(published.to_string()),
            ..DocumentMeta::default()
        };
        d
    }

    fn war(id: &str, outlet: &str, published: &str) -> Document {
        doc(
            id,
            outlet,
            published,
            "Russian tanks enter Gori",
            "Russian tanks and armored columns entered the Georgian town of Gori as shelling \
             continued near Tskhinvali. Georgian officials said Russian bombers struck Gori \
             and the Vaziani airbase; Russia denied targeting civilians in Gori.",
        )
    }

    fn quake(id: &str, outlet: &str, published: &str) -> Document {
        doc(
            id,
            outlet,
            published,
            "Earthquake strikes Sichuan province",
            "A powerful earthquake struck Sichuan province, collapsing schools and homes in \
             Wenchuan county. Rescuers searched the rubble of collapsed schools as aftershocks \
             rattled Chengdu and the quake death toll climbed in Sichuan.",
        )
    }

    /// Two reports of an earthquake and two of a war, interleaved out of publication order.
    fn two_stories() -> [Document; 4] {
        [
            quake("q1", "Xinhua", "2008-05-12T10:00"),
            war("w1", "Reuters", "2008-08-11T08:00"),
            war("w2", "BBC", "2008-08-11T12:00"),
            quake("q2", "AP", "2008-05-13T09:00"),
        ]
    }

    #[test]
    fn given_stories_are_laid_out_as_clustered_ones() {
        let docs = two_stories();
        let analyses: Vec<Analysis> = docs.iter().map(|_| Analysis::default()).collect();
        let corpus: Vec<(&Document, &Analysis)> = docs.iter().zip(&analyses).collect();
        // Keys from elsewhere, named in no particular order: numbering is by first article.
        let keys = ["w/7", "q/3", "w/7", "q/3"].map(String::from);
        let given = given(&corpus, &keys);
        assert_eq!(given.len(), 2);
        assert_eq!(given[0].documents, ["q1", "w2"]);
        assert_eq!(given[0].id, "s1");
        assert_eq!(given[0].label, "Earthquake strikes Sichuan province");
        assert_eq!(given[1].documents, ["q2", "w1"]);
        assert_eq!(given[1].outlets, ["AP", "Reuters"]);
        // The same keys as the clusterer's own stories give its stories exactly.
        let keys = ["q", "w", "w", "q"].map(String::from);
        assert_eq!(super::given(&corpus, &keys), stories(&corpus));
    }

    #[test]
    fn two_stories_are_separated_and_ordered() {
        let docs = two_stories();
        let analyses: Vec<Analysis> = docs.iter().map(|_| Analysis::default()).collect();
        let corpus: Vec<(&Document, &Analysis)> = docs.iter().zip(&analyses).collect();
        let found = stories(&corpus);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].id, "s1");
        assert_eq!(found[0].label, "Earthquake strikes Sichuan province");
        assert_eq!(found[0].documents, ["q1", "q2"]);
        assert_eq!(found[0].outlets, ["Xinhua", "AP"]);
        assert_eq!(found[1].documents, ["w1", "w2"]);
        assert_eq!(
            found[1].first_published.as_deref(),
            Some("2008-08-11T08:00")
        );
        assert_eq!(found[1].last_published.as_deref(), Some("2008-08-11T12:00"));
    }

    #[test]
    fn an_article_added_later_joins_its_story() {
        let none = Analysis::default();
        let mut index = StoryIndex::new(StoryConfig::default());
        let war_story = index.add(features(&war("w1", "Reuters", "2008-08-11"), &none));
        let quake_story = index.add(features(&quake("q1", "AP", "2008-08-11"), &none));
        assert_ne!(war_story, quake_story);
        let late = index.add(features(&war("w9", "Le Monde", "2008-08-12"), &none));
        assert_eq!(late, war_story);
        // The same text a year later is a new development, not the same story.
        let anniversary = index.add(features(&war("w10", "BBC", "2009-08-11"), &none));
        assert_ne!(anniversary, war_story);
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn close_stories_merge_and_resolve_to_the_survivor() {
        let none = Analysis::default();
        // Nothing joins an existing story directly and nothing pairs; only the story merge
        // can group.
        let config = StoryConfig {
            threshold: 2.0,
            merge_threshold: Some(0.5),
            mutual_floor: None,
            ..StoryConfig::TOPIC
        };
        let mut index = StoryIndex::new(config);
        let first = index.add(features(&war("w1", "Reuters", "2008-08-11"), &none));
        let quake_story = index.add(features(&quake("q1", "AP", "2008-08-11"), &none));
        let second = index.add(features(&war("w2", "BBC", "2008-08-11"), &none));
        assert_eq!(second, first);
        assert_eq!(index.resolve(second), index.resolve(first));
        assert_ne!(index.resolve(quake_story), index.resolve(first));
        // Without merging the same stream keeps three stories.
        let mut apart = StoryIndex::new(StoryConfig {
            merge_threshold: None,
            ..config
        });
        let a = apart.add(features(&war("w1", "Reuters", "2008-08-11"), &none));
        apart.add(features(&quake("q1", "AP", "2008-08-11"), &none));
        let b = apart.add(features(&war("w2", "BBC", "2008-08-11"), &none));
        assert_ne!(apart.resolve(a), apart.resolve(b));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use parallax_core::DocumentMeta;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_input_clusters_without_panicking(
            articles in proptest::collection::vec(
                ("[a-zA-Zé ß.\\n]{0,60}", proptest::option::of("[0-9T:-]{0,12}|2008-0[1-9]-[0-2][1-9]")),
                0..6,
            )
        ) {
            let docs: Vec<Document> = articles
                .iter()
                .enumerate()
                .map(|(i, (text, published))| {
                    let mut d = Document::new(format!("d{i}"), text.clone(), "p");
                    d.meta = DocumentMeta { published: published.clone(), ..DocumentMeta::default() };
                    d
                })
                .collect();
            let analyses: Vec<Analysis> = docs.iter().map(|_| Analysis::default()).collect();
            let corpus: Vec<(&Document, &Analysis)> = docs.iter().zip(&analyses).collect();
            let found = stories(&corpus);
            let total: usize = found.iter().map(|s| s.documents.len()).sum();
            prop_assert_eq!(total, docs.len());
        }
    }
}
