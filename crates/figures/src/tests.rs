//! Figure recognition on the hard cases of the figures issue.

use super::*;
use proptest::prelude::*;

fn one(text: &str) -> Figure {
    let figures = figures_in(text);
    assert_eq!(figures.len(), 1, "{text:?} gave {figures:#?}");
    figures.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn none(text: &str) {
    let figures = figures_in(text);
    assert!(figures.is_empty(), "{text:?} gave {figures:#?}");
}

fn bounds(f: &Figure) -> (Option<f64>, Option<f64>, Option<f64>) {
    (f.value, f.low, f.high)
}

#[test]
fn digits_with_separators_and_decimals() {
    let f = one("Russia sent 2,000 troops into the region.");
    assert_eq!((f.text.as_str(), f.value), ("2,000", Some(2000.0)));
    assert_eq!(
        (f.unit.as_deref(), f.category),
        (Some("troops"), FigureCategory::Forces)
    );
    let f = one("Some 1.5 million people fled the fighting.");
    assert_eq!(
        (f.text.as_str(), f.value),
        ("Some 1.5 million", Some(1.5e6))
    );
    assert_eq!(f.category, FigureCategory::Displaced);
}

#[test]
fn number_words() {
    let f = one("Fifteen people were killed.");
    assert_eq!(
        (f.value, f.category),
        (Some(15.0), FigureCategory::Fatalities)
    );
    let f = one("They destroyed a dozen tanks.");
    assert_eq!(
        (f.text.as_str(), f.value, f.category),
        ("a dozen", Some(12.0), FigureCategory::Forces)
    );
    let f = one("Police said one hundred and twenty people were arrested.");
    assert_eq!(
        (f.value, f.category),
        (Some(120.0), FigureCategory::Arrests)
    );
    let f = one("The city has two million residents.");
    assert_eq!(
        (f.value, f.category),
        (Some(2e6), FigureCategory::Population)
    );
}

#[test]
fn vague_amounts() {
    let f = one("Hundreds of people were killed.");
    assert_eq!(bounds(&f), (None, Some(100.0), Some(999.0)));
    assert_eq!(
        (f.unit.as_deref(), f.category),
        (Some("people"), FigureCategory::Fatalities)
    );
    let f = one("Tens of thousands of refugees crossed the border.");
    assert_eq!(bounds(&f), (None, Some(10_000.0), Some(99_999.0)));
    assert_eq!(f.category, FigureCategory::Displaced);
    let f = one("Dozens were wounded.");
    assert_eq!(
        (bounds(&f), f.category),
        ((None, Some(24.0), Some(99.0)), FigureCategory::Injuries)
    );
    let f = one("Several tanks entered Gori.");
    assert_eq!(
        (bounds(&f), f.category),
        ((None, Some(3.0), Some(9.0)), FigureCategory::Forces)
    );
    let f = one("A handful of protesters gathered.");
    assert_eq!(
        (f.text.as_str(), f.category),
        ("A handful", FigureCategory::Protesters)
    );
}

#[test]
fn ranges() {
    let f = one("Between 10 and 20 civilians died.");
    assert_eq!(
        (f.text.as_str(), bounds(&f)),
        ("Between 10 and 20", (None, Some(10.0), Some(20.0)))
    );
    assert_eq!(f.category, FigureCategory::Fatalities);
    let f = one("They saw 10-15 soldiers.");
    assert_eq!(
        (bounds(&f), f.category),
        ((None, Some(10.0), Some(15.0)), FigureCategory::Forces)
    );
    let f = one("It will cost 10 to 15 million dollars.");
    assert_eq!(
        (bounds(&f), f.unit.as_deref()),
        ((None, Some(1e7), Some(1.5e7)), Some("USD"))
    );
    let f = one("It offers between 10% and 15% of the shares.");
    assert_eq!(
        (f.text.as_str(), bounds(&f)),
        ("between 10% and 15%", (None, Some(10.0), Some(15.0)))
    );
    let f = one("Grants of $100,000 to $500,000 are offered.");
    assert_eq!(
        (f.text.as_str(), f.unit.as_deref()),
        ("$100,000 to $500,000", Some("USD"))
    );
    let f = one("Up to 30 tanks moved south.");
    assert_eq!(
        (f.hedge.as_deref(), bounds(&f)),
        (Some("up to"), (Some(30.0), None, Some(30.0)))
    );
}

#[test]
fn hedges_set_bounds() {
    let f = one("At least 15 people were killed.");
    assert_eq!(
        (f.hedge.as_deref(), bounds(&f)),
        (Some("at least"), (Some(15.0), Some(15.0), None))
    );
    let f = one("About 200 peacekeepers remain.");
    assert_eq!(
        (f.hedge.as_deref(), bounds(&f)),
        (Some("about"), (Some(200.0), None, None))
    );
    assert_eq!(f.category, FigureCategory::Forces);
    let f = one("More than 1,000 residents fled.");
    assert_eq!(
        (f.hedge.as_deref(), f.low, f.category),
        (Some("more than"), Some(1000.0), FigureCategory::Displaced)
    );
    let f = one("Nearly 40 were injured.");
    assert_eq!(
        (f.hedge.as_deref(), f.high, f.low),
        (Some("nearly"), Some(40.0), None)
    );
    for (text, hedge) in [
        ("around 30 tanks", "around"),
        ("almost 30 tanks", "almost"),
        ("some 30 tanks", "some"),
        ("an estimated 30 tanks", "an estimated"),
        ("as many as 30 tanks", "as many as"),
        ("approximately 30 tanks", "approximately"),
        ("over 30 tanks", "over"),
        ("a reported 30 tanks", "a reported"),
    ] {
        assert_eq!(one(text).hedge.as_deref(), Some(hedge), "{text}");
    }
}

#[test]
fn percentages_and_money() {
    for text in [
        "Turnout was 15 percent.",
        "Turnout was 15%.",
        "Turnout was 15 per cent.",
    ] {
        let f = one(text);
        assert_eq!(
            (f.value, f.unit.as_deref()),
            (Some(15.0), Some("percent")),
            "{text}"
        );
    }
    let f = one("The EU pledged $5 million in aid.");
    assert_eq!(
        (f.text.as_str(), f.value, f.unit.as_deref()),
        ("$5 million", Some(5e6), Some("USD"))
    );
    assert_eq!(f.category, FigureCategory::Economic);
    assert_eq!(one("a loss of €20 billion").unit.as_deref(), Some("EUR"));
    assert_eq!(one("it cost £3").unit.as_deref(), Some("GBP"));
    assert_eq!(
        one("damage of 500 million rubles").unit.as_deref(),
        Some("RUB")
    );
    assert_eq!(one("a fee of 300 EUR").unit.as_deref(), Some("EUR"));
}

#[test]
fn counted_noun_phrase() {
    let f = one("Georgia lost 10 armored personnel carriers in the fighting.");
    let counted = f.counted.as_ref().map(|c| c.text.as_str());
    assert_eq!(
        (counted, f.unit.as_deref()),
        (Some("armored personnel carriers"), Some("carriers"))
    );
    assert_eq!(f.category, FigureCategory::Forces);
    let f = one("Russia's Defence Ministry said ten Russian peacekeepers were killed.");
    assert_eq!(
        (f.unit.as_deref(), f.category),
        (Some("peacekeepers"), FigureCategory::Fatalities)
    );
    let f = one("Russia moved a dozen T-72 tanks to the border.");
    assert_eq!(
        (f.counted.map(|c| c.text), f.unit.as_deref(), f.category),
        (
            Some("T-72 tanks".to_string()),
            Some("tanks"),
            FigureCategory::Forces
        )
    );
    let f = one("They lost three Su-25s.");
    assert_eq!(
        (f.counted.map(|c| c.text), f.unit.as_deref()),
        (Some("Su-25s".to_string()), Some("su-25s"))
    );
    let f = one("15 people killed in Gori");
    assert_eq!(
        (f.counted.map(|c| c.text), f.category),
        (Some("people".to_string()), FigureCategory::Fatalities)
    );
    let f = one("The gunman killed five U.S. troops last week.");
    assert_eq!(
        (f.counted.map(|c| c.text), f.unit.as_deref()),
        (Some("U.S. troops".to_string()), Some("troops"))
    );
    let f = one("They attacked two U.S. compounds.");
    assert_eq!(f.unit.as_deref(), Some("compounds"));
}

#[test]
fn years_and_dates_are_not_figures() {
    none("The war began in 2008.");
    none("Troops crossed on August 8.");
    none("It started on 8 August 2008.");
    none("By Aug. 8 the town was empty.");
    none("Fighting resumed in the 1990s.");
    none("Posted 08/08/2008.");
}

#[test]
fn names_are_not_figures() {
    none("Soldiers of the 58th army crossed.");
    none("The Fourth International met.");
    none("Pages written in HTML5 load fast.");
    none("A Su-25 was shot down.");
    none("They invoked Resolution 1701 again.");
}

#[test]
fn intensifiers_times_and_phones_are_not_figures() {
    none("The attack was 100 percent unprovoked.");
    none("The shelling began at 3 p.m. local time.");
    none("The shelling began at 10:30 local time.");
    none("Call 555-1234 for details.");
    none("Call +7 (495) 123-45-67 for details.");
    none("They spent five days in Gori.");
}

#[test]
fn duplicates_do_not_merge_separate_numbers() {
    let figures = figures_in("Georgia said 150 were killed, Russia said 2,000 were killed.");
    let values: Vec<_> = figures.iter().map(|f| f.value).collect();
    assert_eq!(values, vec![Some(150.0), Some(2000.0)]);
}

proptest! {
    #[test]
    fn spans_are_exact_slices(text in "(\\PC|[0-9 ,.%$€-]){0,80}") {
        for f in figures_in(&text) {
            prop_assert_eq!(text.get(f.span.range()), Some(f.text.as_str()));
            if let Some(c) = &f.counted {
                prop_assert_eq!(text.get(c.span.range()), Some(c.text.as_str()));
            }
        }
    }

    #[test]
    fn word_soup_never_panics(words in proptest::collection::vec(
        "(one|two|hundred|thousand|and|a|dozen|tens|of|hundreds|at|least|-|–|,|\\.|5|1,000|15th|\\$|%|percent|people|killed|August|between|to|Ж)",
        0..16,
    )) {
        let text = words.join(" ");
        for f in figures_in(&text) {
            prop_assert_eq!(text.get(f.span.range()), Some(f.text.as_str()));
        }
        let glued = words.concat();
        for f in figures_in(&glued) {
            prop_assert_eq!(glued.get(f.span.range()), Some(f.text.as_str()));
        }
    }
}

#[test]
fn measures_and_glued_units() {
    let f = one("Gori lies 40 km south of Tskhinvali.");
    assert_eq!((f.text.as_str(), f.unit.as_deref()), ("40 km", Some("km")));
    assert_eq!(one("a 3-inch gap").unit.as_deref(), Some("in"));
    assert_eq!(one("pour 75ml of water").unit.as_deref(), Some("ml"));
    assert_eq!(
        one("16,000 metric tons of grain").unit.as_deref(),
        Some("t")
    );
    let f = one("a $5m grant");
    assert_eq!((f.value, f.unit.as_deref()), (Some(5e6), Some("USD")));
}

#[test]
fn identifiers_and_hedged_years_are_not_figures() {
    none("Hoshine Silicon Industry Co (603260.SS) said.");
    none("see reuters.com/acciona-seeks-11-6-billion-valuation");
    none("demand will boom around 2030.");
    none("It has zero tolerance.");
    none("Half the residents fled.");
    let f = one("two sources familiar with the matter said.");
    assert_eq!(f.unit.as_deref(), Some("sources"));
    let f = one("a 3 GW plant");
    assert_eq!(f.unit.as_deref(), Some("GW"));
}

#[test]
fn living_somewhere_is_no_toll() {
    // A lone "one" counts nothing once "lives" is no cue.
    none("One user who lives near Austin posted an update.");
    let f = one("Three reporters, one of whom lives in Gaza, filed the story.");
    assert_ne!(f.category, FigureCategory::Fatalities);
    let f = one("The flood took the lives of 20 people in the valley.");
    assert_eq!(f.category, FigureCategory::Fatalities);
}

#[test]
fn institutions_are_not_bodies_of_the_dead() {
    let f = one("Republicans picked up 19 state legislative bodies in the election.");
    assert_eq!(f.category, FigureCategory::Other);
    let f = one("Rescuers recovered 12 charred bodies from the site.");
    assert_eq!(f.category, FigureCategory::Fatalities);
}

#[test]
fn ages_are_not_counts() {
    none("Carole Bower, 75, a retiree, died on Friday.");
    none("The mayor, aged 61, resigned.");
    none("Ferguson mourned the death of 18-year-old Michael Brown.");
    none("A six-month-old was found safe.");
    let f = one("In Drevna, 15 people died.");
    assert_eq!(f.value, Some(15.0));
}

#[test]
fn a_factbox_line_counts_what_its_label_names() {
    let f = one("FACTBOX\nPopulation: approximately 36,000 (2001 census)");
    assert_eq!(
        (f.text.as_str(), f.category),
        ("approximately 36,000", FigureCategory::Population)
    );
    assert_eq!(f.counted.map(|c| c.text).as_deref(), Some("Population"));
    // A colon inside a sentence is no label.
    let f = one("He said: 300 people had gathered.");
    assert_eq!(f.counted.map(|c| c.text).as_deref(), Some("people"));
}

#[test]
fn years_modifying_a_plural_and_ranks_are_not_counts() {
    none("The committee investigated the deadly 2012 attacks on the consulate.");
    none("He trails a few other GOP 2016 candidates in the polls.");
    none("Dick Durbin, the No. 2 Democrat in the chamber, spoke.");
    none("He is the number 3 Republican.");
    let f = one("Russia sent 2000 troops into the region.");
    assert_eq!(f.value, Some(2000.0));
}

#[test]
fn a_verb_is_not_what_a_figure_counts() {
    let f = one("Of the seats, 10 held by Republicans are open.");
    assert_eq!(f.counted, None);
    let f = one("He is one of only two working family farmers in the Senate.");
    assert_eq!(f.unit.as_deref(), Some("farmers"));
}

#[test]
fn a_currency_after_of_is_the_unit() {
    let f = one("It could amount to billions of dollars.");
    assert_eq!(
        (f.unit.as_deref(), f.category, f.text.as_str()),
        (Some("USD"), FigureCategory::Economic, "billions of dollars")
    );
}
