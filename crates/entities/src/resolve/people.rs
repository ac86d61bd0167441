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
//!
//! **Generations.** A generational suffix ("Jr.", "III") is left out of the core but kept as
//! the name's generation: a son is often named after his father, and a story about one names
//! the other ("Donald Trump Jr." and his father "Donald Trump").
//! - Two names of different generations are never one person.
//! - A son's generation ("Jr.", "III") sets him apart from the unmarked name: a story that
//!   writes "Donald Trump Jr." or "Jesse Jackson Jr." means the father by "Donald Trump" or
//!   "the Rev. Jesse Jackson". The elder's ("Sr.", see `core/data/name_suffixes.txt`) does
//!   not: "W. Mark Felt Sr." is the "Mark Felt" of the same story, unless that mention
//!   carries a title he never does.
//! - A lone name with a suffix ("Trump Jr.") joins only a person of its generation. An
//!   unmarked lone name whose candidates are of different generations joins the one the story
//!   named first outside the headline, whatever their counts of full names: the son of the
//!   lede, not the father named in passing further down, and the father of a story that
//!   introduces him before his son.

use crate::roles::Gender;

/// One person name mention, as resolution sees it.
#[derive(Debug, Clone)]
pub(super) struct PersonName {
    /// Normalized words as written.
    pub words: Vec<String>,
    /// The office of the title written with it ([`parallax_core::names::office`]: "Rep." and
    /// "Congressman" are both `representative`).
    pub role_head: Option<String>,
    /// Gender from the mention's honorific, title or first name.
    pub gender: Gender,
    /// Gender from the pronouns that follow the mention, where it alone is named.
    pub pronoun_gender: Gender,
    /// Whether the mention is in the document's headline.
    pub in_headline: bool,
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
    core: Vec<String>,
    gender: Gender,
    roles: Vec<String>,
    mentions: usize,
    /// The generation its names are marked with ("jr"), if any is.
    generation: Option<&'static str>,
    /// Index of its first name outside the headline.
    first_in_story: Option<usize>,
}

impl Person {
    fn add(&mut self, index: usize, name: &PersonName, core: &[String]) {
        let generation = parallax_core::names::generation(&name.words);
        if generation.is_some() {
            self.generation = generation;
        }
        if !name.in_headline && self.first_in_story.is_none() {
            self.first_in_story = Some(index);
        }
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

/// Whether a name of `generation` (with title head `role`) can be the person `p`, by the
/// module's rules on generations.
fn same_generation(p: &Person, generation: Option<&'static str>, role: Option<&str>) -> bool {
    use parallax_core::names::is_elder;
    match (p.generation, generation) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        (Some(g), None) => is_elder(g) && role.is_none_or(|r| p.roles.iter().any(|pr| pr == r)),
        (None, Some(g)) => is_elder(g),
    }
}

/// Groups `names` into persons: the group number of each name, groups numbered from 0 in the
/// order of their first name.
pub(super) fn group(names: &[PersonName]) -> Vec<usize> {
    let cores: Vec<Vec<String>> = names.iter().map(|n| core(&n.words)).collect();
    let generations: Vec<Option<&'static str>> = names
        .iter()
        .map(|n| parallax_core::names::generation(&n.words))
        .collect();
    let mut group_of: Vec<Option<usize>> = vec![None; names.len()];
    let mut persons: Vec<Person> = Vec::new();

    // 1. Full names: a person of the name's own generation first, else one it can join.
    for (i, name) in names.iter().enumerate() {
        let core = &cores[i];
        if core.len() < 2 {
            continue;
        }
        let generation = generations[i];
        let role = name.role_head.as_deref();
        let same_core = |p: &Person| {
            let (short, long) = if p.core.len() <= core.len() {
                (&p.core, core)
            } else {
                (core, &p.core)
            };
            long.ends_with(short) && compatible(p.gender, name.gender)
        };
        let found = persons
            .iter()
            .position(|p| same_core(p) && p.generation == generation)
            .or_else(|| {
                persons
                    .iter()
                    .position(|p| same_core(p) && same_generation(p, generation, role))
            });
        let id = found.unwrap_or_else(|| {
            persons.push(Person::default());
            persons.len() - 1
        });
        persons[id].add(i, name, core);
        group_of[i] = Some(id);
    }

    // 2. Lone names, with what all lone mentions of the same word and generation say
    // together.
    let lone_word =
        |i: usize| (cores[i].len() == 1).then(|| (cores[i][0].as_str(), generations[i]));
    let mut by_word: Vec<(LoneWord, LoneGroup)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Some(word) = lone_word(i) else { continue };
        let slot = match by_word.iter().position(|(w, _)| *w == word) {
            Some(p) => p,
            None => {
                by_word.push((word, LoneGroup::default()));
                by_word.len() - 1
            }
        };
        by_word[slot].1.add(i, name);
    }
    let mut lone_persons: Vec<(LoneWord, Gender, usize)> = Vec::new();
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
                // A person of its own, one per word, generation and gender.
                match lone_persons
                    .iter()
                    .find(|(w, g, _)| *w == word && compatible(*g, gender))
                {
                    Some(&(_, _, id)) => id,
                    None => {
                        persons.push(Person::default());
                        lone_persons.push((word, gender, persons.len() - 1));
                        persons.len() - 1
                    }
                }
            }
        };
        persons[id].add(i, name, &cores[i]);
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

/// A lone name's word and the generation it is marked with ("Trump Jr." → `(trump, jr)`).
type LoneWord<'a> = (&'a str, Option<&'static str>);

/// What the lone mentions of one word say together.
#[derive(Debug, Default)]
struct LoneGroup {
    /// Index of the first lone mention outside the headline, which is written after the
    /// story and names its subject by surname before the lede introduces the full name.
    first_in_story: Option<usize>,
    mentions: usize,
    roles: Vec<String>,
    male: usize,
    female: usize,
}

impl LoneGroup {
    fn add(&mut self, index: usize, name: &PersonName) {
        if !name.in_headline && self.first_in_story.is_none() {
            self.first_in_story = Some(index);
        }
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
    (word, generation): LoneWord,
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
    if generation.is_some() {
        found.retain(|&p| persons[p].generation == generation);
    }
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
            let generations_differ = several
                .iter()
                .any(|&p| persons[p].generation != persons[several[0]].generation);
            if generations_differ {
                // Full-name counts say little here: a son is mostly named by his surname.
                return several
                    .iter()
                    .copied()
                    .filter(|&p| persons[p].first_in_story.is_some())
                    .min_by_key(|&p| persons[p].first_in_story);
            }
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

/// Whether the lone mentions were written, with a title, before the full name `p` was (both
/// outside the headline), and with no title `p` carries.
fn titled_first(lone: &LoneGroup, p: &Person) -> bool {
    let first = |at: Option<usize>| at.unwrap_or(usize::MAX);
    first(lone.first_in_story) < first(p.first_in_story)
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
            in_headline: false,
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
    fn a_headline_surname_does_not_make_a_later_title_another_person() {
        // The headline names him by surname before the lede's full name; "Admiral Sestak" much
        // further down is still the congressman of the lede.
        let mut headline = plain("Sestak");
        headline.in_headline = true;
        let names = [
            headline,
            name("Joe Sestak", Some("representative"), Gender::Unknown),
            plain("Sestak"),
            name("Sestak", Some("admiral"), Gender::Unknown),
        ];
        assert_eq!(group(&names), [0, 0, 0, 0]);
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

    #[test]
    fn a_son_named_after_his_father_is_someone_else() {
        // The son's suffix sets him apart from every unmarked name of his father's.
        let names = [
            plain("Donald Trump"),
            plain("Donald Trump Jr."),
            plain("Trump Jr."),
            plain("Donald Trump"),
            plain("Trump"),
            plain("Trump"),
        ];
        assert_eq!(group(&names), [0, 1, 1, 0, 0, 0]);
        // The son leads the story: a lone name is him, the father named further down not.
        let names = [
            plain("Jesse Jackson Jr."),
            plain("Jackson"),
            name("Jesse Jackson", Some("rev."), Gender::Male),
            plain("Jesse Jackson"),
            plain("Jackson"),
        ];
        assert_eq!(group(&names), [0, 0, 1, 1, 0]);
        // A headline naming the father does not make him the first one named.
        let mut headline = plain("Jesse Jackson");
        headline.in_headline = true;
        let names = [
            headline,
            plain("Jesse Jackson Jr."),
            name("Jesse Jackson", Some("rev."), Gender::Male),
            plain("Jackson"),
        ];
        assert_eq!(group(&names), [0, 1, 0, 1]);
        // The elder's suffix is his own name written in full.
        assert_eq!(
            group(&[plain("Mark Felt"), plain("W. Mark Felt Sr."), plain("Felt")]),
            [0, 0, 0]
        );
    }
}
