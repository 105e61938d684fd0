//! kuma-cp-lite: a Kuma-compatible control plane for development, demos and tests.
//!
//! It serves the subset of Kuma's REST API that kumactl uses, with Kuma's JSON shapes,
//! status codes and error bodies. The library can start it in-process on ephemeral ports
//! ([`server::start`]); the `kuma-cp-lite` binary runs it until SIGINT/SIGTERM.

pub mod authn;
pub mod ca;
pub mod caller;
pub mod cli;
pub mod dp_server;
pub mod index;
pub mod insights;
pub mod inspect;
pub mod kri_endpoint;
pub mod kubernetes_form;
pub mod kuma3;
pub mod labels;
pub mod legacy_managers;
pub mod managers;
pub mod mesh_services;
pub mod options;
pub mod overview;
pub mod pagination;
pub mod request;
pub mod request_log;
pub mod resources;
pub mod response;
pub mod router;
pub mod secrets;
pub mod server;
pub mod spec_filters;
pub mod state;
pub mod store;
pub mod tls;
pub mod token_service;
pub mod type_descriptions;
pub mod zone_proxy;

pub use options::{Mode, ServerOptions};
pub use server::{RunningServer, start};
