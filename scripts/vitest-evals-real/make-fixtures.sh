#!/usr/bin/env bash
# Makes test/fixtures/evidence/vitest-evals-real/{parent,candidate}.json by running the eval in this
# folder for real with vitest-evals, offline, once per prompt file. The harness is installed in a
# scratch directory, never in this project. Usage: bash scripts/vitest-evals-real/make-fixtures.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fixtures="$root/test/fixtures/evidence/vitest-evals-real"
scratch="${SCRATCH:-$(mktemp -d)}"
node="$root/node_modules/node/bin/node"

cd "$scratch"
echo '{ "private": true, "type": "module" }' > package.json
npm install --no-audit --no-fund --save-exact vitest-evals@0.16.1 vitest@4.1.12 yaml@2.9.1 >/dev/null
cp "$here/support.eval.mjs" "$here/vitest.config.mjs" "$root/test/fixtures/evidence/promptfoo-real/provider.js" \
  "$root/test/fixtures/evidence/promptfoo-real/tests.yaml" .
cp -r "$fixtures/prompts" .

# unshare -n: a network namespace with no interfaces, so a run that needed the network would fail.
offline() { if unshare -n true 2>/dev/null; then unshare -n "$@"; else "$@"; fi; }
for side in parent:support-v1 candidate:support-v2; do
  name="${side%%:*}"
  prompt="${side##*:}"
  # vitest exits 1 when a case fails, as some do by design.
  KAIZEN_PROMPT="prompts/$prompt.txt" offline "$node" node_modules/vitest/vitest.mjs run \
    --reporter=default --reporter=json --outputFile.json="$name.json" >"$name.log" 2>&1 || true
  cp "$name.json" "$fixtures/$name.json"
done
echo "written: $fixtures/parent.json $fixtures/candidate.json (scratch: $scratch)"
