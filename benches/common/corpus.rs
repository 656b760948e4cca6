//! The texts of the hand-written corpus (articles and fixtures, without expected outputs),
//! in a fixed order: the workload of the text benchmark and of `examples/clean_corpus`.

use std::path::Path;

pub fn corpus_texts() -> Vec<String> {
    // the repository root, from the root package (examples) or the benchmark package
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("corpus"))
        .find(|p| p.is_dir())
        .expect("corpus directory above the package");
    let mut texts = Vec::new();
    for dir in ["articles", "fixtures"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("corpus directory")
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "txt")
                    && !p.to_string_lossy().ends_with(".expected.txt")
            })
            .collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("corpus text")),
        );
    }
    texts
}
