#!/usr/bin/env bash
# Builds a release dist/ for any static host, at the root or under a path
# (GitHub Pages serves a project at /<repo>/): the playground, embed.js, the
# blog example and the benchmark page. Installs what is missing first.
#
#   scripts/build.sh                      # for the root of a host
#   scripts/build.sh --public-url /csp/   # for https://host/csp/
#   scripts/build.sh --public-url /csp/ --dist out/   # somewhere else
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

public_url="/"
dist="dist"
while [ $# -gt 0 ]; do
    case "$1" in
        --public-url) public_url="${2:?--public-url needs a path, e.g. /csp/}"; shift 2 ;;
        --dist) dist="${2:?--dist needs a folder}"; shift 2 ;;
        *) echo "build.sh: unknown argument $1 (use --public-url /path/ or --dist DIR)" >&2; exit 2 ;;
    esac
done
case "$public_url" in
    /*/ | /) ;;
    *) echo "build.sh: --public-url must start and end with /, e.g. /csp/" >&2; exit 2 ;;
esac

ensure_build_tools
say "building the playground for ${public_url} into ${dist}/"
trunk build --release --public-url "$public_url" --dist "$dist"
say "building the benchmark page into ${dist}/bench/"
trunk build --release --public-url "${public_url}bench/" --dist "$dist/bench" bench.html
echo "Built ${dist}/: serve it at ${public_url} with any static server (no server code, no special headers)."
