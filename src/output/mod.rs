//! Printing for kumactl: Go-compatible YAML and JSON, tabwriter-style tables, age cells.

pub mod age;
pub mod json;
pub mod resources;
pub mod table;
pub mod yaml;
