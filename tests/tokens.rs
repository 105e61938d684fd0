//! Tokens end to end: `kumactl generate ...`, `kumactl inspect zone-token`, kuma-cp-lite's
//! token service, API authentication and Zone Egress registration.

mod common;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::http::{Api, Reply, send};
use common::readme::{ReadmePorts, assert_outputs_in_order, readme_blocks, run_readme_script};
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

/// `kumactl generate public-key` of the signing key in `key`.
fn public_key_of(env: &TestEnv, key: &Path) -> String {
    kumactl_ok(
        env,
        &["generate", "public-key", "--signing-key-path", p(key)],
    )
}

/// `generate zone-token <flags> --signing-key-path <key> --kid <kid>`: a zone token
/// signed offline.
fn signed_zone_token_args<'a>(flags: &[&'a str], key: &'a Path, kid: &'a str) -> Vec<&'a str> {
    let mut args = vec!["generate", "zone-token"];
    args.extend_from_slice(flags);
    args.extend(["--signing-key-path", p(key), "--kid", kid]);
    args
}

/// The token printed by a clean run of [`signed_zone_token_args`].
fn signed_zone_token(env: &TestEnv, flags: &[&str], key: &Path, kid: &str) -> String {
    kumactl_ok(env, &signed_zone_token_args(flags, key, kid))
}

/// An egress zone token for `zone` signed with `key` under `kid` that expired
/// `seconds_ago`. kumactl refuses to sign one (`--valid-for` must be positive), so the
/// library signs it as kumactl would have.
fn expired_zone_token(key: &Path, kid: &str, zone: &str, seconds_ago: u64) -> String {
    use kumactl::duration::GoDuration;
    use kumactl::tokens::{RegisteredClaims, jwt, keys, zone::ZoneClaims};
    let private = keys::private_key_from_pem(&std::fs::read(key).unwrap()).unwrap();
    let issued = SystemTime::now() - std::time::Duration::from_secs(2 * seconds_ago);
    let claims = ZoneClaims {
        zone: zone.into(),
        scope: Some(vec!["egress".into()]),
        registered: RegisteredClaims::issued(issued, GoDuration::from_secs(seconds_ago as i64)),
    };
    jwt::sign_rs256(kid, &claims, &private).unwrap()
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
    let public = public_key_of(&env, &key);
    assert!(public.starts_with("-----BEGIN RSA PUBLIC KEY-----\n"));
    assert!(public.ends_with("-----END RSA PUBLIC KEY-----\n"));

    let before = now_secs();
    let token = signed_zone_token(
        &env,
        &[
            "--zone",
            "zone-1",
            "--valid-for",
            "24h",
            "--scope",
            "egress",
        ],
        &key,
        "1",
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
    let scope_of = |scope: &[&str]| {
        let flags = [&["--zone", "z", "--valid-for", "1h"], scope].concat();
        claims_of(&signed_zone_token(&env, &flags, &key, "7"))["Scope"].clone()
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
    // pflag reads an empty value as no values at all; an empty scope in the end is
    // refused (generate_error_paths), one beside other values adds nothing.
    assert_eq!(
        scope_of(&["--scope", "", "--scope", "egress"]),
        serde_json::json!(["egress"])
    );
}

#[test]
fn offline_dataplane_and_user_tokens() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let public = public_key_of(&env, &key);
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

    // The deprecated --type still works; its notice goes to stderr (cobra's to stdout,
    // into the captured token).
    let out = run(env.kumactl().args([
        "generate",
        "dataplane-token",
        "--type",
        "ingress",
        "--valid-for",
        "1h",
        "--signing-key-path",
        p(&key),
        "--kid",
        "3",
    ]));
    assert_eq!(
        (out.stderr.as_str(), out.code),
        (
            "Flag --type has been deprecated, please use --proxy-type instead\n",
            0
        )
    );
    assert_eq!(claims_of(&out.stdout)["Type"], "ingress");

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
    let public = public_key_of(&env, &key);
    let token = signed_zone_token(&env, &["--zone", "z", "--valid-for", "1h"], &key, "1");
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
            "--scope",
            "",
        ],
        "Error: --scope is empty: give at least one of [ingress egress], for example --scope egress\n",
    );
    // Offline, a token valid for no time at all would be born expired.
    for (valid_for, shown) in [("0s", "0s"), ("-1h", "-1h0m0s")] {
        let expected = format!(
            "Error: --valid-for must be a positive duration, got {shown}: for example --valid-for 720h (30 days)\n"
        );
        assert_fails(
            &env,
            &signed_zone_token_args(
                &["--zone", "z", &format!("--valid-for={valid_for}")],
                &key,
                "1",
            ),
            &expected,
        );
        assert_fails(
            &env,
            &[
                "generate",
                "user-token",
                "--name",
                "u",
                &format!("--valid-for={valid_for}"),
                "--signing-key-path",
                p(&key),
                "--kid",
                "1",
            ],
            &expected,
        );
    }
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

    // Each runs with the key and must fail with exactly this stderr.
    let zone_token = |key: &Path, stderr: &str| {
        let args = signed_zone_token_args(&["--zone", "z", "--valid-for", "1h"], key, "1");
        assert_fails(&env, &args, stderr);
    };
    let public_key = |key: &Path, stderr: &str| {
        assert_fails(
            &env,
            &["generate", "public-key", "--signing-key-path", p(key)],
            stderr,
        );
    };
    let prefix = "Error: failed to generate a zone token: ";
    zone_token(
        &not_pem,
        &format!("{prefix}provided file is not a PEM-encoded signing key\n"),
    );
    zone_token(
        &wrong_block,
        &format!(
            "{prefix}invalid key encoding \"CERTIFICATE\": expected a PEM block \"RSA PRIVATE KEY\" (PKCS#1) or \"PRIVATE KEY\" (PKCS#8) holding an RSA key\n"
        ),
    );
    zone_token(
        &ec_key,
        &format!("{prefix}the key is an EC key: only RSA keys can sign or verify Kuma tokens\n"),
    );
    zone_token(
        &missing,
        &format!(
            "{prefix}open {}: no such file or directory\n",
            missing.display()
        ),
    );
    zone_token(
        &directory,
        &format!("{prefix}read {}: is a directory\n", directory.display()),
    );
    public_key(
        &not_pem,
        "Error: provided file is not a PEM-encoded signing key\n",
    );
    public_key(
        &ec_key,
        "Error: the key is an EC key: only RSA keys can sign or verify Kuma tokens\n",
    );
    public_key(
        &missing,
        &format!(
            "Error: could not read a signing key file: open {}: no such file or directory\n",
            missing.display()
        ),
    );
    // A public key where the signing key belongs is named as such, and a public key is no
    // secret: no permission warning comes first, even for a world-readable file.
    let key = new_signing_key(&env, "key-for-public.pem");
    let public = kumactl_ok(
        &env,
        &["generate", "public-key", "--signing-key-path", p(&key)],
    );
    let public = write_file(&env, "public.pem", public.as_bytes(), 0o644);
    let that_is_public = "that is a public key (\"RSA PUBLIC KEY\"), not a signing key: only the private key (`kumactl generate signing-key`) can sign tokens\n";
    zone_token(&public, &format!("{prefix}{that_is_public}"));
    public_key(&public, &format!("Error: {that_is_public}"));
    // An endless file is refused, not read until memory runs out.
    public_key(
        Path::new("/dev/zero"),
        "Error: could not read a signing key file: read /dev/zero: the file is larger than 16 MiB: not a key or certificate\n",
    );
}

#[test]
fn group_readable_key_gets_a_warning() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o640)).unwrap();
    let out = run(env.kumactl().args(signed_zone_token_args(
        &["--zone", "z", "--valid-for", "1h"],
        &key,
        "1",
    )));
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
fn offline_generate_contacts_nothing() {
    let env = TestEnv::new();
    // The configured control plane is a listener that would see any connection attempt
    // (never answered: a short --api-timeout bounds a regression).
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    env.write_config_for(&format!("http://{}", listener.local_addr().unwrap()));
    let key = new_signing_key(&env, "key.pem");
    let offline: [&[&str]; 5] = [
        &["generate", "signing-key"],
        &["generate", "public-key", "--signing-key-path", p(&key)],
        &signed_zone_token_args(&["--zone", "z", "--valid-for", "1h"], &key, "1"),
        &[
            "generate",
            "dataplane-token",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
            "--kid",
            "1",
        ],
        &[
            "generate",
            "user-token",
            "--name",
            "u",
            "--valid-for",
            "1h",
            "--signing-key-path",
            p(&key),
            "--kid",
            "1",
        ],
    ];
    for args in offline {
        let out = run(env.kumactl().args(["--api-timeout", "2s"]).args(args));
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    listener.set_nonblocking(true).unwrap();
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("offline generate connected to the control plane: {other:?}"),
    }
}

#[test]
fn online_generate_checks_the_server_version() {
    let env = TestEnv::new();
    let closed = env.use_unreachable_control_plane();
    let out =
        run(env
            .kumactl()
            .args(["generate", "zone-token", "--zone", "z", "--valid-for", "1h"]));
    let refused = format!("connection refused (is a control plane running at {closed}?)");
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!(
            "WARNING: Failed to retrieve server version, can't check compatibility: Unable to retrieve server version: Get \"http://{closed}/\": {refused}\n\
             Error: failed to generate a zone token: could not execute the request: Post \"http://{closed}/tokens/zone\": {refused}\n"
        )
    );
}

// ---------------------------------------------------------------------------------------
// kumactl inspect zone-token
// ---------------------------------------------------------------------------------------

#[test]
fn inspect_zone_token_decodes_and_verifies() {
    let env = TestEnv::with_server();
    let key = new_signing_key(&env, "key.pem");
    let public = public_key_of(&env, &key);
    let public_path = write_file(&env, "key.pub", public.as_bytes(), 0o644);
    let token = signed_zone_token(
        &env,
        &[
            "--zone",
            "zone-1",
            "--valid-for",
            "720h",
            "--scope",
            "egress",
        ],
        &key,
        "1",
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
    env.use_unreachable_control_plane();
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
    let token = signed_zone_token(&env, &["--zone", "z", "--valid-for", "1h"], &key, "1");

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

    // Already expired (1h ago): decoding still works, verification fails.
    let expired = expired_zone_token(&key, "1", "z", 3600);
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

    let out = run(env
        .kumactl()
        .args(["inspect", "zone-token", &token, "-o", "yaml"]));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("\nkid: \"1\"\n"), "{}", out.stdout);
    assert!(out.stdout.contains("\nverification: not verified\n"));
    let out = run(env
        .kumactl()
        .args(["inspect", "zone-token", &token, "-o", "xml"]));
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        ("", "Error: unknown output format \"xml\"\n", 1)
    );

    let out = run(env.kumactl().args(["inspect", "zone-token", "not-a-token"]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "Error: could not decode the zone token: token is malformed: token contains an invalid number of segments\n"
    );
}

#[test]
fn inspect_zone_token_shows_far_future_expiries() {
    let env = TestEnv::new();
    let segment = |json: &str| URL_SAFE_NO_PAD.encode(json);
    for (exp, shown) in [
        ("253402300799", "9999-12-31T23:59:59Z"),
        ("9000000000000", "287168-08-24T16:00:00Z"),
        ("9223372036854775807", "292277026596-12-04T15:30:07Z"),
    ] {
        let token = format!(
            "{}.{}.c2ln",
            segment(r#"{"alg":"RS256","kid":"1"}"#),
            segment(&format!(r#"{{"Zone":"z","exp":{exp}}}"#))
        );
        let out = run(env
            .kumactl()
            .args(["--no-config", "inspect", "zone-token", &token]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let row = format!("EXPIRES AT:   {shown} (in ");
        assert!(out.stdout.contains(&row), "{row:?} in {}", out.stdout);
        let out =
            run(env
                .kumactl()
                .args(["--no-config", "inspect", "zone-token", "-o", "json", &token]));
        let field = format!("\"expiresAt\": \"{shown}\"");
        assert!(out.stdout.contains(&field), "{field:?} in {}", out.stdout);
    }
}

#[test]
fn inspect_zone_token_does_not_pass_control_characters_to_the_terminal() {
    let env = TestEnv::new();
    let segment = |json: &str| URL_SAFE_NO_PAD.encode(json);
    let token = format!(
        "{}.{}.c2ln",
        segment(r#"{"alg":"RS256","kid":"1\u001b[2J"}"#),
        segment(r#"{"Zone":"z\ninjected: line","Scope":["egress\u0007"],"jti":"id\r"}"#)
    );
    let out = run(env
        .kumactl()
        .args(["--no-config", "inspect", "zone-token", &token]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        !out.stdout.contains(['\u{1b}', '\u{7}', '\r']),
        "{:?}",
        out.stdout
    );
    for row in [
        "KEY ID:       1\\u{1b}[2J\n",
        "ZONE:         z\\ninjected: line\n",
        "SCOPE:        [egress\\u{7}]\n",
        "TOKEN ID:     id\\r\n",
    ] {
        assert!(out.stdout.contains(row), "{row:?} in {}", out.stdout);
    }
}

// ---------------------------------------------------------------------------------------
// kuma-cp-lite: token service, API authentication
// ---------------------------------------------------------------------------------------

use kumactl::cp_lite::ServerOptions;
use reqwest::blocking::Client;

/// A server where localhost is not the admin, so tokens matter on loopback.
fn env_requiring_tokens() -> TestEnv {
    TestEnv::with_server_options(ServerOptions {
        localhost_is_admin: false,
        ..ServerOptions::for_tests()
    })
}

/// Points kumactl at the test server with `authType: tokens`.
fn use_token(env: &TestEnv, token: &str) {
    env.write_config_with(kumactl::config::ApiServer {
        url: env.server().api_url(),
        auth_type: "tokens".into(),
        auth_conf: [("token".to_string(), token.to_string())].into(),
        ..Default::default()
    });
}

/// The API at `url`, called with a bearer token if given.
fn api(url: String, token: Option<&str>) -> Api {
    let api = Api::new(url);
    match token {
        Some(token) => api.with_header("authorization", &format!("Bearer {token}")),
        None => api,
    }
}

/// `GET <path>` on the API server, with a bearer token if given.
fn api_get(env: &TestEnv, path: &str, token: Option<&str>) -> Reply {
    api(env.server().api_url(), token).get(path)
}

fn api_put(env: &TestEnv, path: &str, body: Value, token: Option<&str>) -> Reply {
    api(env.server().api_url(), token).put(path, &body)
}

/// Kuma's error body as kuma-cp-lite writes it (one-space indent, trailing newline).
fn error_body(status: u16, title: &str, detail: &str) -> String {
    let body = serde_json::json!({
        "type": "/std-errors", "status": status, "title": title, "detail": detail, "details": detail,
    });
    String::from_utf8(kumactl::output::json::to_server_body(&body)).unwrap()
}

/// The PEM of a GlobalSecret (as the local admin).
fn global_secret(env: &TestEnv, name: &str) -> Vec<u8> {
    let reply = api_get(env, &format!("/global-secrets/{name}"), None);
    assert_eq!(reply.status, 200, "{}", reply.text);
    STANDARD
        .decode(reply.json()["data"].as_str().unwrap())
        .unwrap()
}

fn put_global_secret(env: &TestEnv, name: &str, data: &[u8]) {
    let reply = api_put(
        env,
        &format!("/global-secrets/{name}"),
        serde_json::json!({"type": "GlobalSecret", "name": name, "data": STANDARD.encode(data)}),
        None,
    );
    assert!(matches!(reply.status, 200 | 201), "{}", reply.text);
}

fn kid_of(token: &str) -> String {
    serde_json::from_str::<Value>(&segment(token, 0)).unwrap()["kid"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn online_zone_token_comes_from_kuma_cp_lite() {
    let env = TestEnv::with_server();
    let before = now_secs();
    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "default",
            "--valid-for",
            "24h",
            "--scope",
            "egress",
        ],
    );
    let after = now_secs();
    assert_eq!(
        segment(&token, 0),
        r#"{"alg":"RS256","kid":"1","typ":"JWT"}"#
    );
    assert_eq!(
        keys_of(&claims_of(&token)),
        ["Zone", "Scope", "exp", "nbf", "iat", "jti"]
    );

    // It verifies with the public half of the key the control plane created at start.
    let key = cp_zone_key(&env);
    let public = public_key_of(&env, &key);
    let claims = verify_independently(&token, &public);
    assert_eq!(claims["Zone"], "default");
    assert_eq!(claims["Scope"], serde_json::json!(["egress"]));
    let iat = claims["iat"].as_i64().unwrap();
    assert!((before - 5..=after - 5).contains(&iat));
    assert_eq!(claims["exp"].as_i64().unwrap() - iat, 86400 + 5);

    // The default scope, and the other online tokens.
    let token = kumactl_ok(
        &env,
        &["generate", "zone-token", "--zone", "z", "--valid-for", "1h"],
    );
    assert_eq!(
        claims_of(&token)["Scope"],
        serde_json::json!(["ingress", "egress"])
    );
    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "user-token",
            "--name",
            "john",
            "--group",
            "team-a",
            "--valid-for",
            "1h",
        ],
    );
    assert_eq!(claims_of(&token)["Groups"], serde_json::json!(["team-a"]));
    let token = kumactl_ok(
        &env,
        &[
            "generate",
            "dataplane-token",
            "--name",
            "web",
            "--tag",
            "app=web",
            "--valid-for",
            "1h",
        ],
    );
    assert_eq!(claims_of(&token)["Mesh"], "default");
    assert_eq!(
        claims_of(&token)["Tags"],
        serde_json::json!({"app": ["web"]})
    );
}

#[test]
fn token_endpoints_are_admin_only() {
    let env = env_requiring_tokens();
    let admin = env.server().admin_token().expect("the admin token exists");
    let anonymous = "user \"mesh-system:anonymous/mesh-system:unauthenticated\"";
    assert_fails(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "zone-1",
            "--valid-for",
            "1h",
        ],
        &format!(
            "Error: Access Denied ({anonymous} cannot access generate zone token for zone 'zone-1')\n"
        ),
    );
    assert_fails(
        &env,
        &["generate", "user-token", "--name", "n", "--valid-for", "1h"],
        &format!("Error: Access Denied ({anonymous} cannot access generate user token)\n"),
    );
    assert_fails(
        &env,
        &["generate", "dataplane-token", "--valid-for", "1h"],
        &format!("Error: Access Denied ({anonymous} cannot access generate dataplane token)\n"),
    );

    // The admin token works; a user token without the admin group does not.
    use_token(&env, &admin);
    let john = kumactl_ok(
        &env,
        &[
            "generate",
            "user-token",
            "--name",
            "john",
            "--group",
            "team-a",
            "--valid-for",
            "1h",
        ],
    );
    assert_eq!(kid_of(&john), "1");
    kumactl_ok(
        &env,
        &["generate", "zone-token", "--zone", "z", "--valid-for", "1h"],
    );
    use_token(&env, &john);
    assert_fails(
        &env,
        &["generate", "zone-token", "--zone", "z", "--valid-for", "1h"],
        "Error: Access Denied (user \"john/team-a,mesh-system:authenticated\" cannot access generate zone token for zone 'z')\n",
    );
    use_token(&env, "not-a-token");
    let out =
        run(env
            .kumactl()
            .args(["generate", "zone-token", "--zone", "z", "--valid-for", "1h"]));
    assert_eq!(
        out.stderr,
        "Error: Invalid authentication data (Unauthenticated)\n"
    );
    assert_eq!(out.code, 1);
}

#[test]
fn secrets_are_admin_only_and_bad_tokens_get_401() {
    let env = env_requiring_tokens();
    let admin = env.server().admin_token().unwrap();
    let john = kumactl::cp_lite::token_service::user_token(
        &kumactl::cp_lite::secrets::StoreSecrets(&env.server().state),
        &kumactl::cp_lite::caller::User::admin(),
        br#"{"name":"john","groups":["team-a"],"validFor":"1h"}"#,
        SystemTime::now(),
    )
    .unwrap();

    let reply = api_get(&env, "/global-secrets", None);
    assert_eq!(reply.status, 403);
    assert_eq!(
        reply.text,
        error_body(
            403,
            "Access Denied",
            "user \"mesh-system:anonymous/mesh-system:unauthenticated\" cannot access the resource of type \"GlobalSecret\""
        )
    );
    let reply = api_get(&env, "/meshes/default/secrets", Some(&john));
    assert_eq!(
        reply.text,
        error_body(
            403,
            "Access Denied",
            "user \"john/team-a,mesh-system:authenticated\" cannot access the resource of type \"Secret\""
        )
    );
    let reply = api_get(&env, "/global-secrets/admin-user-token", Some(&admin));
    assert_eq!(reply.status, 200, "{}", reply.text);
    // Other resources are open to anyone (`pkg/api-server/authn`).
    assert_eq!(api_get(&env, "/meshes", None).status, 200);

    let who = api_get(&env, "/who-am-i", Some(&john));
    assert_eq!(
        who.json(),
        serde_json::json!({"name": "john", "groups": ["team-a", "mesh-system:authenticated"]})
    );

    let unauthenticated = error_body(401, "Invalid authentication data", "Unauthenticated");
    let reply = api_get(&env, "/meshes", Some("garbage"));
    assert_eq!(
        (reply.status, reply.text.as_str()),
        (401, unauthenticated.as_str())
    );
    assert_eq!(reply.content_type, "application/json");
    // `GET /` ignores credentials.
    assert_eq!(api_get(&env, "/", Some("garbage")).status, 200);

    // A revoked user token is refused; the others still work.
    let jti = claims_of(&john)["jti"].as_str().unwrap().to_string();
    let reply = api_put(
        &env,
        "/global-secrets/user-token-revocations",
        serde_json::json!({"type": "GlobalSecret", "name": "user-token-revocations", "data": STANDARD.encode(format!("{jti}\n"))}),
        Some(&admin),
    );
    assert_eq!(reply.status, 201, "{}", reply.text);
    assert_eq!(api_get(&env, "/meshes", Some(&john)).status, 401);
    assert_eq!(api_get(&env, "/meshes", Some(&admin)).status, 200);
}

#[test]
fn localhost_is_admin_by_default_whatever_the_token() {
    let env = TestEnv::with_server();
    assert_eq!(
        api_get(&env, "/global-secrets", Some("garbage")).status,
        200
    );
    let reply = api_get(&env, "/who-am-i", None);
    assert_eq!(reply.json()["name"], "mesh-system:admin");
}

#[test]
fn missing_signing_key_names_the_global_control_plane() {
    let env = TestEnv::with_server();
    kumactl_ok(
        &env,
        &["delete", "global-secret", "zone-token-signing-key-1"],
    );
    assert_fails(
        &env,
        &["generate", "zone-token", "--zone", "z", "--valid-for", "1h"],
        "Error: Signing Key not found (there is no signing key with KID 1. GlobalSecret of name \"zone-token-signing-key-1\" is not found. If signing key was rotated, regenerate the token)\n\
         Zone tokens for a zone of a multizone deployment are issued by the global control plane: run this command against the global control plane.\n",
    );
}

#[test]
fn signing_keys_and_admin_token_exist_at_start() {
    let env = TestEnv::with_server();
    let out = kumactl_ok(&env, &["get", "global-secrets"]);
    let names: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "admin-user-token",
            "user-token-signing-key-1",
            "zone-token-signing-key-1"
        ]
    );
    let pem = global_secret(&env, "zone-token-signing-key-1");
    assert!(pem.starts_with(b"-----BEGIN RSA PRIVATE KEY-----\n"));
    let admin = String::from_utf8(global_secret(&env, "admin-user-token")).unwrap();
    assert_eq!(kid_of(&admin), "1");
    let claims = claims_of(&admin);
    assert_eq!(claims["Name"], "mesh-system:admin");
    assert_eq!(claims["Groups"], serde_json::json!(["mesh-system:admin"]));
    let validity = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
    assert_eq!(validity, 10 * 365 * 86400 + 5);
}

// ---------------------------------------------------------------------------------------
// kuma-cp-lite: Zone Egress registration on the dp-server
// ---------------------------------------------------------------------------------------

/// An HTTPS client for the dp-server that trusts the CA kuma-cp-lite generated.
fn dp_client(env: &TestEnv) -> Client {
    let ca = env
        .server()
        .generated_ca_pem
        .clone()
        .expect("a generated certificate");
    Client::builder()
        .use_rustls_tls()
        .add_root_certificate(reqwest::Certificate::from_pem(ca.as_bytes()).unwrap())
        .build()
        .unwrap()
}

fn zone_egress(name: &str) -> Value {
    serde_json::json!({"type": "ZoneEgress", "name": name, "networking": {"address": "192.168.0.1", "port": 10002}})
}

/// What kuma-dp sends for `--proxy-type=egress --dataplane-file` with this token.
fn egress_bootstrap(token: &str, resource: &Value) -> Value {
    serde_json::json!({
        "mesh": "",
        "name": resource["name"],
        "proxyType": "egress",
        "dataplaneToken": token,
        "dataplaneTokenPath": "/tmp/egress-token",
        "dataplaneResource": resource.to_string(),
        "version": {
            "kumaDp": {"version": "2.14.3", "gitTag": "v2.14.3", "gitCommit": "abc", "buildDate": "2025-01-01T00:00:00Z"},
            "envoy": {"version": "1.34.1", "build": "hash/1.34.1/RELEASE", "kumaDpCompatible": true}
        },
        "operatingSystem": "linux",
        "features": ["feature-tcp-accesslog-via-named-pipe"]
    })
}

fn post_dp(env: &TestEnv, path: &str, body: String) -> Reply {
    send(
        dp_client(env)
            .post(format!("{}{path}", env.server().dp_url()))
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .body(body),
    )
}

fn register(env: &TestEnv, token: &str, resource: &Value) -> Reply {
    post_dp(
        env,
        "/bootstrap",
        egress_bootstrap(token, resource).to_string(),
    )
}

fn online_token(env: &TestEnv, zone: &str, scope: &str) -> String {
    kumactl_ok(
        env,
        &[
            "generate",
            "zone-token",
            "--zone",
            zone,
            "--valid-for",
            "1h",
            "--scope",
            scope,
        ],
    )
}

fn inspect_row(env: &TestEnv, name: &str) -> Vec<String> {
    let out = kumactl_ok(env, &["inspect", "zoneegresses"]);
    out.lines()
        .find(|l| l.starts_with(&format!("{name} ")))
        .unwrap_or_else(|| panic!("{name} in {out}"))
        .split_whitespace()
        .map(String::from)
        .collect()
}

#[test]
fn an_egress_token_registers_a_zone_egress() {
    let env = TestEnv::with_server();
    let token = online_token(&env, "default", "egress");
    let reply = register(&env, &token, &zone_egress("zoneegress-1"));
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.content_type, "application/json");
    let doc = reply.json();
    let bootstrap =
        String::from_utf8(STANDARD.decode(doc["bootstrap"].as_str().unwrap()).unwrap()).unwrap();
    assert!(
        bootstrap.starts_with("node:\n  id: .zoneegress-1\n  cluster: egress\n"),
        "{bootstrap}"
    );
    assert!(bootstrap.contains("portValue: 9901\n"));
    assert_eq!(
        doc["kumaSidecarConfiguration"],
        serde_json::json!({"networking": {"corefileTemplate": null, "address": ""}, "metrics": {"aggregate": []}})
    );

    let out = kumactl_ok(&env, &["get", "zoneegresses"]);
    assert_eq!(
        out.lines()
            .next()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["NAME", "AGE"]
    );
    assert!(
        out.lines().nth(1).unwrap().starts_with("zoneegress-1 "),
        "{out}"
    );
    let json: Value = serde_json::from_str(&kumactl_ok(
        &env,
        &["get", "zoneegress", "zoneegress-1", "-o", "json"],
    ))
    .unwrap();
    assert_eq!(
        json["labels"],
        serde_json::json!({
            "kuma.io/env": "universal", "kuma.io/origin": "zone",
            "kuma.io/proxy-type": "zoneegress", "kuma.io/zone": "default"
        })
    );
    assert_eq!(
        json["networking"],
        serde_json::json!({"address": "192.168.0.1", "port": 10002})
    );

    assert_eq!(
        inspect_row(&env, "zoneegress-1"),
        [
            "zoneegress-1",
            "Online",
            "0s",
            "never",
            "0",
            "0",
            "2.14.3",
            "1.34.1"
        ]
    );
    let overview = api_get(&env, "/zoneegresses/zoneegress-1/_overview", None).json();
    let subscription = &overview["zoneEgressInsight"]["subscriptions"][0];
    assert_eq!(
        subscription["controlPlaneInstanceId"],
        env.server().state.index.instance_id
    );
    assert!(subscription["connectTime"].is_string());
    assert!(subscription.get("disconnectTime").is_none());
    assert_eq!(
        subscription["version"]["kumaDp"],
        serde_json::json!({"version": "2.14.3", "gitTag": "v2.14.3", "gitCommit": "abc", "buildDate": "2025-01-01T00:00:00Z"})
    );

    // Disconnecting takes the same token; the egress stays, offline.
    let disconnect =
        serde_json::json!({"name": "zoneegress-1", "dataplaneToken": token}).to_string();
    let reply = post_dp(&env, "/bootstrap/disconnect", disconnect.clone());
    assert_eq!((reply.status, reply.text.as_str()), (200, "{}\n"));
    assert_eq!(inspect_row(&env, "zoneegress-1")[1], "Offline");

    // Registering again (here without the resource: the stored one is used) adds a
    // subscription and closes none that is open.
    let mut by_name = egress_bootstrap(&token, &zone_egress("zoneegress-1"));
    by_name["dataplaneResource"] = "".into();
    let reply = post_dp(&env, "/bootstrap", by_name.to_string());
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(inspect_row(&env, "zoneegress-1")[1], "Online");
    let overview = api_get(&env, "/zoneegresses/zoneegress-1/_overview", None).json();
    assert_eq!(
        overview["zoneEgressInsight"]["subscriptions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // An unknown egress without its resource is Kuma's bare 404.
    let mut unknown = egress_bootstrap(&token, &zone_egress("zoneegress-9"));
    unknown["dataplaneResource"] = "".into();
    let reply = post_dp(&env, "/bootstrap", unknown.to_string());
    assert_eq!((reply.status, reply.text.as_str()), (404, ""));
    let reply = post_dp(
        &env,
        "/bootstrap/disconnect",
        serde_json::json!({"name": "zoneegress-9", "dataplaneToken": token}).to_string(),
    );
    assert_eq!(reply.status, 404);
}

#[test]
fn a_token_from_any_zone_and_text_bootstrap() {
    let env = TestEnv::with_server();
    // An empty zone in the token matches any zone; the default scope includes egress.
    let token = kumactl_ok(
        &env,
        &["generate", "zone-token", "--zone", "", "--valid-for", "1h"],
    );
    let reply = send(
        dp_client(&env)
            .post(format!("{}/bootstrap", env.server().dp_url()))
            .header("content-type", "application/json")
            .body(egress_bootstrap(&token, &zone_egress("ze-2")).to_string()),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(reply.content_type, "text/x-yaml");
    assert!(reply.text.starts_with("node:\n  id: .ze-2\n"));
}

#[test]
fn bootstrap_request_errors() {
    let env = TestEnv::with_server();
    let token = online_token(&env, "default", "egress");
    let reply = post_dp(&env, "/bootstrap", "{".into());
    assert_eq!((reply.status, reply.text.as_str()), (400, ""));

    let mut no_token = egress_bootstrap("", &zone_egress("ze-1"));
    no_token["dataplaneTokenPath"] = "".into();
    let reply = post_dp(&env, "/bootstrap", no_token.to_string());
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.text,
        "Dataplane Token is required. Generate token using 'kumactl generate dataplane-token > /path/file' and provide it via --dataplane-token-file=/path/file argument to Kuma DP"
    );

    let invalid = serde_json::json!({"type": "ZoneEgress", "name": "ze-1", "networking": {"address": "0.0.0.0"}});
    let reply = register(&env, &token, &invalid);
    assert_eq!(reply.status, 422);
    assert_eq!(
        reply.text,
        "networking.address.address: must not be 0.0.0.0 or ::; networking.port: port must be in the range [1, 65535]"
    );

    // The address the proxy uses must be one the certificate carries.
    let reply = send(
        dp_client(&env)
            .post(format!("{}/bootstrap", env.server().dp_url()))
            .header(
                "host",
                format!("cp.example.com:{}", env.server().dp_addr.port()),
            )
            .header("content-type", "application/json")
            .body(egress_bootstrap(&token, &zone_egress("ze-1")).to_string()),
    );
    assert_eq!(reply.status, 400);
    assert!(
        reply.text.starts_with(
            "A data plane proxy is trying to connect to the control plane using \"cp.example.com\" address, but the certificate in the control plane has the following SANs [\"localhost\" \"127.0.0.1\" \"::1\""
        ),
        "{}",
        reply.text
    );

    let reply = send(dp_client(&env).get(format!("{}/nope", env.server().dp_url())));
    assert_eq!(
        (reply.status, reply.text.as_str()),
        (404, "404: Page Not Found")
    );
    // Nothing was registered by the failed attempts.
    assert_eq!(
        kumactl_ok(&env, &["get", "zoneegresses"]).lines().count(),
        1
    );
}

/// The CP's zone signing key, to sign tokens offline as an attacker or operator would.
fn cp_zone_key(env: &TestEnv) -> PathBuf {
    write_file(
        env,
        "cp-zone-key.pem",
        &global_secret(env, "zone-token-signing-key-1"),
        0o600,
    )
}

#[test]
fn rejected_zone_tokens() {
    let env = TestEnv::with_server();
    let key = cp_zone_key(&env);
    let resource = zone_egress("zoneegress-1");
    let in_memory = "could not parse token. kuma-cp runs with an in-memory database and its state isn't preserved between restarts. Keep in mind that an in-memory database cannot be used with multiple instances of the control plane";
    let rejected = |token: &str, message: &str| {
        let reply = register(&env, token, &resource);
        assert_eq!(
            (reply.status, reply.text.as_str()),
            (401, format!("authentication failed: {message}").as_str()),
            "for {token}"
        );
        assert_eq!(reply.content_type, "text/plain; charset=utf-8");
    };

    rejected(
        &online_token(&env, "default", "ingress"),
        "token cannot be used to authenticate zone entity (egress is out of token's scope: [ingress])",
    );
    rejected(
        &online_token(&env, "eu-west", "egress"),
        "zone from requestor: default is different than in token: eu-west",
    );
    let offline = |kid: &str, valid_for: &str| {
        let valid_for = format!("--valid-for={valid_for}");
        signed_zone_token(
            &env,
            &["--zone", "default", "--scope", "egress", &valid_for],
            &key,
            kid,
        )
    };
    // Signed offline with the right key and kid: accepted.
    assert_eq!(register(&env, &offline("1", "1h"), &resource).status, 200);
    rejected(
        &expired_zone_token(&key, "1", "default", 60),
        &format!("{in_memory}: token has invalid claims: token is expired"),
    );
    rejected(
        &offline("9", "1h"),
        "there is no signing key with KID 9. GlobalSecret of name \"zone-token-signing-key-9\" is not found. If signing key was rotated, regenerate the token",
    );

    let good = online_token(&env, "default", "egress");
    let parts: Vec<&str> = good.split('.').collect();
    let mut claims = claims_of(&good);
    claims.insert("Zone".into(), "".into());
    let forged_claims = URL_SAFE_NO_PAD.encode(Value::Object(claims.clone()).to_string());
    rejected(
        &format!("{}.{forged_claims}.{}", parts[0], parts[2]),
        &format!("{in_memory}: token signature is invalid: crypto/rsa: verification error"),
    );
    let none_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","kid":"1","typ":"JWT"}"#);
    rejected(
        &format!("{none_header}.{}.", parts[1]),
        &format!(
            "{in_memory}: token is unverifiable: error while executing keyfunc: unsupported token alg none. Allowed algorithms are RS256 and HS256"
        ),
    );
    // HS256 keyed with the public key (the classic algorithm confusion): Kuma looks for
    // a legacy HMAC key, which does not exist.
    let public = public_key_of(&env, &key);
    let hs_header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","kid":"1","typ":"JWT"}"#);
    let input = format!("{hs_header}.{}", parts[1]);
    let signature = jsonwebtoken::crypto::sign(
        input.as_bytes(),
        &jsonwebtoken::EncodingKey::from_secret(public.as_bytes()),
        jsonwebtoken::Algorithm::HS256,
    )
    .unwrap();
    rejected(
        &format!("{input}.{signature}"),
        "there is no signing key with KID 0. GlobalSecret of name \"zone-token-signing-key\" is not found. If signing key was rotated, regenerate the token",
    );
    let no_kid = URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256","typ":"JWT"}"#);
    rejected(
        &format!("{no_kid}.{}.{}", parts[1], parts[2]),
        &format!(
            "{in_memory}: token is unverifiable: error while executing keyfunc: JWT token must have kid header"
        ),
    );
    rejected(
        "not-a-token",
        &format!("{in_memory}: token is malformed: token contains an invalid number of segments"),
    );

    // Revoked: list its jti in zone-token-revocations.
    assert_eq!(register(&env, &good, &resource).status, 200);
    let jti = claims["jti"].as_str().unwrap().to_string();
    put_global_secret(
        &env,
        "zone-token-revocations",
        format!("other,{jti}\n").as_bytes(),
    );
    rejected(&good, "token is revoked");
}

#[test]
fn zone_token_key_rotation() {
    let env = TestEnv::with_server();
    let old = online_token(&env, "default", "egress");
    assert_eq!(kid_of(&old), "1");

    // Rotate as the README says: the next serial, from `generate signing-key`.
    let key2 = kumactl_ok(&env, &["generate", "signing-key"]);
    let out = run(env
        .kumactl()
        .args(["apply", "--var", &format!("key={key2}"), "-f", "-"])
        .write_stdin("type: GlobalSecret\nname: zone-token-signing-key-2\ndata: {{ key }}\n"));
    assert_eq!(out.stderr, "");
    assert_eq!(
        out.stdout,
        "resource type=\"GlobalSecret\" mesh=\"\" name=\"zone-token-signing-key-2\" Created\n"
    );

    let new = online_token(&env, "default", "egress");
    assert_eq!(kid_of(&new), "2");
    // Offline tokens signed with key 2 under kid 2 are accepted too.
    let key2_pem = write_file(&env, "key2.pem", &STANDARD.decode(&key2).unwrap(), 0o600);
    let offline = signed_zone_token(
        &env,
        &[
            "--zone",
            "default",
            "--scope",
            "egress",
            "--valid-for",
            "1h",
        ],
        &key2_pem,
        "2",
    );
    for token in [&old, &new, &offline] {
        assert_eq!(register(&env, token, &zone_egress("ze-1")).status, 200);
    }

    // Until key 1 is deleted: then its tokens are refused, the new ones still work.
    kumactl_ok(
        &env,
        &["delete", "global-secret", "zone-token-signing-key-1"],
    );
    let reply = register(&env, &old, &zone_egress("ze-1"));
    assert_eq!(
        (reply.status, reply.text.as_str()),
        (
            401,
            "authentication failed: there is no signing key with KID 1. GlobalSecret of name \"zone-token-signing-key-1\" is not found. If signing key was rotated, regenerate the token"
        )
    );
    assert_eq!(register(&env, &new, &zone_egress("ze-1")).status, 200);
    assert_eq!(register(&env, &offline, &zone_egress("ze-1")).status, 200);
}

// ---------------------------------------------------------------------------------------
// README: the Universal walkthrough, run as written
// ---------------------------------------------------------------------------------------

#[test]
fn readme_universal_walkthrough_runs_as_written() {
    let (commands, outputs) = readme_blocks("Universal walkthrough");
    assert!(commands.len() >= 5, "the walkthrough has its commands");
    assert!(outputs.len() >= 3, "the walkthrough shows outputs");
    let dir = tempfile::tempdir().unwrap();
    let ports = ReadmePorts::free();
    let (status, stdout, stderr) = run_readme_script(&ports.apply(&commands.join("")), dir.path());
    assert!(status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stderr, "");

    // Every output the README shows appears, in order.
    assert_outputs_in_order(&stdout, &outputs, &ports);
    let log = std::fs::read_to_string(dir.path().join("kuma-cp-lite.log")).unwrap();
    assert!(log.contains("the admin user token is in the GlobalSecret \"admin-user-token\""));
}

#[test]
fn readme_walkthrough_stops_when_its_port_is_taken() {
    let (commands, _) = readme_blocks("Universal walkthrough");
    let dir = tempfile::tempdir().unwrap();
    let ports = ReadmePorts::free();
    // Something already answers on the API port: the walkthrough's kuma-cp-lite cannot
    // start, and its first block must stop there instead of going on with the other one.
    let taken = std::net::TcpListener::bind(("127.0.0.1", ports.api)).unwrap();
    let (status, stdout, _) = run_readme_script(&ports.apply(&commands[0]), dir.path());
    drop(taken);
    assert!(!status.success(), "{stdout}");
    assert!(stdout.starts_with("Error: "), "{stdout}");
    assert!(stdout.contains(&ports.api.to_string()), "{stdout}");
    assert!(!stdout.contains("added Control Plane"), "{stdout}");
}

#[test]
fn kuma_cp_lite_flags_for_tokens() {
    use clap::Parser;
    use kumactl::cp_lite::cli::{Cli, CliCommand};
    let options = |args: &[&str]| {
        let mut argv = vec!["kuma-cp-lite", "run"];
        argv.extend_from_slice(args);
        match Cli::try_parse_from(argv).map(|cli| cli.command) {
            Ok(CliCommand::Run(options)) => Ok(options),
            Err(e) => Err(e.kind()),
        }
    };
    let defaults = options(&[]).unwrap();
    assert!(defaults.localhost_is_admin);
    assert_eq!(defaults.dp_port, 5678);
    assert_eq!(defaults.admin_token_file, None);
    assert!(
        !options(&["--localhost-is-admin=false"])
            .unwrap()
            .localhost_is_admin
    );
    assert!(
        options(&["--localhost-is-admin"])
            .unwrap()
            .localhost_is_admin
    );
    assert!(
        options(&["--localhost-is-admin=true"])
            .unwrap()
            .localhost_is_admin
    );
    assert!(options(&["--localhost-is-admin=maybe"]).is_err());
    let set = options(&["--dp-port", "15678", "--admin-token-file", "/tmp/t"]).unwrap();
    assert_eq!(set.dp_port, 15678);
    assert_eq!(set.admin_token_file, Some(PathBuf::from("/tmp/t")));
}

#[test]
fn admin_token_file_is_written_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("admin-token");
    let server = kumactl::cp_lite::start(ServerOptions {
        localhost_is_admin: false,
        admin_token_file: Some(path.clone()),
        ..ServerOptions::for_tests()
    })
    .unwrap();
    let token = std::fs::read_to_string(&path).unwrap();
    assert_eq!(Some(token.clone()), server.admin_token());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let reply = api(server.api_url(), Some(&token)).get("/global-secrets");
    assert_eq!(reply.status, 200);
}

#[test]
fn the_dp_server_uses_the_given_certificate() {
    let mut env = TestEnv::new();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let cert_path = write_file(&env, "cp.crt", cert.cert.pem().as_bytes(), 0o644);
    let key_path = write_file(
        &env,
        "cp.key",
        cert.signing_key.serialize_pem().as_bytes(),
        0o600,
    );
    env.start_server(ServerOptions {
        tls_cert_file: Some(cert_path),
        tls_key_file: Some(key_path),
        ..ServerOptions::for_tests()
    });
    let client = Client::builder()
        .use_rustls_tls()
        .add_root_certificate(reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap())
        .build()
        .unwrap();
    let token = online_token(&env, "default", "egress");
    let body = egress_bootstrap(&token, &zone_egress("ze-1")).to_string();
    let dp = env.server().dp_addr.port();
    let reply = send(
        client
            .post(format!("https://localhost:{dp}/bootstrap"))
            .header("content-type", "application/json")
            .body(body.clone()),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    // That certificate names only localhost.
    let reply = send(
        client
            .post(format!("https://localhost:{dp}/bootstrap"))
            .header("host", format!("127.0.0.1:{dp}"))
            .header("content-type", "application/json")
            .body(body),
    );
    assert_eq!(reply.status, 400);
    assert!(
        reply.text.starts_with(
            "A data plane proxy is trying to connect to the control plane using \"127.0.0.1\" address, but the certificate in the control plane has the following SANs [\"localhost\"]."
        ),
        "{}",
        reply.text
    );
}

// ---------------------------------------------------------------------------------------
// generate tls-certificate

/// The certificate of a PEM text, parsed.
fn with_certificate<T>(
    pem_text: &str,
    check: impl FnOnce(&x509_parser::certificate::X509Certificate) -> T,
) -> T {
    let der = pem::parse(pem_text).unwrap().into_contents();
    let (_, cert) = x509_parser::parse_x509_certificate(&der).unwrap();
    check(&cert)
}

#[test]
fn tls_certificate_pairs_carry_kumas_fields() {
    use std::os::unix::fs::PermissionsExt;
    use x509_parser::extensions::GeneralName;
    let env = TestEnv::new();
    // Nothing is asked of the control plane, not even its version.
    env.use_unreachable_control_plane();
    let generate = |args: &[&str]| {
        let mut all = vec!["generate", "tls-certificate"];
        all.extend_from_slice(args);
        let out = run(env.kumactl().args(&all).current_dir(env.dir.path()));
        assert_eq!((out.stderr.as_str(), out.code), ("", 0), "{args:?}");
        out.stdout
    };
    let stdout = generate(&[
        "--type=server",
        "--hostname=localhost,10.0.0.7",
        "--hostname",
        "::1",
    ]);
    assert_eq!(
        stdout,
        "Private key saved in key.pem\nCertificate saved in cert.pem\n"
    );
    let mode = |name: &str| {
        std::fs::metadata(env.path(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!((mode("key.pem"), mode("cert.pem")), (0o400, 0o600));
    let key = std::fs::read_to_string(env.path("key.pem")).unwrap();
    assert!(
        key.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"),
        "{key}"
    );
    assert!(key.ends_with("-----END RSA PRIVATE KEY-----\n"));
    let key = kumactl::tokens::keys::private_key_from_pem(key.as_bytes()).unwrap();
    let cert = std::fs::read_to_string(env.path("cert.pem")).unwrap();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    with_certificate(&cert, |cert| {
        assert_eq!(cert.subject().iter().count(), 0);
        assert_eq!(cert.issuer().iter().count(), 0);
        // RSA 2048, the generated key's public half.
        let public = cert.public_key().parsed().unwrap();
        assert_eq!(public.key_size(), 2048);
        assert_eq!(
            cert.public_key().subject_public_key.data.as_ref(),
            rsa::pkcs1::EncodeRsaPublicKey::to_pkcs1_der(&key.to_public_key())
                .unwrap()
                .as_bytes()
        );
        let san = cert.subject_alternative_name().unwrap().unwrap();
        assert!(san.critical, "SAN is critical with an empty subject");
        assert_eq!(
            san.value.general_names,
            vec![
                GeneralName::DNSName("localhost"),
                GeneralName::IPAddress(&[10, 0, 0, 7]),
                GeneralName::IPAddress(&std::net::Ipv6Addr::LOCALHOST.octets()),
            ]
        );
        let usage = cert.key_usage().unwrap().unwrap();
        assert!(usage.critical);
        assert!(usage.value.digital_signature());
        assert!(usage.value.key_encipherment());
        assert!(usage.value.key_cert_sign());
        let eku = cert.extended_key_usage().unwrap().unwrap().value;
        assert!(eku.server_auth && !eku.client_auth);
        let basic = cert.basic_constraints().unwrap().unwrap();
        assert!(basic.critical && basic.value.ca && basic.value.path_len_constraint.is_none());
        // Valid from five minutes ago for 87600 hours.
        let not_before = cert.validity().not_before.timestamp();
        assert!(
            (now - 5 * 60 - not_before).abs() <= 5,
            "{not_before} vs {now}"
        );
        assert_eq!(
            cert.validity().not_after.timestamp() - not_before,
            87_600 * 3600
        );
        assert_eq!(
            cert.signature_algorithm.algorithm,
            x509_parser::oid_registry::OID_PKCS1_SHA256WITHRSA
        );
    });

    // Go truncates the 0400 key in place, so its second run fails; ours replaces it.
    generate(&["--type=server", "--hostname=localhost"]);
    assert_eq!(mode("key.pem"), 0o400);

    // To stdout, the key first, then the certificate; no "saved" lines.
    let stdout = generate(&[
        "--type=client",
        "--key-type=ecdsa",
        "--hostname=dataplane-1",
        "--key-file=-",
        "--cert-file=-",
    ]);
    let (key, cert) = stdout.split_at(stdout.find("-----BEGIN CERTIFICATE-----").unwrap());
    assert!(
        key.starts_with("-----BEGIN EC PRIVATE KEY-----\n"),
        "{stdout}"
    );
    assert!(key.ends_with("-----END EC PRIVATE KEY-----\n"));
    assert!(cert.ends_with("-----END CERTIFICATE-----\n"));
    with_certificate(cert, |cert| {
        assert_eq!(
            cert.public_key().algorithm.algorithm,
            x509_parser::oid_registry::OID_KEY_TYPE_EC_PUBLIC_KEY
        );
        let eku = cert.extended_key_usage().unwrap().unwrap().value;
        assert!(eku.client_auth && !eku.server_auth);
        let san = cert.subject_alternative_name().unwrap().unwrap();
        assert_eq!(
            san.value.general_names,
            vec![GeneralName::DNSName("dataplane-1")]
        );
    });
}

#[test]
fn tls_certificate_errors_in_gos_order() {
    let env = TestEnv::new();
    env.use_unreachable_control_plane();
    let missing_dir = env.path("missing");
    let key_in_missing = format!("--key-file={}/key.pem", missing_dir.display());
    let cert_in_missing = format!("--cert-file={}/cert.pem", missing_dir.display());
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec![],
            "required flag(s) \"hostname\", \"type\" not set".into(),
        ),
        (
            vec!["--type=server"],
            "required flag(s) \"hostname\" not set".into(),
        ),
        (
            vec!["--type=peer", "--hostname="],
            "invalid certificate type \"peer\"".into(),
        ),
        (
            vec!["--type=server", "--hostname="],
            "at least one hostname must be given".into(),
        ),
        (
            vec!["--type=server", "--hostname=a", "--key-type=dsa"],
            "invalid key type \"dsa\"".into(),
        ),
        (
            vec!["--type=server", "--hostname=a", &key_in_missing],
            format!(
                "could not write the key file: open {}/key.pem: no such file or directory",
                missing_dir.display()
            ),
        ),
        (
            vec![
                "--type=server",
                "--hostname=a",
                "--key-file=-",
                &cert_in_missing,
            ],
            format!(
                "could not write the cert file: open {}/cert.pem: no such file or directory",
                missing_dir.display()
            ),
        ),
    ];
    for (args, error) in cases {
        let mut all = vec!["generate", "tls-certificate"];
        all.extend_from_slice(&args);
        let out = run(env.kumactl().args(&all).current_dir(env.dir.path()));
        assert_eq!(out.stderr, format!("Error: {error}\n"), "{args:?}");
        assert_eq!(out.code, 1, "{args:?}");
        if !args.contains(&"--key-file=-") {
            assert_eq!(out.stdout, "", "{args:?}");
        }
    }
}
