#!/usr/bin/env bash
# Runs npm with the given arguments: the machine's npm when it works, otherwise the npm pinned (version and
# sha512) in package.json's `packageManager` field, obtained through corepack, which ships with Node.js and
# fetches from the npm registry only. Corepack checks the download against that hash before it runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 18 or newer is required and 'node' was not found: install Node.js (e.g. Debian's nodejs package" >&2
  echo "or the NodeSource package), then run this command again." >&2
  exit 1
fi
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
  echo "Node.js 18 or newer is required; this machine has $(node --version)." >&2
  exit 1
fi

if command -v npm >/dev/null 2>&1 && npm --version >/dev/null 2>&1; then
  exec npm "$@"
fi

# No working npm: use corepack, on PATH or beside this node (its own copy under lib/node_modules).
corepack=()
if command -v corepack >/dev/null 2>&1 && corepack --version >/dev/null 2>&1; then
  corepack=(corepack)
else
  prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -f "$prefix/lib/node_modules/corepack/dist/corepack.js" ]; then
    corepack=(node "$prefix/lib/node_modules/corepack/dist/corepack.js")
  fi
fi
if [ ${#corepack[@]} -eq 0 ]; then
  echo "npm does not work on this machine and corepack (which ships with Node.js) was not found either:" >&2
  echo "install a Node.js that includes npm or corepack, then run this command again." >&2
  exit 1
fi
echo "npm is missing or broken here; using $(node -p 'require("./package.json").packageManager.split("+")[0]') through corepack (hash-pinned in package.json)" >&2
# The registry's metadata carries no signatures corepack knows, so its signature check is turned off; the
# sha512 in `packageManager` still checks the tarball.
export COREPACK_INTEGRITY_KEYS=0
# Node trusts only its own CA list unless told otherwise; where the system's list exists and nothing else
# is set, use it too, as npm and the other package clients here do.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
exec "${corepack[@]}" npm "$@"
