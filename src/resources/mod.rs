//! Kuma resources: the type table, the Universal JSON form (meta then spec), KRI, and
//! validation. The same code serves kumactl (apply, get, delete) and kuma-cp-lite.

pub mod descriptor;
pub mod document;
pub mod input;
pub mod kri;
pub mod meta;
pub mod openapi;
pub mod policies;
pub mod proxy_status;
pub mod resource;
pub mod schemas;
pub mod spec;
pub mod split;
pub mod template;
pub mod time;
pub mod type_description;

pub use descriptor::{ResourceType, Scope};
pub use meta::{Meta, Violation};
pub use resource::Resource;
