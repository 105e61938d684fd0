//! kumactl in Rust: a drop-in kumactl for Kuma 2.14 built around Zone Egress, and
//! kuma-cp-lite, a Kuma-compatible local control plane. The binaries are thin; every
//! behaviour lives here. See ARCHITECTURE.md for the map.

pub mod api;
pub mod build_info;
pub mod certificates;
pub mod client;
pub mod cmd;
pub mod config;
pub mod cp_lite;
pub mod duration;
pub mod files;
pub mod install;
pub mod kubeconfig;
pub mod migrate;
pub mod nesting;
pub mod os_error;
pub mod output;
pub mod resources;
pub mod tokens;
