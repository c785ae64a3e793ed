//! The house's layering (docs/architecture.md): which top-level module of `src/` may use
//! which. The store and the model use neither sync, the screens nor the command line, and
//! no two top-level modules use each other. Read from the source (`crate::X` paths, test
//! modules left out), so that a new import that breaks the layering fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Per top-level module, the other top-level modules its code names.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeSet::new();
    for entry in std::fs::read_dir(&src).expect("src") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if (path.is_dir() || path.extension().is_some_and(|e| e == "rs"))
            && name != "lib"
            && name != "main"
        {
            modules.insert(name);
        }
    }
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("rel");
        let top = rel
            .components()
            .next()
            .expect("top")
            .as_os_str()
            .to_string_lossy();
        let top = top.trim_end_matches(".rs").to_string();
        if !modules.contains(&top) {
            continue;
        }
        // A module's tests in their own file (`#[cfg(test)] mod tests;`) are left out
        // whole, as an inline test module is.
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        let text = match text.find("#[cfg(test)]\nmod tests") {
            Some(cut) => &text[..cut],
            None => &text[..],
        };
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or("");
            for (at, _) in code.match_indices("crate::") {
                let name: String = code[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if name != top && modules.contains(&name) {
                    uses.entry(top.clone()).or_default().insert(name);
                }
            }
        }
    }
    uses
}

#[test]
fn the_store_and_the_model_use_no_front_and_no_two_modules_use_each_other() {
    let uses = uses();
    let none = BTreeSet::new();
    for core in ["store", "model", "codec", "disk"] {
        let used = uses.get(core).unwrap_or(&none);
        for front in [
            "sync",
            "tui",
            "cli",
            "workspace",
            "backup",
            "report",
            "directory",
        ] {
            assert!(!used.contains(front), "{core} uses {front}: {used:?}");
        }
    }
    let model = uses.get("model").unwrap_or(&none);
    assert!(model.iter().all(|m| m == "codec"), "model uses {model:?}");
    for (a, used) in &uses {
        for b in used {
            assert!(
                !uses.get(b).is_some_and(|u| u.contains(a)),
                "{a} and {b} use each other"
            );
        }
    }
}

/// No source file grows past 1,000 lines, tests included (issue 15): a file that does is
/// split along its seams, as the screens, the store and the workspace were.
#[test]
fn no_source_file_is_over_a_thousand_lines() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).expect("read").lines().count();
            (lines > 1000).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these: {long:?}");
}
