//! Where the development benchmark lives: `../shared/bench/scrapinghub-dev` from the
//! repository, `../../shared/...` from a worktree; `None` without it (the benches that read
//! it then skip).

use std::path::PathBuf;

pub fn bench_dir() -> Option<PathBuf> {
    [
        "../shared/bench/scrapinghub-dev",
        "../../shared/bench/scrapinghub-dev",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}
