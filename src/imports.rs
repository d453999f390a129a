//! Shortens the names the wasm imports its browser bindings by. wasm-bindgen names each one after
//! the function and a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`), once in the wasm's
//! import section and once in the JS glue's import object; with some 140 imports those hashes are
//! several kilobytes that no compressor can shrink. The build renames them `a`, `b`, … in both
//! files, and the glue's module `"./article_bg.js"` to `w` (the post-build step in Trunk.toml).
//!
//! Plain byte-level code, checked strictly: a name the glue does not hold exactly once, an import
//! of a kind this code does not know, or a malformed section is an error, and the build stops.

/// The module name the glue gives its imports under: `"./<name>_bg.js"`.
pub fn glue_module(glue: &str) -> Option<String> {
    let end = glue.find("_bg.js\":")?;
    let start = glue[..end].rfind("\"./")?;
    Some(glue[start + 1..end + "_bg.js".len()].to_string())
}

/// The renamed wasm and glue, and how many imports were renamed.
#[derive(Debug)]
pub struct Minified {
    pub wasm: Vec<u8>,
    pub glue: String,
    pub renamed: usize,
}

/// The short name of the `index`th import: `a`…`z`, `A`…`Z`, then `aa`, `ab`, …
pub fn short_name(index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// Renames the imports of `module` in `wasm` and the matching keys of `glue`.
pub fn minify(wasm: &[u8], glue: &str, module: &str) -> Result<Minified, String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a WebAssembly binary".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut at = 8;
    let mut renames = Vec::new();
    let mut exports = Vec::new();
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body_at) = read_u32(wasm, at + 1)?;
        let end = body_at
            .checked_add(size as usize)
            .filter(|&e| e <= wasm.len())
            .ok_or("a section runs past the end of the file")?;
        if id == 2 || id == 7 {
            let body = if id == 2 {
                rename_imports(&wasm[body_at..end], module, &mut renames)?
            } else {
                rename_exports(&wasm[body_at..end], glue, &mut exports)?
            };
            out.push(id);
            write_u32(&mut out, body.len() as u32);
            out.extend_from_slice(&body);
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    if renames.is_empty() {
        return Err(format!("the wasm imports nothing from {module:?}"));
    }

    // Minified glue writes `"./x_bg.js":{…}`, unminified `"./x_bg.js": import0`.
    let module_key = format!("{module:?}:");
    if glue.matches(&module_key).count() != 1 {
        return Err(format!(
            "the glue does not hold the import object key {module_key} exactly once"
        ));
    }
    let mut glue = glue.replacen(&module_key, "w:", 1);
    for (old, new) in &renames {
        let key = format!("{old}:");
        match glue.matches(old.as_str()).count() {
            1 if glue.contains(&key) => glue = glue.replacen(&key, &format!("{new}:"), 1),
            n => {
                return Err(format!(
                    "the glue names import {old} {n} times; expected once, as a key"
                ))
            }
        }
    }
    for (old, new) in &exports {
        glue = replace_members(&glue, old, new);
    }
    Ok(Minified {
        wasm: out,
        glue,
        renamed: renames.len() + exports.len(),
    })
}

/// Rewrites an import section's body: imports from `module` get short names (recorded in
/// `renames`), the rest are copied as they are.
fn rename_imports(
    body: &[u8],
    module: &str,
    renames: &mut Vec<(String, String)>,
) -> Result<Vec<u8>, String> {
    let (count, mut at) = read_u32(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    write_u32(&mut out, count);
    for _ in 0..count {
        let (from, next) = read_name(body, at)?;
        let (name, next) = read_name(body, next)?;
        let desc_end = skip_import_desc(body, next)?;
        if from == module {
            let new = short_name(renames.len());
            write_name(&mut out, "w");
            write_name(&mut out, &new);
            renames.push((name.to_string(), new));
        } else {
            write_name(&mut out, from);
            write_name(&mut out, name);
        }
        out.extend_from_slice(&body[next..desc_end]);
        at = desc_end;
    }
    if at != body.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok(out)
}

/// Rewrites an export section's body: an export the glue uses only as `wasm.<name>` gets a short
/// name (`$a`, `$b`, …), recorded in `renames`; any other export keeps its name.
fn rename_exports(
    body: &[u8],
    glue: &str,
    renames: &mut Vec<(String, String)>,
) -> Result<Vec<u8>, String> {
    let (count, mut at) = read_u32(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    write_u32(&mut out, count);
    for _ in 0..count {
        let (name, next) = read_name(body, at)?;
        body.get(next).ok_or("an export ends before its kind")?;
        let end = read_u32(body, next + 1)?.1;
        let members = member_uses(glue, name);
        if members > 0 && members == glue.matches(name).count() && name.len() > 3 {
            let new = format!("${}", short_name(renames.len()));
            write_name(&mut out, &new);
            renames.push((name.to_string(), new));
        } else {
            write_name(&mut out, name);
        }
        out.extend_from_slice(&body[next..end]);
        at = end;
    }
    if at != body.len() {
        return Err("the export section has bytes after its last export".into());
    }
    Ok(out)
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// How often the glue reads `wasm.<name>` as a whole member name.
fn member_uses(glue: &str, name: &str) -> usize {
    let member = format!("wasm.{name}");
    glue.match_indices(&member)
        .filter(|(at, _)| !glue[at + member.len()..].starts_with(is_ident))
        .count()
}

/// `glue` with every `wasm.<old>` (as a whole member name) read as `wasm.<new>`.
fn replace_members(glue: &str, old: &str, new: &str) -> String {
    let member = format!("wasm.{old}");
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(at) = rest.find(&member) {
        let after = &rest[at + member.len()..];
        out.push_str(&rest[..at]);
        if after.starts_with(is_ident) {
            out.push_str(&member);
        } else {
            out.push_str("wasm.");
            out.push_str(new);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The end of an import's description (function, table, memory, global or tag) starting at `at`.
fn skip_import_desc(b: &[u8], at: usize) -> Result<usize, String> {
    let kind = *b.get(at).ok_or("an import ends before its kind")?;
    let at = at + 1;
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *b.get(at).ok_or("limits end early")?;
        let (_, mut at) = read_u64(b, at + 1)?;
        if flags & 1 != 0 {
            at = read_u64(b, at)?.1;
        }
        Ok(at)
    };
    match kind {
        0 => Ok(read_u32(b, at)?.1),     // function: type index
        1 => limits(at + 1),             // table: element type, limits
        2 => limits(at),                 // memory: limits
        3 => Ok(at + 2),                 // global: value type, mutability
        4 => Ok(read_u32(b, at + 1)?.1), // tag: attribute, type index
        k => Err(format!("an import of unknown kind {k}")),
    }
}

fn read_name(b: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, at) = read_u32(b, at)?;
    let end = at
        .checked_add(len as usize)
        .filter(|&e| e <= b.len())
        .ok_or("a name runs past its section")?;
    let name = std::str::from_utf8(&b[at..end]).map_err(|_| "a name is not UTF-8")?;
    Ok((name, end))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_u32(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

fn read_u32(b: &[u8], at: usize) -> Result<(u32, usize), String> {
    let (v, at) = read_u64(b, at)?;
    u32::try_from(v)
        .map(|v| (v, at))
        .map_err(|_| "a number is too large".into())
}

/// Reads an unsigned LEB128 number.
fn read_u64(b: &[u8], mut at: usize) -> Result<(u64, usize), String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *b.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("a number is too long".into())
}

fn write_u32(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "./article_bg.js";

    /// A wasm with a type section, two imports from the glue (a function and a global), one from
    /// elsewhere, and a memory import, then a custom section.
    fn sample() -> Vec<u8> {
        let mut imports = Vec::new();
        write_u32(&mut imports, 4);
        for (module, name, desc) in [
            (MODULE, "__wbg_setAttribute_f75317b2b5cabfb4", &[0u8, 0][..]),
            ("env", "memory", &[2, 1, 1, 0x80, 0x01][..]),
            (
                MODULE,
                "__wbindgen_placeholder_0123456789abcdef",
                &[3, 0x7f, 0][..],
            ),
            ("other", "f", &[0, 0][..]),
        ] {
            write_name(&mut imports, module);
            write_name(&mut imports, name);
            imports.extend_from_slice(desc);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]); // type section: one () -> ()
        wasm.push(2);
        write_u32(&mut wasm, imports.len() as u32);
        wasm.extend_from_slice(&imports);
        wasm.extend_from_slice(&[0, 3, 2, b'h', b'i']); // custom section "hi", empty
        wasm
    }

    const GLUE: &str = "function i(){return{__proto__:null,\"./article_bg.js\":{__proto__:null,\
        __wbg_setAttribute_f75317b2b5cabfb4:function(a,b){a.x=b},\
        __wbindgen_placeholder_0123456789abcdef:1}}}";

    #[test]
    fn renames_the_glue_imports_in_both_files_and_keeps_the_rest() {
        let m = minify(&sample(), GLUE, MODULE).unwrap();
        assert_eq!(m.renamed, 2);
        assert_eq!(
            m.glue,
            "function i(){return{__proto__:null,w:{__proto__:null,a:function(a,b){a.x=b},b:1}}}"
        );
        let imports = parse(&m.wasm);
        assert_eq!(
            imports,
            [("w", "a"), ("env", "memory"), ("w", "b"), ("other", "f")]
                .map(|(m, n)| (m.to_string(), n.to_string()))
        );
        assert!(
            m.wasm.ends_with(&[0, 3, 2, b'h', b'i']),
            "sections after the imports are kept"
        );
        assert!(m.wasm.len() < sample().len());
    }

    fn parse(wasm: &[u8]) -> Vec<(String, String)> {
        let mut at = 8;
        while wasm[at] != 2 {
            let (size, body) = read_u32(wasm, at + 1).unwrap();
            at = body + size as usize;
        }
        let (size, body_at) = read_u32(wasm, at + 1).unwrap();
        let body = &wasm[body_at..body_at + size as usize];
        let (count, mut p) = read_u32(body, 0).unwrap();
        (0..count)
            .map(|_| {
                let (m, next) = read_name(body, p).unwrap();
                let (n, next) = read_name(body, next).unwrap();
                p = skip_import_desc(body, next).unwrap();
                (m.to_string(), n.to_string())
            })
            .collect()
    }

    #[test]
    fn exports_the_glue_reads_only_as_members_are_renamed() {
        let mut exports = Vec::new();
        write_u32(&mut exports, 3);
        for name in ["__wbindgen_malloc", "memory", "__wbindgen_free"] {
            write_name(&mut exports, name);
            exports.extend_from_slice(&[0, 0]);
        }
        let mut wasm = sample();
        wasm.push(7);
        write_u32(&mut wasm, exports.len() as u32);
        wasm.extend_from_slice(&exports);
        let glue = format!(
            "{GLUE};f(wasm.__wbindgen_malloc(1),wasm.__wbindgen_malloc);wasm.memory;\
             wasm.__wbindgen_free_x;x=\"__wbindgen_free\""
        );
        let m = minify(&wasm, &glue, MODULE).unwrap();
        assert_eq!(m.renamed, 4, "two imports, two exports");
        assert!(
            m.glue.ends_with(
                "f(wasm.$a(1),wasm.$a);wasm.$b;wasm.__wbindgen_free_x;x=\"__wbindgen_free\""
            ),
            "{}",
            m.glue
        );
        let tail = &m.wasm[m.wasm.len() - exports.len() + "__wbindgen_malloc".len() - 2..];
        assert!(tail.windows(2).any(|w| w == b"$a"), "the wasm exports $a");
        assert!(
            m.wasm.windows(15).any(|w| w == b"__wbindgen_free"),
            "an export the glue names otherwise keeps its name"
        );
    }

    #[test]
    fn finds_the_glue_module_minified_or_not() {
        assert_eq!(glue_module(GLUE).as_deref(), Some(MODULE));
        let unminified = "return {\n    __proto__: null,\n    \"./article_bg.js\": import0,\n};";
        assert_eq!(glue_module(unminified).as_deref(), Some(MODULE));
        assert_eq!(glue_module("no imports here"), None);
    }

    #[test]
    fn short_names_are_unique_identifiers() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|c| c.is_ascii_alphabetic())));
    }

    #[test]
    fn a_glue_that_does_not_match_stops_the_build() {
        let missing = GLUE.replace("__wbg_setAttribute_f75317b2b5cabfb4", "__wbg_other");
        let err = minify(&sample(), &missing, MODULE).unwrap_err();
        assert!(
            err.contains("__wbg_setAttribute_f75317b2b5cabfb4 0 times"),
            "{err}"
        );
        let twice = format!("{GLUE}__wbg_setAttribute_f75317b2b5cabfb4");
        assert!(minify(&sample(), &twice, MODULE)
            .unwrap_err()
            .contains("2 times"));
        let err = minify(
            &sample(),
            &GLUE.replace("./article_bg.js", "./x.js"),
            MODULE,
        )
        .unwrap_err();
        assert!(err.contains("import object key"), "{err}");
    }

    #[test]
    fn malformed_binaries_are_errors_not_panics() {
        assert!(minify(b"not wasm", GLUE, MODULE).is_err());
        let wasm = sample();
        for cut in 8..wasm.len() {
            let _ = minify(&wasm[..cut], GLUE, MODULE);
        }
        let mut long = wasm.clone();
        long[9] = 0xff; // the type section's size now runs past the end
        assert!(minify(&long, GLUE, MODULE).is_err());
        assert!(minify(b"\0asm\x01\0\0\0", GLUE, MODULE)
            .unwrap_err()
            .contains("imports nothing"));
    }
}
