//! The tagger's label set: BILOU tags over the four CoNLL classes, which transitions between
//! them are well-formed, and conversion between BIO gold labels, BILOU tags and entity spans.
//!
//! BILOU (Begin, Inside, Last, Unit, Outside) is used instead of BIO because it gives the model
//! a separate weight vector for the edges of a name, which is where most errors are.

/// The classes the tagger is trained on (CoNLL-2003's four).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Per,
    Org,
    Loc,
    Misc,
}

impl Class {
    pub const ALL: [Class; 4] = [Class::Per, Class::Org, Class::Loc, Class::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Per => "PER",
            Class::Org => "ORG",
            Class::Loc => "LOC",
            Class::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.as_str() == s)
    }

    fn index(self) -> usize {
        match self {
            Class::Per => 0,
            Class::Org => 1,
            Class::Loc => 2,
            Class::Misc => 3,
        }
    }
}

/// Number of tags: O plus B, I, L, U for each class.
pub const NUM_TAGS: usize = 17;

/// Position of a token in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

/// A tag index in `0..NUM_TAGS`; 0 is O.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);

    fn new(class: Class, part: Part) -> Tag {
        let p = match part {
            Part::Begin => 1,
            Part::Inside => 2,
            Part::Last => 3,
            Part::Unit => 4,
        };
        Tag((class.index() * 4 + p) as u8)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    fn class(self) -> Option<Class> {
        (self.0 != 0).then(|| Class::ALL[(self.0 as usize - 1) / 4])
    }

    fn part(self) -> Option<Part> {
        (self.0 != 0).then(|| match (self.0 - 1) % 4 {
            0 => Part::Begin,
            1 => Part::Inside,
            2 => Part::Last,
            _ => Part::Unit,
        })
    }

    /// Whether a name ends at this tag (so the next tag must not continue one).
    fn closes(self) -> bool {
        matches!(self.part(), None | Some(Part::Last | Part::Unit))
    }

    /// Whether this tag may start a sentence.
    pub fn can_start(self) -> bool {
        matches!(self.part(), None | Some(Part::Begin | Part::Unit))
    }

    /// Whether this tag may end a sentence.
    pub fn can_end(self) -> bool {
        self.closes()
    }

    /// Whether `next` may follow `self`.
    pub fn may_precede(self, next: Tag) -> bool {
        if self.closes() {
            next.can_start()
        } else {
            matches!(next.part(), Some(Part::Inside | Part::Last)) && next.class() == self.class()
        }
    }
}

/// An entity found by the tagger: tokens `[start, end)` of its sentence, and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// The spans of a well-formed or ill-formed BILOU sequence; an ill-formed run is cut where it
/// breaks, so every returned span is non-empty and within the sequence.
pub fn spans_of(tags: &[Tag]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (class, part) = match (tag.class(), tag.part()) {
            (Some(c), Some(p)) => (c, p),
            _ => {
                if let Some((s, c)) = open.take() {
                    out.push(TokenSpan {
                        start: s,
                        end: i,
                        class: c,
                    });
                }
                continue;
            }
        };
        let continues =
            matches!(open, Some((_, c)) if c == class) && matches!(part, Part::Inside | Part::Last);
        if !continues {
            if let Some((s, c)) = open.take() {
                out.push(TokenSpan {
                    start: s,
                    end: i,
                    class: c,
                });
            }
            open = Some((i, class));
        }
        if matches!(part, Part::Last | Part::Unit) {
            if let Some((s, c)) = open.take() {
                out.push(TokenSpan {
                    start: s,
                    end: i + 1,
                    class: c,
                });
            }
        }
    }
    if let Some((s, c)) = open {
        out.push(TokenSpan {
            start: s,
            end: tags.len(),
            class: c,
        });
    }
    out
}

/// Spans of BIO labels (`B-PER`, `I-ORG`, `O`, …) as conlleval reads them: an `I-` after a
/// different class or after `O` starts a new entity. Unknown classes are ignored.
pub fn spans_of_bio<S: AsRef<str>>(labels: &[S]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, label) in labels.iter().enumerate() {
        let label = label.as_ref();
        let (prefix, class) = match label.split_once('-') {
            Some((p, c)) => (p, Class::parse(c)),
            None => ("O", None),
        };
        let continues = prefix == "I" && class.is_some() && open.map(|(_, c)| c) == class;
        if !continues {
            if let Some((s, c)) = open.take() {
                out.push(TokenSpan {
                    start: s,
                    end: i,
                    class: c,
                });
            }
            open = class.map(|c| (i, c));
        }
    }
    if let Some((s, c)) = open {
        out.push(TokenSpan {
            start: s,
            end: labels.len(),
            class: c,
        });
    }
    out
}

/// BILOU tags for `len` tokens carrying `spans`.
pub fn tags_of(spans: &[TokenSpan], len: usize) -> Vec<Tag> {
    let mut tags = vec![Tag::O; len];
    for span in spans {
        let end = span.end.min(len);
        if span.start >= end {
            continue;
        }
        if end - span.start == 1 {
            tags[span.start] = Tag::new(span.class, Part::Unit);
            continue;
        }
        tags[span.start] = Tag::new(span.class, Part::Begin);
        for tag in &mut tags[span.start + 1..end - 1] {
            *tag = Tag::new(span.class, Part::Inside);
        }
        tags[end - 1] = Tag::new(span.class, Part::Last);
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_round_trips_through_bilou() {
        let labels = [
            "B-PER", "I-PER", "O", "B-LOC", "I-MISC", "B-ORG", "B-ORG", "I-ORG", "I-ORG",
        ];
        let spans = spans_of_bio(&labels);
        assert_eq!(spans.len(), 5);
        assert_eq!(
            spans[2],
            TokenSpan {
                start: 4,
                end: 5,
                class: Class::Misc
            }
        );
        let tags = tags_of(&spans, labels.len());
        assert_eq!(spans_of(&tags), spans);
    }

    #[test]
    fn transitions_follow_bilou() {
        let b_per = Tag::new(Class::Per, Part::Begin);
        let l_per = Tag::new(Class::Per, Part::Last);
        let l_org = Tag::new(Class::Org, Part::Last);
        assert!(b_per.may_precede(l_per));
        assert!(!b_per.may_precede(l_org));
        assert!(!b_per.may_precede(Tag::O));
        assert!(l_per.may_precede(b_per));
        assert!(!b_per.can_end());
    }
}
