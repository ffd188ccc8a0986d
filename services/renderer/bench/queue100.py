# Peak memory of a running renderer while a queue of 100 Journey Map stills (1280x720 PNG) drains.
# Usage: see docs/benchmarks.md (renderer section). Needs the service started with NSLAB_RENDERER_ACTIVE_JOBS_ADMIN=200.
import json, sys, time, urllib.request, urllib.parse, os
kc = os.environ["NSLAB_KEYCLOAK_URL"]
# The renderer's GraphQL is internal: the gateway's service account calls it for a verified viewer (here carol, an admin).
tok = json.load(urllib.request.urlopen(kc + "/realms/nslab/protocol/openid-connect/token",
    urllib.parse.urlencode({"grant_type":"client_credentials","client_id":"nslab-gateway","client_secret":"dev-only-gateway-secret"}).encode()))["access_token"]
viewer = {"actorKey": "demo-university/carol", "tenant": "demo-university", "roles": ["admin"]}
scene = open("modules/sdk/scene/examples/journey-map.json").read()
def gql(q, v):
    r = urllib.request.Request("" + os.environ.get("RENDERER_URL", "http://127.0.0.1:48086") + "/graphql", json.dumps({"query": q, "variables": v}).encode(),
        {"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    return json.load(urllib.request.urlopen(r))
pid = open(os.environ.get("RENDERER_PID_FILE", "/tmp/issue9-svc/pid")).read().strip()
def rss(f):
    for l in open("/proc/%s/status" % pid):
        if l.startswith(f): return int(l.split()[1]) // 1024
print("RSS before", rss("VmRSS"), "MB")
t0 = time.time(); ids = []
for i in range(100):
    r = gql("mutation($i: RequestRenderInput!) { requestRender(input: $i) { job { id queuePosition } userErrors { message } } }",
            {"i": {"viewer": viewer, "scene": scene, "width": 1280, "height": 720, "format": "PNG", "time": i * 0.1}})
    assert not r["data"]["requestRender"]["userErrors"], r
    ids.append(r["data"]["requestRender"]["job"]["id"])
print("100 queued in %.1f s; last queue position %s" % (time.time() - t0, r["data"]["requestRender"]["job"]["queuePosition"]))
peak = 0
while True:
    states = [gql("query($i: RenderJobInput!) { renderJob(input: $i) { state } }", {"i": {"viewer": viewer, "id": ids[-1]}})["data"]["renderJob"]["state"]]
    peak = max(peak, rss("VmRSS"))
    if states[0] in ("SUCCEEDED", "FAILED"): break
    time.sleep(0.5)
ok = sum(1 for j in ids if gql("query($i: RenderJobInput!) { renderJob(input: $i) { state } }", {"i": {"viewer": viewer, "id": j}})["data"]["renderJob"]["state"] == "SUCCEEDED")
print("drained in %.1f s, %d succeeded; RSS sampled peak %d MB, VmHWM %d MB, RSS after %d MB" % (time.time() - t0, ok, peak, rss("VmHWM"), rss("VmRSS")))
