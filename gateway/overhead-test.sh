#!/usr/bin/env bash
# Gateway overhead (docs/benchmarks.md, gateway section): the same GraphQL documents sent to the simulation service
# directly (with the gateway's service token) and through the gateway (with a learner's Keycloak token), each with
# CLIENTS concurrent clients, by org.nslab.testing.load.GraphQlLoad. Both applications are the packaged ones, with the
# options ./nslab gives services (-Xmx256m, serial GC), on the test servers of .nslab/test/env. The gateway's rate
# limits are raised for the run (they would answer 429 to 50 clients of one user by design).
# Usage: gateway/overhead-test.sh [clients] [seconds]   (after ./nslab test-infra up and
#        ./mvnw -B -pl gateway -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
clients=${1:-50}
seconds=${2:-20}
sim_port=${SIM_PORT:-28184}
gw_port=${GATEWAY_PORT:-28180}
set -a; source "$root/.nslab/test/env"; set +a
sim_jar=$root/services/simulation/target/quarkus-app/quarkus-run.jar
[[ -f $sim_jar && -f target/quarkus-app/quarkus-run.jar ]] || { echo "build first: ./mvnw -B -pl gateway -am package -DskipTests" >&2; exit 1; }
[[ -f target/load-cp.txt ]] || (cd "$root" && ./mvnw -B -q -pl services/testing dependency:build-classpath -Dmdep.outputFile="$PWD/gateway/target/load-cp.txt" >/dev/null)
data=$(mktemp -d)
opts="-Xms32m -Xmx256m -XX:+UseSerialGC"
java $opts --add-modules jdk.incubator.vector -Dquarkus.http.port="$sim_port" -Dnslab.simulation.data.warm-up=false \
  -Dnslab.simulation.reference.steps=20 -Dnslab.simulation.reference.batch=4 -Dnslab.simulation.data-dir="$data" \
  -jar "$sim_jar" > target/overhead-simulation.log 2>&1 &
sim=$!
java $opts -Dquarkus.http.port="$gw_port" -Dnslab.simulation.url="http://127.0.0.1:$sim_port" \
  -Dnslab.rate-limit.per-address=10000000 -Dnslab.rate-limit.per-user=10000000 \
  -jar target/quarkus-app/quarkus-run.jar > target/overhead-gateway.log 2>&1 &
gw=$!
trap 'kill $sim $gw 2>/dev/null; wait $sim $gw 2>/dev/null || true; rm -rf "$data"' EXIT
for url in "http://127.0.0.1:$sim_port" "http://127.0.0.1:$gw_port"; do
  until curl -sf "$url/q/health/ready" > /dev/null; do
    kill -0 $sim 2>/dev/null && kill -0 $gw 2>/dev/null || { echo "a service did not start: gateway/target/overhead-*.log" >&2; exit 1; }
    sleep 1
  done
done
token() { curl -sf "$NSLAB_KEYCLOAK_URL/realms/nslab/protocol/openid-connect/token" "$@" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
service=$(token -d grant_type=client_credentials -d client_id=nslab-gateway -d client_secret=dev-only-gateway-secret)
learner=$(token -d grant_type=password -d client_id=nslab-cli -d username=alice -d password=alice-demo)
cp="$root/services/testing/target/classes:$(cat target/load-cp.txt)"
for target in "direct http://127.0.0.1:$sim_port/graphql $service" "gateway http://127.0.0.1:$gw_port/graphql $learner"; do
  read -r name url tok <<< "$target"
  echo "== $name ($url)"
  java -cp "$cp" org.nslab.testing.load.GraphQlLoad --url "$url" --token "$tok" \
    --clients "$clients" --warmup 5 --seconds "$seconds" \
    --query "architecture=src/test/resources/bench/architecture.graphql:\"userErrors\":[]" \
    --query "tokenize=src/test/resources/bench/tokenize.graphql:\"userErrors\":[]" \
    --query "microscope=src/test/resources/bench/microscope.graphql:\"userErrors\":[]"
done
echo "RSS: simulation $(ps -o rss= -p $sim) KiB, gateway $(ps -o rss= -p $gw) KiB"
