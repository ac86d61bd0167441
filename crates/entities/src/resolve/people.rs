//! Which person names of a document name one person.
//!
//! Names are compared by their *core*: their normalized words without single-letter initials
//! and generational suffixes ("W. Mark Felt Sr." → `mark felt`).
//!
//! 1. **Full names** (a core of two words or more) are one person when one core ends the
//!    other's ("Bettie Page", "Notorious Bettie Page") and their genders do not conflict.
//! 2. **Lone names** ("Biden", "Mr. Xi", "Hillary") are matched to the full names whose last
//!    word they are, or, when no full name ends with them, whose first word they are
//!    ("Xi" → "Xi Jinping", "Kim" → "Kim Jong-un", "Hillary" → "Hillary Clinton"). A
//!    candidate is out when its gender contradicts the lone name's (from the mention's
//!    honorific or title, else from the pronouns that follow the lone name where no other
//!    person is named); a mention written with a title keeps to the candidates carrying a
//!    title with the same head word ("President Biden" → "President Joe Biden").
//!    - A candidate is out when the lone name is written with a title before it and it
//!      never carries that title ("President Biden" from the lede on is not "Jill Biden" named
//!      further down; "President Obama" is not his daughter "Malia Obama").
//!    - **One candidate:** joined.
//!    - **Several:** the clear subject of the document (at least twice the mentions of every
//!      other candidate) wins.
//!    - Otherwise the lone name stays a person of its own: the text does not say which one
//!      it is, and a wrong merge costs more than a missed one.

use crate::roles::Gender;

/// One person name mention, as resolution sees it.
#[derive(Debug, Clone)]
pub(super) struct PersonName {
    /// Normalized words as written.
    pub words: Vec<String>,
    /// The head word (lowercase) of the title written with it.
    pub role_head: Option<String>,
    /// Gender from the mention's honorific, title or first name.
    pub gender: Gender,
    /// Gender from the pronouns that follow the mention, where it alone is named.
    pub pronoun_gender: Gender,
}

/// The core of a name: without initials ("W.", "J") and suffixes ("Jr.", "III"), unless
/// nothing else is left.
pub(super) fn core(words: &[String]) -> Vec<String> {
    parallax_core::names::core_words(words)
}

fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}

/// A person being built: its full-name core, its mentions and what they say.
#[derive(Debug, Default)]
struct Person {
    /// Index of its first name.
    first: usize,
    core: Vec<String>,
    gender: Gender,
    roles: Vec<String>,
    mentions: usize,
}

impl Person {
    fn add(&mut self, name: &PersonName, core: &[String]) {
        if core.len() > self.core.len() {
            self.core = core.to_vec();
        }
        if self.gender == Gender::Unknown {
            self.gender = name.gender;
        }
        if let Some(role) = &name.role_head {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        self.mentions += 1;
    }
}

/// Groups `names` into persons: the group number of each name, groups numbered from 0 in the
/// order of their first name.
pub(super) fn group(names: &[PersonName]) -> Vec<usize> {
    let cores: Vec<Vec<String>> = names.iter().map(|n| core(&n.words)).collect();
    let mut group_of: Vec<Option<usize>> = vec![None; names.len()];
    let mut persons: Vec<Person> = Vec::new();

    // 1. Full names.
    for (i, name) in names.iter().enumerate() {
        let core = &cores[i];
        if core.len() < 2 {
            continue;
        }
        let found = persons.iter().position(|p| {
            let (short, long) = if p.core.len() <= core.len() {
                (&p.core, core)
            } else {
                (core, &p.core)
            };
            long.ends_with(short) && compatible(p.gender, name.gender)
        });
        let id = found.unwrap_or_else(|| {
            persons.push(Person {
                first: i,
                ..Person::default()
            });
            persons.len() - 1
        });
        persons[id].add(name, core);
        group_of[i] = Some(id);
    }

    // 2. Lone names, with what all lone mentions of the same word say together.
    let lone_word = |i: usize| (cores[i].len() == 1).then(|| cores[i][0].as_str());
    let mut by_word: Vec<(&str, LoneGroup)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Some(word) = lone_word(i) else { continue };
        let slot = match by_word.iter().position(|(w, _)| *w == word) {
            Some(p) => p,
            None => {
                by_word.push((
                    word,
                    LoneGroup {
                        first: i,
                        ..LoneGroup::default()
                    },
                ));
                by_word.len() - 1
            }
        };
        by_word[slot].1.add(name);
    }
    let mut lone_persons: Vec<(String, Gender, usize)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Some(word) = lone_word(i) else { continue };
        let lone = by_word
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, g)| g)
            .expect("every lone word was counted");
        let gender = match name.gender {
            Gender::Unknown => lone.gender(),
            known => known,
        };
        let chosen = candidate(&persons, word, gender, name.role_head.as_deref(), lone);
        let id = match chosen {
            Some(id) => id,
            None => {
                // A person of its own, one per word and gender.
                let key = (word.to_string(), gender);
                match lone_persons
                    .iter()
                    .find(|(w, g, _)| *w == key.0 && compatible(*g, key.1))
                {
                    Some(&(_, _, id)) => id,
                    None => {
                        persons.push(Person {
                            first: i,
                            ..Person::default()
                        });
                        lone_persons.push((key.0, key.1, persons.len() - 1));
                        persons.len() - 1
                    }
                }
            }
        };
        persons[id].add(name, &cores[i]);
        group_of[i] = Some(id);
    }

    // Number groups by first appearance.
    let mut renumber: Vec<Option<usize>> = vec![None; persons.len()];
    let mut next = 0;
    group_of
        .into_iter()
        .map(|g| {
            let g = g.unwrap_or(0);
            *renumber[g].get_or_insert_with(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// What the lone mentions of one word say together.
#[derive(Debug, Default)]
struct LoneGroup {
    /// Index of the first lone mention.
    first: usize,
    mentions: usize,
    roles: Vec<String>,
    male: usize,
    female: usize,
}

impl LoneGroup {
    fn add(&mut self, name: &PersonName) {
        self.mentions += 1;
        if let Some(role) = &name.role_head {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        for g in [name.gender, name.pronoun_gender] {
            match g {
                Gender::Male => self.male += 1,
                Gender::Female => self.female += 1,
                Gender::Unknown => {}
            }
        }
    }

    /// The gender most of the evidence gives, when it clearly gives one.
    fn gender(&self) -> Gender {
        if self.male >= 2 * self.female.max(1) {
            Gender::Male
        } else if self.female >= 2 * self.male.max(1) {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }
}

/// The full-name person a lone name `word` joins, by the module's rules.
fn candidate(
    persons: &[Person],
    word: &str,
    gender: Gender,
    role_head: Option<&str>,
    lone: &LoneGroup,
) -> Option<usize> {
    let full = |p: &Person| p.core.len() >= 2;
    let by_last: Vec<usize> = (0..persons.len())
        .filter(|&p| full(&persons[p]) && persons[p].core.last().map(String::as_str) == Some(word))
        .collect();
    let mut found = if by_last.is_empty() {
        (0..persons.len())
            .filter(|&p| {
                full(&persons[p]) && persons[p].core.first().map(String::as_str) == Some(word)
            })
            .collect()
    } else {
        by_last
    };
    found.retain(|&p| compatible(persons[p].gender, gender));
    if let Some(role) = role_head {
        let titled: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&p| persons[p].roles.iter().any(|r| r == role))
            .collect();
        if !titled.is_empty() {
            found = titled;
        }
    }
    // A name written with a title before a full name, and with a title that full name never
    // carries, is another person: "President Biden" from the lede on is not "Jill Biden"
    // named further down, nor "President Obama" his daughter "Malia Obama".
    found.retain(|&p| !titled_first(lone, &persons[p]));
    match found.as_slice() {
        [] => None,
        [one] => Some(*one),
        several => {
            let top = several
                .iter()
                .copied()
                .max_by_key(|&p| persons[p].mentions)?;
            let clear = several
                .iter()
                .all(|&p| p == top || persons[top].mentions >= 2 * persons[p].mentions);
            clear.then_some(top)
        }
    }
}

/// Whether the lone mentions were written, with a title, before the full name `p` was, and
/// with no title `p` carries.
fn titled_first(lone: &LoneGroup, p: &Person) -> bool {
    lone.first < p.first
        && !lone.roles.is_empty()
        && !lone.roles.iter().any(|r| p.roles.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::normalize;

    fn name(text: &str, role: Option<&str>, gender: Gender) -> PersonName {
        PersonName {
            words: text.split(' ').map(normalize).collect(),
            role_head: role.map(str::to_string),
            gender,
            pronoun_gender: Gender::Unknown,
        }
    }

    fn plain(text: &str) -> PersonName {
        name(text, None, Gender::Unknown)
    }

    #[test]
    fn initials_and_suffixes_leave_the_core() {
        let words: Vec<String> = ["w.", "mark", "felt", "sr."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(core(&words), ["mark", "felt"]);
        assert_eq!(
            group(&[plain("W. Mark Felt Sr."), plain("Mark Felt"), plain("Felt")]),
            [0, 0, 0]
        );
    }

    #[test]
    fn a_lone_surname_goes_to_its_only_full_name() {
        assert_eq!(
            group(&[plain("Mikheil Saakashvili"), plain("Saakashvili")]),
            [0, 0]
        );
        // Surname first: "Xi" is the first word of "Xi Jinping".
        assert_eq!(group(&[plain("Xi Jinping"), plain("Xi")]), [0, 0]);
    }

    #[test]
    fn a_salient_titled_surname_is_not_a_once_named_relative() {
        let mut names = vec![name("Biden", Some("president"), Gender::Unknown)];
        names.push(name("Jill Biden", None, Gender::Female));
        for _ in 0..3 {
            names.push(name("Biden", Some("president"), Gender::Unknown));
        }
        names.push(plain("Biden"));
        assert_eq!(group(&names), [0, 1, 0, 0, 0, 0]);
        // Named after her, but "he" follows him: the genders part them.
        let mut names = vec![name("Jill Biden", None, Gender::Female)];
        for _ in 0..3 {
            let mut biden = name("Biden", Some("president"), Gender::Unknown);
            biden.pronoun_gender = Gender::Male;
            names.push(biden);
        }
        assert_eq!(group(&names), [0, 1, 1, 1]);
        // Named once in full, then by title and surname: one person.
        let mut names = vec![plain("Barack Obama")];
        for _ in 0..4 {
            names.push(name("Obama", Some("president"), Gender::Unknown));
        }
        assert_eq!(group(&names), [0, 0, 0, 0, 0]);
        // "President Obama" in the lede, then his daughters named in full and by first name.
        let mut names = vec![name("Obama", Some("president"), Gender::Unknown)];
        names.push(plain("Malia Obama"));
        names.push(plain("Sasha Obama"));
        for _ in 0..4 {
            names.push(plain("Malia"));
        }
        assert_eq!(group(&names), [0, 1, 2, 1, 1, 1, 1]);
    }

    #[test]
    fn a_regnal_name_is_not_a_first_name() {
        let names = [
            plain("Elizabeth Lauten"),
            plain("Lauten"),
            name("Elizabeth II", Some("queen"), Gender::Female),
        ];
        assert_eq!(group(&names), [0, 0, 1]);
    }

    #[test]
    fn namesakes_keep_a_lone_surname_apart_unless_one_is_the_subject() {
        let names = [
            plain("Mikheil Saakashvili"),
            plain("Sandra Saakashvili"),
            plain("Saakashvili"),
        ];
        assert_eq!(group(&names), [0, 1, 2]);
        let names = [
            plain("Mikheil Saakashvili"),
            plain("Mikheil Saakashvili"),
            plain("Sandra Saakashvili"),
            plain("Saakashvili"),
        ];
        assert_eq!(group(&names), [0, 0, 1, 0]);
        // An honorific's gender decides between them.
        let names = [
            name("Mikheil Saakashvili", None, Gender::Male),
            name("Sandra Saakashvili", None, Gender::Female),
            name("Saakashvili", None, Gender::Female),
        ];
        assert_eq!(group(&names), [0, 1, 1]);
    }
}
