//! Where the development benchmark lives: `shared/bench/scrapinghub-dev` beside the
//! repository or beside a directory above it (a worktree); `None` without it (the benches
//! that read it then skip).

use std::path::{Path, PathBuf};

pub fn bench_dir() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/bench/scrapinghub-dev"))
        .find(|p| p.exists())
}
