//! Wire types of the Kuma REST API, shared by the kumactl client and kuma-cp-lite.

pub mod error;
pub mod index;
pub mod tokens;

pub use error::{ApiError, InvalidParameter};
pub use index::{Index, WhoAmI};
