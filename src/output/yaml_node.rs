//! A document tree for the YAML writer, serialized from typed objects (the k8s-openapi
//! objects of `install`) without going through `serde_json::Value`: a `Value` map
//! hashes every key with SipHash on insert and allocates each struct field's name,
//! while the writer only walks the entries and sorts them. The tree holds what
//! `serde_json::to_value` would hold, entries in serialization order and field names
//! borrowed.

use super::yaml::{Tree, View};
use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::{Error, Number};
use std::borrow::Cow;

/// What `serde_json::Value` holds, with maps as lists of entries.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Seq(Vec<Node>),
    Map(Vec<(Cow<'static, str>, Node)>),
}

impl Tree for Node {
    fn view(&self) -> View<'_, Node> {
        match self {
            Node::Null => View::Null,
            Node::Bool(b) => View::Bool(*b),
            Node::Number(n) => View::Number(n),
            Node::String(s) => View::Str(s),
            Node::Seq(items) => View::Seq(items),
            Node::Map(entries) => View::Map(entries.iter().map(|(k, v)| (&**k, v)).collect()),
        }
    }
}

impl Node {
    /// The value of `key` in a map.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match self {
            Node::Map(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets `key` in a map (as `serde_json::Map::insert`: a key already there keeps its
    /// place); nothing on other nodes.
    pub fn insert(&mut self, key: &'static str, value: Node) {
        if let Node::Map(entries) = self {
            match entries.iter_mut().find(|(k, _)| k == key) {
                Some(entry) => entry.1 = value,
                None => entries.push((Cow::Borrowed(key), value)),
            }
        }
    }
}

/// `value` as a tree, as `serde_json::to_value` would see it.
pub fn to_node<T: Serialize + ?Sized>(value: &T) -> Result<Node, Error> {
    value.serialize(NodeSerializer)
}

/// A map of one entry, how serde_json writes an enum variant with data.
fn variant(name: &'static str, value: Node) -> Node {
    Node::Map(vec![(Cow::Borrowed(name), value)])
}

struct NodeSerializer;

impl ser::Serializer for NodeSerializer {
    type Ok = Node;
    type Error = Error;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = VariantSeqBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = VariantMapBuilder;

    fn serialize_bool(self, v: bool) -> Result<Node, Error> {
        Ok(Node::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_u8(self, v: u8) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Node, Error> {
        Ok(Node::Number(v.into()))
    }
    fn serialize_f32(self, v: f32) -> Result<Node, Error> {
        // serde_json's own conversion, whatever its rules for f32.
        from_value(serde_json::to_value(v)?)
    }
    fn serialize_f64(self, v: f64) -> Result<Node, Error> {
        // Not finite: null, as serde_json.
        Ok(Number::from_f64(v).map_or(Node::Null, Node::Number))
    }
    fn serialize_char(self, v: char) -> Result<Node, Error> {
        Ok(Node::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Node, Error> {
        Ok(Node::String(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Node, Error> {
        Ok(Node::Seq(
            v.iter().map(|&b| Node::Number(b.into())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Node, Error> {
        Ok(Node::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Error> {
        Ok(Node::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Node, Error> {
        Ok(Node::Null)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Node, Error> {
        Ok(Node::String(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Node, Error> {
        if name.starts_with("$serde_json") {
            // serde_json's private markers (raw values, arbitrary precision): its own
            // conversion knows them.
            return from_value(serde_json::to_value(value)?);
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant_name: &'static str,
        value: &T,
    ) -> Result<Node, Error> {
        Ok(variant(variant_name, to_node(value)?))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, Error> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<SeqBuilder, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantSeqBuilder, Error> {
        Ok(VariantSeqBuilder(variant, Vec::with_capacity(len)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, Error> {
        Ok(MapBuilder {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<MapBuilder, Error> {
        if name.starts_with("$serde_json") {
            return Err(ser::Error::custom(
                "serde_json's private types are not written as YAML nodes",
            ));
        }
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantMapBuilder, Error> {
        Ok(VariantMapBuilder(variant, Vec::with_capacity(len)))
    }
}

/// A `serde_json::Value` as a tree (for the rare types serde_json converts itself).
fn from_value(value: serde_json::Value) -> Result<Node, Error> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(b),
        Value::Number(n) => Node::Number(n),
        Value::String(s) => Node::String(s),
        Value::Array(items) => Node::Seq(
            items
                .into_iter()
                .map(from_value)
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Node::Map(
            map.into_iter()
                .map(|(k, v)| Ok((Cow::Owned(k), from_value(v)?)))
                .collect::<Result<_, Error>>()?,
        ),
    })
}

struct SeqBuilder(Vec<Node>);

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Node;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.push(to_node(value)?);
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Seq(self.0))
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Node;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Node, Error> {
        ser::SerializeSeq::end(self)
    }
}

struct VariantSeqBuilder(&'static str, Vec<Node>);

impl ser::SerializeTupleVariant for VariantSeqBuilder {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.1.push(to_node(value)?);
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(variant(self.0, Node::Seq(self.1)))
    }
}

/// A map's or struct's entries. A key given twice keeps its first place and its last
/// value, as serde_json's map does.
struct MapBuilder {
    entries: Vec<(Cow<'static, str>, Node)>,
    key: Option<String>,
}

impl MapBuilder {
    fn push(&mut self, key: Cow<'static, str>, value: Node) {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.entries.push((key, value)),
        }
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Node;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeySerializer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        let value = to_node(value)?;
        self.push(Cow::Owned(key), value);
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Map(self.entries))
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let value = to_node(value)?;
        self.push(Cow::Borrowed(key), value);
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Map(self.entries))
    }
}

struct VariantMapBuilder(&'static str, Vec<(Cow<'static, str>, Node)>);

impl ser::SerializeStructVariant for VariantMapBuilder {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.1.push((Cow::Borrowed(key), to_node(value)?));
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(variant(self.0, Node::Map(self.1)))
    }
}

/// Map keys: strings, and the scalars serde_json turns into strings.
struct KeySerializer;

fn key_error() -> Error {
    <Error as ser::Error>::custom("key must be a string")
}

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::yaml;
    use serde_json::json;
    use std::collections::BTreeMap;

    /// The tree converted back, to compare with serde_json's own conversion.
    fn to_value(node: &Node) -> serde_json::Value {
        match node {
            Node::Null => serde_json::Value::Null,
            Node::Bool(b) => json!(b),
            Node::Number(n) => serde_json::Value::Number(n.clone()),
            Node::String(s) => json!(s),
            Node::Seq(items) => serde_json::Value::Array(items.iter().map(to_value).collect()),
            Node::Map(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.to_string(), to_value(v)))
                    .collect(),
            ),
        }
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i8, char),
        Struct { a: Option<f64> },
    }

    #[derive(Serialize)]
    struct Sample {
        name: String,
        skipped: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        absent: Option<String>,
        numbers: Vec<i64>,
        big: u64,
        float: f64,
        nan: f64,
        small: f32,
        flag: bool,
        labels: BTreeMap<String, String>,
        by_number: BTreeMap<u16, bool>,
        shapes: Vec<Shape>,
        tuple: (u8, String),
        bytes: serde_bytes_like::Bytes,
        unit: (),
    }

    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    fn sample() -> Sample {
        Sample {
            name: "kuma".into(),
            skipped: None,
            absent: None,
            numbers: vec![-1, 0, 7],
            big: u64::MAX,
            float: 1.5,
            nan: f64::NAN,
            small: 0.1,
            flag: true,
            labels: BTreeMap::from([("b".into(), "2".into()), ("a".into(), "yes".into())]),
            by_number: BTreeMap::from([(10, true), (2, false)]),
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(3),
                Shape::Tuple(-2, 'x'),
                Shape::Struct { a: Some(2.0) },
            ],
            tuple: (1, "one".into()),
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
            unit: (),
        }
    }

    #[test]
    fn holds_what_serde_json_would() {
        let node = to_node(&sample()).unwrap();
        let value = serde_json::to_value(sample()).unwrap();
        assert_eq!(to_value(&node), value);
        // Same order of entries too.
        assert_eq!(to_value(&node).to_string(), value.to_string());
    }

    #[test]
    fn writes_the_same_yaml_as_the_value() {
        let mut from_node = String::new();
        yaml::write_document(&mut from_node, &to_node(&sample()).unwrap());
        assert_eq!(
            from_node,
            yaml::to_string(&serde_json::to_value(sample()).unwrap())
        );
    }

    #[test]
    fn edits_maps_in_place() {
        let mut node = to_node(&json!({"a": {"b": 1}, "c": [1]})).unwrap();
        node.get_mut("a").unwrap().insert("b", Node::Bool(true));
        node.get_mut("a").unwrap().insert("z", Node::Null);
        node.get_mut("c").unwrap().insert("x", Node::Null);
        assert!(node.get_mut("missing").is_none());
        assert_eq!(
            to_value(&node).to_string(),
            r#"{"a":{"b":true,"z":null},"c":[1]}"#
        );
    }

    #[test]
    fn refuses_keys_serde_json_refuses() {
        let map = BTreeMap::from([(vec![1u8], 1)]);
        assert!(serde_json::to_value(&map).is_err());
        assert_eq!(
            to_node(&map).unwrap_err().to_string(),
            "key must be a string"
        );
    }
}
