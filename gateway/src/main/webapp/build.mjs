// Builds the web shell into the gateway's static resources (META-INF/resources/shell), run by Maven.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '../../../target/classes/META-INF/resources/shell');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor/three'), { recursive: true });
mkdirSync(join(out, 'fonts'), { recursive: true });

const common = { bundle: true, target: 'es2022', minify: true, sourcemap: false, outdir: out, legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: { shell: join(here, 'src/shell.js') }, format: 'esm' });
// The sandbox page has an opaque origin: a module script from the gateway would need CORS, a classic one does not.
await build({ ...common, entryPoints: { sandbox: join(here, 'src/sandbox.js') }, format: 'iife' });

// One copy of three.js for first-party modules ("three" in the shell's import map).
for (const f of ['three.module.js', 'three.core.js']) cpSync(join(here, 'node_modules/three/build', f), join(out, 'vendor/three', f));

// Self-hosted fonts: Space Grotesk (display) and JetBrains Mono (numbers, code), latin subset only.
const fonts = [
  ['space-grotesk', 'Space Grotesk', [400, 700]],
  ['jetbrains-mono', 'JetBrains Mono', [400]],
];
let css = '';
for (const [pkg, family, weights] of fonts) {
  for (const w of weights) {
    const file = `${pkg}-latin-${w}-normal.woff2`;
    cpSync(join(here, `node_modules/@fontsource/${pkg}/files`, file), join(out, 'fonts', file));
    css += `@font-face{font-family:'${family}';font-style:normal;font-display:swap;font-weight:${w};src:url(fonts/${file}) format('woff2')}\n`;
  }
}
writeFileSync(join(out, 'shell.css'), css + readFileSync(join(here, 'src/shell.css'), 'utf8'));
for (const f of ['shell.html', 'sandbox.html']) cpSync(join(here, 'src', f), join(out, f));
console.log('shell built into ' + out);
