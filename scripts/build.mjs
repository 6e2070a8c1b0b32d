// Bundles src/ into dist/ with esbuild. Why bundle: start-up cost matters for
// shell aliases; one ESM bundle with code splitting loads only the modules a
// command needs (measured in bench/). gray-matter is CommonJS and calls
// require('fs'), which a plain ESM bundle cannot do: the banner defines
// `require` through createRequire (see ../shared/LIBRARY-NOTES.md).
import { build } from 'esbuild';
import { rmSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { notes: 'src/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Native modules cannot be bundled.
  external: ['better-sqlite3'],
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: "import { createRequire as __notesCreateRequire } from 'node:module'; const require = __notesCreateRequire(import.meta.url);",
  },
  define: { __NOTES_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
