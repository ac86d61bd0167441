//! What a run left out, said in one line per reason: a folder of 1,300 records that all lack
//! the same field gives one line with the count and a few examples, not 1,300 lines. Reasons
//! that differ only in their numbers (byte offsets, line numbers) are one reason. Every input
//! is still listed in full in the dossier's `skipped`.

use parallax_core::SkippedInput;

/// Sources named per reason before "and N more".
const EXAMPLES: usize = 3;

/// One reason and the inputs it applies to, in their order.
pub struct Group<'a> {
    /// The reason as the first input of the group gives it.
    pub reason: &'a str,
    pub sources: Vec<&'a str>,
}

/// Groups `skipped` by reason (numbers ignored), the largest group first, then by first seen.
pub fn group(skipped: &[SkippedInput]) -> Vec<Group<'_>> {
    let mut keys: Vec<String> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    for s in skipped {
        let key = without_numbers(&s.reason);
        match keys.iter().position(|k| *k == key) {
            Some(i) => groups[i].sources.push(&s.source),
            None => {
                keys.push(key);
                groups.push(Group {
                    reason: &s.reason,
                    sources: vec![&s.source],
                });
            }
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.sources.len()));
    groups
}

/// The lines that describe `skipped` under a `heading` ("skipped 3 inputs"), or none.
pub fn lines(heading: &str, skipped: &[SkippedInput]) -> Vec<String> {
    if skipped.is_empty() {
        return Vec::new();
    }
    let mut out = vec![format!("{heading}:")];
    for g in group(skipped) {
        let shown: Vec<&str> = g.sources.iter().take(EXAMPLES).copied().collect();
        let more = g.sources.len().saturating_sub(EXAMPLES);
        let examples = if more > 0 {
            format!("{} and {more} more", shown.join(", "))
        } else {
            shown.join(", ")
        };
        out.push(format!(
            "  {} \u{d7} {} ({examples})",
            thousands(g.sources.len()),
            g.reason
        ));
    }
    out
}

/// `reason` with each run of digits replaced by `#`.
fn without_numbers(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut in_number = false;
    for c in reason.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

/// `1300` as `1,300`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip(source: &str, reason: &str) -> SkippedInput {
        SkippedInput {
            source: source.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn one_line_per_reason_with_examples() {
        let mut skipped: Vec<SkippedInput> = (1..=1300)
            .map(|i| {
                skip(
                    &format!("d.jsonl#line {i}"),
                    "the record has no article text",
                )
            })
            .collect();
        skipped.push(skip("a.txt", "invalid byte at offset 3"));
        skipped.push(skip("b.txt", "invalid byte at offset 12"));
        let lines = lines("skipped 1,302 inputs", &skipped);
        assert_eq!(
            lines,
            vec![
                "skipped 1,302 inputs:".to_string(),
                "  1,300 \u{d7} the record has no article text (d.jsonl#line 1, d.jsonl#line 2, d.jsonl#line 3 and 1297 more)".into(),
                "  2 \u{d7} invalid byte at offset 3 (a.txt, b.txt)".into(),
            ]
        );
        assert!(super::lines("x", &[]).is_empty());
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }
}
