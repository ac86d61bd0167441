//! Readers for the gold formats of the evaluation datasets.
pub mod brat;
