// Ad-hoc: which packages make up the big chunks of the bundle (esbuild metafile). node bench/adhoc/meta.mjs
import { build } from 'esbuild';
const r = await build({ entryPoints: ['dist/cli.js'], outdir: '/tmp/metab', bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', metafile: true, write: false, logLevel: 'error', define: { 'process.env.NODE_ENV': '"production"' }, external: ['react-devtools-core'] });
for (const [out, o] of Object.entries(r.metafile.outputs)) {
  if (o.bytes < 500000) continue;
  const byPkg = {};
  for (const [inp, i] of Object.entries(o.inputs)) { const m = inp.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); const k = m ? m[1] + (inp.includes('/gen/') ? ' gen' : '') : 'kt'; byPkg[k] = (byPkg[k] || 0) + i.bytesInOutput; }
  console.log(out, o.bytes, Object.entries(byPkg).sort((a,b)=>b[1]-a[1]).slice(0,15));
}
