#!/usr/bin/env bash
# The OpenAPI lint gate: checks that the committed documents docs/openapi/<service>.yaml are the generated ones
# (refresh-documents.sh refreshes them), and lints the documents the services wrote at build time (<service>/target/openapi/openapi.yaml,
# quarkus.smallrye-openapi.store-schema-directory) with Redocly (redocly.yaml) and Spectral (spectral:oas,
# .spectral.yaml). Exits non-zero on any error; warnings are printed and allowed. Run by ./mvnw verify (this folder's
# pom.xml) after the four services are packaged, or by hand: bash tools/openapi-lint/lint.sh registry-service ...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1

# npm ci once per change of the lock file (a fresh clone, as in CI, always installs): a build runs it at most once.
stamp=node_modules/.ocop-package-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

[[ $# -gt 0 ]] || set -- registry-service evaluation-service market-service monitoring-service
docs=()
for service in "$@"; do
  doc="$root/$service/target/openapi/openapi.yaml"
  if [[ ! -f $doc ]]; then
    echo "openapi-lint: $doc is missing: package $service first" >&2
    exit 2
  fi
  docs+=("$doc")
done

failed=0
echo "openapi-lint: redocly $(node_modules/.bin/redocly --version) on ${#docs[@]} documents"
node_modules/.bin/redocly lint --config redocly.yaml --format=stylish "${docs[@]}" || failed=1
echo "openapi-lint: spectral $(node_modules/.bin/spectral --version) (spectral:oas) on ${#docs[@]} documents"
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "${docs[@]}" || failed=1

# The committed documents (docs/openapi/<service>.yaml) must be the generated ones, so a contract change shows in review.
stale=()
for service in "$@"; do
  committed="$root/docs/openapi/${service%-service}.yaml"
  if ! diff -q "$committed" "$root/$service/target/openapi/openapi.yaml" > /dev/null 2>&1; then
    diff -u "$committed" "$root/$service/target/openapi/openapi.yaml" 2>&1 | head -40 >&2 || true
    stale+=("docs/openapi/${service%-service}.yaml")
  fi
done
if [[ ${#stale[@]} -gt 0 ]]; then
  echo "openapi-lint: FAILED: ${stale[*]} differ from the generated documents (diff above). Refresh them with" >&2
  echo "  tools/openapi-lint/refresh-documents.sh    (add --no-build right after a build), and commit the result" >&2
  failed=1
fi
if [[ $failed -ne 0 ]]; then
  echo "openapi-lint: FAILED (see above)" >&2
else
  echo "openapi-lint: passed, 0 errors"
fi
exit $failed
