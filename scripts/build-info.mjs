// kt's version and commit, built into the bundles as KT_BUILD (src/cli/help.ts reads it): the single
// binary has no package.json beside it, and neither has a git checkout.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The commit of the working tree, "-dirty" when tracked files differ from it; "unknown" outside git. */
function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown'; // a source tarball, or no git on PATH
  }
}

/** { version, commit } for esbuild's `define`. */
export function buildInfo() {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return { version, commit: commit() };
}

/** esbuild's `define` entry that builds the info in. */
export function buildInfoDefine() {
  return { KT_BUILD: JSON.stringify(buildInfo()) };
}
