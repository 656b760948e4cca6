#!/usr/bin/env bash
# Runs decruft's pre-commit hook for real, as a repository of articles uses it: a throwaway git
# repository holding the articles of tests/precommit/sample/ gets a .pre-commit-config.yaml
# that points at a snapshot of this working tree, and `pre-commit run` must fail while the
# dirty article is among the files and pass when only the clean one is.
#
# usage: tests/precommit/run.sh
# env:   DECRUFT_PRECOMMIT_HOOK  decruft-check-system (default: runs `decruft` from PATH; the
#                                debug build of this repository is put first on PATH) or
#                                decruft-check (language: rust: pre-commit builds decruft with
#                                `cargo install`: 588 s measured on a busy 2-core machine)
# needs: git, pre-commit (pip install pre-commit), cargo
#
# `pre-commit try-repo` would do the same in one command, but it installs the hook into a
# throwaway store on every call, which for the Cargo-built hook means one full build per
# call; a config with a pinned revision is installed once into PRE_COMMIT_HOME.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
hook=${DECRUFT_PRECOMMIT_HOOK:-decruft-check-system}
command -v pre-commit >/dev/null || { echo "missing: pre-commit (pip install pre-commit)" >&2; exit 2; }

if [ "$hook" = decruft-check-system ]; then
    (cd "$root" && cargo build -q --bin decruft)
    export PATH="$root/target/debug:$PATH"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a private pre-commit store, so that the hook is installed as a new user would get it
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/cache}"
git() { command git -c user.name=decruft-test -c user.email=test@example.org -c init.defaultBranch=main "$@"; }

# The hook repository: this working tree (tracked and untracked files, less ignored ones),
# committed in a repository of its own so that uncommitted changes are what gets tested.
src="$work/decruft"
mkdir -p "$src"
(
    cd "$root"
    # files deleted from the working tree are still listed as tracked: leave them out
    command git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf -
) | tar -xf - -C "$src"
git -C "$src" init -q
git -C "$src" add -A
git -C "$src" commit -qm snapshot
rev=$(git -C "$src" rev-parse HEAD)

repo="$work/articles"
mkdir -p "$repo"
cp "$root"/tests/precommit/sample/* "$repo"/
cat >"$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $src
    rev: $rev
    hooks:
      - id: $hook
YAML
cd "$repo"
git init -q
git add .

passed=0
failed=0
log=
check() { # check pass|fail LABEL [pre-commit run args...]
    local want=$1 label=$2 got=0
    shift 2
    log="$work/$label.log"
    pre-commit run "$hook" --verbose "$@" >"$log" 2>&1 || got=$?
    if { [ "$want" = fail ] && [ "$got" -eq 1 ]; } || { [ "$want" = pass ] && [ "$got" -eq 0 ]; }; then
        echo "ok: $label (pre-commit exited $got)"
        passed=$((passed + 1))
    else
        echo "FAILED: $label: expected the hook to $want, pre-commit exited $got" >&2
        cat "$log" >&2
        failed=$((failed + 1))
    fi
}
# the dirty article must fail for the right reason, its finding (not a crash), and the clean
# article must not be reported
finding() { # finding LABEL
    if grep -q "dirty.txt:3:1: U001 donate-box" "$log" && ! grep -q "clean.txt:" "$log"; then
        echo "ok: $1 reports the finding on dirty.txt only"
        passed=$((passed + 1))
    else
        echo "FAILED: $1: the hook output does not show exactly the finding on dirty.txt:" >&2
        cat "$log" >&2
        failed=$((failed + 1))
    fi
}

check fail dirty-and-clean --files dirty.txt clean.txt
finding dirty-and-clean
check pass clean-only --files clean.txt
check fail all-files --all-files
finding all-files

echo "precommit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
