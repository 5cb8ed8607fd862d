//! Browser storage. Everything stays on this device.

pub mod preferences;
