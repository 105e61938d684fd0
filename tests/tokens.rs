//! Tokens end to end: `kumactl generate ...`, `kumactl inspect zone-token`, kuma-cp-lite's
//! token service, API authentication and Zone Egress registration.

mod common;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::{TestEnv, run};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Writes `contents` to `name` in the test directory with `mode`.
fn write_file(env: &TestEnv, name: &str, contents: &[u8], mode: u32) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = env.path(name);
    std::fs::write(&path, contents).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

/// `kumactl generate signing-key --format pem` into a 0600 file.
fn new_signing_key(env: &TestEnv, name: &str) -> PathBuf {
    let out = run(env
        .kumactl()
        .args(["generate", "signing-key", "--format", "pem"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    write_file(env, name, out.stdout.as_bytes(), 0o600)
}

fn kumactl_ok(env: &TestEnv, args: &[&str]) -> String {
    let out = run(env.kumactl().args(args));
    assert_eq!(out.stderr, "", "stderr of {args:?}");
    assert_eq!(out.code, 0, "exit code of {args:?}");
    out.stdout
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The raw JSON text of a token segment.
fn segment(token: &str, index: usize) -> String {
    let part = token.split('.').nth(index).unwrap();
    String::from_utf8(URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

fn claims_of(token: &str) -> serde_json::Map<String, Value> {
    serde_json::from_str(&segment(token, 1)).unwrap()
}

fn keys_of(obj: &serde_json::Map<String, Value>) -> Vec<&str> {
    obj.keys().map(String::as_str).collect()
}

/// Verifies a token with the jsonwebtoken crate only (not our validator).
fn verify_independently(token: &str, public_pem: &str) -> serde_json::Map<String, Value> {
    let key = jsonwebtoken::DecodingKey::from_rsa_pem(public_pem.as_bytes()).unwrap();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    validation.leeway = 0;
    jsonwebtoken::decode::<serde_json::Map<String, Value>>(token, &key, &validation)
        .expect("the token verifies with the public key")
        .claims
}

// ---------------------------------------------------------------------------------------
// kumactl generate: offline
// ---------------------------------------------------------------------------------------

#[test]
fn offline_zone_token_verifies_with_the_exported_public_key() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let public = kumactl_ok(
        &env,
        &["generate", "public-key", "--signing-key-path", p(&key)],
    );
    assert!(public.starts_with("-----BEGIN RSA PUBLIC KEY-----\n"));
    assert!(public.ends_with("-----END RSA PUBLIC KEY-----\n"));

    let before = now_secs();
    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "zone-1",
            "--valid-for",
            "24h",
            "--scope",
            "egress",
            "--signing-key-path",
            p(&key),
            "--kid",
            "1",
        ],
    );
    let after = now_secs();
    assert!(!token.ends_with('\n'), "no trailing newline");
    assert_eq!(token.split('.').count(), 3);
    assert_eq!(
        segment(&token, 0),
        r#"{"alg":"RS256","kid":"1","typ":"JWT"}"#
    );

    let claims = verify_independently(&token, &public);
    assert_eq!(
        keys_of(&claims_of(&token)),
        ["Zone", "Scope", "exp", "nbf", "iat", "jti"]
    );
    assert_eq!(claims["Zone"], "zone-1");
    assert_eq!(claims["Scope"], serde_json::json!(["egress"]));
    let iat = claims["iat"].as_i64().unwrap();
    let exp = claims["exp"].as_i64().unwrap();
    assert_eq!(claims["nbf"].as_i64().unwrap(), iat);
    assert!((before - 5..=after - 5).contains(&iat), "iat = now - 5s");
    assert!(
        (before + 86400..=after + 86400).contains(&exp),
        "exp = now + 24h"
    );
    let jti = uuid::Uuid::parse_str(claims["jti"].as_str().unwrap()).unwrap();
    assert_eq!(jti.get_version_num(), 4);
}

#[test]
fn zone_token_scope_forms() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let scope_of = |extra: &[&str]| {
        let mut args = vec![
            "generate",
            "zone-token",
            "--zone",
            "z",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
            "--kid",
            "7",
        ];
        args.extend_from_slice(extra);
        let token = kumactl_ok(&env, &args);
        claims_of(&token)["Scope"].clone()
    };
    assert_eq!(scope_of(&[]), serde_json::json!(["ingress", "egress"]));
    assert_eq!(
        scope_of(&["--scope", "egress"]),
        serde_json::json!(["egress"])
    );
    assert_eq!(
        scope_of(&["--scope", "egress", "--scope", "ingress"]),
        serde_json::json!(["egress", "ingress"])
    );
    assert_eq!(
        scope_of(&["--scope", "ingress,egress"]),
        serde_json::json!(["ingress", "egress"])
    );
}

#[test]
fn offline_dataplane_and_user_tokens() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let public = kumactl_ok(
        &env,
        &["generate", "public-key", "--signing-key-path", p(&key)],
    );
    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "dataplane-token",
            "--name",
            "web-1",
            "-m",
            "demo",
            "--proxy-type",
            "dataplane",
            "--tag",
            "kuma.io/service=web,api,web",
            "--tag",
            "version=v2",
            "--workload",
            "web",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
            "--kid",
            "3",
        ],
    );
    assert_eq!(
        segment(&token, 0),
        r#"{"alg":"RS256","kid":"3","typ":"JWT"}"#
    );
    let raw = claims_of(&token);
    assert_eq!(
        keys_of(&raw),
        [
            "Name", "Mesh", "Tags", "Type", "Workload", "exp", "nbf", "iat", "jti"
        ]
    );
    let claims = verify_independently(&token, &public);
    assert_eq!(claims["Name"], "web-1");
    assert_eq!(claims["Mesh"], "demo");
    assert_eq!(
        claims["Tags"],
        serde_json::json!({"kuma.io/service": ["api", "web"], "version": ["v2"]})
    );
    assert_eq!(claims["Type"], "dataplane");
    assert_eq!(claims["Workload"], "web");

    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "user-token",
            "--name",
            "john",
            "--group",
            "team-a,team-b",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
            "--kid",
            "1",
        ],
    );
    let raw = claims_of(&token);
    assert_eq!(
        keys_of(&raw),
        ["Name", "Groups", "exp", "nbf", "iat", "jti"]
    );
    let claims = verify_independently(&token, &public);
    assert_eq!(claims["Name"], "john");
    assert_eq!(claims["Groups"], serde_json::json!(["team-a", "team-b"]));

    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "user-token",
            "--name",
            "jane",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
            "--kid",
            "1",
        ],
    );
    assert_eq!(claims_of(&token)["Groups"], Value::Null);
}

#[test]
fn pkcs8_rsa_keys_sign_too() {
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let env = TestEnv::with_server();
    let rsa_key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
    let pem = rsa_key.to_pkcs8_pem(LineEnding::LF).unwrap();
    let key = write_file(&env, "pkcs8.pem", pem.as_bytes(), 0o600);
    let public = kumactl_ok(
        &env,
        &["generate", "public-key", "--signing-key-path", p(&key)],
    );
    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "z",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
            "--kid",
            "1",
        ],
    );
    verify_independently(&token, &public);
}

#[test]
fn signing_key_formats() {
    let env = TestEnv::with_server();
    let pem = kumactl_ok(&env, &["generate", "signing-key", "--format", "pem"]);
    assert!(pem.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
    assert!(pem.ends_with("-----END RSA PRIVATE KEY-----\n"));
    let key = kumactl::tokens::keys::private_key_from_pem(pem.as_bytes()).unwrap();
    assert_eq!(kumactl::tokens::keys::key_bits(&key.to_public_key()), 2048);

    let encoded = kumactl_ok(&env, &["generate", "signing-key"]);
    assert!(!encoded.ends_with('\n'));
    let decoded = String::from_utf8(STANDARD.decode(&encoded).unwrap()).unwrap();
    assert!(decoded.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));

    let out = run(env
        .kumactl()
        .args(["generate", "signing-key", "--format", "der"]));
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        ("", "Error: invalid format\n", 1)
    );
}

/// Runs a command expected to fail: nothing on stdout, exactly `stderr`, exit code 1.
fn assert_fails(env: &TestEnv, args: &[&str], stderr: &str) {
    let out = run(env.kumactl().args(args));
    assert_eq!(out.stderr, stderr, "stderr of {args:?}");
    assert_eq!(out.stdout, "", "stdout of {args:?}");
    assert_eq!(out.code, 1, "exit code of {args:?}");
}

#[test]
fn generate_error_paths() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let valid_for_hint = "--valid-for sets how long the token will be valid, for example --valid-for 720h (30 days)\n";
    assert_fails(
        &env,
        &["generate", "zone-token"],
        &format!("Error: required flag(s) \"valid-for\", \"zone\" not set\n{valid_for_hint}"),
    );
    assert_fails(
        &env,
        &["generate", "zone-token", "--valid-for", "1h"],
        "Error: required flag(s) \"zone\" not set\n",
    );
    assert_fails(
        &env,
        &["generate", "user-token"],
        &format!("Error: required flag(s) \"name\", \"valid-for\" not set\n{valid_for_hint}"),
    );
    assert_fails(
        &env,
        &["generate", "dataplane-token"],
        &format!("Error: required flag(s) \"valid-for\" not set\n{valid_for_hint}"),
    );
    assert_fails(
        &env,
        &["generate", "public-key"],
        "Error: required flag(s) \"signing-key-path\" not set\n",
    );
    assert_fails(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "z",
            "--valid-for",
            "1h",
            "--scope",
            "foo",
            "--scope",
            "egress,bar",
        ],
        "Error: invalid --scope values: [foo bar] (supported scopes: [ingress egress])\n",
    );
    assert_fails(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "z",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
        ],
        "Error: --kid is required when --signing-key-path is used\n",
    );
    assert_fails(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "z",
            "--valid-for",
            "1h",
            "--kid",
            "1",
        ],
        "Error: --kid cannot be used when --signing-key-path is used\n",
    );
    assert_fails(
        &env,
        &[
            "generate",
            "user-token",
            "--name",
            "n",
            "--valid-for",
            "1h",
            "--kid",
            "1",
        ],
        "Error: --kid cannot be used when --signing-key-path is used\n",
    );
    assert_fails(
        &env,
        &["generate", "dataplane-token", "--valid-for", "0s"],
        "Error: failed to generate a dataplane token: You must set a token validFor value\n",
    );
    let out = run(env.kumactl().args([
        "generate",
        "zone-token",
        "--zone",
        "z",
        "--valid-for",
        "abc",
    ]));
    assert_eq!(
        out.stderr,
        "Error: invalid argument \"abc\" for \"--valid-for\" flag: time: invalid duration \"abc\"\nRun 'kumactl generate zone-token --help' for usage.\n"
    );
    assert_eq!(out.code, 1);
    let out = run(env.kumactl().args(["generate", "zone-token", "extra"]));
    assert!(
        out.stderr
            .starts_with("Error: unknown command \"extra\" for \"kumactl generate zone-token\"\n"),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 1);
}

#[test]
fn bad_signing_key_files_give_one_clear_error() {
    let env = TestEnv::with_server();
    let not_pem = write_file(&env, "not-pem", b"this is not a key\n", 0o600);
    let cert = rcgen::generate_simple_self_signed(vec!["x".to_string()]).unwrap();
    let wrong_block = write_file(&env, "cert.pem", cert.cert.pem().as_bytes(), 0o600);
    let ec = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
    let ec_key = write_file(&env, "ec.pem", ec.serialize_pem().as_bytes(), 0o600);
    let missing = env.path("missing.pem");
    let directory = env.path("a-directory");
    std::fs::create_dir(&directory).unwrap();

    let zone_token = |key: &Path| {
        vec![
            "generate".to_string(),
            "zone-token".into(),
            "--zone".into(),
            "z".into(),
            "--valid-for".into(),
            "1h".into(),
            "--signing-key-path".into(),
            key.display().to_string(),
            "--kid".into(),
            "1".into(),
        ]
    };
    let check = |args: Vec<String>, stderr: String| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_fails(&env, &args, &stderr);
    };
    let prefix = "Error: failed to generate a zone token: ";
    check(
        zone_token(&not_pem),
        format!("{prefix}provided file is not a PEM-encoded signing key\n"),
    );
    check(
        zone_token(&wrong_block),
        format!(
            "{prefix}invalid key encoding \"CERTIFICATE\": expected a PEM block \"RSA PRIVATE KEY\" (PKCS#1) or \"PRIVATE KEY\" (PKCS#8) holding an RSA key\n"
        ),
    );
    check(
        zone_token(&ec_key),
        format!("{prefix}the key is an EC key: only RSA keys can sign or verify Kuma tokens\n"),
    );
    check(
        zone_token(&missing),
        format!(
            "{prefix}open {}: no such file or directory\n",
            missing.display()
        ),
    );
    check(
        zone_token(&directory),
        format!("{prefix}read {}: is a directory\n", directory.display()),
    );
    let public_key = |key: &Path| {
        vec![
            "generate".to_string(),
            "public-key".into(),
            "--signing-key-path".into(),
            key.display().to_string(),
        ]
    };
    check(
        public_key(&not_pem),
        "Error: provided file is not a PEM-encoded signing key\n".into(),
    );
    check(
        public_key(&ec_key),
        "Error: the key is an EC key: only RSA keys can sign or verify Kuma tokens\n".into(),
    );
    check(
        public_key(&missing),
        format!(
            "Error: could not read a signing key file: open {}: no such file or directory\n",
            missing.display()
        ),
    );
}

#[test]
fn group_readable_key_gets_a_warning() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o640)).unwrap();
    let out = run(env.kumactl().args([
        "generate",
        "zone-token",
        "--zone",
        "z",
        "--valid-for",
        "1h",
        "--signing-key-path",
        p(&key),
        "--kid",
        "1",
    ]));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        format!(
            "WARNING: UNPROTECTED SIGNING KEY FILE: permissions 0640 for {:?} are too open; a signing key should be readable by its owner only (chmod 600 {})\n",
            p(&key),
            p(&key)
        )
    );
    assert_eq!(out.stdout.split('.').count(), 3);
}

#[test]
fn offline_generate_still_checks_the_server_version() {
    let env = TestEnv::new();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    env.write_config_for(&format!("http://{closed}"));
    let key = new_signing_key(&env, "key.pem");
    let out = run(env.kumactl().args([
        "generate",
        "zone-token",
        "--zone",
        "z",
        "--valid-for",
        "1h",
        "--signing-key-path",
        p(&key),
        "--kid",
        "1",
    ]));
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        format!(
            "WARNING: Failed to retrieve server version, can't check compatibility: Unable to retrieve server version: Get \"http://{closed}/\": connection refused (is a control plane running at {closed}?)\n"
        )
    );
}

// ---------------------------------------------------------------------------------------
// kumactl inspect zone-token
// ---------------------------------------------------------------------------------------

fn offline_zone_token(env: &TestEnv, key: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "generate",
        "zone-token",
        "--signing-key-path",
        p(key),
        "--kid",
        "1",
    ];
    args.extend_from_slice(extra);
    kumactl_ok(env, &args)
}

#[test]
fn inspect_zone_token_decodes_and_verifies() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let public = kumactl_ok(
        &env,
        &["generate", "public-key", "--signing-key-path", p(&key)],
    );
    let public_path = write_file(&env, "key.pub", public.as_bytes(), 0o644);
    let token = offline_zone_token(
        &env,
        &key,
        &[
            "--zone",
            "zone-1",
            "--valid-for",
            "720h",
            "--scope",
            "egress",
        ],
    );
    let claims = claims_of(&token);
    let iat = claims["iat"].as_i64().unwrap();
    let exp = claims["exp"].as_i64().unwrap();
    let at = |secs: i64| {
        chrono::DateTime::from_timestamp(secs, 0)
            .unwrap()
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };

    // Decoding needs no server: nothing is sent, so nothing is printed on stderr even
    // with an unreachable control plane.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    env.write_config_for(&format!("http://{closed}"));
    let out = run(env.kumactl().args(["inspect", "zone-token", &token]));
    assert_eq!(out.stderr, "");
    assert_eq!(out.code, 0);
    let expected = format!(
        "ALGORITHM:    RS256\n\
         KEY ID:       1\n\
         ZONE:         zone-1\n\
         SCOPE:        [egress]\n\
         ISSUED AT:    {} (5s ago)\n\
         NOT BEFORE:   {} (5s ago)\n\
         EXPIRES AT:   {} (in 29d)\n\
         TOKEN ID:     {}\n\
         VERIFICATION: not verified (pass --public-key-path or --signing-key-path)\n",
        at(iat),
        at(iat),
        at(exp),
        claims["jti"].as_str().unwrap()
    );
    // The relative times depend on the second the command ran; compare the rest.
    let strip = |s: &str| {
        s.lines()
            .map(|l| l.split(" (").next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&out.stdout), strip(&expected));
    assert!(out.stdout.contains("(in 29d)"));

    // From stdin, verified with the public key, and with the signing key.
    let out = run(env
        .kumactl()
        .args([
            "inspect",
            "zone-token",
            "-",
            "--public-key-path",
            p(&public_path),
        ])
        .write_stdin(format!("{token}\n")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.ends_with(
        "VERIFICATION: valid signature, not expired (revocations are known to the control plane only)\n"
    ));
    let out = run(env.kumactl().args([
        "inspect",
        "zone-token",
        &token,
        "--signing-key-path",
        p(&key),
        "-o",
        "json",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["kid"], "1");
    assert_eq!(doc["zone"], "zone-1");
    assert_eq!(doc["scope"], serde_json::json!(["egress"]));
    assert_eq!(doc["expiresAt"], at(exp));
    assert_eq!(doc["verification"], "valid");
    assert_eq!(doc["expired"], false);
}

#[test]
fn inspect_zone_token_rejects_invalid_tokens() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let other_key = new_signing_key(&env, "other.pem");
    let token = offline_zone_token(&env, &key, &["--zone", "z", "--valid-for", "1h"]);

    let out = run(env.kumactl().args([
        "inspect",
        "zone-token",
        &token,
        "--signing-key-path",
        p(&other_key),
    ]));
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.ends_with("VERIFICATION: INVALID\n"),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stderr,
        "Error: the token is not valid: could not parse token: token signature is invalid: crypto/rsa: verification error\n"
    );

    // Already expired (negative validity): decoding still works, verification fails.
    let expired = offline_zone_token(&env, &key, &["--zone", "z", "--valid-for=-1h"]);
    let out = run(env.kumactl().args([
        "inspect",
        "zone-token",
        &expired,
        "--signing-key-path",
        p(&key),
    ]));
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("EXPIRES AT:   "), "{}", out.stdout);
    assert!(out.stdout.contains("(1h ago)"), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "Error: the token is not valid: could not parse token: token has invalid claims: token is expired\n"
    );

    let out = run(env.kumactl().args(["inspect", "zone-token", "not-a-token"]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "Error: could not decode the zone token: token is malformed: token contains an invalid number of segments\n"
    );
}
