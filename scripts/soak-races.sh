#!/usr/bin/env bash
# Runs every race and property test N times in a row (default 20) and counts the runs that passed: a flaky test
# is a bug, and one run proves little. Not part of `npm test` (about 2 minutes a run on 2 cores).
#   npm run soak:races -- 20
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
pattern='(race|races|overtaken-reads|property|faults|candidate-cache|desktop-push|connect-pacing)\.int\.test\.ts|(invariants|command-center-model|availability-head|order-take-up)\.property\.test\.ts|(rep-workspace|command-center)\.test\.ts'
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
passed=0
failed=0
for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  if npx jest --selectProjects integration --testPathPatterns "$pattern" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i: passed ($(grep -E '^Tests:' "$log"))"
  else
    failed=$((failed + 1))
    echo "run $i: FAILED ($(grep -E '^Tests:' "$log")); log kept at $log"
    grep -E '●|Seed|seed' "$log" | head -20
    continue
  fi
  rm -f "$log"
done
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
