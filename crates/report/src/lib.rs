//! The self-contained HTML report of a dossier.
//!
//! One file with no external assets. Its only script is our own `report.js` (sorting and
//! filtering of the tables), allowed by its SHA-256 hash in a Content-Security-Policy meta tag
//! that forbids every other script and every network request; every piece of article text and
//! metadata is escaped by maud's templates. Navigation is plain links: each item links to its
//! sentence in its article (`#s-DOC-N`), and CSS `:target` highlights the sentence landed on.
//! Each item also shows its sentence with the exact span marked, so the evidence is visible
//! without leaving the list. A large dossier is cut to a size a browser opens quickly, and the
//! page says where (see [`limits`]).
//!
//! # Example
//!
//! ```
//! let dossier = parallax_core::Dossier::empty();
//! let html = parallax_report::render(&dossier);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! // The page's only script is allowed by its hash; no other script may run.
//! assert!(html.contains(&parallax_report::content_security_policy()));
//! ```

mod cross;
pub mod events;
mod framing;
pub mod limits;
pub mod map;
pub mod places;
mod sections;

use base64::Engine;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use parallax_core::Dossier;
use sha2::{Digest, Sha256};

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The policy of the report page: no network, inline styles, and no script but `report.js`,
/// named by its hash.
pub fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()));
    format!(
        "default-src 'none'; script-src 'sha256-{hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
}

/// Renders the report of `dossier` as one HTML document.
pub fn render(dossier: &Dossier) -> String {
    let index = sections::Index::new(dossier);
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(content_security_policy());
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { "Parallax dossier" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { "Parallax dossier" }
                    (sections::summary(dossier))
                    nav {
                        a href="#claims" { "Claims (" (dossier.claims.len()) ")" }
                        a href="#disputes" { "Disputes (" (dossier.disputes.len()) ")" }
                        a href="#events" { "Events (" (dossier.events.len()) ")" }
                        a href="#quote-groups" { "Shared quotes (" (dossier.quote_groups.len()) ")" }
                        a href="#reuse" { "Shared passages (" (dossier.reuse.len()) ")" }
                        a href="#timeline" { "Timeline" }
                        a href="#places" { "Places (" (dossier.places.len()) ")" }
                        a href="#outlets" { "Outlets" }
                        a href="#framing" { "Framing" }
                        a href="#articles" { "Articles" }
                        a href="#entities" { "Entities (" (dossier.entities.len()) ")" }
                        a href="#quotes" { "Quotes (" (dossier.quotes.len()) ")" }
                        a href="#figures" { "Figures (" (dossier.figures.len()) ")" }
                        a href="#times" { "Dates (" (dossier.times.len()) ")" }
                        @if !dossier.skipped.is_empty() {
                            a href="#skipped" { "Skipped (" (dossier.skipped.len()) ")" }
                        }
                    }
                }
                main {
                    (cross::stories(dossier, &index))
                    (cross::claims(dossier, &index))
                    (cross::disputes(dossier, &index))
                    (events::events(dossier, &index))
                    (cross::quote_groups(dossier, &index))
                    (cross::reuse(dossier, &index))
                    (cross::timeline(dossier, &index))
                    (places::places(dossier, &index))
                    (cross::outlets(dossier))
                    (framing::framing(dossier, &index))
                    (sections::entities(dossier, &index))
                    (sections::quotes(dossier, &index))
                    (sections::figures(dossier, &index))
                    (sections::times(dossier, &index))
                    (sections::skipped(dossier))
                    (sections::articles(&index))
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    page.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{DossierDocument, Span};

    fn dossier_with_text(text: &str, title: &str) -> Dossier {
        let mut d = Dossier::empty();
        d.documents.push(DossierDocument {
            id: "d1".into(),
            text: text.into(),
            title: Some(title.into()),
            outlet: Some("<b>Outlet</b>".into()),
            published: None,
            source: "x.html".into(),
            url: Some("javascript:alert(1)".into()),
            authors: vec![],
            paragraphs: vec![parallax_core::Paragraph {
                span: Span::new(0, text.len()),
                role: parallax_core::ParagraphRole::Body,
            }],
            sentences: vec![Span::new(0, text.len())],
            voice: Vec::new(),
            time_anchor: None,
            diagnostics: vec![],
        });
        d
    }

    #[test]
    fn escapes_article_text_and_metadata() {
        let html = render(&dossier_with_text(
            "<script>alert(1)</script> &amp; \"x\"",
            "<img src=x onerror=alert(1)>",
        ));
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img src=x"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("&amp;amp;"));
        assert!(
            !html.contains("href=\"javascript:"),
            "untrusted URLs must not become links"
        );
        assert!(html.contains("Content-Security-Policy"));
        assert_eq!(html.matches("<script").count(), 1, "only our own script");
    }

    #[test]
    fn has_no_external_assets() {
        let html = render(&dossier_with_text("Plain text.", "Title"));
        assert!(!html.contains("src=\"http"));
        assert!(!html.contains("<link"));
        assert!(!html.contains("<script src"));
        assert!(html.contains("script-src 'sha256-"));
    }
}

#[cfg(test)]
mod policy_tests {
    use super::*;

    #[test]
    fn the_policy_names_the_script_by_its_hash() {
        let policy = content_security_policy();
        let hash = policy
            .split("'sha256-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_default();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(hash)
            .unwrap_or_default();
        assert_eq!(decoded, Sha256::digest(SCRIPT.as_bytes()).to_vec());
        assert!(
            !policy.contains("unsafe-inline'; script") && !policy.contains("script-src 'unsafe")
        );
    }
}
