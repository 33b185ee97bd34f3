//! Embeds the message catalogue: every `locales/en/*.ftl` with its `locales/zh-CN/` twin,
//! listed in `$OUT_DIR/locales.rs` for `i18n::catalogue`. A file without its twin stops the
//! build, so a language can never lack a whole file.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut names: Vec<String> = std::fs::read_dir(root.join("en"))
        .expect("locales/en")
        .map(|e| e.expect("locales/en entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ftl"))
        .collect();
    names.sort();
    let mut out = String::from("/// `(file, English, Chinese)` for every catalogue file.\n");
    out.push_str("pub static FILES: &[(&str, &str, &str)] = &[\n");
    for name in &names {
        let en = root.join("en").join(name);
        let zh = root.join("zh-CN").join(name);
        assert!(zh.is_file(), "locales/en/{name} has no twin locales/zh-CN/{name}");
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?}), include_str!({:?})),\n",
            en.display().to_string(),
            zh.display().to_string()
        ));
    }
    for entry in std::fs::read_dir(root.join("zh-CN")).expect("locales/zh-CN") {
        let name = entry.expect("locales/zh-CN entry").file_name().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".ftl") || names.contains(&name),
            "locales/zh-CN/{name} has no twin locales/en/{name}"
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(dest, out).expect("write locales.rs");
}
