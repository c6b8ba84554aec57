import { describe, expect, it } from 'vitest';
import { editorCommand, runEditor } from '../../../src/terminal/editor.js';
import { handOver } from '../../../src/terminal/handover.js';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, SHOW_CURSOR } from '../../../src/terminal/screen.js';

describe('handOver', () => {
  it('leaves the alternate screen inside Ink suspension and comes back before Ink redraws', async () => {
    const log: string[] = [];
    const suspend = async (cb: () => void | Promise<void>) => {
      log.push('ink: input paused');
      await cb();
      log.push('ink: input resumed, redrawn');
    };
    const value = await handOver(suspend, { write: (d: string) => log.push(d) }, () => {
      log.push('editor');
      return 7;
    });
    expect(value).toBe(7);
    expect(log[0]).toBe('ink: input paused');
    expect(log[1]).toContain(LEAVE_ALT_SCREEN);
    expect(log[1]).toContain(SHOW_CURSOR);
    expect(log[2]).toBe('editor');
    expect(log[3]?.startsWith(ENTER_ALT_SCREEN)).toBe(true);
    expect(log[4]).toBe('ink: input resumed, redrawn');
  });
});

describe('the editor', () => {
  it('is $KUBE_EDITOR, else $EDITOR, else vi; with arguments it runs through the shell', () => {
    expect(editorCommand({ KUBE_EDITOR: 'nano', EDITOR: 'emacs' }, '/t/a.yaml')).toEqual({ editor: 'nano', command: 'nano', args: ['/t/a.yaml'] });
    expect(editorCommand({ EDITOR: 'emacs' }, '/t/a.yaml').command).toBe('emacs');
    expect(editorCommand({}, '/t/a.yaml').command).toBe('vi');
    expect(editorCommand({ EDITOR: 'code --wait', SHELL: '/bin/bash' }, "/t/it's.yaml")).toEqual({
      editor: 'code --wait',
      command: '/bin/bash',
      args: ['-c', `code --wait '/t/it'\\''s.yaml'`],
    });
  });

  it('says in one line when it cannot start or fails', () => {
    const missing = Object.assign(new Error('spawnSync nosuch ENOENT'), { code: 'ENOENT' });
    expect(runEditor({ EDITOR: 'nosuch' }, '/f', () => ({ error: missing, status: null, signal: null }))).toEqual({
      ok: false,
      error: 'cannot start the editor "nosuch" (ENOENT): set $KUBE_EDITOR or $EDITOR; nothing was sent',
    });
    expect(runEditor({}, '/f', () => ({ status: 1, signal: null }))).toEqual({ ok: false, error: 'the editor "vi" exited with status 1; nothing was sent' });
    expect(runEditor({}, '/f', () => ({ status: 0, signal: null }))).toEqual({ ok: true });
  });
});
