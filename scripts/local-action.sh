#!/usr/bin/env bash
# Runs the action locally with @github/local-action: src/main.ts's run() with the inputs of a dotenv file
# (default .env; see .env.example for the format). Usage: npm run local-action [-- other.env]
set -euo pipefail
cd "$(dirname "$0")/.."
env_file="${1:-.env}"
if [ ! -f "$env_file" ]; then
  echo "No $env_file here: cp .env.example $env_file and fill in the inputs." >&2
  exit 1
fi
exec npx --no-install local-action run . src/main.ts "$env_file"
