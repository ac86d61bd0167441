//! Publication dates as ISO 8601: inputs spell them in many ways; the dossier needs one.

/// Returns `raw` as an ISO 8601 date or date-time when it starts with a `YYYY-MM-DD` date
/// (a space before the time, as news-please writes it, becomes `T`); `None` otherwise.
pub fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let date = raw.get(..10)?;
    let b = date.as_bytes();
    let is_date = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !is_date {
        return None;
    }
    let rest = raw.get(10..)?;
    if rest.is_empty() {
        return Some(date.to_string());
    }
    let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    let time_ok = time.len() >= 5
        && time.as_bytes().get(2) == Some(&b':')
        && time
            .bytes()
            .all(|c| c.is_ascii_digit() || b":.+-Z ".contains(&c));
    if !time_ok {
        return Some(date.to_string());
    }
    Some(format!("{date}T{}", time.trim().replace(' ', "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_common_spellings() {
        assert_eq!(normalize_date("2019-11-19").as_deref(), Some("2019-11-19"));
        assert_eq!(
            normalize_date("2019-11-19 12:30:00").as_deref(),
            Some("2019-11-19T12:30:00")
        );
        assert_eq!(
            normalize_date(" 2019-11-19T12:30:00+01:00 ").as_deref(),
            Some("2019-11-19T12:30:00+01:00")
        );
        assert_eq!(
            normalize_date("2019-11-19Tjunk").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(normalize_date("Nov 19, 2019"), None);
        assert_eq!(normalize_date("2019-1"), None);
        assert_eq!(normalize_date("2019-11-1é"), None);
    }
}
