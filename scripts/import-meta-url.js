// Injected into the CommonJS bundles (scripts/build.mjs): `import.meta.url`
// in the sources becomes the bundle file's own URL, as it was in ESM.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
