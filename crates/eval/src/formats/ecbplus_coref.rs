//! ECB+ coreference chains as packed in `coref_annotations_conll.tar.gz`: one CoNLL file per
//! subtopic (`<subtopic>/annotation/original/<subtopic>.conll`), tab-separated
//! `doc sentence token word chains`, where `chains` is `-` or `|`-separated parts in bracket
//! notation: `(ID)` a one-token mention, `(ID` a mention opening, `ID)` one closing.
//!
//! Chain ids carry the ECB+ mention class in their prefix: `HUM…` (human participants),
//! `NON…` (non-human participants), `LOC…` (locations), `TIM…` (times) are **entities**;
//! `ACT…`, `NEG…` and `CON…` are events. Unlinked mentions have unique ids
//! `Singleton_<CLASS>_…` with the class `HUMA`, `NON_`, `LOC_`, `TIME`, `ACTI` or `NEG_`.
//! Chain ids are shared across the documents of a topic (cross-document chains).
//!
//! Quirks handled: the file of a subtopic also repeats the documents of every subtopic whose
//! name ends with its own (`5ecbplus.conll` holds 25, 35 and 45ecbplus), so each file keeps
//! only its own subtopic's documents; document names are `topic/subtopic/number` (`27/27ecbplus/3`) while
//! `documents.jsonl` says `27_3ecbplus` ([`CorefDocument::doc_id`]); parts may carry stray
//! spaces; empty parts are skipped; a closing part without its opening is ignored.

use super::tar::read_tar_gz;
use crate::EvalError;
use std::collections::HashMap;
use std::path::Path;

/// The archive's file name inside the dataset folder.
pub const ARCHIVE: &str = "coref_annotations_conll.tar.gz";

/// What an ECB+ mention is, from its chain id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionClass {
    Human,
    NonHuman,
    Location,
    Time,
    Event,
}

impl MentionClass {
    /// The class of a chain id, or `None` for an id of no known class.
    pub fn of_chain(chain: &str) -> Option<MentionClass> {
        let class = chain.strip_prefix("Singleton_").unwrap_or(chain);
        let prefixes = [
            ("HUM", MentionClass::Human),
            ("NON", MentionClass::NonHuman),
            ("LOC", MentionClass::Location),
            ("TIM", MentionClass::Time),
            ("ACT", MentionClass::Event),
            ("NEG", MentionClass::Event),
            ("CON", MentionClass::Event),
        ];
        prefixes
            .iter()
            .find(|(p, _)| class.starts_with(p))
            .map(|&(_, c)| c)
    }

    pub fn is_entity(self) -> bool {
        self != MentionClass::Event
    }

    pub fn name(self) -> &'static str {
        match self {
            MentionClass::Human => "human",
            MentionClass::NonHuman => "non_human",
            MentionClass::Location => "location",
            MentionClass::Time => "time",
            MentionClass::Event => "event",
        }
    }
}

/// One gold mention: tokens `start..end` of its document and its chain id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorefMention {
    pub start: usize,
    pub end: usize,
    pub chain: String,
}

/// One document: its tokens (with sentence numbers) and its gold mentions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorefDocument {
    /// The name as written in the CoNLL file (`27/27ecbplus/3`).
    pub name: String,
    pub tokens: Vec<(usize, String)>,
    pub mentions: Vec<CorefMention>,
}

impl CorefDocument {
    /// The id `documents.jsonl` uses: `27/27ecbplus/3` → `27_3ecbplus`.
    pub fn doc_id(&self) -> String {
        let mut parts = self.name.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(topic), Some(subtopic), Some(number)) => {
                let suffix = subtopic.strip_prefix(topic).unwrap_or(subtopic);
                format!("{topic}_{number}{suffix}")
            }
            _ => self.name.clone(),
        }
    }

    /// The subtopic of the document (`27ecbplus`), the middle part of its name.
    pub fn subtopic(&self) -> &str {
        self.name.split('/').nth(1).unwrap_or("")
    }

    /// The topic number of the document, when its name has one.
    pub fn topic(&self) -> Option<u32> {
        self.name.split('/').next()?.parse().ok()
    }
}

/// Reads every `.conll` file of the archive in a dataset folder (or the archive itself).
pub fn read(path: &Path) -> Result<Vec<CorefDocument>, EvalError> {
    let archive = if path.is_dir() {
        path.join(ARCHIVE)
    } else {
        path.to_path_buf()
    };
    let bytes = std::fs::read(&archive).map_err(|e| EvalError::io(&archive, e))?;
    let mut docs = Vec::new();
    for entry in read_tar_gz(&bytes).map_err(|m| EvalError::format(&archive, m))? {
        if !entry.path.ends_with(".conll") {
            continue;
        }
        let text = String::from_utf8_lossy(&entry.data);
        let parsed = parse(&text)
            .map_err(|m| EvalError::format(&archive, format!("{}: {m}", entry.path)))?;
        // A subtopic's file also holds the documents of every subtopic whose name ends with
        // its own ("5ecbplus" holds 25, 35 and 45ecbplus): keep only its own.
        let subtopic = Path::new(&entry.path)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        docs.extend(parsed.into_iter().filter(|d| d.subtopic() == subtopic));
    }
    let mut seen = std::collections::HashSet::new();
    docs.retain(|d| seen.insert(d.name.clone()));
    Ok(docs)
}

/// Parses one CoNLL coreference file into its documents, in file order.
pub fn parse(text: &str) -> Result<Vec<CorefDocument>, String> {
    let mut docs: Vec<CorefDocument> = Vec::new();
    let mut open: HashMap<String, Vec<usize>> = HashMap::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [name, sentence, _, word, chains, ..] = fields[..] else {
            return Err(format!(
                "line {}: expected 5 tab-separated fields",
                number + 1
            ));
        };
        let sentence: usize = sentence
            .trim()
            .parse()
            .map_err(|_| format!("line {}: bad sentence number", number + 1))?;
        if docs.last().is_none_or(|d| d.name != name) {
            docs.push(CorefDocument {
                name: name.to_string(),
                ..Default::default()
            });
            open.clear();
        }
        let Some(doc) = docs.last_mut() else {
            continue;
        };
        let at = doc.tokens.len();
        doc.tokens.push((sentence, word.to_string()));
        for part in chains.split('|').map(str::trim) {
            if part.is_empty() || part == "-" {
                continue;
            }
            let opens = part.starts_with('(');
            let closes = part.ends_with(')');
            let chain = part.trim_start_matches('(').trim_end_matches(')').trim();
            if chain.is_empty() {
                continue;
            }
            if opens {
                open.entry(chain.to_string()).or_default().push(at);
            }
            if closes {
                if let Some(start) = open.get_mut(chain).and_then(Vec::pop) {
                    doc.mentions.push(CorefMention {
                        start,
                        end: at + 1,
                        chain: chain.to_string(),
                    });
                }
            }
        }
    }
    for doc in &mut docs {
        doc.mentions.sort_by_key(|m| (m.start, m.end));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_brackets_nesting_and_classes() {
        let text = "#begin document (27/27ecb/1); part 000\n\
                    27/27ecb/1\t0\t0\tMicrosoft\t(HUM1)\n\
                    27/27ecb/1\t0\t1\tsaid\t(ACT2)\n\
                    \n\
                    27/27ecb/1\t1\t0\tInternet\t(NON3| (Singleton_LOC_9_27ecb)\n\
                    27/27ecb/1\t1\t1\tExplorer\t NON3)|\n\
                    27/27ecb/1\t1\t2\tlast\tTIM4)\n\
                    #end document\n\
                    27/27ecbplus/2\t0\t0\tIt\t(HUM1)\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].doc_id(), "27_1ecb");
        assert_eq!(docs[1].doc_id(), "27_2ecbplus");
        assert_eq!(docs[0].topic(), Some(27));
        assert_eq!(docs[1].subtopic(), "27ecbplus");
        assert_eq!(docs[0].tokens[2], (1, "Internet".to_string()));
        let spans: Vec<(usize, usize, &str)> = docs[0]
            .mentions
            .iter()
            .map(|m| (m.start, m.end, m.chain.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                (0, 1, "HUM1"),
                (1, 2, "ACT2"),
                (2, 3, "Singleton_LOC_9_27ecb"),
                (2, 4, "NON3")
            ]
        );
        assert_eq!(docs[1].mentions[0].chain, "HUM1");
        assert!(parse("a\tb\n").is_err());
    }

    #[test]
    fn classes_from_chain_ids() {
        let class = MentionClass::of_chain;
        assert_eq!(class("HUM16627702263331271"), Some(MentionClass::Human));
        assert_eq!(class("Singleton_HUMA_3_1ecb"), Some(MentionClass::Human));
        assert_eq!(class("Singleton_NON_4_1ecb"), Some(MentionClass::NonHuman));
        assert_eq!(class("LOC1"), Some(MentionClass::Location));
        assert_eq!(class("Singleton_TIME_1"), Some(MentionClass::Time));
        assert_eq!(class("NEG1"), Some(MentionClass::Event));
        assert_eq!(class("Singleton_ACTI_1"), Some(MentionClass::Event));
        assert_eq!(class("XYZ"), None);
        assert!(MentionClass::Time.is_entity() && !MentionClass::Event.is_entity());
    }
}
