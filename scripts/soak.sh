#!/usr/bin/env bash
# The soak (not in CI): three laptops edit at random and exchange bundles for MINUTES
# (default 10), checking `check` and equal state digests after every round.
# Usage: scripts/soak.sh [MINUTES] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export DALEEL_SOAK_MINUTES="${1:-10}"
export DALEEL_SOAK_SEED="${2:-1}"
cargo test --release --test integration soak:: -- --ignored --nocapture 2>&1 | grep -E '^soak:|panicked|FAILED|test result'
