#!/usr/bin/env bash
# Runs the README's command-line tools on a fresh clone right after `npm ci`, before anything
# has built the assets, and writes test-results/first-commands.json ({"passed":N,"failed":N}),
# which scripts/test-summary.mjs adds to the totals. Used by .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
passed=0
failed=0

# check NAME EXPECTED COMMAND…: passes when the command exits 0 and its standard output
# contains EXPECTED (stderr carries the build's messages and is shown on failure).
check() {
  local name=$1 expected=$2
  shift 2
  local out err
  err=$(mktemp)
  if out=$("$@" 2>"$err") && [[ "$out" == *"$expected"* ]]; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    printf '%s\n' "$out" | tail -n 3
    tail -n 5 "$err"
  fi
  rm -f "$err"
}

build=src/engine/kernels/wasm/build
if [ -e "$build" ]; then
  echo "note: $build exists already; the no-build check below proves less"
fi
# Not through npm (its pre-script would build): the ts backend needs no WebAssembly build.
check 'bench --backend ts without the wasm build' '"engine":"ts"' \
  npx tsx src/cli/bench.ts --backend ts --workload train-6x100-b128 --runs 1
check 'probe' '"layers":[{"layer":1' npm run --silent probe -- --layers 2 --width 50 --batch 10 --input 50
check 'lecture --list' 'small-init-collapses' npm run --silent lecture -- --list
check 'bench --backend ts' '"engine":"ts"' \
  npm run --silent bench -- --backend ts --workload train-6x100-b128 --runs 1

printf '{"passed":%d,"failed":%d}\n' "$passed" "$failed" >test-results/first-commands.json
[ "$failed" -eq 0 ]
