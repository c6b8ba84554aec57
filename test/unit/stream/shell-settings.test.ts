// The `shell` config setting and the kubectl lines the journal keeps for sessions.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHELL, resolveShellSettings, sessionKubectl } from '../../../src/stream/shell-settings.js';
import { statusEnd } from '../../../src/stream/channels.js';

describe('resolveShellSettings', () => {
  it('bash where the image has it, else sh, by default; the config command when it is a list of words', () => {
    expect(resolveShellSettings(undefined, 'c.json')).toEqual({ settings: DEFAULT_SHELL });
    expect(DEFAULT_SHELL.command).toEqual(['sh', '-c', 'command -v bash >/dev/null && exec bash || exec sh']);
    expect(resolveShellSettings({ command: ['/bin/zsh', '-l'] }, 'c.json')).toEqual({ settings: { command: ['/bin/zsh', '-l'] } });
  });

  it('names a bad value in one line and keeps the default', () => {
    for (const bad of ['bash', { command: [] }, { command: 'bash' }, { command: ['bash', 3] }, { command: ['bash'], shell: 1 }]) {
      const { settings, warning } = resolveShellSettings(bad, '/home/u/.config/kt-nodejs/config.json');
      expect(settings).toBe(DEFAULT_SHELL);
      expect(warning).toBe('kt: ignoring "shell" in /home/u/.config/kt-nodejs/config.json: want {"command": ["bash"]} (a non-empty list of words); using bash, else sh');
    }
  });
});

describe('sessionKubectl', () => {
  it('is the kubectl command of the session, quoted for a shell, never what is typed in it', () => {
    const where = { namespace: 'ns', pod: 'web-1', container: 'app' };
    expect(sessionKubectl({ type: 'exec', ...where, command: DEFAULT_SHELL.command })).toBe(
      "kubectl exec -it -n ns web-1 -c app -- sh -c 'command -v bash >/dev/null && exec bash || exec sh'",
    );
    expect(sessionKubectl({ type: 'exec', ...where, command: ["it's"] })).toBe(`kubectl exec -it -n ns web-1 -c app -- 'it'\\''s'`);
    expect(sessionKubectl({ type: 'attach', ...where, stdin: true, tty: true })).toBe('kubectl attach -it -n ns web-1 -c app');
    expect(sessionKubectl({ type: 'attach', ...where, stdin: false, tty: false })).toBe('kubectl attach -n ns web-1 -c app');
  });
});

describe('statusEnd', () => {
  it('reads Success, a non-zero exit code, and a failure message', () => {
    expect(statusEnd('{"metadata":{},"status":"Success"}')).toEqual({ ok: true, message: '' });
    expect(statusEnd('{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"127"}]}}')).toEqual({ ok: true, message: 'exit code 127', exitCode: 127 });
    expect(statusEnd('{"status":"Failure","message":"container not found (\\"app\\")"}')).toEqual({ ok: false, message: 'container not found ("app")' });
    expect(statusEnd('garbage').ok).toBe(false);
  });
});
