import { describe, expect, it } from 'vitest';
import { errorLine, installGuard } from '../../../src/terminal/guard.js';
import { createScreen, LEAVE_ALT_SCREEN } from '../../../src/terminal/screen.js';
import { FakeIn, FakeOut, FakeProcess } from './fakes.js';

function setup() {
  const out = new FakeOut();
  const input = new FakeIn();
  const proc = new FakeProcess();
  const screen = createScreen(out, input);
  const log: string[] = [];
  let stderr = '';
  const guard = installGuard({
    screen: {
      restore: () => {
        log.push('restore');
        screen.restore();
      },
    },
    stderr: {
      write: (data: string) => {
        log.push(`stderr:${data}`);
        stderr += data;
      },
    },
    proc,
    beforeRestore: () => log.push('unmount'),
  });
  screen.enter();
  return { out, input, proc, guard, log, stderr: () => stderr };
}

describe('guard', () => {
  it('exits normally: unmount, restore, exit code', () => {
    const t = setup();
    t.guard.exit(0);
    expect(t.log).toEqual(['unmount', 'restore']);
    expect(t.proc.exits).toEqual([0]);
    expect(t.out.written).toContain(LEAVE_ALT_SCREEN);
  });

  it('runs once however many ways out are taken', () => {
    const t = setup();
    t.guard.exit(0);
    t.guard.exit(3, 'again');
    t.proc.emit('exit', 0);
    expect(t.log).toEqual(['unmount', 'restore']);
    expect(t.proc.exits).toEqual([0]);
  });

  it('prints the error line after leaving the alternate screen on an uncaught exception', () => {
    const t = setup();
    t.proc.emit('uncaughtException', new Error('boom\n    at somewhere (file.js:1:1)'));
    expect(t.log).toEqual(['unmount', 'restore', 'stderr:kt: boom\n']);
    expect(t.proc.exits).toEqual([1]);
  });

  it('handles unhandled rejections the same way, even of non-errors', () => {
    const t = setup();
    t.proc.emit('unhandledRejection', 'nope');
    expect(t.stderr()).toBe('kt: nope\n');
    expect(t.proc.exits).toEqual([1]);
  });

  it('prints the stack only with KT_DEBUG', () => {
    const t = setup();
    t.proc.env.KT_DEBUG = '1';
    t.proc.emit('uncaughtException', new Error('boom'));
    expect(t.stderr()).toMatch(/^kt: boom\nError: boom\n\s+at /);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ])('restores the terminal on %s', (signal, code) => {
    const t = setup();
    t.proc.emit(signal);
    expect(t.log).toEqual(['unmount', 'restore']);
    expect(t.proc.exits).toEqual([code]);
    expect(t.input.isRaw).toBe(false);
  });

  it('restores on a direct process.exit() too', () => {
    const t = setup();
    t.proc.emit('exit', 0);
    expect(t.log).toEqual(['unmount', 'restore']);
  });

  it('restores even when unmounting throws', () => {
    const t = setup();
    t.guard.setBeforeRestore(() => {
      throw new Error('ink fell over');
    });
    t.guard.exit(1, 'kt: bad');
    expect(t.out.written).toContain(LEAVE_ALT_SCREEN);
    expect(t.stderr()).toBe('kt: bad\n');
  });

  it('removes its listeners on dispose', () => {
    const t = setup();
    t.guard.dispose();
    for (const event of ['uncaughtException', 'unhandledRejection', 'exit', 'SIGTERM', 'SIGHUP', 'SIGINT']) {
      expect(t.proc.listenerCount(event)).toBe(0);
    }
  });
});

describe('errorLine', () => {
  it('keeps the first non-empty line and one kt: prefix', () => {
    expect(errorLine(new Error('\nfirst\nsecond'))).toBe('kt: first');
    expect(errorLine(new Error('kt: already'))).toBe('kt: already');
    expect(errorLine(42)).toBe('kt: 42');
  });
});
