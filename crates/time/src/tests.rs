//! End-to-end time recognition on the hard cases of the time issue.

use super::*;
use parallax_core::{AnchorSource, TimexType};
use proptest::prelude::*;

/// 2008-08-12 was a Tuesday.
fn doc(text: &str, published: Option<&str>) -> Document {
    let mut d = Document::new("d", text, "test");
    d.meta.published = published.map(str::to_string);
    d
}

fn times(text: &str) -> Vec<(String, String, TimexType)> {
    annotate(
        &doc(text, Some("2008-08-12T10:00:00Z")),
        &Segmentation::default(),
    )
    .times
    .into_iter()
    .map(|t| (t.text, t.value, t.timex_type))
    .collect()
}

fn one(text: &str) -> (String, String) {
    let t = times(text);
    assert_eq!(t.len(), 1, "{text:?} gave {t:?}");
    t.into_iter()
        .next()
        .map(|(s, v, _)| (s, v))
        .unwrap_or_default()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn absolute_dates() {
    assert_eq!(
        one("The war began on 7 August 2008."),
        pair("7 August 2008", "2008-08-07")
    );
    assert_eq!(
        one("Troops entered Gori on Aug. 8."),
        pair("Aug. 8", "2008-08-08")
    );
    assert_eq!(
        one("It started August 7, 2008, at night"),
        pair("August 7, 2008", "2008-08-07")
    );
    assert_eq!(one("Filed 2008-08-07."), pair("2008-08-07", "2008-08-07"));
}

#[test]
fn partial_dates() {
    assert_eq!(one("Talks stalled in April."), pair("April", "2008-04"));
    assert_eq!(one("He was elected in 2004."), pair("2004", "2004"));
}

#[test]
fn relative_dates() {
    assert_eq!(
        one("Russian jets bombed Gori on Saturday."),
        pair("Saturday", "2008-08-09")
    );
    assert_eq!(
        one("The ministers will meet on Friday."),
        pair("Friday", "2008-08-15")
    );
    assert_eq!(one("He said it Tuesday."), pair("Tuesday", "2008-08-12"));
    assert_eq!(
        one("Shelling resumed yesterday."),
        pair("yesterday", "2008-08-11")
    );
    assert_eq!(one("A ceasefire holds today."), pair("today", "2008-08-12"));
    assert_eq!(one("It began last week."), pair("last week", "2008-W32"));
    assert_eq!(
        one("Shelling continued overnight."),
        pair("overnight", "2008-08-11TNI")
    );
    assert_eq!(
        one("Troops moved in late on August 7."),
        pair("late on August 7", "2008-08-07")
    );
    assert_eq!(
        one("It was agreed earlier this month."),
        pair("earlier this month", "2008-08")
    );
    assert_eq!(
        one("Elections are due this year."),
        pair("this year", "2008")
    );
    assert_eq!(
        one("He left two days ago."),
        pair("two days ago", "2008-08-10")
    );
    assert_eq!(
        one("They met Friday night."),
        pair("Friday night", "2008-08-08TNI")
    );
    assert_eq!(
        one("Prices rose in the third quarter."),
        pair("the third quarter", "2008-Q3")
    );
}

#[test]
fn decades_and_ranges() {
    assert_eq!(
        one("the war of the early 1990s"),
        pair("the early 1990s", "199X")
    );
    assert_eq!(one("in the 1990s"), pair("the 1990s", "199X"));
    assert_eq!(
        times("the war of 1991-92 ended"),
        vec![("1991-92".into(), "1991/1992".into(), TimexType::Date)]
    );
    assert_eq!(
        times("the 2008-09 season"),
        vec![("2008-09".into(), "2008/2009".into(), TimexType::Date)]
    );
    assert_eq!(
        times("in 2008-05"),
        vec![("2008-05".into(), "2008-05".into(), TimexType::Date)]
    );
    let between: Vec<String> = times("between 2004 and 2006")
        .into_iter()
        .map(|t| t.1)
        .collect();
    assert_eq!(between, vec!["2004", "2006"]);
}

#[test]
fn durations_sets_and_times() {
    assert_eq!(
        times("The war lasted five days."),
        vec![("five days".into(), "P5D".into(), TimexType::Duration)]
    );
    assert_eq!(
        times("He served two years."),
        vec![("two years".into(), "P2Y".into(), TimexType::Duration)]
    );
    assert_eq!(
        times("They meet every week."),
        vec![("every week".into(), "P1W".into(), TimexType::Set)]
    );
    assert_eq!(
        times("It began at 3 p.m."),
        vec![("3 p.m.".into(), "2008-08-12T15:00".into(), TimexType::Time)]
    );
}

#[test]
fn anchor_from_metadata_or_text() {
    let layer = annotate(
        &doc("Fighting resumed on Friday.", Some("2008-08-12")),
        &Segmentation::default(),
    );
    let anchor = layer.anchor.unwrap_or_else(|| unreachable!());
    assert_eq!(
        (anchor.date.as_str(), anchor.source),
        ("2008-08-12", AnchorSource::Metadata)
    );
    assert!(layer.times.iter().all(|t| t.relative));

    let text = "TBILISI, Aug. 10, 2008 (Reuters) - Russian jets bombed Gori on Saturday.";
    let layer = annotate(&doc(text, None), &Segmentation::default());
    let anchor = layer.anchor.unwrap_or_else(|| unreachable!());
    assert_eq!(
        (anchor.date.as_str(), anchor.source),
        ("2008-08-10", AnchorSource::Text)
    );
    let saturday = layer
        .times
        .iter()
        .find(|t| t.text == "Saturday")
        .map(|t| t.value.as_str());
    assert_eq!(saturday, Some("2008-08-09"));

    let layer = annotate(
        &doc("It happened on Friday.", None),
        &Segmentation::default(),
    );
    assert!(layer.anchor.is_none());
    assert_eq!(
        layer.times.first().map(|t| (t.value.as_str(), t.relative)),
        Some(("XXXX-XX-XX", false))
    );
    assert_eq!(layer.diagnostics.len(), 1);
}

#[test]
fn non_times_are_skipped() {
    assert!(times("May I ask?").is_empty());
    assert!(times("2,000 troops and 1500 tanks").is_empty());
    assert!(times("He won 15 percent.").is_empty());
}

proptest! {
    #[test]
    fn spans_are_exact_slices(text in "(\\PC|[0-9 ,.:'-]|Aug|May|Friday|p\\.m\\.|ago|days|the|last|week){0,60}") {
        for t in annotate(&doc(&text, Some("2008-08-12")), &Segmentation::default()).times {
            prop_assert_eq!(text.get(t.span.range()), Some(t.text.as_str()));
        }
        for t in annotate(&doc(&text, None), &Segmentation::default()).times {
            prop_assert_eq!(text.get(t.span.range()), Some(t.text.as_str()));
        }
    }
}

#[test]
fn year_ranges_with_full_years() {
    let years: Vec<String> = times("the pandemic of 2009-2010, when")
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(years, vec!["2009-2010"]);
}

#[test]
fn looser_date_and_time_spellings() {
    assert_eq!(
        one("plans for Dec-2018 changed"),
        pair("Dec-2018", "2018-12")
    );
    assert_eq!(
        one("filed on 05-Aug-2016 in"),
        pair("05-Aug-2016", "2016-08-05")
    );
    assert_eq!(one("the april figures"), pair("april", "2008-04"));
    assert_eq!(
        one("they met at 6.45 sharp"),
        pair("6.45", "2008-08-12T06:45")
    );
    assert!(times("It rose 6.45 percent.").is_empty());
    assert_eq!(
        one("He left Friday, Aug. 8."),
        pair("Friday, Aug. 8", "2008-08-08")
    );
}

#[test]
fn day_and_time_join_and_glued_units() {
    assert_eq!(
        one("They will meet Friday at 3 p.m. in Gori."),
        pair("Friday at 3 p.m.", "2008-08-15T15:00")
    );
    assert_eq!(one("The rally lasted 3h."), pair("3h", "PT3H"));
    assert_eq!(one("We run everyday."), pair("everyday", "P1D"));
}

#[test]
fn bare_plural_units_next_to_extent_words() {
    assert_eq!(one("Talks could end within weeks."), pair("weeks", "PXW"));
    assert_eq!(one("Minutes later it exploded."), pair("Minutes", "PTXM"));
    assert!(times("The days of the empire.").is_empty());
}

#[test]
fn the_past_period_is_a_date() {
    assert_eq!(
        one("Prices fell over the past year."),
        pair("the past year", "2007")
    );
    assert_eq!(
        one("Six were reported in the last week."),
        pair("the last week", "2008-W32")
    );
    assert_eq!(
        one("It grew in the past two years."),
        pair("the past two years", "P2Y")
    );
}

#[test]
fn the_weekend_by_tense() {
    // 2008-08-12 was a Tuesday: the weekend before was in week 32, the next in week 33.
    assert_eq!(
        one("Fighting eased over the weekend."),
        pair("the weekend", "2008-W32-WE")
    );
    assert_eq!(
        one("Talks will resume after the weekend."),
        pair("the weekend", "2008-W33-WE")
    );
}

#[test]
fn day_then_time() {
    assert_eq!(
        one("He will come tomorrow 8:00am."),
        pair("tomorrow 8:00am", "2008-08-13T08:00")
    );
    assert_eq!(
        one("She left tonight at 2am."),
        pair("tonight at 2am", "2008-08-12T02:00")
    );
    assert_eq!(
        one("We meet tonight around 7."),
        pair("tonight around 7", "2008-08-12T19:00")
    );
    assert_eq!(
        one("Call today at 9a."),
        pair("today at 9a", "2008-08-12T09:00")
    );
    assert_eq!(
        one("Back at 8.30pm today."),
        pair("8.30pm today", "2008-08-12T20:30")
    );
}

#[test]
fn parts_of_day_and_lowercase_weekdays() {
    assert_eq!(
        one("We met early in the morning."),
        pair("early in the morning", "2008-08-12TMO")
    );
    assert_eq!(
        one("It rained in late afternoon."),
        pair("late afternoon", "2008-08-12TAF")
    );
    assert_eq!(
        one("I will go back next monday afternoon"),
        pair("next monday afternoon", "2008-08-18TAF")
    );
    assert_eq!(one("see you tonite"), pair("tonite", "2008-08-12TNI"));
    assert_eq!(
        one("We met on Friday in the morning."),
        pair("Friday in the morning", "2008-08-08TMO")
    );
    assert_eq!(
        one("It starts on Sunday late evening at 10:00."),
        pair("Sunday late evening at 10:00", "2008-08-10T22:00")
    );
    assert_eq!(
        one("It started on Sunday at 8:00 early morning."),
        pair("Sunday at 8:00 early morning", "2008-08-10T08:00")
    );
    assert_eq!(
        one("We met on Friday the 8th around 4."),
        pair("Friday the 8th around 4", "2008-08-08T04:00")
    );
    assert_eq!(one("Leave right now."), pair("right now", "PRESENT_REF"));
    assert_eq!(
        one("Sales for past quarter"),
        pair("past quarter", "2008-Q2")
    );
}

#[test]
fn days_after_a_signal() {
    assert_eq!(
        one("Set it up on the 18th."),
        pair("the 18th", "2008-07-18")
    );
    assert_eq!(one("They return on 22/04."), pair("22/04", "2008-04-22"));
    assert!(times("The 58th army moved.").is_empty());
    assert!(times("Prices rose 10-15% overnight")
        .iter()
        .all(|t| t.0 != "10-15"));
}

#[test]
fn weeks_days_holidays_and_parts_of_periods() {
    // 2008-08-12 was a Tuesday.
    assert_eq!(
        one("We meet next week Wednesday."),
        pair("next week Wednesday", "2008-08-20")
    );
    assert_eq!(
        one("We met on Tuesday of last week."),
        pair("Tuesday of last week", "2008-08-05")
    );
    assert_eq!(
        one("Talks will resume after Christmas."),
        pair("Christmas", "2008-12-25")
    );
    assert_eq!(
        one("It is partner of the month."),
        pair("the month", "2008-08")
    );
    assert_eq!(
        one("What happened the day before?"),
        pair("the day before", "2008-08-11")
    );
    assert!(times("the day the son left").is_empty());
    assert_eq!(
        one("Disks will be renewed by the end of the year."),
        pair("the end of the year", "2008")
    );
}
