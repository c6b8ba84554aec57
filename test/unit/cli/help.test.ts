import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpText, packageVersion, versionText } from '../../../src/cli/help.js';

describe('help and version', () => {
  it('reads the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(packageVersion()).toBe(pkg.version);
    const arch = process.arch === 'x64' ? 'amd64' : process.arch;
    // The sources have no build info: the commit is built in only by the bundler.
    expect(versionText()).toBe(`kt ${pkg.version} (commit unknown, node ${process.versions.node}, ${process.platform}/${arch})\n`);
  });

  it('lists every flag and the environment', () => {
    const text = helpText();
    for (const flag of ['--kubeconfig', '--context', '--namespace', '-n,', '--all-namespaces', '-A,', '--request-timeout', '--readonly', '--prometheus', '--help', '--version', 'KUBECONFIG', 'NO_COLOR']) {
      expect(text).toContain(flag);
    }
  });

  it('fits an 80-column terminal', () => {
    for (const line of helpText().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
