//! The dossier restricted to a selection of documents, for the outputs that write a whole
//! dossier (the dossier JSON, the report): items of unselected documents are dropped, and
//! cross-document groups keep only their selected members (a group left with none is
//! dropped). Ids are kept as the whole corpus's dossier gave them.

use crate::source::Source;
use parallax_core::Dossier;
use std::borrow::Cow;

/// The dossier of the selected documents of `source`.
pub fn selected<'a>(source: &Source<'a>) -> Cow<'a, Dossier> {
    let all = source.dossier;
    if source.selected_count() == all.documents.len() {
        return Cow::Borrowed(all);
    }
    let keep = |doc: &str| source.is_selected(doc);
    let mut d = all.clone();
    d.documents.retain(|x| keep(&x.id));
    d.quotes.retain(|x| keep(&x.evidence.doc));
    d.figures.retain(|x| keep(&x.doc));
    d.times.retain(|x| keep(&x.doc));
    d.entities.retain_mut(|e| {
        e.mentions.retain(|m| keep(&m.evidence.doc));
        !e.mentions.is_empty()
    });
    d.stories.retain_mut(|s| {
        s.documents.retain(|x| keep(x));
        !s.documents.is_empty()
    });
    d.reuse.retain_mut(|r| {
        r.members.retain(|m| keep(&m.doc));
        r.members.len() > 1
    });
    let quotes: std::collections::HashSet<&str> = d.quotes.iter().map(|q| q.id.as_str()).collect();
    d.quote_groups.retain_mut(|g| {
        g.quotes.retain(|q| quotes.contains(q.as_str()));
        !g.quotes.is_empty()
    });
    d.claims.retain_mut(|c| {
        c.figures.retain(|f| keep(&f.doc));
        !c.figures.is_empty()
    });
    d.disputes.retain_mut(|x| {
        x.denials.retain(|s| keep(&s.evidence.doc));
        keep(&x.claim.evidence.doc) && !x.denials.is_empty()
    });
    d.timeline.retain_mut(|t| {
        t.evidence.retain(|e| keep(&e.doc));
        !t.evidence.is_empty()
    });
    d.outlets.retain_mut(|o| {
        o.documents.retain(|x| keep(x));
        for actor in &mut o.actors {
            actor.labels.retain(|l| keep(&l.evidence.doc));
        }
        for term in &mut o.loaded_terms {
            term.evidence.retain(|e| keep(&e.doc));
        }
        !o.documents.is_empty()
    });
    Cow::Owned(d)
}
