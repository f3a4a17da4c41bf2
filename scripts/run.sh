#!/usr/bin/env bash
# One entry point that works on a fresh machine, even where the system Node is older than 24:
#   bash scripts/run.sh demo    build the sample site and serve it on http://localhost:4321/
#   bash scripts/run.sh test    run every test
# Any other argument is passed to `npm run`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/provision.sh
provision_node
[ "${1:-demo}" = test ] && provision_chromium
# Install dependencies when missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund
fi
npm run "${1:-demo}" -- "${@:2}"
