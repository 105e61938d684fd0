//! Who is calling (Go: pkg/core/user/user.go, pkg/api-server/authn/localhost.go). A local
//! caller is the admin when nothing suggests the request was forwarded or made by a
//! browser on another origin (Kuma's `localhostIsAdmin`); anyone else is anonymous.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

pub const ADMIN_USER: &str = "mesh-system:admin";
pub const ADMIN_GROUP: &str = "mesh-system:admin";
pub const ANONYMOUS_USER: &str = "mesh-system:anonymous";
pub const UNAUTHENTICATED_GROUP: &str = "mesh-system:unauthenticated";
pub const AUTHENTICATED_GROUP: &str = "mesh-system:authenticated";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub groups: Vec<String>,
}

impl User {
    pub fn admin() -> User {
        User {
            name: ADMIN_USER.into(),
            groups: vec![ADMIN_GROUP.into()],
        }
    }

    pub fn anonymous() -> User {
        User {
            name: ANONYMOUS_USER.into(),
            groups: vec![UNAUTHENTICATED_GROUP.into()],
        }
    }

    pub fn is_admin(&self) -> bool {
        self.name == ADMIN_USER || self.groups.iter().any(|g| g == ADMIN_GROUP)
    }

    pub fn is_anonymous(&self) -> bool {
        self.name == ANONYMOUS_USER
    }

    /// The groups as Kuma reports them: authenticated users also belong to
    /// `mesh-system:authenticated`.
    pub fn groups_with_authenticated(&self) -> Vec<String> {
        let mut groups = self.groups.clone();
        if !self.is_anonymous() && !groups.iter().any(|g| g == AUTHENTICATED_GROUP) {
            groups.push(AUTHENTICATED_GROUP.into());
        }
        groups
    }

    /// `name/group1,group2`, the form Kuma's access-denied messages use.
    pub fn describe(&self) -> String {
        format!("{}/{}", self.name, self.groups.join(","))
    }
}

/// The user behind the current request, as [`super::authn::layer`] decided it.
#[derive(Clone, Debug)]
pub struct Caller(pub User);

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        // A route outside the authentication layer gets nobody's rights, not a second,
        // partial copy of the rules (which would ignore --localhost-is-admin=false).
        let user = parts.extensions.get::<User>().cloned();
        Ok(Caller(user.unwrap_or_else(User::anonymous)))
    }
}

fn is_loopback_host(host: &str) -> bool {
    let name = super::request::host_name(host);
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Kuma's `LocalhostAuthenticator` rules.
pub fn is_local_admin_request(remote: SocketAddr, headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if !remote.ip().is_loopback() {
        return false;
    }
    if ["forwarded", "x-forwarded-for", "x-real-ip"]
        .iter()
        .any(|h| headers.contains_key(*h))
    {
        return false;
    }
    let Some(host) = header("host") else {
        return false;
    };
    if !is_loopback_host(host) {
        return false;
    }
    if !matches!(
        header("sec-fetch-site"),
        None | Some("") | Some("same-origin") | Some("none")
    ) {
        return false;
    }
    match header("origin") {
        None | Some("") => true,
        Some(origin) => {
            let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
            is_loopback_host(origin_host) && origin_host.eq_ignore_ascii_case(host)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn localhost_rules() {
        let local: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        let remote: SocketAddr = "10.0.0.5:4000".parse().unwrap();
        assert!(is_local_admin_request(
            local,
            &headers(&[("host", "localhost:5681")])
        ));
        assert!(is_local_admin_request(
            local,
            &headers(&[("host", "127.0.0.1:5681")])
        ));
        assert!(is_local_admin_request(
            local,
            &headers(&[("host", "[::1]:5681")])
        ));
        assert!(!is_local_admin_request(
            remote,
            &headers(&[("host", "localhost:5681")])
        ));
        assert!(!is_local_admin_request(
            local,
            &headers(&[("host", "cp.example.com")])
        ));
        assert!(!is_local_admin_request(
            local,
            &headers(&[("host", "localhost:5681"), ("x-forwarded-for", "1.2.3.4")])
        ));
        assert!(!is_local_admin_request(
            local,
            &headers(&[("host", "localhost:5681"), ("sec-fetch-site", "cross-site")])
        ));
        assert!(!is_local_admin_request(
            local,
            &headers(&[
                ("host", "localhost:5681"),
                ("origin", "http://evil.example")
            ])
        ));
        assert!(is_local_admin_request(
            local,
            &headers(&[
                ("host", "localhost:5681"),
                ("origin", "http://localhost:5681")
            ])
        ));
    }

    #[tokio::test]
    async fn without_the_authentication_layer_a_caller_is_anonymous() {
        let (mut parts, ()) = axum::http::Request::builder()
            .uri("/meshes")
            .header("host", "localhost:5681")
            .extension(axum::extract::ConnectInfo(
                "127.0.0.1:4000".parse::<SocketAddr>().unwrap(),
            ))
            .body(())
            .unwrap()
            .into_parts();
        let Ok(Caller(user)) = Caller::from_request_parts(&mut parts, &()).await;
        assert_eq!(user, User::anonymous());
        parts.extensions.insert(User::admin());
        let Ok(Caller(user)) = Caller::from_request_parts(&mut parts, &()).await;
        assert_eq!(user, User::admin());
    }

    #[test]
    fn groups_of_users() {
        assert_eq!(
            User::admin().groups_with_authenticated(),
            vec!["mesh-system:admin", "mesh-system:authenticated"]
        );
        assert_eq!(
            User::anonymous().groups_with_authenticated(),
            vec!["mesh-system:unauthenticated"]
        );
        assert_eq!(
            User::anonymous().describe(),
            "mesh-system:anonymous/mesh-system:unauthenticated"
        );
    }
}
