#!/bin/bash
# The Microscope query profiled (docs/benchmarks.md, Component Microscope): the packaged simulation service and
# gateway as gateway/overhead-test.sh starts them (full reference model, 20 training steps), the query sent N times
# one at a time by curl, directly and through the gateway (p50/p90/min), then N more through the gateway under JFR
# (settings=profile, started with jcmd) on both services, summarized by profile-summary.py.
# Usage: modules/component-microscope/bench/profile-query.sh GATEWAY_APP_DIR SIMULATION_APP_DIR QUERY_FILE LABEL
#   e.g. ... gateway/target/quarkus-app services/simulation/target/quarkus-app modules/component-microscope/bench/microscope.graphql after
#   (after ./nslab test-infra up; output in modules/component-microscope/target/profile/LABEL)
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
GWDIR=$(realpath "$1") SIMDIR=$(realpath "$2") Q=$(realpath "$3") LABEL=$4 N=${N:-60}
set -a; source "$root/.nslab/test/env"; set +a
SIM=${SIM_PORT:-41184} GW=${GATEWAY_PORT:-41180}
out=$root/modules/component-microscope/target/profile/$LABEL; rm -rf "$out"; mkdir -p "$out"
data=$(mktemp -d)
opts="-Xms32m -Xmx256m -XX:+UseSerialGC"
java $opts --add-modules jdk.incubator.vector -Dquarkus.http.port=$SIM -Dnslab.simulation.data.warm-up=false \
  -Dnslab.simulation.reference.steps=20 -Dnslab.simulation.reference.batch=4 -Dnslab.simulation.data-dir=$data \
  -jar $SIMDIR/quarkus-run.jar > $out/sim.log 2>&1 &
sim=$!
java $opts -Dquarkus.http.port=$GW -Dnslab.simulation.url=http://127.0.0.1:$SIM \
  -Dnslab.rate-limit.per-address=10000000 -Dnslab.rate-limit.per-user=10000000 \
  -jar $GWDIR/quarkus-run.jar > $out/gw.log 2>&1 &
gw=$!
trap 'kill $sim $gw 2>/dev/null; wait $sim $gw 2>/dev/null; rm -rf $data' EXIT
for url in http://127.0.0.1:$SIM http://127.0.0.1:$GW; do
  for i in $(seq 240); do curl -sf $url/q/health/ready >/dev/null && break; sleep 1; done
done
token() { curl -sf "$NSLAB_KEYCLOAK_URL/realms/nslab/protocol/openid-connect/token" "$@" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
service=$(token -d grant_type=client_credentials -d client_id=nslab-gateway -d client_secret=dev-only-gateway-secret)
learner=$(token -d grant_type=password -d client_id=nslab-cli -d username=alice -d password=alice-demo)
for i in $(seq 300); do
  curl -s -H "Authorization: Bearer $service" -H 'content-type: application/json' -d '{"query":"{ referenceModel { state } }"}' http://127.0.0.1:$SIM/graphql | grep -q READY && break; sleep 1
done
body=$(python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read()}))' $Q)
run() { # name url token count
  for i in $(seq $4); do curl -s -o $out/$1.json -w '%{time_total}\n' -H "Authorization: Bearer $3" -H 'content-type: application/json' -d "$body" $2/graphql; done
}
stats() { python3 -c 'import sys,statistics as s; v=sorted(float(x)*1000 for x in sys.stdin); print(f"n={len(v)} p50 {s.median(v):.1f} ms, p90 {v[int(len(v)*0.9)-1]:.1f}, min {v[0]:.1f}")'; }
run direct http://127.0.0.1:$SIM $service 20 >/dev/null; run gateway http://127.0.0.1:$GW $learner 20 >/dev/null
echo "uptime: $(uptime)"
for r in 1 2; do
  echo "direct:  $(run direct http://127.0.0.1:$SIM $service $N | stats)"
  echo "gateway: $(run gateway http://127.0.0.1:$GW $learner $N | stats)"
done
echo "answer bytes: direct $(wc -c < $out/direct.json), gateway $(wc -c < $out/gateway.json)"
head -c 300 $out/gateway.json; echo
jcmd $gw JFR.start name=p settings=profile filename=$out/gw.jfr >/dev/null
jcmd $sim JFR.start name=p settings=profile filename=$out/sim.jfr >/dev/null
run gateway http://127.0.0.1:$GW $learner $N | stats
jcmd $gw JFR.stop name=p >/dev/null; jcmd $sim JFR.stop name=p >/dev/null
echo "uptime: $(uptime)"
python3 "$(dirname "$0")/profile-summary.py" $out/gw.jfr > $out/profile.txt
python3 "$(dirname "$0")/profile-summary.py" $out/sim.jfr >> $out/profile.txt
echo "profile: $out/profile.txt"
