#!/usr/bin/env bash
# GraphQL load test of the simulation service (docs/benchmarks.md): starts the packaged service
# (target/quarkus-app, build it first) against the test servers of .nslab/test/env with the options
# ./nslab gives services (-Xmx256m, serial GC), waits for the reference model (its shape: 4 layers,
# 4 heads, width 128, context 128; 20 training steps of batch 4, since latency depends on the shape only;
# batch 16 does not fit in 256 MB while training), then
# runs org.nslab.testing.load.GraphQlLoad with CLIENTS concurrent clients for each query: a closed loop
# (saturation), then each client at RATE requests per second (default 10).
# Usage: services/simulation/load-test.sh [clients] [seconds]   (from anywhere; PORT to move the service)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
clients=${1:-50}
seconds=${2:-20}
port=${PORT:-28084}
set -a; source "$root/.nslab/test/env"; set +a
[[ -f target/quarkus-app/quarkus-run.jar ]] || { echo "build first: ./mvnw -B -pl services/simulation -am package -DskipTests" >&2; exit 1; }
[[ -f target/load-cp.txt ]] || (cd "$root" && ./mvnw -B -q -pl services/testing dependency:build-classpath -Dmdep.outputFile="$PWD/services/simulation/target/load-cp.txt" >/dev/null)
data=$(mktemp -d)
java -Xms32m -Xmx256m -XX:+UseSerialGC --add-modules jdk.incubator.vector -Dquarkus.http.port="$port" \
  -Dnslab.simulation.reference.steps=20 -Dnslab.simulation.reference.batch=4 -Dnslab.simulation.data-dir="$data" \
  -jar target/quarkus-app/quarkus-run.jar > target/load-test-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$data"' EXIT
url=http://127.0.0.1:$port
until curl -sf "$url/q/health/ready" > /dev/null; do
  kill -0 $service 2>/dev/null || { echo "the service did not start: target/load-test-service.log" >&2; exit 1; }
  sleep 1
done
token=$(curl -sf -d grant_type=client_credentials -d client_id=nslab-gateway -d client_secret=dev-only-gateway-secret \
  "$NSLAB_KEYCLOAK_URL/realms/nslab/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
while true; do
  state=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"query":"{ referenceModel { state } }"}' "$url/graphql" || true)
  [[ $state == *READY* ]] && break
  [[ $state == *FAILED* ]] && { echo "the reference model failed: target/load-test-service.log" >&2; exit 1; }
  kill -0 $service 2>/dev/null || { echo "the service stopped: target/load-test-service.log" >&2; exit 1; }
  sleep 2
done
# The data pipeline measures its sources in the background after the start: wait for it, so that it
# does not compete with the load.
until grep -q "data pipeline: .* documents measured" target/load-test-service.log; do sleep 2; done
grep -o "data pipeline: .*" target/load-test-service.log
cp="$root/services/testing/target/classes:$(cat target/load-cp.txt)"
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }   # user + system time, in clock ticks
service_before=$(cpu $service)
/usr/bin/time -f "load generator: CPU %U s user + %S s system over %e s" java -cp "$cp" org.nslab.testing.load.GraphQlLoad --url "$url/graphql" --token "$token" \
  --clients "$clients" --warmup 5 --seconds "$seconds" \
  --query "scaling=src/test/resources/bench/scaling.graphql:\"userErrors\":[]" \
  --query "architecture=src/test/resources/bench/architecture.graphql:\"userErrors\":[]" \
  --query "inspect64=src/test/resources/bench/inspect.graphql:\"userErrors\":[]"
echo "service: CPU $(( ($(cpu $service) - service_before) / $(getconf CLK_TCK) )) s during the load"
# The same clients as learners act: each sends RATE requests per second (default 10: a slider dragged
# continuously), latency counted from each request's scheduled time; inspections at 1 per second and
# client (a learner types a prompt).
java -cp "$cp" org.nslab.testing.load.GraphQlLoad --url "$url/graphql" --token "$token" \
  --clients "$clients" --rate "${RATE:-10}" --warmup 5 --seconds "$seconds" \
  --query "scaling=src/test/resources/bench/scaling.graphql:\"userErrors\":[]" \
  --query "architecture=src/test/resources/bench/architecture.graphql:\"userErrors\":[]"
java -cp "$cp" org.nslab.testing.load.GraphQlLoad --url "$url/graphql" --token "$token" \
  --clients "$clients" --rate 1 --warmup 5 --seconds "$seconds" \
  --query "inspect64=src/test/resources/bench/inspect.graphql:\"userErrors\":[]"
# The data theatre through GraphQL: the default settings, then two threshold changes (one client).
for input in '{}' '{minWords: 200, duplicateThreshold: 0.6}' '{minWords: 20, languages: ["en", "de"], minLanguageProbability: 0.9}'; do
  query="{\"query\":\"{ dataPipeline(input: $(echo "$input" | sed 's/"/\\"/g')) { stages { stage documentsKept } spamFilter { precision recall hamKept } userErrors { message } } }\"}"
  curl -s -o /dev/null -w "dataPipeline(input: $input): %{time_total} s\n" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$query" "$url/graphql"
done
echo "service RSS: $(ps -o rss= -p $service) KiB; heap: -Xmx256m"
