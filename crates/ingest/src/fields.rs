//! Which field of a JSON record, or which column of a manifest, holds each piece of an article.
//!
//! Each piece has default names (news-please's and common scrapers'); a user names others
//! with `--field PIECE=NAME` (`--field text=content_original --field published=date`), which
//! are tried before the defaults, so that a dataset need not be renamed. The same names apply
//! to a manifest's columns.

use crate::IngestError;

/// A piece of an article a record or manifest row can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Text,
    Title,
    Published,
    Outlet,
    Url,
    Authors,
    /// The manifest column naming an article's file.
    Path,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Text,
        Field::Title,
        Field::Published,
        Field::Outlet,
        Field::Url,
        Field::Authors,
        Field::Path,
    ];

    /// The name a user writes before `=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Title => "title",
            Field::Published => "published",
            Field::Outlet => "outlet",
            Field::Url => "url",
            Field::Authors => "authors",
            Field::Path => "path",
        }
    }

    /// The field names tried when the user names none.
    pub fn defaults(self) -> &'static [&'static str] {
        match self {
            Field::Text => &["maintext", "text", "body", "content", "article"],
            Field::Title => &["title", "headline"],
            Field::Published => &[
                "date_publish",
                "published",
                "date",
                "published_at",
                "datePublished",
            ],
            Field::Outlet => &[
                "source_domain",
                "outlet",
                "source",
                "site_name",
                "publisher",
            ],
            Field::Url => &["url", "link"],
            Field::Authors => &["authors", "author"],
            Field::Path => &["path", "file", "filename"],
        }
    }
}

/// The field names in use: the user's first, then the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldNames {
    chosen: Vec<(Field, String)>,
}

impl FieldNames {
    /// Reads `PIECE=NAME` assignments (as given to `--field`).
    pub fn parse<S: AsRef<str>>(assignments: &[S]) -> Result<FieldNames, IngestError> {
        let mut names = FieldNames::default();
        for assignment in assignments {
            let assignment = assignment.as_ref();
            let bad = |why: &str| {
                IngestError::Field(format!(
                    "`{assignment}`: {why}; write PIECE=NAME with PIECE one of {}",
                    Field::ALL.map(Field::as_str).join(", ")
                ))
            };
            let (piece, name) = assignment.split_once('=').ok_or_else(|| bad("no `=`"))?;
            let field = Field::ALL
                .into_iter()
                .find(|f| f.as_str().eq_ignore_ascii_case(piece.trim()))
                .ok_or_else(|| bad("unknown piece"))?;
            let name = name.trim();
            if name.is_empty() {
                return Err(bad("no field name after `=`"));
            }
            names.chosen.push((field, name.to_string()));
        }
        Ok(names)
    }

    /// The names tried for `field`, in order.
    pub fn names(&self, field: Field) -> impl Iterator<Item = &str> {
        self.chosen
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|(_, n)| n.as_str())
            .chain(field.defaults().iter().copied())
    }

    /// The piece a manifest column holds: a name the user chose, else a default name
    /// (case-insensitive either way).
    pub fn field_of(&self, column: &str) -> Option<Field> {
        let column = column.trim();
        self.chosen
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(column))
            .map(|(f, _)| *f)
            .or_else(|| {
                Field::ALL
                    .into_iter()
                    .find(|f| f.defaults().iter().any(|d| d.eq_ignore_ascii_case(column)))
            })
    }

    /// Whether the user named any field.
    pub fn is_default(&self) -> bool {
        self.chosen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_come_first_and_bad_assignments_are_refused() {
        let names = FieldNames::parse(&["text=content_original", "Published = date"]).unwrap();
        let text: Vec<&str> = names.names(Field::Text).collect();
        assert_eq!(text[..2], ["content_original", "maintext"]);
        assert_eq!(names.names(Field::Published).next(), Some("date"));
        assert_eq!(names.field_of("CONTENT_ORIGINAL"), Some(Field::Text));
        assert_eq!(names.field_of("filename"), Some(Field::Path));
        assert_eq!(names.field_of("site_name"), Some(Field::Outlet));
        assert_eq!(names.field_of("id"), None);
        for bad in ["text", "body=x", "text="] {
            let error = FieldNames::parse(&[bad]).unwrap_err().to_string();
            assert!(error.contains("PIECE=NAME"), "{error}");
        }
    }
}
