//! Golden tests: every form of quotation the issue names, each with its hard case.

use crate::test_support::quotes_of;
use parallax_core::QuoteKind;

