//! Training and workshop material: BIP's findings as figures, fictional people written to
//! illustrate them, and the order of a workshop's slides. Nobody here is real.

pub mod findings;
pub mod people;
pub mod presentation;
