// Bundles the module's entry (src/index.js and the SDK packages) into one ES module; three.js stays an
// import that the shell's import map resolves (one copy for every module).
import { build } from 'esbuild';

const outdir = process.argv[2] ?? '../target/classes/META-INF/resources/component-microscope';
await build({
  entryPoints: ['src/index.js'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  external: ['three'],
  preserveSymlinks: true,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  outfile: `${outdir}/index.js`,
  logLevel: 'warning',
});
