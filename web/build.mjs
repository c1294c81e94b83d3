// Bundles the workbench into web/dist/ (index.html, app.js, app.css; the
// world-atlas shapes are imported into app.js), which `dragoman serve --web`
// serves. Usage: node web/build.mjs [--outdir DIR] [--dev]
// --dev keeps the code readable and adds a source map.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const at = args.indexOf('--outdir');
const outdir = path.resolve(at >= 0 && args[at + 1] ? args[at + 1] : path.join(here, 'dist'));

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('web/build.mjs: esbuild is missing; run `npm ci` in the repository root first');
  process.exit(1);
}

const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
try {
  await esbuild.build({
    absWorkingDir: path.dirname(here),
    entryPoints: { app: path.join(here, 'src', 'main.js') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
    outdir,
    minify: !dev,
    sourcemap: dev,
    legalComments: dev ? 'inline' : 'eof',
    charset: 'utf8',
    loader: { '.json': 'json' },
    define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
    logLevel: 'warning',
  });
} catch {
  // esbuild has printed the errors.
  process.exit(1);
}
copyFileSync(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
const files = readdirSync(outdir).sort();
console.log(`web/build.mjs: ${files.join(', ')} -> ${path.relative(process.cwd(), outdir) || '.'} in ${Date.now() - started} ms`);
