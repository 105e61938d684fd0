//! A small HTTP client for kuma-cp-lite API tests: every reply keeps its status, content
//! type and raw text, and parses as JSON on demand.

use reqwest::blocking::{Client, RequestBuilder};
use serde_json::Value;

pub struct Api {
    pub base: String,
    client: Client,
    /// Extra headers sent with every request (e.g. to look like a remote caller).
    headers: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|err| panic!("not JSON ({err}): {:?}", self.text))
    }
}

impl Api {
    pub fn new(base: impl Into<String>) -> Api {
        Api {
            base: base.into(),
            client: Client::new(),
            headers: Vec::new(),
        }
    }

    /// The same API seen by a caller that is not the local admin: a forwarded request
    /// is never trusted as local (Go: `pkg/api-server/authn/localhost.go`).
    pub fn as_remote_caller(&self) -> Api {
        self.with_header("x-forwarded-for", "203.0.113.7")
    }

    /// The same API with one more header sent with every request.
    pub fn with_header(&self, name: &str, value: &str) -> Api {
        let mut headers = self.headers.clone();
        headers.push((name.into(), value.into()));
        Api {
            base: self.base.clone(),
            client: self.client.clone(),
            headers,
        }
    }

    fn send(&self, builder: RequestBuilder) -> Reply {
        let mut builder = builder;
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        send(builder)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn get(&self, path: &str) -> Reply {
        self.send(self.client.get(self.url(path)))
    }

    pub fn delete(&self, path: &str) -> Reply {
        self.send(self.client.delete(self.url(path)))
    }

    /// PUT with a JSON body, as kumactl sends it.
    pub fn put(&self, path: &str, body: &Value) -> Reply {
        self.put_raw(path, &body.to_string(), Some("application/json"))
    }

    /// PUT of arbitrary bytes declared as JSON.
    pub fn put_bytes(&self, path: &str, body: Vec<u8>) -> Reply {
        self.send(
            self.client
                .put(self.url(path))
                .header("content-type", "application/json")
                .body(body),
        )
    }

    pub fn put_raw(&self, path: &str, body: &str, content_type: Option<&str>) -> Reply {
        let mut builder = self.client.put(self.url(path)).body(body.to_string());
        if let Some(content_type) = content_type {
            builder = builder.header("content-type", content_type);
        }
        self.send(builder)
    }
}

/// Sends a request built with any client (another scheme, method or headers) and keeps
/// its reply.
pub fn send(builder: RequestBuilder) -> Reply {
    let response = builder.send().expect("request reaches kuma-cp-lite");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let text = response.text().expect("readable body");
    Reply {
        status,
        content_type,
        text,
    }
}
