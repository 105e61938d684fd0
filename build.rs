//! Records the git commit and build date of this build, for `kumactl version --detailed`
//! and the User-Agent. Outside a git checkout both fall back to "unknown".
//!
//! Also converts the chart defaults (`src/install/values.yaml`) once, here, into a
//! pre-order form that `install control-plane` reads back without parsing, and splits
//! Kuma's schemas (`src/resources/kuma-schemas.json`) per type, so that a command reads
//! only the schemas of the types it meets.
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn main() {
    let commit = git(&["rev-parse", "HEAD"]).unwrap_or_else(|| "unknown".into());
    // The commit date, not the wall clock: rebuilding the same commit gives the same binary.
    let date = git(&["log", "-1", "--format=%cI"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=KUMACTL_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=KUMACTL_BUILD_DATE={date}");
    if let Some(head) = git(&["rev-parse", "--git-path", "HEAD"]) {
        println!("cargo:rerun-if-changed={head}");
    }
    if let Some(refs) = git(&["rev-parse", "--symbolic-full-name", "HEAD"])
        .and_then(|r| git(&["rev-parse", "--git-path", &r]))
    {
        println!("cargo:rerun-if-changed={refs}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    prebuilt_values();
    split_schemas();
    // The binaries are linked at a fixed address, as Go links kumactl: a
    // position-independent executable makes the loader apply some 25,000 relocations
    // at every start, a third of what `kumactl --help` costs.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// `$OUT_DIR/values.bin`: `values.yaml` as serde_yaml reads it, keys in file order, in
/// the pre-order form `install::values::defaults` reads back: `n`, `t`, `f`, `i<int>;`,
/// `u<int>;`, `d<float>;`, `s<len>:<text>`, `a<count>:<items>`, `o<count>:` then per
/// entry `<len>:<key><value>`. No parse at run time, and every map and list is sized
/// before it is filled.
fn prebuilt_values() {
    const SOURCE: &str = "src/install/values.yaml";
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).expect("read src/install/values.yaml");
    let value: serde_json::Value =
        serde_yaml::from_str(&text).expect("src/install/values.yaml is valid YAML");
    assert!(
        value.is_object(),
        "src/install/values.yaml must be a mapping"
    );
    let mut encoded = String::new();
    encode(&value, &mut encoded);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("values.bin"), encoded).expect("write values.bin");
}

/// `$OUT_DIR/schemas.rs`: for each group of `src/resources/kuma-schemas.json` (`types`,
/// `kubernetesOnly`), a table of `(type name, its schema as compact JSON)` in the file's
/// order (keys keep their order: the schemas' property order is meaningful).
fn split_schemas() {
    const SOURCE: &str = "src/resources/kuma-schemas.json";
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).expect("read src/resources/kuma-schemas.json");
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("src/resources/kuma-schemas.json is JSON");
    let mut out = String::new();
    for (group, constant) in [("types", "TYPES"), ("kubernetesOnly", "KUBERNETES_ONLY")] {
        let entries = value[group]
            .as_object()
            .unwrap_or_else(|| panic!("kuma-schemas.json has no object {group:?}"));
        out.push_str(&format!("const {constant}: &[(&str, &str)] = &[\n"));
        for (name, schema) in entries {
            // `{:?}` of a str is a Rust string literal.
            out.push_str(&format!("    ({name:?}, {:?}),\n", schema.to_string()));
        }
        out.push_str("];\n");
    }
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(dir.join("schemas.rs"), out).expect("write schemas.rs");
}

fn encode(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    use std::fmt::Write;
    match value {
        Value::Null => out.push('n'),
        Value::Bool(true) => out.push('t'),
        Value::Bool(false) => out.push('f'),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                write!(out, "i{i};").unwrap();
            } else if let Some(u) = n.as_u64() {
                write!(out, "u{u};").unwrap();
            } else {
                let f = n.as_f64().expect("a JSON number is a float at worst");
                // Rust's shortest text that reads back as the same float.
                write!(out, "d{f:?};").unwrap();
            }
        }
        Value::String(text) => write!(out, "s{}:{text}", text.len()).unwrap(),
        Value::Array(items) => {
            write!(out, "a{}:", items.len()).unwrap();
            items.iter().for_each(|item| encode(item, out));
        }
        Value::Object(map) => {
            write!(out, "o{}:", map.len()).unwrap();
            for (key, item) in map {
                write!(out, "{}:{key}", key.len()).unwrap();
                encode(item, out);
            }
        }
    }
}
