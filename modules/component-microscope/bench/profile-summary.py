# Summarizes a JFR recording: CPU samples by package (inclusive) and by top frame. Usage: profile-summary.py FILE.jfr
import json, subprocess, sys, collections
f = sys.argv[1]
out = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ExecutionSample', f], capture_output=True, text=True).stdout
ev = json.loads(out)['recording']['events']
top = collections.Counter(); incl = collections.Counter()
keys = sys.argv[2:] if len(sys.argv) > 2 else []
n = 0
for e in ev:
    frames = e['values']['stackTrace']['frames'] if e['values']['stackTrace'] else []
    if not frames: continue
    n += 1
    m = lambda fr: fr['method']['type']['name'] + '.' + fr['method']['name']
    top[m(frames[0])] += 1
    seen = set()
    for fr in frames:
        name = m(fr).replace('/', '.')
        for k in ['graphql.execution', 'io.smallrye.graphql.execution', 'io.smallrye.graphql.client', 'org.eclipse.yasson', 'com.fasterxml.jackson',
                  'io.vertx.core.json', 'org.nslab', 'jakarta.json', 'org.glassfish.json', 'io.quarkus.oidc', 'io.smallrye.jwt', 'java.util.Base64', 'io.netty', 'io.vertx.ext.web', 'org.eclipse.parsson', 'jdk.internal.math', 'java.math', 'java.util.TimSort', 'jdk.incubator.vector', 'org.nslab.simulation.engine']:
            if name.startswith(k) and k not in seen:
                seen.add(k); incl[k] += 1
print('samples', n)
print('inclusive:'); [print(f'  {c*100/n:5.1f}%  {k}') for k, c in incl.most_common()]
print('top frames:'); [print(f'  {c*100/n:5.1f}%  {k}') for k, c in top.most_common(25)]
