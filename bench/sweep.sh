#!/usr/bin/env bash
# Generates and type-checks each spec given, one line per spec: `bash bench/sweep.sh specs/*.yaml`.
# For trying specs nobody here wrote (e.g. from `npm pack @readme/oas-examples` or `@octokit/openapi`).
set -u
cd "$(dirname "$0")/.."
mkdir -p /tmp/sweep
for spec in "$@"; do
  name=$(basename "$(dirname "$spec")")/$(basename "$spec")
  out=/tmp/sweep/$(echo "$name" | tr '/.' '__')
  rm -rf "$out"
  if ! node bin/sdkgen.js generate --spec "$spec" --out "$out" --quiet --no-dist > /tmp/sweep-gen.log 2>&1; then
    echo "GEN-FAIL $name: $(grep -m1 -E 'error|internal' /tmp/sweep-gen.log | cut -c1-160)"
    continue
  fi
  if ! node node_modules/typescript/bin/tsc -p "$out" --noEmit > /tmp/sweep-tsc.log 2>&1; then
    echo "TSC-FAIL $name: $(grep -c 'error TS' /tmp/sweep-tsc.log) errors, e.g. $(grep -m1 'error TS' /tmp/sweep-tsc.log | cut -c1-200)"
    continue
  fi
  echo "ok $name"
done
