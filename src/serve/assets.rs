//! The web page's files, built into the binary from `web/`: the server
//! needs nothing else, so the page works offline (no CDN, no fonts or
//! scripts from elsewhere).

/// A file the server sends as it is.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// The URL path.
    pub path: &'static str,
    /// The file in `web/`.
    pub file: &'static str,
    /// Its media type.
    pub content_type: &'static str,
    /// Its text.
    pub body: &'static str,
}

macro_rules! assets {
    ($(($path:literal, $file:literal, $content_type:literal)),* $(,)?) => {
        &[$(Asset {
            path: $path,
            file: $file,
            content_type: $content_type,
            body: include_str!(concat!("../../web/", $file)),
        }),*]
    };
}

/// Every file of the page.
pub const ASSETS: &[Asset] = assets![
    ("/", "index.html", "text/html; charset=utf-8"),
    ("/app.js", "app.js", "text/javascript; charset=utf-8"),
    ("/graph.js", "graph.js", "text/javascript; charset=utf-8"),
    ("/style.css", "style.css", "text/css; charset=utf-8"),
];

/// The file served at `path`.
pub fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_web_is_served() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("web/ exists")
            .map(|e| e.expect("entry"))
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut served: Vec<&str> = ASSETS.iter().map(|a| a.file).collect();
        served.sort_unstable();
        assert_eq!(files, served);
    }

    #[test]
    fn the_page_loads_nothing_from_elsewhere() {
        for asset in ASSETS {
            for needle in ["src=\"http", "href=\"http", "url(http", "@import", "//cdn"] {
                assert!(
                    !asset.body.contains(needle),
                    "{} refers outside the server: {needle}",
                    asset.file
                );
            }
        }
        let index = find("/").expect("the page");
        for asset in ASSETS.iter().filter(|a| a.path != "/") {
            assert!(
                index.body.contains(asset.path),
                "index.html loads {}",
                asset.path
            );
        }
    }
}
