//! Microsoft Recognizers-Text JSON test specifications: an array of cases, each an input
//! sentence, an optional reference date-time, platform flags and the expected results with
//! inclusive character offsets and a model-specific resolution.

use serde::Deserialize;

/// One spec case.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct SpecCase {
    #[serde(rename = "Input")]
    pub input: String,
    #[serde(rename = "Context", default)]
    pub context: Option<SpecContext>,
    /// Platforms on which the case is known to fail ("javascript, python").
    #[serde(rename = "NotSupported", default)]
    pub not_supported: Option<String>,
    #[serde(rename = "NotSupportedByDesign", default)]
    pub not_supported_by_design: Option<String>,
    #[serde(rename = "Results", default)]
    pub results: Vec<SpecResult>,
}

impl SpecCase {
    /// Whether any implementation is flagged as failing it, or it depends on options.
    pub fn flagged(&self) -> bool {
        self.not_supported.is_some() || self.not_supported_by_design.is_some()
    }

    /// The reference date-time, when given (`2016-11-07T00:00:00`).
    pub fn reference(&self) -> Option<&str> {
        self.context
            .as_ref()
            .and_then(|c| c.reference_date_time.as_deref())
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct SpecContext {
    #[serde(rename = "ReferenceDateTime", default)]
    pub reference_date_time: Option<String>,
}

/// One expected result: `start`..=`end` are character (not byte) offsets into the input.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct SpecResult {
    #[serde(rename = "Text")]
    pub text: String,
    #[serde(rename = "TypeName", default)]
    pub type_name: String,
    #[serde(rename = "Start", default)]
    pub start: Option<usize>,
    #[serde(rename = "End", default)]
    pub end: Option<usize>,
    #[serde(rename = "Resolution", default)]
    pub resolution: Option<serde_json::Value>,
}

impl SpecResult {
    /// `resolution.value` for number-like models ("192", "100%", "75000000").
    pub fn value(&self) -> Option<&str> {
        self.resolution.as_ref()?.get("value")?.as_str()
    }

    /// Every `timex` and resolved `value` of a date-time resolution's values.
    pub fn datetime_values(&self) -> Vec<&str> {
        let Some(values) = self
            .resolution
            .as_ref()
            .and_then(|r| r.get("values"))
            .and_then(|v| v.as_array())
        else {
            return Vec::new();
        };
        values
            .iter()
            .flat_map(|v| {
                ["timex", "value"]
                    .into_iter()
                    .filter_map(move |k| v.get(k).and_then(|x| x.as_str()))
            })
            .collect()
    }
}

/// Parses one spec file (its BOM already removed).
pub fn parse(json: &str) -> Result<Vec<SpecCase>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cases() {
        let json = r#"[
          {"Input": "He paid $ 5 on Friday.", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
           "NotSupported": "python",
           "Results": [{"Text": "friday", "Start": 15, "End": 20, "TypeName": "datetimeV2.date",
             "Resolution": {"values": [{"timex": "XXXX-WXX-5", "type": "date", "value": "2016-11-04"}]}}]},
          {"Input": "twelve", "Results": [{"Text": "twelve", "TypeName": "number",
             "Resolution": {"subtype": "integer", "value": "12"}, "Start": 0, "End": 5}]}
        ]"#;
        let cases = parse(json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cases.len(), 2);
        assert!(cases[0].flagged() && !cases[1].flagged());
        assert_eq!(cases[0].reference(), Some("2016-11-07T00:00:00"));
        assert_eq!(
            cases[0].results[0].datetime_values(),
            vec!["XXXX-WXX-5", "2016-11-04"]
        );
        assert_eq!(cases[1].results[0].value(), Some("12"));
        assert_eq!(
            (cases[1].results[0].start, cases[1].results[0].end),
            (Some(0), Some(5))
        );
    }
}
