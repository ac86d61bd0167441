//! Readers for the gold formats of the evaluation datasets.
pub mod checkthat;
pub mod conll;
pub mod brat;
pub mod aeb;
pub mod wcxb;
pub mod timeml;
pub mod babe;
pub mod recognizers;
pub mod msrp;
pub mod ecbplus;
pub mod story_chains;
pub mod meantime;
