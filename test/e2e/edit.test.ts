// `e` through the real binary on the sandbox, with a scripted $EDITOR (a shell script that
// records what it was shown and the tty's mode, then changes the file as the test asks): a field
// changed reaches the cluster; a concurrent change is a conflict that reopens the file with the
// user's edit and the error; invalid YAML reopens with the error; an unchanged save sends nothing;
// the terminal is handed over (cooked mode, main screen) and taken back (table redrawn, keys read)
// at 80x24 and 200x50.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawnKt, type KtPty } from '../helpers/pty.js';
import { kubeconfigPath, kubectlPath } from '../helpers/sandbox.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'kt-edit-e2e-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(kubectlPath(), ['--kubeconfig', kubeconfigPath, ...args]);
  return stdout;
}

const dsField = (path: string) => kubectl('get', 'daemonset', 'kube-proxy', '-n', 'kube-system', '-o', `jsonpath={${path}}`);

const EDITOR = `#!/bin/sh
n=$(cat "$KT_E2E_DIR/count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$KT_E2E_DIR/count"
cp "$1" "$KT_E2E_DIR/seen-$n.yaml"
stty -a > "$KT_E2E_DIR/stty-$n.txt" 2>&1
case "$KT_E2E_MODE-$n" in
  change-1) sed -i 's/revisionHistoryLimit: 10$/revisionHistoryLimit: 11/' "$1" ;;
  conflict-1)
    sed -i 's/revisionHistoryLimit: 10$/revisionHistoryLimit: 12/' "$1"
    "$KT_E2E_KUBECTL" --kubeconfig "$KT_E2E_KUBECONFIG" annotate daemonset kube-proxy -n kube-system --overwrite kt-e2e-concurrent=yes >/dev/null ;;
  conflict-2) : > "$1" ;;
  invalid-1) printf 'bad: [\\n' >> "$1" ;;
  invalid-2) : > "$1" ;;
esac
`;

describe('e edits the way kubectl edit does', () => {
  const running: KtPty[] = [];
  afterEach(async () => {
    for (const pty of running.splice(0)) await pty.dispose();
    await kubectl('patch', 'daemonset', 'kube-proxy', '-n', 'kube-system', '--type=merge', '-p', '{"spec":{"revisionHistoryLimit":10}}');
    await kubectl('annotate', 'daemonset', 'kube-proxy', '-n', 'kube-system', 'kt-e2e-concurrent-').catch(() => undefined);
  });

  /** kt on kube-proxy's DaemonSet with the scripted editor; returns the pty and the editor's directory. */
  async function openOnKubeProxy(mode: string, cols = 120, rows = 40, args: string[] = []): Promise<{ t: KtPty; dir: string }> {
    const dir = mkdtempSync(join(root, `${mode}-`));
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, EDITOR);
    chmodSync(editor, 0o755);
    const env = { EDITOR: editor, KUBE_EDITOR: undefined, KT_E2E_DIR: dir, KT_E2E_MODE: mode, KT_E2E_KUBECTL: kubectlPath(), KT_E2E_KUBECONFIG: kubeconfigPath };
    const t = spawnKt(['--kubeconfig', kubeconfigPath, '-n', 'kube-system', ...args], { cols, rows, env });
    running.push(t);
    await t.waitFor(/kube-proxy/, 30_000);
    t.press(':', ...'ds', 'Enter');
    await t.waitFor(/DaemonSets\(kube-system\)/, 15_000);
    t.press('/', ...'kube-proxy', 'Enter');
    await t.waitFor((s) => /DaemonSets\(kube-system\)\[1\/\d+\]/.test(s), 15_000);
    return { t, dir };
  }

  const seen = (dir: string, n: number) => readFileSync(join(dir, `seen-${n}.yaml`), 'utf8');

  it('a field changed in the editor reaches the cluster; the journal has kubectl edit', async () => {
    const { t } = await openOnKubeProxy('change');
    t.press('e');
    await t.waitFor(/daemonset\.apps\/kube-proxy edited/, 20_000);
    expect(await dsField('.spec.revisionHistoryLimit')).toBe('11');
    t.press(':', ...'journal', 'Enter');
    await t.waitFor(/kubectl edit daemonset\/kube-proxy -n kube-system/, 10_000);
  });

  it('a concurrent change is a conflict: the file reopens with the user edit and the error, nothing overwritten', async () => {
    const { t, dir } = await openOnKubeProxy('conflict');
    t.press('e');
    await t.waitFor(/Edit cancelled, saved file was empty\./, 20_000);
    const reopened = seen(dir, 2);
    expect(reopened).toMatch(/^# Error from server \(Conflict\): Operation cannot be fulfilled on daemonsets\.apps "kube-proxy": the object has been modified/m);
    expect(reopened).toContain('revisionHistoryLimit: 12');
    expect(await dsField('.spec.revisionHistoryLimit')).toBe('10');
    expect(await dsField('.metadata.annotations.kt-e2e-concurrent')).toBe('yes');
  });

  it('invalid YAML reopens the editor with the error and its line', async () => {
    const { t, dir } = await openOnKubeProxy('invalid');
    const before = await dsField('.metadata.resourceVersion');
    t.press('e');
    await t.waitFor(/Edit cancelled, saved file was empty\./, 20_000);
    expect(seen(dir, 2)).toMatch(/^# error: the edited file is not valid YAML: line \d+, column \d+: /m);
    expect(seen(dir, 2)).toContain('bad: [');
    expect(await dsField('.metadata.resourceVersion')).toBe(before);
  });

  it('RBAC without update refuses e and says why; --readonly offers no edit; the editor never runs', async () => {
    const limited = await openOnKubeProxy('unchanged', 120, 40, ['--context', 'kt-sandbox-limited']);
    limited.t.press('e');
    await limited.t.waitFor(/not allowed: cannot update resource "daemonsets" in API group "apps" in the namespace "kube-system"/, 10_000);
    const readonly = await openOnKubeProxy('unchanged', 120, 40, ['--readonly']);
    expect(readonly.t.screen()).not.toMatch(/<e> edit/);
    readonly.t.press('e');
    readonly.t.press(':');
    await readonly.t.waitFor((s) => s.split('\n').some((l) => l.startsWith(':')), 10_000);
    expect(existsSync(join(limited.dir, 'count'))).toBe(false);
    expect(existsSync(join(readonly.dir, 'count'))).toBe(false);
  });

  for (const [cols, rows] of [
    [80, 24],
    [200, 50],
  ] as const) {
    it(`an unchanged save sends nothing, and the terminal comes back intact at ${cols}x${rows}`, async () => {
      const { t, dir } = await openOnKubeProxy('unchanged', cols, rows);
      const before = await dsField('.metadata.resourceVersion');
      const rawBefore = t.rawOutput().length;
      t.press('e');
      await t.waitFor(/Edit cancelled, no changes made\./, 20_000);
      expect(await dsField('.metadata.resourceVersion')).toBe(before);
      // Handed over: the editor ran on the main screen, the tty in cooked mode with echo.
      const stty = readFileSync(join(dir, 'stty-1.txt'), 'utf8');
      expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
      const during = t.rawOutput().slice(rawBefore);
      expect(during).toContain('\x1b[?1049l');
      expect(during.indexOf('\x1b[?1049h')).toBeGreaterThan(during.indexOf('\x1b[?1049l'));
      // Taken back: the table is drawn again and keys are read one at a time (raw mode).
      const screen = await t.waitFor((s) => /DaemonSets\(kube-system\)\[1\/\d+\]/.test(s) && s.includes('kube-proxy'), 10_000);
      expect(screen.split('\n').length).toBeLessThanOrEqual(rows);
      t.press(':');
      await t.waitFor((s) => s.split('\n').some((l) => l.startsWith(':')), 10_000);
      t.press('Esc');
      expect(existsSync(join(dir, 'seen-2.yaml'))).toBe(false);
    });
  }
});
