//! The runtime every article shares: what Trunk built (the wasm, its glue, the stylesheet, the
//! scripts, the page template), finished and written once into `dist/_runtime/` under
//! content-hashed names, so that a CDN can cache each file for a year and a reader who has opened
//! one article opens the next without fetching any of it again.
//!
//! Finishing means: the wasm's import and export names shortened by binaryen's `wasm-opt
//! --minify-imports-and-exports-and-modules` (wasm-bindgen names each browser binding with a
//! 16-digit hash, in the wasm and again in the glue: about 3.6 KB of brotli), and the glue renamed
//! to match; the glue and the hand-written scripts minified by terser, which, unlike the minifier
//! Trunk runs, also shortens a module's own names (about 0.6 KB of brotli on a first visit).

use std::path::{Path, PathBuf};
use std::process::Command;

use lol_html::element;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The folder the runtime is written to, inside the site.
pub const RUNTIME_DIR: &str = "_runtime";

/// What the pages need to know of the runtime: its files' names, and the page template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Runtime {
    pub css: String,
    pub boot: String,
    pub glue: String,
    pub wasm: String,
    pub icon: String,
    /// The stylesheet of the site's index page.
    pub site_css: String,
    /// The frame's script, which the boot script imports.
    pub embed_child: String,
    /// The page template, with Trunk's links still in it (the pages get their own).
    pub template: String,
    /// A hash of what Trunk built: the runtime is finished again only when it changes.
    pub source: String,
}

/// The files Trunk's page links, read from its `index.html`.
#[derive(Default)]
struct Linked {
    css: Option<String>,
    icon: Option<String>,
    glue: Option<String>,
    wasm: Option<String>,
}

fn file_name(url: &str) -> String {
    url.rsplit('/').next().unwrap_or(url).to_string()
}

/// The first 16 hex digits of the SHA-256 of `bytes`.
pub fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// How many hex digits of [`short_hash`] name a runtime file: 40 bits keep the versions of one file
/// apart (bundlers commonly use 32), and every page names five runtime files: 10 digits instead of
/// 16 are 25 B less brotli on the first article's page.
const NAME_HASH_DIGITS: usize = 10;

/// `stem.ext` named `stem-<hash>.ext` (`article.css` → `article-0123456789.css`).
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = &short_hash(bytes)[..NAME_HASH_DIGITS];
    match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}-{hash}.{ext}"),
        None => format!("{name}-{hash}"),
    }
}

/// The name Trunk gave a file, without its hash (`article-2fea805efc3a73a1.css` → `article.css`,
/// `article-c4d6afeba295e179_bg.wasm` → `article_bg.wasm`). Trunk writes its 64-bit hash without
/// leading zeros, so one time in sixteen it has 15 digits (`article-4bfa8e447fca702_bg.wasm`).
fn plain_name(name: &str) -> String {
    let (stem, ext) = name.split_once('.').unwrap_or((name, ""));
    let (stem, bg) = match stem.strip_suffix("_bg") {
        Some(s) => (s, "_bg"),
        None => (stem, ""),
    };
    let stem = match stem.rsplit_once('-') {
        Some((s, hash))
            if (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            s
        }
        _ => stem,
    };
    format!("{stem}{bg}.{ext}")
}

/// A script minified by terser (from npm, on PATH): `module` for an ES module (its own names may
/// all be shortened; only its exports keep theirs), else a classic script.
pub fn minify(js: &str, module: bool) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("rig-terser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let input = dir.join(format!("in-{}.js", short_hash(js.as_bytes())));
    std::fs::write(&input, js).map_err(|e| format!("{}: {e}", input.display()))?;
    let mut command = Command::new("terser");
    command
        .arg(&input)
        .args(["--compress", "passes=2", "--mangle", "--comments", "false"]);
    if module {
        command.args(["--module", "--toplevel"]);
    }
    let output = command.output().map_err(|e| {
        format!("terser could not run ({e}); scripts/setup.sh installs it (from npm) and scripts/env.sh puts it on PATH")
    });
    let _ = std::fs::remove_file(&input);
    let output = output?;
    if !output.status.success() {
        return Err(format!(
            "terser failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| "terser wrote no UTF-8".to_string())
}

/// The map `wasm-opt --minify-imports-and-exports-and-modules` prints.
#[derive(Deserialize)]
struct Minified {
    /// (module, old name, new name).
    imports: Vec<(String, String, String)>,
    /// (old name, new name).
    exports: Vec<(String, String)>,
}

/// The module name binaryen gives every import when it minifies modules.
const MINIFIED_MODULE: &str = "a";

/// Renames the glue's imports and exports as `map` says, checking every import is there once.
fn rename_glue(glue: &str, map: &Minified) -> Result<String, String> {
    let mut out = glue.to_string();
    let modules: Vec<&str> = {
        let mut m: Vec<&str> = map.imports.iter().map(|(m, _, _)| m.as_str()).collect();
        m.sort_unstable();
        m.dedup();
        m
    };
    for module in modules {
        let key = format!("\"{module}\":{{");
        match out.matches(&key).count() {
            1 => out = out.replacen(&key, &format!("{MINIFIED_MODULE}:{{"), 1),
            n => {
                return Err(format!(
                    "the glue names the import module {module:?} {n} times; expected once"
                ))
            }
        }
    }
    for (_, old, new) in &map.imports {
        let key = format!("{old}:function");
        match out.matches(&key).count() {
            1 => out = out.replacen(&key, &format!("{new}:function"), 1),
            n => {
                return Err(format!(
                    "the glue defines the import {old} {n} times; expected once"
                ))
            }
        }
    }
    // Exports are read as `wasm.name`; a name must be followed by a character that cannot go on
    // an identifier, or `wasm.start` would also rename `wasm.starts`.
    for (old, new) in &map.exports {
        let key = format!("wasm.{old}");
        let mut renamed = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(&key) {
            let after = rest[at + key.len()..].chars().next();
            let whole = !after.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
            renamed.push_str(&rest[..at]);
            if whole {
                renamed.push_str("wasm.");
                renamed.push_str(new);
            } else {
                renamed.push_str(&key);
            }
            rest = &rest[at + key.len()..];
        }
        renamed.push_str(rest);
        out = renamed;
    }
    Ok(out)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A hash of every file Trunk built, and of this program (which finishes them).
fn source_hash(stage: &Path) -> Result<String, String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(stage)
        .map_err(|e| {
            format!(
                "{}: {e}; build the runtime first (scripts/build.sh --preview)",
                stage.display()
            )
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    names.sort();
    let mut all = std::env::current_exe()
        .and_then(std::fs::read)
        .unwrap_or_default();
    for path in names {
        all.extend(
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .as_bytes(),
        );
        all.extend(read(&path)?);
    }
    Ok(short_hash(&all))
}

const MANIFEST: &str = "manifest.json";

/// Finishes what Trunk built in `stage` into `out` (`dist/_runtime/`), unless `out` already holds
/// it finished from the same build. Returns the runtime. Each file's finishing is a few lines in
/// order (read what Trunk linked, the wasm, the glue, the styles, the scripts, the manifest).
pub fn prepare(stage: &Path, out: &Path) -> Result<Runtime, String> {
    let source = source_hash(stage)?;
    let manifest = out.join(MANIFEST);
    if let Ok(text) = std::fs::read_to_string(&manifest) {
        if let Ok(runtime) = serde_json::from_str::<Runtime>(&text) {
            if runtime.source == source {
                return Ok(runtime);
            }
        }
    }
    let template = String::from_utf8(read(&stage.join("index.html"))?)
        .map_err(|_| "the runtime's index.html is not UTF-8".to_string())?;
    let mut linked = Linked::default();
    crate::page::rewrite(
        &template,
        vec![
            element!(r#"link[rel="stylesheet"]"#, |el| {
                linked.css = el.get_attribute("href");
                Ok(())
            }),
            element!(r#"link[rel="icon"]"#, |el| {
                linked.icon = el.get_attribute("href");
                Ok(())
            }),
            element!("script[data-js][data-wasm]", |el| {
                linked.glue = el.get_attribute("data-js");
                linked.wasm = el.get_attribute("data-wasm");
                Ok(())
            }),
        ],
    )
    .map_err(|e| format!("the runtime's index.html: {e}"))?;
    let need = |what: Option<String>, name: &str| {
        what.map(|u| file_name(&u))
            .ok_or(format!("the runtime's index.html links no {name}"))
    };
    let (css, icon, glue, wasm) = (
        need(linked.css, "stylesheet")?,
        need(linked.icon, "icon")?,
        need(linked.glue, "glue (data-js)")?,
        need(linked.wasm, "wasm (data-wasm)")?,
    );

    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    // Old files of earlier builds stay while pages of articles not rebuilt may still link them
    // (`prune` removes them when the whole site is rebuilt).
    let write = |plain: &str, bytes: &[u8]| -> Result<String, String> {
        let name = hashed_name(plain, bytes);
        std::fs::write(out.join(&name), bytes)
            .map_err(|e| format!("{}: {e}", out.join(&name).display()))?;
        Ok(name)
    };

    // The wasm, its names shortened, and the glue renamed to match.
    let minified = out.join(".minified.wasm");
    let output = Command::new("wasm-opt")
        .arg(stage.join(&wasm))
        .arg("--minify-imports-and-exports-and-modules")
        .arg("-o")
        .arg(&minified)
        .output()
        .map_err(|e| format!("wasm-opt could not run ({e}); scripts/setup.sh installs it (binaryen, from npm) and scripts/env.sh puts it on PATH"))?;
    if !output.status.success() {
        return Err(format!(
            "wasm-opt failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let map: Minified = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("wasm-opt printed no map of the names it shortened: {e}"))?;
    let wasm_bytes = read(&minified)?;
    let _ = std::fs::remove_file(&minified);
    let glue_text = String::from_utf8(read(&stage.join(&glue))?)
        .map_err(|_| "the glue is not UTF-8".to_string())?;
    let glue_text = minify(&rename_glue(&glue_text, &map)?, true)?;
    let wasm_name = write(&plain_name(&wasm), &wasm_bytes)?;
    let glue_name = write(&plain_name(&glue), glue_text.as_bytes())?;

    let css_name = write(&plain_name(&css), &read(&stage.join(&css))?)?;
    let icon_name = write(&plain_name(&icon), &read(&stage.join(&icon))?)?;
    let site_css = write("site.css", &read(&stage.join("site.css"))?)?;
    // The frame's script first: the boot script imports it by its (hashed) name.
    let script = |name: &str| -> Result<String, String> {
        String::from_utf8(read(&stage.join(name))?).map_err(|_| format!("{name} is not UTF-8"))
    };
    let child = write(
        "embed-child.js",
        minify(&script("embed-child.js")?, true)?.as_bytes(),
    )?;
    let boot = script("boot.js")?;
    let import = "\"./embed-child.js\"";
    if boot.matches(import).count() != 1 {
        return Err(format!("boot.js must import {import} once"));
    }
    let boot = boot.replacen(import, &format!("\"./{child}\""), 1);
    let boot_name = write("boot.js", minify(&boot, true)?.as_bytes())?;

    let runtime = Runtime {
        css: css_name,
        boot: boot_name,
        glue: glue_name,
        wasm: wasm_name,
        icon: icon_name,
        site_css,
        embed_child: child,
        template,
        source,
    };
    std::fs::write(
        &manifest,
        serde_json::to_string_pretty(&runtime).expect("a runtime serialises"),
    )
    .map_err(|e| format!("{}: {e}", manifest.display()))?;
    Ok(runtime)
}

/// Removes from `out` (`dist/_runtime/`) the files of earlier runtimes, once every page links
/// `runtime`'s: a site rebuilt whole keeps only what its pages use. Returns how many went.
pub fn prune(out: &Path, runtime: &Runtime) -> Result<usize, String> {
    let keep = [
        MANIFEST,
        &runtime.css,
        &runtime.boot,
        &runtime.glue,
        &runtime.wasm,
        &runtime.icon,
        &runtime.site_css,
        &runtime.embed_child,
    ];
    let mut removed = 0;
    for entry in std::fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", out.display()))?;
        let name = entry.file_name();
        if entry.path().is_file() && !keep.iter().any(|k| name == **k) {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The publisher's script, `embed.js`, as the site serves it at a stable address (publishers paste
/// it; it cannot change name).
pub fn embed_script(stage: &Path) -> Result<String, String> {
    let text = String::from_utf8(read(&stage.join("embed.js"))?)
        .map_err(|_| "embed.js is not UTF-8".to_string())?;
    minify(&text, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_trunks_hash_and_get_their_own() {
        assert_eq!(plain_name("article-2fea805efc3a73a1.css"), "article.css");
        assert_eq!(
            plain_name("article-c4d6afeba295e179_bg.wasm"),
            "article_bg.wasm"
        );
        assert_eq!(
            plain_name("article-4bfa8e447fca702_bg.wasm"),
            "article_bg.wasm"
        );
        assert_eq!(plain_name("boot.js"), "boot.js");
        assert_eq!(plain_name("embed-child.js"), "embed-child.js");
        let name = hashed_name("article_bg.wasm", b"x");
        assert!(
            name.starts_with("article_bg-") && name.ends_with(".wasm"),
            "{name}"
        );
        assert_eq!(hashed_name("a.css", b"x"), hashed_name("a.css", b"x"));
        assert_ne!(hashed_name("a.css", b"x"), hashed_name("a.css", b"y"));
    }

    #[test]
    fn the_glue_follows_the_wasm_s_new_names_exactly() {
        let glue = "function i(){return{__proto__:null,\"./m_bg.js\":{__proto__:null,__wbg_a_1:function(){},__wbg_b_2:function(){}}}}wasm.start(1);wasm.starts;wasm.memory";
        let map = Minified {
            imports: vec![
                ("./m_bg.js".into(), "__wbg_a_1".into(), "a".into()),
                ("./m_bg.js".into(), "__wbg_b_2".into(), "b".into()),
            ],
            exports: vec![
                ("start".into(), "Gb".into()),
                ("memory".into(), "Fb".into()),
            ],
        };
        assert_eq!(
            rename_glue(glue, &map).unwrap(),
            "function i(){return{__proto__:null,a:{__proto__:null,a:function(){},b:function(){}}}}wasm.Gb(1);wasm.starts;wasm.Fb"
        );
        let missing = Minified {
            imports: vec![("./m_bg.js".into(), "__wbg_c_3".into(), "c".into())],
            exports: vec![],
        };
        assert!(rename_glue(glue, &missing)
            .unwrap_err()
            .contains("__wbg_c_3"));
    }
}
