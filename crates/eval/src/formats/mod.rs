//! Readers for the gold formats of the evaluation datasets.
pub mod aeb;
pub mod babe;
pub mod basil;
pub mod brat;
pub mod checkthat;
pub mod conll;
pub mod ecbplus;
pub mod ecbplus_coref;
pub mod meantime;
pub mod msrp;
pub mod newsmtsc;
pub mod recognizers;
pub mod story_chains;
pub mod tar;
pub mod timeml;
pub mod wcxb;
