// esbuild plugins for kt's bundles: modules kt never loads, and the two edits that let Ink bundle
// as CommonJS for the single binary (scripts/package.mjs), which has no top-level await.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Optional modules that kt never loads: Ink's react-devtools-core (only with DEV=true), ws's
 * native speed-ups, node-fetch's `encoding`. Each one throws "not found" when required, which is
 * what its user expects and catches; left unresolved, the single binary's require() refuses them.
 */
export function missingModules(names) {
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'kt-missing-modules',
    setup(b) {
      // Node's own codes: require() throws MODULE_NOT_FOUND, import ERR_MODULE_NOT_FOUND.
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'kt-missing', pluginData: args.kind === 'require-call' ? 'MODULE_NOT_FOUND' : 'ERR_MODULE_NOT_FOUND' }));
      b.onLoad({ filter: /.*/, namespace: 'kt-missing' }, (args) => ({
        contents: `throw Object.assign(new Error(${JSON.stringify(`${args.path} is not bundled with kt`)}), { code: ${JSON.stringify(args.pluginData)} });`,
        loader: 'js',
      }));
    },
  };
}

/** The edit's `find` must match `text` exactly once, or the build stops: the upstream code changed. */
function replaceOnce(text, find, replacement, what) {
  const matches = text.match(new RegExp(find.source, `${find.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) {
    throw new Error(`${what}: expected the code this build edits once, found it ${matches.length} times; the dependency changed, so check the edit in scripts/esbuild-plugins.mjs`);
  }
  return text.replace(find, replacement);
}

/**
 * CommonJS has no top-level await, and Ink has two:
 * - yoga-layout's index awaits its WebAssembly. It is swapped for a module that exports yoga's
 *   constants at once and fills in Node and Config once `layoutEngineReady()` (src/cli/layout-ready.ts,
 *   swapped here too) has loaded the WebAssembly, which the UI awaits before it renders anything.
 * - Ink's reconciler awaits its devtools and its package.json when DEV=true; both blocks are removed.
 * Every edit is checked: the build fails if one no longer applies.
 */
export function inkWithoutTopLevelAwait() {
  return {
    name: 'kt-ink-without-top-level-await',
    setup(b) {
      const applied = new Set();
      b.onResolve({ filter: /^yoga-layout$/ }, (args) => ({ path: 'yoga-layout', namespace: 'kt-yoga', pluginData: args.resolveDir }));
      b.onLoad({ filter: /.*/, namespace: 'kt-yoga' }, async (args) => {
        const load = await b.resolve('yoga-layout/load', { kind: 'import-statement', resolveDir: args.pluginData });
        if (load.errors.length > 0) throw new Error('yoga-layout/load no longer resolves; check scripts/esbuild-plugins.mjs');
        const src = dirname(load.path);
        // The module being replaced must still be the one awaiting its WebAssembly at the top.
        replaceOnce(readFileSync(join(src, 'index.js'), 'utf8'), /wrapAssembly\(await loadYoga\(\)\)/, '', 'yoga-layout/index.js');
        const enums = join(src, 'generated', 'YGEnums.js');
        if (!existsSync(enums)) throw new Error(`${enums} is gone; check scripts/esbuild-plugins.mjs`);
        applied.add('yoga');
        return {
          resolveDir: src,
          contents: [
            `import { loadYoga } from ${JSON.stringify(load.path)};`,
            `import constants from ${JSON.stringify(enums)};`,
            `export * from ${JSON.stringify(enums)};`,
            'const Yoga = { ...constants };',
            'let loading;',
            '/** Loads the WebAssembly once; Yoga.Node and Yoga.Config exist after it resolves. */',
            'export function yogaReady() { return (loading ??= loadYoga().then((lib) => { Object.assign(Yoga, lib); })); }',
            'export default Yoga;',
          ].join('\n'),
        };
      });
      b.onLoad({ filter: /[\\/]dist[\\/]cli[\\/]layout-ready\.js$/ }, () => {
        applied.add('layout-ready');
        return { contents: "import { yogaReady } from 'yoga-layout';\nexport function layoutEngineReady() { return yogaReady(); }\n", loader: 'js' };
      });
      b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
        // Both top-level `if (process.env['DEV'] === 'true') { ... }` blocks: the devtools import,
        // and the package.json read for the devtools' metadata. Each runs to its closing brace in column 0.
        const devBlock = /^if \(process\.env\['DEV'\] === 'true'\) \{\n[^]*?\n\}\n/gm;
        const text = readFileSync(args.path, 'utf8');
        const blocks = text.match(devBlock) ?? [];
        if (blocks.length !== 2 || !blocks.every((block) => /\bawait\b/.test(block))) {
          throw new Error(`${args.path}: expected the two DEV blocks with top-level awaits this build removes, found ${blocks.length}; Ink changed, so check scripts/esbuild-plugins.mjs`);
        }
        applied.add('devtools');
        return { contents: text.replace(devBlock, ''), loader: 'js' };
      });
      b.onEnd((result) => {
        if (result.errors.length > 0) return;
        const missing = ['yoga', 'layout-ready', 'devtools'].filter((edit) => !applied.has(edit));
        if (missing.length > 0) throw new Error(`scripts/esbuild-plugins.mjs: these edits found nothing to edit: ${missing.join(', ')}`);
      });
    },
  };
}
