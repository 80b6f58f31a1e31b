#!/usr/bin/env bash
# The TypeScript client check: generates types from the documents the four services wrote at build time
# (<service>/target/openapi/openapi.yaml) with openapi-typescript, then compiles them and the example that uses them
# through openapi-fetch with tsc --strict (tsconfig.json) into dist/. Run by ./mvnw verify (api-clients/pom.xml) after
# the services are packaged, or by hand: bash api-clients/typescript/build.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
export NO_UPDATE_NOTIFIER=1

# npm ci once per change of the lock file (a fresh clone, as in CI, always installs).
stamp=node_modules/.ocop-package-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

mkdir -p src/generated
for service in registry evaluation market monitoring; do
  doc="$root/$service-service/target/openapi/openapi.yaml"
  if [[ ! -f $doc ]]; then
    echo "typescript-client: $doc is missing: package $service-service first" >&2
    exit 2
  fi
  node_modules/.bin/openapi-typescript "$doc" --output "src/generated/$service.ts"
done
rm -rf dist
node_modules/.bin/tsc -p tsconfig.json
echo "typescript-client: 4 documents generated and compiled with tsc --strict ($(node_modules/.bin/tsc --version))"
