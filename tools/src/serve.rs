//! `rig serve`: serves the built site on loopback, with the headers a deployment should send, and
//! rebuilds an article's page (and the index) as soon as its data changes. The runtime is not
//! rebuilt here: code changes need `scripts/build.sh`.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use article_model::source::Locales;

use crate::runtime::RUNTIME_DIR;
use crate::site::{self, Options, LOCALES_DIR};

/// The strict policy the pages are built to run under (README, "Deploying").
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

fn mime(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// The headers a deployment sends with a file (README, "Deploying"): the runtime's files are
/// immutable and readable from any origin (a sandboxed frame, an opaque origin, fetches them as
/// cross-origin requests); everything else is revalidated, so a rebuild shows at once.
fn headers(url: &str, path: &Path) -> Vec<(&'static str, &'static str)> {
    let runtime = url.contains(&format!("/{RUNTIME_DIR}/"));
    let mut out = vec![
        ("Content-Type", mime(path)),
        ("Content-Security-Policy", CSP),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Content-Type-Options", "nosniff"),
        (
            "Cache-Control",
            if runtime {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            },
        ),
    ];
    if runtime {
        out.push(("Access-Control-Allow-Origin", "*"));
    }
    out
}

/// The file a request path names inside `root`, if it does not climb out of it.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut out = root.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

/// When each file of each article's folder last changed, and the locale files'.
fn stamps(content: &Path) -> BTreeMap<PathBuf, SystemTime> {
    let mut out = BTreeMap::new();
    let Ok(dirs) = std::fs::read_dir(content) else {
        return out;
    };
    for dir in dirs.filter_map(Result::ok).filter(|d| d.path().is_dir()) {
        if let Ok(files) = std::fs::read_dir(dir.path()) {
            for f in files.filter_map(Result::ok) {
                if let Ok(modified) = f.metadata().and_then(|m| m.modified()) {
                    out.insert(f.path(), modified);
                }
            }
        }
    }
    out
}

/// Rebuilds the articles whose files changed (all of them when a locale file did).
fn rebuild(options: &Options, changed: &[PathBuf]) {
    let slugs: Vec<String> = if changed
        .iter()
        .any(|p| p.parent().and_then(Path::file_name) == Some(LOCALES_DIR.as_ref()))
    {
        Vec::new()
    } else {
        let mut s: Vec<String> = changed
            .iter()
            .filter_map(|p| p.parent()?.file_name()?.to_str().map(str::to_string))
            .collect();
        s.sort();
        s.dedup();
        s
    };
    let options = Options {
        only: slugs,
        ..options.clone()
    };
    match site::build(&options) {
        Ok(built) => site::report(&built),
        Err(e) => eprintln!("error: {e}"),
    }
}

pub fn serve(options: &Options, port: u16) -> Result<(), String> {
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl-C stops)",
        options.out.display()
    );
    println!("editing an article's files rebuilds its page; code changes need scripts/build.sh --preview");
    let watched = options.clone();
    std::thread::spawn(move || {
        let mut before = stamps(&watched.content);
        loop {
            std::thread::sleep(Duration::from_millis(300));
            let now = stamps(&watched.content);
            if now != before {
                let changed: Vec<PathBuf> = now
                    .iter()
                    .filter(|(p, t)| before.get(*p) != Some(t))
                    .map(|(p, _)| p.clone())
                    .chain(before.keys().filter(|p| !now.contains_key(*p)).cloned())
                    .collect();
                let started = Instant::now();
                rebuild(&watched, &changed);
                println!("rebuilt in {} ms", started.elapsed().as_millis());
                before = now;
            }
        }
    });
    // Checked at start, so a broken locale file is said at once rather than on the first edit.
    if let Err(errors) = Locales::read(&options.content.join(LOCALES_DIR)) {
        for e in errors {
            eprintln!("error: {e}");
        }
    }
    for request in server.incoming_requests() {
        let file = resolve(&options.out, request.url());
        let response = match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
            Some((path, body)) => {
                let mut r = tiny_http::Response::from_data(body);
                for (name, value) in headers(request.url(), &path) {
                    r = r.with_header(
                        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
                            .expect("a valid header"),
                    );
                }
                r
            }
            None => tiny_http::Response::from_string("not found").with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(all: &[(&'static str, &'static str)], name: &str) -> Option<&'static str> {
        all.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    #[test]
    fn the_runtime_is_immutable_and_shared_and_pages_are_revalidated() {
        let wasm = headers(
            "/_runtime/article_bg-0123456789.wasm",
            Path::new("dist/_runtime/article_bg-0123456789.wasm"),
        );
        assert_eq!(header(&wasm, "Content-Type"), Some("application/wasm"));
        assert_eq!(
            header(&wasm, "Cache-Control"),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(header(&wasm, "Access-Control-Allow-Origin"), Some("*"));

        let page = headers(
            "/milei-cold-war/?cards=0",
            Path::new("dist/milei-cold-war/index.html"),
        );
        assert_eq!(
            header(&page, "Content-Type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(header(&page, "Cache-Control"), Some("no-cache"));
        assert_eq!(header(&page, "Access-Control-Allow-Origin"), None);

        for all in [&wasm, &page] {
            assert_eq!(header(all, "Content-Security-Policy"), Some(CSP));
            assert_eq!(
                header(all, "Referrer-Policy"),
                Some("strict-origin-when-cross-origin")
            );
            assert_eq!(header(all, "X-Content-Type-Options"), Some("nosniff"));
        }
    }
}
