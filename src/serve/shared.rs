//! The store the server answers from, shared by every request.
//!
//! Read-only (the default), it takes no lock, so `delegraph build` and
//! `delegraph query` keep working beside the server. A read-only RocksDB
//! view sees the data as of the moment it opened, so before each request
//! the store's files are compared with those seen at the last opening (the
//! names, sizes and times of `CURRENT`, the manifests, the write-ahead logs
//! and the tables: one directory listing); when a writer has changed them
//! the store is opened again. A request already running keeps the view it
//! started with. An opening that fails (a build in the middle of a write)
//! keeps the old view and is tried again at the next request.
//!
//! Read-write (`--allow-update`), the server holds the store's lock like a
//! build does, and every request sees every write at once.

use crate::error::Result;
use crate::store::GraphStore;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

/// The store, shared between requests.
pub struct SharedStore {
    path: PathBuf,
    access: Access,
}

enum Access {
    Writable(Arc<GraphStore>),
    ReadOnly(Mutex<View>),
}

/// A read-only view and the files it was opened on.
struct View {
    store: Arc<GraphStore>,
    files: Vec<FileStamp>,
}

/// What identifies a version of one of the store's files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct FileStamp {
    name: String,
    len: u64,
    modified: Option<SystemTime>,
}

impl SharedStore {
    /// Opens the store at `path` read-only; it must exist.
    pub fn read_only(path: &Path) -> Result<Self> {
        let files = stamps(path);
        let store = Arc::new(GraphStore::open_read_only(path)?);
        Ok(Self {
            path: path.to_owned(),
            access: Access::ReadOnly(Mutex::new(View { store, files })),
        })
    }

    /// Opens the store at `path` for reading and writing, creating it if
    /// needed; no other process can write it meanwhile.
    pub fn writable(path: &Path) -> Result<Self> {
        Ok(Self {
            path: path.to_owned(),
            access: Access::Writable(Arc::new(GraphStore::open(path)?)),
        })
    }

    /// The store's directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether updates can be applied.
    pub fn is_writable(&self) -> bool {
        matches!(self.access, Access::Writable(_))
    }

    /// The store to answer a request from: read-only, opened again first if
    /// a writer has changed its files since the last opening.
    pub fn current(&self) -> Arc<GraphStore> {
        self.view(false)
    }

    /// The store opened again now, whatever its files say: for a request
    /// whose read failed under a writer. Read-write, the same store.
    pub fn reopened(&self) -> Arc<GraphStore> {
        self.view(true)
    }

    fn view(&self, force: bool) -> Arc<GraphStore> {
        match &self.access {
            Access::Writable(store) => Arc::clone(store),
            Access::ReadOnly(view) => {
                let mut view = view.lock().unwrap_or_else(PoisonError::into_inner);
                let files = stamps(&self.path);
                if force || files != view.files {
                    if let Ok(store) = GraphStore::open_read_only(&self.path) {
                        view.store = Arc::new(store);
                        view.files = files;
                    }
                }
                Arc::clone(&view.store)
            }
        }
    }
}

/// The stamps of the files whose change means new data: `CURRENT`, the
/// manifests, the write-ahead logs and the tables (not `LOG`, `LOCK`).
fn stamps(path: &Path) -> Vec<FileStamp> {
    let Ok(entries) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    let mut files: Vec<FileStamp> = entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().into_string().ok()?;
            let data = name == "CURRENT"
                || name.starts_with("MANIFEST-")
                || name.ends_with(".log")
                || name.ends_with(".sst");
            if !data {
                return None;
            }
            let metadata = entry.metadata().ok()?;
            Some(FileStamp {
                name,
                len: metadata.len(),
                modified: metadata.modified().ok(),
            })
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meetings(store: &GraphStore) -> usize {
        store
            .oxigraph()
            .quads_for_pattern(
                None,
                Some(oxigraph::model::vocab::rdf::TYPE),
                Some(crate::vocab::dg::MEETING.into()),
                None,
            )
            .count()
    }

    #[test]
    fn a_read_only_view_sees_what_a_writer_wrote_after_it_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        drop(GraphStore::open(dir.path()).expect("create"));
        let shared = SharedStore::read_only(dir.path()).expect("open read-only");
        assert!(!shared.is_writable());
        let before = shared.current();
        assert_eq!(meetings(&before), 0);
        {
            let writer = GraphStore::open(dir.path()).expect("a writer opens beside it");
            writer
                .replace_articles(&[crate::mapping::tests::sample()])
                .expect("load");
        }
        assert_eq!(meetings(&before), 0, "a running request keeps its view");
        assert!(
            meetings(&shared.current()) > 0,
            "the next request sees the write"
        );
        assert!(meetings(&shared.reopened()) > 0);
    }

    #[test]
    fn an_unchanged_store_is_not_opened_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        drop(GraphStore::open(dir.path()).expect("create"));
        let shared = SharedStore::read_only(dir.path()).expect("open read-only");
        let first = shared.current();
        let second = shared.current();
        assert!(Arc::ptr_eq(&first, &second));
    }

    #[test]
    fn a_writable_store_is_one_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shared = SharedStore::writable(&dir.path().join("new")).expect("creates");
        assert!(shared.is_writable());
        assert!(Arc::ptr_eq(&shared.current(), &shared.reopened()));
        assert!(SharedStore::read_only(&dir.path().join("missing")).is_err());
    }
}
