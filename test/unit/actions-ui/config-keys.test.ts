import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPrefs } from '../../../src/config/prefs.js';
import { BINDINGS } from '../../../src/keys/bindings.js';
import { applyKeyOverrides } from '../../../src/keys/overrides.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function configWith(data: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'kt-keys-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(data));
  return dir;
}

describe('the config file\'s keys', () => {
  it('are read from the prefs file and kept when prefs are saved', () => {
    const dir = configWith({ keys: { 'action.scale': ['S'] }, contexts: {} });
    const opened = openPrefs({ env: { KT_CONFIG_DIR: dir } });
    expect(opened.keys).toEqual({ 'action.scale': ['S'] });
    const { bindings, warning } = applyKeyOverrides(BINDINGS, opened.keys, opened.path);
    expect(warning).toBeUndefined();
    expect(bindings.find((b) => b.id === 'action.scale')?.keys).toEqual(['S']);
    expect(bindings.find((b) => b.id === 'sort.status')?.keys).toEqual([]);
    opened.store.set('ctx', { namespace: 'default' });
    expect(JSON.parse(readFileSync(opened.path, 'utf8')).keys).toEqual({ 'action.scale': ['S'] });
  });

  it('a bad entry gives one warning line naming the file, the rest applies', () => {
    const dir = configWith({ keys: { 'action.scale': ['S'], 'action.delete': ['ctrl+'], nope: ['z'] } });
    const opened = openPrefs({ env: { KT_CONFIG_DIR: dir } });
    const { bindings, warning } = applyKeyOverrides(BINDINGS, opened.keys, opened.path);
    expect(warning).toMatch(new RegExp(`^kt: ignoring keys in ${opened.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(warning).not.toContain('\n');
    expect(warning).toContain('action.delete');
    expect(warning).toContain('nope');
    expect(bindings.find((b) => b.id === 'action.delete')?.keys).toEqual(['ctrl+d']);
    expect(bindings.find((b) => b.id === 'action.scale')?.keys).toEqual(['S']);
  });
});
