#!/usr/bin/env bash
# Refreshes the committed OpenAPI documents (docs/openapi/<service>.yaml) from the ones the services write when they
# are built: builds the four services (no tests), then copies <service>/target/openapi/openapi.yaml. Run it after any
# change to an API and commit the result; ./mvnw verify (lint.sh) fails while a committed document differs.
#   tools/openapi-lint/refresh-documents.sh             build, then copy
#   tools/openapi-lint/refresh-documents.sh --no-build  copy what the last build wrote
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
services=(registry-service evaluation-service market-service monitoring-service)
cd "$root"
if [[ ${1:-} != --no-build ]]; then
  ./mvnw -B -q -pl "$(IFS=,; echo "${services[*]}")" -am package -DskipTests -Dk8s.check.skip=true -Dimages.check.skip=true
fi
mkdir -p docs/openapi
for service in "${services[@]}"; do
  cp "$service/target/openapi/openapi.yaml" "docs/openapi/${service%-service}.yaml"
  echo "refreshed docs/openapi/${service%-service}.yaml"
done
