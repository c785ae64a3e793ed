#!/usr/bin/env bash
# Runs the terminal end-to-end test: the real binary in tmux at 80x24, driven by keys.
# Installs tmux from Debian's packages when missing. .ci/run runs the same tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null
fi
cargo test --test integration tmux:: -- --ignored --nocapture --test-threads=1
