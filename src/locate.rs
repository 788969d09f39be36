//! Finds where a field stands in a YAML text, for problems found after
//! parsing (a dangling reference, a duplicate id) that serde cannot place.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

enum Frame {
    Map { key: Option<String> },
    Seq { index: usize },
}

#[derive(Default)]
struct Positions {
    stack: Vec<Frame>,
    found: HashMap<String, (usize, usize)>,
    /// Where each field is written last (a key written twice).
    last: HashMap<String, (usize, usize)>,
    /// Scalar values (not keys) with their field and place.
    values: Vec<Scalar>,
}

/// A value written in a YAML text, with its field path and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    pub field: String,
    pub text: String,
    pub line: usize,
    pub column: usize,
}

impl Positions {
    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Map { key: Some(key) } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Frame::Seq { index } => path.push_str(&format!("[{index}]")),
                Frame::Map { key: None } => {}
            }
        }
        path
    }

    /// Called when a node starts; returns true if the node is a mapping key.
    fn node_starts(&mut self, mark: Marker, key_text: Option<&str>) -> bool {
        match self.stack.last_mut() {
            Some(Frame::Map { key: key @ None }) => {
                *key = Some(key_text.unwrap_or("?").to_owned());
                let path = self.path();
                let at = (mark.line(), mark.col() + 1);
                self.last.insert(path.clone(), at);
                self.found.entry(path).or_insert(at);
                true
            }
            _ => {
                let path = self.path();
                self.found
                    .entry(path)
                    .or_insert((mark.line(), mark.col() + 1));
                false
            }
        }
    }

    /// A scalar or alias: a key starts a field; a value ends as it starts.
    fn leaf(&mut self, mark: Marker, text: Option<&str>) {
        if !self.node_starts(mark, text) {
            if let Some(text) = text {
                self.values.push(Scalar {
                    field: self.path(),
                    text: text.to_owned(),
                    line: mark.line(),
                    column: mark.col() + 1,
                });
            }
            self.node_ends();
        }
    }

    /// Called when a node ends: the enclosing collection moves on.
    fn node_ends(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key }) => *key = None,
            Some(Frame::Seq { index }) => *index += 1,
            None => {}
        }
    }
}

impl MarkedEventReceiver for Positions {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(text, ..) => self.leaf(mark, Some(&text)),
            Event::Alias(_) => self.leaf(mark, None),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A collection used as a key is not a key we can name.
                self.node_starts(mark, None);
                self.stack.push(match ev {
                    Event::MappingStart(..) => Frame::Map { key: None },
                    _ => Frame::Seq { index: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.node_ends();
            }
            _ => {}
        }
    }
}

fn walk(yaml: &str) -> Option<Positions> {
    let mut positions = Positions::default();
    // A text that does not parse has no positions to offer; serde reported it.
    Parser::new_from_str(yaml)
        .load(&mut positions, false)
        .ok()?;
    Some(positions)
}

fn positions(yaml: &str) -> Option<HashMap<String, (usize, usize)>> {
    walk(yaml).map(|p| p.found)
}

/// Every value written in `yaml`, in order.
pub fn scalars(yaml: &str) -> Vec<Scalar> {
    walk(yaml).map(|p| p.values).unwrap_or_default()
}

/// Where `field` is written the last time: the second copy of a key
/// written twice.
pub fn locate_last(yaml: &str, field: &str) -> Option<(usize, usize)> {
    walk(yaml)?.last.get(field).copied()
}

/// The 1-based line and column where `field` is written, if it is.
pub fn locate_exact(yaml: &str, field: &str) -> Option<(usize, usize)> {
    positions(yaml)?.get(field).copied()
}

/// The 1-based line and column of `field` (as `dang_ky.noi_dung[1]`) in
/// `yaml`, or of its closest enclosing field that is written out.
pub fn locate(yaml: &str, field: &str) -> Option<(usize, usize)> {
    let found = positions(yaml)?;
    let mut path = field.to_owned();
    loop {
        if let Some(&pos) = found.get(&path) {
            return Some(pos);
        }
        let cut = path.rfind(['.', '['])?;
        path.truncate(cut);
    }
}

#[cfg(test)]
mod tests {
    use super::locate;

    const YAML: &str = "ho_ten: Nguyễn Thị Lan\ndang_ky:\n  ngay: 2020-02-28\n  noi_dung:\n    - \"2.1\"\n    - \"2.9\"\nphu_trach_phong: [a, b]\n";

    #[test]
    fn finds_keys_and_sequence_items() {
        assert_eq!(locate(YAML, "ho_ten"), Some((1, 1)));
        assert_eq!(locate(YAML, "dang_ky.ngay"), Some((3, 3)));
        assert_eq!(locate(YAML, "dang_ky.noi_dung[1]"), Some((6, 7)));
        assert_eq!(locate(YAML, "phu_trach_phong[1]"), Some((7, 22)));
    }

    #[test]
    fn falls_back_to_the_enclosing_field() {
        assert_eq!(locate(YAML, "dang_ky.cam_ket"), Some((2, 1)));
    }
}
