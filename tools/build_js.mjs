/* Bundles the front end with esbuild. The asset pipeline runs it (webapp/assets.py, the
   "esbuild" filter of the js_pages bundle) with a job as JSON on stdin:
     { "static": "<static folder>", "outdir": "gen/js", "entries": { name: "js/…" }, "worker": "js/…" }
   and reads the manifest it prints: for each entry its file and the chunks it imports (for
   <link rel="modulepreload">), the service worker's file, and every file written. All paths are
   relative to the static folder. File names carry a hash of their content, so they can be cached
   forever and the service worker's cache version follows them.

   Page entries are ES modules with code splitting: code two pages share lands in one chunk that
   is downloaded and cached once, and a page loads only what its entries import. The worker is a
   single classic script, since not every browser starts module service workers. */
import * as esbuild from 'esbuild';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const job = JSON.parse(readFileSync(0, 'utf8'));
job.static = path.resolve(job.static);
const outdir = path.join(job.static, job.outdir);
const common = {
  absWorkingDir: job.static,
  bundle: true,
  minify: true,
  metafile: true,
  outdir,
  legalComments: 'none',
  logLevel: 'silent',
  // Browsers with ES modules, optional chaining and private fields: iOS 15 and up.
  target: ['chrome92', 'edge92', 'firefox90', 'safari15'],
  entryNames: '[name].[hash]',
};

const fromStatic = (file) => path.relative(job.static, path.resolve(job.static, file)).split(path.sep).join('/');

try {
  const pages = await esbuild.build({
    ...common,
    entryPoints: job.entries,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk.[hash]',
  });
  const worker = await esbuild.build({ ...common, entryPoints: { sw: job.worker }, format: 'iife' });

  const outputs = pages.metafile.outputs;
  // Static imports only: a dynamic import() is fetched when used, not preloaded.
  const chunksOf = (file, seen = new Set()) => {
    for (const item of outputs[file].imports) {
      if (item.kind !== 'import-statement' || seen.has(item.path)) continue;
      seen.add(item.path);
      chunksOf(item.path, seen);
    }
    return seen;
  };
  const entries = {};
  for (const [file, meta] of Object.entries(outputs)) {
    if (!meta.entryPoint) continue;
    const name = Object.keys(job.entries).find((key) => fromStatic(job.entries[key]) === fromStatic(meta.entryPoint));
    entries[name] = {
      file: fromStatic(file),
      imports: [...chunksOf(file)].map(fromStatic).sort(),
      // Source files, so a test can tell which page pulls in which code.
      sources: Object.keys(meta.inputs).sort(),
    };
  }
  const workerFile = Object.keys(worker.metafile.outputs)[0];
  const manifest = {
    entries,
    worker: fromStatic(workerFile),
    files: Object.keys(outputs).map(fromStatic).sort(),
  };
  // Inputs of shared chunks are not listed under the entry itself: add them.
  for (const entry of Object.values(entries)) {
    const all = new Set(entry.sources);
    for (const chunk of entry.imports) for (const source of Object.keys(outputs[chunk].inputs)) all.add(source);
    entry.sources = [...all].sort();
  }
  process.stdout.write(JSON.stringify(manifest, null, 1) + '\n');
} catch (error) {
  const messages = error.errors ? await esbuild.formatMessages(error.errors, { kind: 'error' }) : [String(error)];
  process.stderr.write(messages.join('\n'));
  process.exit(1);
}
