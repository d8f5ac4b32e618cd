#!/usr/bin/env bash
# Regenerates tests/it/go_corpus.rs, the list of tests/go/*.go the
# integration tests embed (natively and in wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "// The Go corpus (tests/go/*.go), embedded so the wasm tests run it too."
  echo "// Regenerate with: scripts/go-corpus.sh; a test checks it lists every file."
  echo "pub const CORPUS: &[(&str, &str)] = &["
  for f in tests/go/*.go; do
    n=$(basename "$f" .go)
    echo "    (\"$n\", include_str!(\"../go/$n.go\")),"
  done
  echo "];"
} > tests/it/go_corpus.rs
# As cargo fmt would write it, so that the lint step passes without a
# second command (long names wrap onto lines of their own).
rustfmt --edition 2021 tests/it/go_corpus.rs
