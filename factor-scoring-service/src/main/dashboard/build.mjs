// Bundles the dashboard (ECharts included, so the page needs no CDN) into the directory given as
// the first argument; the Maven build passes target/classes/META-INF/resources/dashboard.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const out = process.argv[2] ?? 'dist';
await mkdir(out, { recursive: true });
await build({
  entryPoints: ['src/app.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: path.join(out, 'app.js'),
  legalComments: 'eof',
  logLevel: 'warning',
});
for (const file of ['index.html', 'style.css']) {
  await copyFile(path.join('src', file), path.join(out, file));
}
console.log(`dashboard built into ${out}`);
