// Bundles the module's entry (src/index.js) into one ES module, three.js left as the bare import `three` that the
// shell's import map resolves (one copy for every module). Also writes the test host page's bundle and a copy of
// three.js for it (tests only: the shell is what provides three.js in production).
//   node build.mjs <module output dir> [<test host output dir>]
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [out = join(here, 'dist'), testOut] = process.argv.slice(2);

await build({
  entryPoints: [join(here, 'src/index.js')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  external: ['three'],
  outfile: join(out, 'index.js'),
});

if (testOut) {
  mkdirSync(testOut, { recursive: true });
  await build({
    entryPoints: [join(here, 'test-host/host.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    external: ['three'],
    outfile: join(testOut, 'host.js'),
  });
  cpSync(join(here, 'test-host/index.html'), join(testOut, 'index.html'));
  for (const f of ['three.module.js', 'three.core.js']) {
    cpSync(join(here, 'node_modules/three/build', f), join(testOut, 'three', f));
  }
}
