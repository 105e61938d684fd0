//! The values model: our embedded `values.yaml`, the merges of
//! `app/kumactl/cmd/install/install_control_plane.go` (kumactl's `mergeMaps` for
//! `--values` files, Helm's coalesce under the chart defaults), the
//! detection of keys we do not know, and typed reads with Go template semantics.

use anyhow::{Context, bail};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The documented defaults, printed verbatim by `--dump-values`.
pub const DEFAULT_VALUES_YAML: &str = include_str!("values.yaml");

/// Paths whose default is a non-empty map that users extend with keys of their own
/// (selectors, Kubernetes structures passed through, plugin switches). Empty default
/// maps (`podAnnotations: {}`...) are open as well.
const OPEN_MAPS: &[&str] = &[
    "controlPlane.nodeSelector",
    "controlPlane.affinity",
    "controlPlane.resources",
    "controlPlane.podSecurityContext",
    "controlPlane.containerSecurityContext",
    "controlPlane.service.annotations",
    "controlPlane.tls.general.certManager.issuerRef",
    "egress.nodeSelector",
    "egress.affinity",
    "egress.resources",
    "egress.podSecurityContext",
    "egress.containerSecurityContext",
    "ingress.nodeSelector",
    "ingress.affinity",
    "ingress.resources",
    "ingress.podSecurityContext",
    "ingress.containerSecurityContext",
    "cni.nodeSelector",
    "cni.resources",
    "cni.containerSecurityContext",
    "hooks.nodeSelector",
    "plugins.policies",
    "plugins.resources",
    "transparentProxy.configMap.config",
];

/// Keys Kuma's chart templates read although its values.yaml does not list them.
const TEMPLATE_ONLY_KEYS: &[&str] = &[
    // The name of the global-zone-sync Service (`_helpers.tpl`).
    "controlPlane.globalZoneSyncService.name",
    // Text appended to the control plane's config.yaml (`templates/cp-configmap.yaml`).
    "controlPlane.config",
    // The name prefix of every object (`_helpers.tpl` `kuma.name`).
    "nameOverride",
];

/// Keys of Kuma's chart that no object kumactl renders reads (only the Helm hook jobs,
/// which kumactl leaves out, or nothing at all): setting them is reported although
/// `--dump-values` lists the ones with a default.
const NO_EFFECT_KEYS: &[&str] = &[
    "patchSystemNamespace",
    "installCrdsOnUpgrade",
    "noHelmHooks",
    "kumactl",
    "kubectl",
    "hooks.tolerations",
    "hooks.annotations",
    "hooks.ttlSecondsAfterFinished",
    "hooks.podSecurityContext",
    "hooks.containerSecurityContext",
    "hooks.ebpfCleanup",
    "fullnameOverride",
    "controlPlane.annotations",
];

/// [`DEFAULT_VALUES_YAML`] as build.rs wrote it (see its `encode`): read without a
/// parse, each map and list sized before it is filled. Parsing it as JSON was the
/// largest single cost of `install control-plane`.
const DEFAULT_VALUES: &str = include_str!(concat!(env!("OUT_DIR"), "/values.bin"));

/// The parsed defaults.
pub fn defaults() -> Map<String, Value> {
    let mut reader = Prebuilt {
        text: DEFAULT_VALUES,
        at: 0,
    };
    match reader.value() {
        Some(Value::Object(map)) if reader.at == DEFAULT_VALUES.len() => map,
        // build.rs checked that the file is a mapping, and wrote it in this form.
        _ => unreachable!("the embedded values.yaml is a YAML mapping"),
    }
}

/// A reader of build.rs's form of the defaults.
struct Prebuilt {
    text: &'static str,
    at: usize,
}

impl Prebuilt {
    fn tag(&mut self) -> Option<u8> {
        let tag = *self.text.as_bytes().get(self.at)?;
        self.at += 1;
        Some(tag)
    }

    /// The text up to `end` (excluded), which is skipped.
    fn until(&mut self, end: u8) -> Option<&'static str> {
        let rest = &self.text[self.at..];
        let len = rest.bytes().position(|b| b == end)?;
        self.at += len + 1;
        Some(&rest[..len])
    }

    fn count(&mut self) -> Option<usize> {
        self.until(b':')?.parse().ok()
    }

    /// `len` bytes of text.
    fn text(&mut self, len: usize) -> Option<&'static str> {
        let text = self.text.get(self.at..self.at + len)?;
        self.at += len;
        Some(text)
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.tag()? {
            b'n' => Value::Null,
            b't' => Value::Bool(true),
            b'f' => Value::Bool(false),
            b'i' => Value::from(self.until(b';')?.parse::<i64>().ok()?),
            b'u' => Value::from(self.until(b';')?.parse::<u64>().ok()?),
            b'd' => Value::Number(serde_json::Number::from_f64(
                self.until(b';')?.parse().ok()?,
            )?),
            b's' => {
                let len = self.count()?;
                Value::String(self.text(len)?.to_string())
            }
            b'a' => {
                let count = self.count()?;
                let mut items = Vec::with_capacity(count);
                for _ in 0..count {
                    items.push(self.value()?);
                }
                Value::Array(items)
            }
            b'o' => {
                let count = self.count()?;
                let mut map = Map::with_capacity(count);
                for _ in 0..count {
                    let len = self.count()?;
                    let key = self.text(len)?.to_string();
                    map.insert(key, self.value()?);
                }
                Value::Object(map)
            }
            _ => return None,
        })
    }
}

/// Parses a `--values` document; an empty document is an empty map.
pub fn parse_values_document(text: &str) -> anyhow::Result<Map<String, Value>> {
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    crate::nesting::check_yaml(text.as_bytes())?;
    match serde_yaml::from_str::<Value>(text)? {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        other => bail!(
            "a values file must hold a YAML mapping, got {}",
            kind_name(&other)
        ),
    }
}

/// The numbers of a `--values` file as Kuma's kumactl reads them
/// (`app/kumactl/cmd/install/install_control_plane.go`): `sigs.k8s.io/yaml` turns the
/// YAML into JSON and decodes it into `interface{}`, so every number is a float64, and
/// the chart's templates print it with Go's `%v` (`1000000` becomes `1e+06`). Numbers
/// given with `--set` stay integers.
pub fn numbers_as_floats(map: &mut Map<String, Value>) {
    fn convert(value: &mut Value) {
        match value {
            Value::Number(n) if !n.is_f64() => {
                if let Some(float) = n.as_f64().and_then(serde_json::Number::from_f64) {
                    *n = float;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(convert),
            Value::Object(map) => map.values_mut().for_each(convert),
            _ => {}
        }
    }
    map.values_mut().for_each(convert);
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a map",
    }
}

/// kumactl's `mergeMaps`: `overlay` wins; maps merge recursively, anything else
/// (lists included) is replaced.
pub fn merge_maps(base: &mut Map<String, Value>, overlay: Map<String, Value>) {
    for (key, value) in overlay {
        match (base.get_mut(&key), value) {
            (Some(Value::Object(existing)), Value::Object(inner)) => merge_maps(existing, inner),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Helm's coalesce of user values over the chart defaults: user maps merge into the
/// default maps, user scalars and lists win, and an explicit user `null` deletes the key.
/// The user's keys are laid over the chart's maps, not the other way round: the user
/// values are a few dozen keys, the defaults hundreds, each hashed again on insert.
/// Only the order of keys in the result differs, and everything that reads the values
/// either sorts them or looks them up.
pub fn coalesce(user: Map<String, Value>, mut chart: Map<String, Value>) -> Map<String, Value> {
    overlay(&mut chart, user);
    chart
}

fn overlay(chart: &mut Map<String, Value>, user: Map<String, Value>) {
    for (key, value) in user {
        let Some(default) = chart.get_mut(&key) else {
            // A key the chart does not know stays as given, nulls included.
            chart.insert(key, value);
            continue;
        };
        match (default, value) {
            (_, Value::Null) => {
                chart.shift_remove(&key);
            }
            (Value::Object(default_inner), Value::Object(inner)) => overlay(default_inner, inner),
            (default, value) => *default = value,
        }
    }
}

/// The dotted paths in `user` that the defaults do not know (so have no effect).
pub fn unknown_keys(user: &Map<String, Value>, defaults: &Map<String, Value>) -> Vec<String> {
    let mut unknown = Vec::new();
    collect_unknown(user, defaults, "", &mut unknown);
    unknown
}

fn collect_unknown(
    user: &Map<String, Value>,
    defaults: &Map<String, Value>,
    prefix: &str,
    unknown: &mut Vec<String>,
) {
    for (key, value) in user {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        if NO_EFFECT_KEYS.contains(&path.as_str()) {
            unknown.push(path);
            continue;
        }
        match defaults.get(key) {
            None if TEMPLATE_ONLY_KEYS.contains(&path.as_str()) => {}
            None => unknown.push(path),
            Some(_) if path == "meshes" => {
                let template = mesh_entry_template();
                for (i, entry) in value.as_array().into_iter().flatten().enumerate() {
                    if let Value::Object(entry) = entry {
                        collect_unknown(entry, &template, &format!("meshes[{i}]"), unknown);
                    }
                }
            }
            Some(Value::Object(inner_defaults))
                if !inner_defaults.is_empty() && !OPEN_MAPS.contains(&path.as_str()) =>
            {
                if let Value::Object(inner) = value {
                    collect_unknown(inner, inner_defaults, &path, unknown);
                }
            }
            Some(_) => {}
        }
    }
}

/// The keys a `meshes[]` entry may have: what the templates read (Kuma's
/// `templates/mesh-zoneproxy-*.yaml`), some of which the chart's values.yaml leaves out.
/// Empty maps take keys of the user's own.
fn mesh_entry_template() -> Map<String, Value> {
    let role = serde_json::json!({
        "enabled": false,
        "image": {"registry": "", "repository": "", "tag": ""},
        "service": {
            "name": "", "type": "", "port": 0, "spec": {}, "annotations": {}, "labels": {}
        },
        "deployment": {
            "replicas": 1, "annotations": {}, "labels": {},
            "podSpec": {
                "resources": {}, "affinity": {}, "topologySpreadConstraints": [],
                "priorityClassName": "", "securityContext": {}, "nodeSelector": {},
                "tolerations": [], "containerSecurityContext": {}, "containerResources": {}
            }
        },
        "hpa": {
            "enabled": false, "minReplicas": 2, "maxReplicas": 5,
            "targetCPUUtilizationPercentage": 80, "metrics": []
        },
        "pdb": {"enabled": false, "maxUnavailable": 1},
        "restartPolicy": "",
        "imagePullPolicy": "",
        "terminationGracePeriodSeconds": 40,
        "automountServiceAccountToken": true,
        "serviceAccountAnnotations": {}
    });
    let mut entry = Map::new();
    entry.insert("name".into(), Value::String(String::new()));
    entry.insert("ingress".into(), role.clone());
    entry.insert("egress".into(), role);
    entry
}

/// The final values, read the way the chart's templates read them.
#[derive(Debug, Clone)]
pub struct Values {
    root: Value,
}

impl Values {
    pub fn new(root: Map<String, Value>) -> Values {
        Values {
            root: Value::Object(root),
        }
    }

    /// The value at a dotted path (keys never contain dots above the open maps).
    pub fn get(&self, path: &str) -> Option<&Value> {
        path.split('.')
            .try_fold(&self.root, |value, key| value.as_object()?.get(key))
    }

    /// Go template truthiness: false, 0, "", null, empty lists and maps are false.
    pub fn truthy(&self, path: &str) -> bool {
        self.get(path).is_some_and(is_truthy)
    }

    /// The value as a template prints it; missing or null is "".
    pub fn text(&self, path: &str) -> String {
        self.get(path).map(go_text).unwrap_or_default()
    }

    /// An integer field; missing or null is `None`. Numeric strings are accepted since
    /// the chart prints them unquoted, where YAML reads them back as numbers.
    pub fn int(&self, path: &str) -> anyhow::Result<Option<i32>> {
        match self.get(path) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => as_int(value)
                .map(Some)
                .with_context(|| format!("{path} must be an integer, got {}", go_text(value))),
        }
    }

    /// A map of strings (labels, annotations, node selectors), keys sorted, values
    /// printed as text.
    pub fn string_map(&self, path: &str) -> anyhow::Result<BTreeMap<String, String>> {
        match self.get(path) {
            None | Some(Value::Null) => Ok(BTreeMap::new()),
            Some(Value::Object(map)) => Ok(map
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), go_text(v)))
                .collect()),
            Some(other) => bail!("{path} must be a map, got {}", go_text(other)),
        }
    }

    /// A list of strings; missing or null is empty.
    pub fn string_list(&self, path: &str) -> anyhow::Result<Vec<String>> {
        match self.get(path) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items.iter().map(go_text).collect()),
            Some(other) => bail!("{path} must be a list, got {}", go_text(other)),
        }
    }

    /// A Kubernetes structure passed through from the values; missing, null or empty
    /// (the chart's `with`/`if` guards) is `None`.
    pub fn typed<T: DeserializeOwned>(&self, path: &str) -> anyhow::Result<Option<T>> {
        match self.get(path) {
            Some(value) => typed_value(value.clone(), path),
            None => Ok(None),
        }
    }
}

/// A Kubernetes structure read from `value` (found at `path`); null or empty is `None`.
pub fn typed_value<T: DeserializeOwned>(value: Value, path: &str) -> anyhow::Result<Option<T>> {
    if !is_truthy(&value) {
        return Ok(None);
    }
    let mut value = value;
    normalize(&mut value);
    serde_json::from_value(value)
        .map(Some)
        .with_context(|| format!("invalid {path}"))
}

/// Quantities and similar fields read from YAML files may be numbers with a fractional
/// zero (`cpu: 1.0`); Kubernetes structures want integers there. In place: rebuilding
/// the maps would hash every key again.
fn normalize(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15) {
                *value = Value::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize),
        Value::Object(map) => map.values_mut().for_each(normalize),
        _ => {}
    }
}

pub fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

/// Go's `fmt.Sprint` of a scalar, as a template prints it (`{{ .x }}`, `quote`).
pub fn go_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) => crate::output::yaml::format_go_float(f),
            _ => n.to_string(),
        },
        Value::String(s) => s.clone(),
        // Compound values only reach here through misuse; JSON keeps them readable.
        other => other.to_string(),
    }
}

fn as_int(value: &Value) -> Option<i32> {
    match value {
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return i32::try_from(i).ok();
            }
            let f = n.as_f64()?;
            (f.fract() == 0.0 && f.abs() <= f64::from(i32::MAX)).then_some(f as i32)
        }
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => panic!("not a map"),
        }
    }

    #[test]
    fn defaults_parse_and_have_the_chart_keys() {
        let values = Values::new(defaults());
        assert_eq!(values.text("controlPlane.mode"), "zone");
        assert_eq!(values.int("egress.service.port").unwrap(), Some(10002));
        assert!(values.truthy("plugins.policies.meshtimeouts"));
        assert_eq!(values.text("controlPlane.runtime.goMaxProcs.divisor"), "1");
    }

    #[test]
    fn the_prebuilt_defaults_are_the_yaml_file() {
        let parsed: Value = serde_yaml::from_str(DEFAULT_VALUES_YAML).unwrap();
        let defaults = Value::Object(defaults());
        assert_eq!(defaults, parsed);
        // Same key order too: the final values keep it.
        assert_eq!(defaults.to_string(), parsed.to_string());
    }

    #[test]
    fn the_prebuilt_form_reads_every_kind_of_value() {
        let mut reader = Prebuilt {
            text: "o4:1:ai-3;1:bu18446744073709551615;1:ca5:nftd0.25;s3:x:y2:éo0:",
            at: 0,
        };
        assert_eq!(
            reader.value().unwrap(),
            json!({"a": -3, "b": u64::MAX, "c": [null, false, true, 0.25, "x:y"], "é": {}})
        );
        assert_eq!(reader.at, reader.text.len());
        for bad in [
            "",
            "x",
            "s9:abc",
            "a2:n",
            "o1:3:ab",
            "i1.5;",
            "dnan;",
            "s1:\u{e9}",
        ] {
            let mut reader = Prebuilt { text: bad, at: 0 };
            assert_eq!(reader.value(), None, "{bad:?}");
        }
    }

    #[test]
    fn merge_maps_lets_the_overlay_win() {
        let mut base = map(json!({"a": {"b": 1, "c": [1, 2]}, "d": 1}));
        merge_maps(&mut base, map(json!({"a": {"c": [3]}, "d": {"x": 1}})));
        assert_eq!(
            Value::Object(base),
            json!({"a": {"b": 1, "c": [3]}, "d": {"x": 1}})
        );
    }

    #[test]
    fn coalesce_fills_defaults_and_null_deletes() {
        let chart = map(json!({"a": {"b": 1, "c": 2}, "n": {"os": "linux"}, "l": [1]}));
        let user = map(json!({
            "a": {"b": 5, "c": null}, "n": {"x": "y"}, "u": 1, "z": null, "s": {"k": null},
            "l": {"m": 1}
        }));
        assert_eq!(
            Value::Object(coalesce(user, chart)),
            json!({
                "a": {"b": 5}, "n": {"x": "y", "os": "linux"}, "u": 1, "l": {"m": 1},
                "z": null, "s": {"k": null}
            })
        );
        // A user scalar replaces a default map, a user map a default scalar.
        let chart = map(json!({"m": {"a": 1}, "s": 1}));
        let user = map(json!({"m": 2, "s": {"b": null}}));
        assert_eq!(
            Value::Object(coalesce(user, chart)),
            json!({"m": 2, "s": {"b": null}})
        );
    }

    #[test]
    fn unknown_keys_skip_open_maps() {
        let user = map(json!({
            "controlPlane": {"nodeSelector": {"a": "b"}, "podAnnotations": {"x": "y"},
                             "bogus": 1, "tls": {"general": {"nope": true}}},
            "egress": {"enabled": true},
            "meshes": [
                {"name": "m", "ingress": {"enabled": true, "service": {"name": "s", "type": "x"},
                                          "deployment": {"podSpec": {"nodeSelector": {"free": "form"}}}, "bad": 1}},
                {"name": "n", "extra": true}
            ],
            "top": 1
        }));
        assert_eq!(
            unknown_keys(&user, &defaults()),
            vec![
                "controlPlane.bogus",
                "controlPlane.tls.general.nope",
                "meshes[0].ingress.bad",
                "meshes[1].extra",
                "top"
            ]
        );
    }

    #[test]
    fn typed_reads() {
        let values = Values::new(map(json!({
            "r": "3", "bad": "x", "f": 2.0, "labels": {"a": 1, "b": true},
            "res": {"limits": {"cpu": 1.0}}
        })));
        assert_eq!(values.int("r").unwrap(), Some(3));
        assert_eq!(values.int("f").unwrap(), Some(2));
        assert_eq!(
            values.int("bad").unwrap_err().to_string(),
            "bad must be an integer, got x"
        );
        assert_eq!(values.int("missing").unwrap(), None);
        let labels = values.string_map("labels").unwrap();
        assert_eq!(labels["a"], "1");
        assert_eq!(labels["b"], "true");
        let res: k8s_openapi::api::core::v1::ResourceRequirements =
            values.typed("res").unwrap().unwrap();
        assert_eq!(res.limits.unwrap()["cpu"].0, "1");
    }
}
