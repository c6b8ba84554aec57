import { describe, expect, it, vi } from 'vitest';
import { main, NOT_A_TERMINAL, STDIN_NOT_A_TERMINAL, type MainIO } from '../../../src/cli/main.js';

function io(tty = true): MainIO & { out: string; err: string } {
  const result = {
    out: '',
    err: '',
    env: { NO_COLOR: '1', CI: 'true' } as Record<string, string | undefined>,
    stdout: { isTTY: tty, write: (s: string) => (result.out += s) },
    stdin: { isTTY: tty },
    stderr: { write: (s: string) => (result.err += s) },
  };
  return result;
}

describe('main', () => {
  it('prints help and version without a terminal or the UI', async () => {
    const start = vi.fn();
    const a = io(false);
    expect(await main(['--help'], a, start)).toBe(0);
    expect(a.out).toContain('Usage:');
    const b = io(false);
    expect(await main(['--version'], b, start)).toBe(0);
    expect(b.out).toMatch(/^kt \d+\.\d+\.\d+/);
    expect(start).not.toHaveBeenCalled();
  });

  it('reports a bad flag in one line with exit 1', async () => {
    const a = io();
    expect(await main(['--nope'], a, vi.fn())).toBe(1);
    expect(a.err).toBe('kt: unknown flag "--nope" (see kt --help)\n');
  });

  it('refuses a non-terminal stdout or stdin with exit 2', async () => {
    const a = io(false);
    expect(await main([], a, vi.fn())).toBe(2);
    expect(a.err).toBe(`${NOT_A_TERMINAL}\n`);
    const b = io();
    b.stdin.isTTY = false;
    expect(await main([], b, vi.fn())).toBe(2);
    expect(b.err).toBe(`${STDIN_NOT_A_TERMINAL}\n`);
  });

  it('prepares the environment and starts the UI with the parsed flags', async () => {
    const a = io();
    const start = vi.fn(async () => undefined);
    expect(await main(['-n', 'web', '--readonly'], a, start)).toBeUndefined();
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ namespace: 'web', readonly: true }));
    expect(a.env.FORCE_COLOR).toBe('0');
    expect(a.env.CI).toBeUndefined();
  });
});
