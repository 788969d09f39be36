//! Reading a PDF back as a reader sees it, with poppler's tools. A missing
//! tool fails the test loudly: `.ci/run` installs poppler-utils.

use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {name} ({e}): install poppler-utils (apt-get install poppler-utils)")
        });
    assert!(
        out.status.success(),
        "{name} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("poppler prints UTF-8")
}

/// The text in reading layout (`pdftotext -layout`).
pub fn text(pdf: &Path) -> String {
    tool("pdftotext", &["-layout"], pdf)
}

/// The text in content order (`pdftotext -raw`): a table cell's lines stay
/// together, so a value that wraps inside a cell reads back whole.
pub fn raw_text(pdf: &Path) -> String {
    tool("pdftotext", &["-raw"], pdf)
}

/// The text with every run of white space made one space: for phrases that
/// may wrap across lines.
pub fn flat_text(pdf: &Path) -> String {
    text(pdf).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn info_tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {name} ({e}): install poppler-utils (apt-get install poppler-utils)")
        });
    assert!(out.status.success(), "{name} failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn info(pdf: &Path) -> String {
    info_tool("pdfinfo", &[], pdf)
}

pub fn metadata(pdf: &Path) -> String {
    info_tool("pdfinfo", &["-meta"], pdf)
}

/// `pdffonts` rows: (name, embedded).
pub fn fonts(pdf: &Path) -> Vec<(String, bool)> {
    info_tool("pdffonts", &[], pdf)
        .lines()
        .skip(2)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let name = cols.first()?.to_string();
            // name, type…, encoding, emb, sub, uni, object, id: emb is 5th from the end.
            let emb = cols.get(cols.len().checked_sub(5)?)? == &"yes";
            Some((name, emb))
        })
        .collect()
}

/// A word with its box, in points from the top left of its page.
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).map(|i| i + key.len()).expect("attribute");
    let end = tag[start..].find('"').expect("closing quote") + start;
    tag[start..end].parse().expect("a number")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every word of the PDF with its box (`pdftotext -bbox`).
pub fn words(pdf: &Path) -> Vec<Word> {
    let xml = tool("pdftotext", &["-bbox"], pdf);
    let mut page = 0;
    let mut words = Vec::new();
    for line in xml.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, body) = rest.split_once('>').expect("word tag");
            let text = body.trim_end_matches("</word>");
            words.push(Word {
                page,
                text: unescape(text),
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
            });
        }
    }
    words
}

/// Whether `phrase` is printed somewhere with all its words on one line
/// (consecutive words of the PDF, one page, one baseline), as opposed to
/// split over two lines or absent.
pub fn on_one_line(words: &[Word], phrase: &str) -> bool {
    let wanted: Vec<&str> = phrase.split_whitespace().collect();
    words.windows(wanted.len()).any(|run| {
        run.iter().zip(&wanted).all(|(w, x)| w.text == *x)
            && run
                .iter()
                .all(|w| w.page == run[0].page && (w.y1 - run[0].y1).abs() < 1.0)
    })
}

/// The first word equal to `text`.
pub fn word<'a>(words: &'a [Word], text: &str) -> &'a Word {
    words
        .iter()
        .find(|w| w.text == text)
        .unwrap_or_else(|| panic!("no word {text:?}"))
}

/// One face of the embedded font, to compute what width a word must have
/// at a given size: the PDF's word widths then tell its size and face.
pub struct Face {
    data: Vec<u8>,
}

impl Face {
    pub fn load(file: &str) -> Face {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fonts")
            .join(file);
        Face {
            data: std::fs::read(path).expect("font file"),
        }
    }

    pub fn width(&self, text: &str, size: f64) -> f64 {
        let face = ttf_parser::Face::parse(&self.data, 0).expect("a TrueType font");
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0, u32::from)
            })
            .sum();
        f64::from(units) * size / f64::from(face.units_per_em())
    }
}

/// Which of the four faces, at which of `sizes`, gives `w` its width.
pub fn face_and_size(w: &Word, sizes: &[f64]) -> (&'static str, f64) {
    let faces = [
        ("regular", "LiberationSerif-Regular.ttf"),
        ("bold", "LiberationSerif-Bold.ttf"),
        ("italic", "LiberationSerif-Italic.ttf"),
        ("bold-italic", "LiberationSerif-BoldItalic.ttf"),
    ];
    let measured = w.x1 - w.x0;
    let mut best = ("", 0.0, f64::MAX);
    for (name, file) in faces {
        let face = Face::load(file);
        for &size in sizes {
            let off = (face.width(&w.text, size) - measured).abs();
            if off < best.2 {
                best = (name, size, off);
            }
        }
    }
    assert!(
        best.2 < 0.05,
        "no face and size gives {:?} its width {measured}: closest {best:?}",
        w.text
    );
    (best.0, best.1)
}

/// The first page drawn in grey at 72 dpi (one pixel a point): its width,
/// and one byte a pixel, row by row (`pdftoppm -gray`, a binary PGM).
pub fn page_pixels(pdf: &Path) -> (usize, Vec<u8>) {
    let out = Command::new("pdftoppm")
        .args(["-gray", "-r", "72", "-f", "1", "-l", "1"])
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run pdftoppm ({e}): install poppler-utils (apt-get install poppler-utils)"
            )
        });
    assert!(out.status.success(), "pdftoppm failed on {}", pdf.display());
    // "P5\n<width> <height>\n255\n" then the pixels.
    let bytes = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "a binary grey map");
    let width: usize = fields[1].parse().expect("width");
    (width, bytes[at + 1..].to_vec())
}

/// The longest run of dark pixels on any row between `top` and `bottom`
/// (in points from the page's top): a rule drawn there, in points.
pub fn longest_rule(pdf: &Path, top: f64, bottom: f64) -> usize {
    let (width, pixels) = page_pixels(pdf);
    let mut longest = 0;
    for row in top.ceil() as usize..bottom.floor() as usize {
        let line = &pixels[row * width..(row + 1) * width];
        let mut run = 0;
        for &p in line {
            run = if p < 128 { run + 1 } else { 0 };
            longest = longest.max(run);
        }
    }
    longest
}
