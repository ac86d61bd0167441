//! Entity names as search matches them: every name and alias of every entity, lowercased, one
//! per line of a single text ordered by the entities' mentions, so that finding the entities
//! named like a query is one substring scan instead of a pass over every entity per search.

use parallax_core::Entity;

/// The names of a corpus's entities, ready to be matched against query words.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// One lowercased name per line, the entities' names in `order`.
    text: String,
    /// Per line: its start in `text` and the entity it names.
    lines: Vec<(usize, usize)>,
}

impl NameIndex {
    /// Indexes the names of `entities`, taken in `order` (the best-known first).
    pub fn new(entities: &[Entity], order: &[usize]) -> NameIndex {
        let mut index = NameIndex::default();
        for &e in order {
            let Some(entity) = entities.get(e) else {
                continue;
            };
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                index.lines.push((index.text.len(), e));
                // A line break inside a name would split it across lines.
                index.text.push_str(&name.to_lowercase().replace('\n', " "));
                index.text.push('\n');
            }
        }
        index
    }

    /// Entities, best-known first, with a name containing every one of `words` (lowercase),
    /// at most `limit` of them.
    pub fn matching(&self, words: &[String], limit: usize) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        // The longest word is the rarest: scan for it and check the others on its line.
        let Some(scan) = words.iter().max_by_key(|w| w.len()) else {
            return found;
        };
        if scan.is_empty() {
            return found;
        }
        let mut after_line = 0;
        for (at, _) in self.text.match_indices(scan.as_str()) {
            if at < after_line {
                continue;
            }
            let line = self.lines.partition_point(|&(start, _)| start <= at) - 1;
            let (start, entity) = self.lines[line];
            let end = self
                .lines
                .get(line + 1)
                .map_or(self.text.len(), |&(next, _)| next);
            after_line = end;
            let name = &self.text[start..end];
            if words.iter().all(|w| name.contains(w.as_str())) && !found.contains(&entity) {
                found.push(entity);
                if found.len() == limit {
                    break;
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: String::new(),
            name: name.to_string(),
            entity_type: parallax_core::EntityType::Org,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            roles: Vec::new(),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn finds_names_with_every_word_in_rank_order() {
        let entities = [
            entity("Oregon State Police", &["OSP"]),
            entity("Police Department", &[]),
            entity("Mikheil Saakashvili", &["President Saakashvili"]),
        ];
        let index = NameIndex::new(&entities, &[2, 1, 0]);
        let words = |q: &str| -> Vec<String> { q.split(' ').map(str::to_string).collect() };
        assert_eq!(index.matching(&words("police"), 8), [1, 0]);
        assert_eq!(index.matching(&words("police"), 1), [1]);
        assert_eq!(index.matching(&words("state police"), 8), [0]);
        assert_eq!(index.matching(&words("osp"), 8), [0]);
        assert_eq!(index.matching(&words("president saak"), 8), [2]);
        // Both words must sit in one name, not across an entity's names.
        assert!(index.matching(&words("mikheil president"), 8).is_empty());
        assert!(index.matching(&[], 8).is_empty());
    }
}
