//! Documents: an article's identifier, title, stated date and text, read from
//! a file, a folder of `.txt` files, or standard input.

use crate::dates;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest file read as an article (news articles are kilobytes; a
/// file of megabytes is a dump, and reading it as one article would cost
/// time for nothing).
pub const MAX_ARTICLE_BYTES: u64 = 2 * 1024 * 1024;

/// One article as read from disk.
#[derive(Debug, Clone)]
pub struct Document {
    /// Identifier: the file name, or `stdin`.
    pub id: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// The full text, as UTF-8 (invalid bytes replaced, see `lossy`).
    pub text: String,
    /// Whether invalid UTF-8 had to be replaced.
    pub lossy: bool,
}

impl Document {
    /// Makes a document from text already in memory.
    pub fn from_text(id: &str, text: &str) -> Self {
        Document {
            id: id.to_string(),
            path: PathBuf::from(id),
            text: text.trim_start_matches('\u{feff}').to_string(),
            lossy: false,
        }
    }

    /// Reads one file.
    pub fn read(path: &Path) -> Result<Self> {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > MAX_ARTICLE_BYTES {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                bytes: size,
                limit: MAX_ARTICLE_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let id = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Self::from_bytes(id, path.to_path_buf(), bytes)
    }

    /// Reads standard input.
    pub fn read_stdin() -> Result<Self> {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: PathBuf::from("-"),
                source,
            })?;
        Self::from_bytes("stdin".into(), PathBuf::from("-"), bytes)
    }

    /// Makes a document from the bytes of a file: refused when empty,
    /// binary or larger than any article; invalid UTF-8 is replaced.
    pub fn from_bytes(id: String, path: PathBuf, bytes: Vec<u8>) -> Result<Self> {
        if bytes.len() as u64 > MAX_ARTICLE_BYTES {
            return Err(Error::TooLarge {
                path,
                bytes: bytes.len() as u64,
                limit: MAX_ARTICLE_BYTES,
            });
        }
        // text never holds NUL; images, archives and executables do
        if bytes.contains(&0) {
            return Err(Error::Binary { path });
        }
        let (text, lossy) = match String::from_utf8(bytes) {
            Ok(t) => (t, false),
            Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
        };
        if text.trim().is_empty() {
            return Err(Error::Empty { path });
        }
        let text = text.trim_start_matches('\u{feff}').to_string();
        Ok(Document {
            id,
            path,
            text,
            lossy,
        })
    }

    /// The first non-empty line, when it reads as a headline (no final full stop).
    pub fn title(&self) -> Option<String> {
        let line = self
            .text
            .lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .find(|l| !l.is_empty())?;
        let line = dates::strip_leading_date_marker(line);
        (!line.ends_with('.') && line.len() <= 200).then(|| line.to_string())
    }

    /// The date the article states for itself, if any.
    pub fn stated_date(&self) -> Option<NaiveDate> {
        dates::article_date(&self.text)
    }
}

/// Expands command-line paths into article files: files as given, folders
/// walked recursively for `.txt` files (sorted), `-` for standard input.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let before = out.len();
            walk(path, &mut out, 0)?;
            if out.len() == before {
                return Err(Error::NoArticles { path: path.clone() });
            }
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    walk_once(dir, out, depth, &mut seen)
}

/// Walks `dir` unless it was walked already: a symbolic link back up the
/// tree (a loop) or to a sibling reads nothing twice.
fn walk_once(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    depth: usize,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<()> {
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if depth > 32 || !seen.insert(real) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk_once(&p, out, depth + 1, seen)?;
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(p);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_the_first_line_without_a_full_stop() {
        let d = Document::from_text("a.txt", "\n# Talks End In Istanbul\n\nBody.");
        assert_eq!(d.title().as_deref(), Some("Talks End In Istanbul"));
        let d = Document::from_text("b.txt", "A sentence that ends.\nMore.");
        assert_eq!(d.title(), None);
    }

    #[test]
    fn invalid_utf8_is_read_lossily_and_flagged() {
        let d = Document::from_bytes("x".into(), "x".into(), b"Talks \xff held.".to_vec());
        let d = d.expect("lossy read succeeds");
        assert!(d.lossy);
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn binary_data_is_refused() {
        let e = Document::from_bytes("x".into(), "x.txt".into(), b"PK\x03\x04\x00\x00".to_vec());
        assert!(matches!(e, Err(Error::Binary { .. })));
    }

    #[test]
    fn a_file_larger_than_any_article_is_refused() {
        let big = vec![b'a'; MAX_ARTICLE_BYTES as usize + 1];
        let e = Document::from_bytes("x".into(), "x.txt".into(), big);
        assert!(matches!(e, Err(Error::TooLarge { .. })));
    }

    #[test]
    fn a_symlink_loop_is_walked_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.txt"), "Talks.").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).expect("symlink");
        let found = expand_paths(&[dir.path().to_path_buf()]).expect("walks");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn an_empty_file_is_an_error() {
        let e = Document::from_bytes("x".into(), "e.txt".into(), b" \n ".to_vec());
        assert!(matches!(e, Err(Error::Empty { .. })));
    }
}
