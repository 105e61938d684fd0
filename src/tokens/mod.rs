//! Kuma tokens: zone, dataplane and user tokens as JWTs signed with RSA keys.
//!
//! Shared by kumactl (offline signing, `inspect zone-token`) and kuma-cp-lite (the token
//! endpoints, API authentication, Zone Egress registration). Byte-level compatibility with
//! Kuma matters both ways: tokens we issue must pass Kuma's validator and vice versa.

pub mod dataplane;
pub mod jwt;
pub mod keys;
pub mod signing_keys;
pub mod user;
pub mod validator;
pub mod zone;

pub use jwt::{Claims, RegisteredClaims, SignError};
pub use keys::KeyError;
pub use signing_keys::SigningKeyNotFound;
pub use validator::{KeySource, ValidationError, Wording};
