//! Golden tests: every form of quotation the issue names, each with its hard case.

use crate::test_support::quotes_of;
use parallax_core::QuoteKind;

#[test]
fn debug_simple() {
    let text = "Intro here.\n\n“How many times do we have to see this in our country?” Clinton said. “In Tulsa, an unarmed man with his hands in the air. This is just unbearable.”\n\nWe agree. ''There's a lot of new complexity,'' said Mr. Burman.\n";
    let seg = crate::test_support::seg_of(text);
    for s in &seg.sentences { eprintln!("SENT {:?}", s.span.text(text)); }
    eprintln!("TOKS {:?}", seg.tokens.iter().map(|t| t.text(text)).collect::<Vec<_>>());
    for q in quotes_of(text) { eprintln!("{:?}", q); }
    let (pairs, d) = crate::marks::pair(text, &seg.paragraphs);
    for p in pairs { eprintln!("PAIR {:?}", p.inner().text(text)); }
    eprintln!("DIAG {:?}", d);
    eprintln!("PARA {:?}", seg.paragraphs);
    panic!();
}
