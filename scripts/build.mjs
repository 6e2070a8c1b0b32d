// Bundles src/ into dist/ with esbuild. Why bundle: start-up cost matters for
// shell aliases (measured in bench/). Three CommonJS bundles:
//   dist/notes.cjs          everything; each command's modules are still
//                           initialised only when the command runs
//   dist/launch.cjs         what bin/notes runs: --version at once, else
//                           loads notes.cjs through V8's code cache
//                           (src/launch.ts), keyed by notes.cjs's hash
//   dist/render-worker.cjs  the HTML export's second thread
// Why CommonJS and one file: measured on a warm search of hugo-docs, ES
// module chunks cost ~25 ms more (resolving and linking ~20 chunks), and
// only a classic script can use V8's code cache on Node 20.
// Why minified (whitespace and syntax; names are kept, for stack traces)
// and pure ASCII: the launcher reads notes.cjs at every start, and Node
// decodes 1 MB of UTF-8 with a few non-ASCII characters in ~3 ms, 680 KB of
// ASCII in ~0.4 ms. esbuild escapes strings but not regular expression
// literals, so asciiOnly() escapes what is left.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { rmSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dist = new URL('../dist/', import.meta.url);

/**
 * A plugin that replaces one line of a dependency's file as esbuild loads
 * it. The build fails if the line is not there (the dependency changed),
 * rather than quietly losing what the replacement was for.
 */
function replaceLine(name, file, line, replacement) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter: file }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes(line)) throw new Error(`${args.path}: expected "${line}" (scripts/build.mjs, ${name})`);
        return { contents: text.replace(line, replacement), loader: 'js' };
      });
    },
  };
}

/**
 * commander requires node:child_process at load, for executable subcommands
 * (`git-foo` style), which notes does not have: loading it costs ~2.5 ms of
 * every start. It is required on first use instead.
 */
const lazyChildProcess = replaceLine('commander-lazy-child-process', /[\\/]commander[\\/]lib[\\/]command\.js$/,
  "const childProcess = require('node:child_process');",
  "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };");

/**
 * js-yaml 3 (gray-matter's YAML parser) requires esprima when it loads, for
 * its `!!js/function` type: ~7 ms on the first YAML note of every command,
 * for a type notes never uses (gray-matter parses with js-yaml's safe
 * schema, and a note must never run code). Without esprima that type
 * cannot resolve anything, which is what we want.
 */
const yamlWithoutEsprima = replaceLine('js-yaml-without-esprima', /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/,
  "esprima = _require('esprima');", 'esprima = undefined;');

/** chalk's `#supports-color` import: see scripts/chalk-supports-color.js. */
const chalkNoDetection = {
  name: 'chalk-no-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: fileURLToPath(new URL('chalk-supports-color.js', import.meta.url)) }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Native modules cannot be bundled.
  external: ['better-sqlite3'],
  // `import.meta.url` (ESM sources) becomes the bundle's own URL.
  define: { 'import.meta.url': 'importMetaUrl', __NOTES_VERSION__: JSON.stringify(pkg.version) },
  inject: ['scripts/import-meta-url.js'],
  plugins: [lazyChildProcess, chalkNoDetection, yamlWithoutEsprima],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

/**
 * Escapes every non-ASCII character of a bundle as \uXXXX, which means the
 * same in strings, templates, regular expressions and identifiers, but not
 * in String.raw templates: those must be ASCII in the sources already.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/String\.raw`[^`]*`/g)) {
    if (/[^\x00-\x7f]/.test(m[0])) throw new Error(`${file}: a String.raw template holds a non-ASCII character; write it as \\u escape in the source: ${m[0].slice(0, 80)}`);
  }
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

rmSync(dist, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { notes: 'src/entry.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  define: { ...common.define, __NOTES_RENDER_WORKER__: JSON.stringify('render-worker.cjs') },
});
await build({ ...common, entryPoints: { 'render-worker': 'src/exporters/html/parallel.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } });
for (const f of ['notes.cjs', 'render-worker.cjs']) asciiOnly(new URL(f, dist));
const bundleHash = createHash('sha256').update(readFileSync(new URL('notes.cjs', dist))).digest('hex').slice(0, 16);
await build({
  ...common,
  entryPoints: { launch: 'src/launch.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  define: { ...common.define, __NOTES_BUNDLE_HASH__: JSON.stringify(bundleHash) },
});
