import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configDir, MAX_FAVOURITES, openPrefs, pushFavourite } from '../../../src/config/prefs.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kt-prefs-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(dir: string) {
  return openPrefs({ env: { KT_CONFIG_DIR: dir } });
}

describe('prefs', () => {
  it('starts empty and remembers per context across runs', () => {
    const dir = tempDir();
    const first = open(dir);
    expect(first.warning).toBeUndefined();
    expect(first.path).toBe(join(dir, 'config.json'));
    expect(first.store.get('kind-kind')).toEqual({ favourites: [] });
    first.store.set('kind-kind', { namespace: 'kube-system', view: 'pods' });
    first.store.set('gke_proj_zone.example.com', { namespace: 'web' });

    const second = open(dir);
    expect(second.store.get('kind-kind')).toEqual({ namespace: 'kube-system', view: 'pods', favourites: ['kube-system'] });
    expect(second.store.get('gke_proj_zone.example.com')).toEqual({ namespace: 'web', favourites: ['web'] });
    expect(second.store.get('other')).toEqual({ favourites: [] });
  });

  it('keeps favourites most-recent-first, unique, at most 9', () => {
    const { store } = open(tempDir());
    for (const ns of ['a', 'b', 'c', 'a']) store.set('ctx', { namespace: ns });
    expect(store.get('ctx').favourites).toEqual(['a', 'c', 'b']);
    for (let i = 0; i < 12; i++) store.set('ctx', { namespace: `ns${i}` });
    expect(store.get('ctx').favourites).toHaveLength(MAX_FAVOURITES);
    expect(store.get('ctx').favourites[0]).toBe('ns11');
    store.set('ctx', { namespace: '' }); // all namespaces: remembered, not a favourite
    expect(store.get('ctx').namespace).toBe('');
    expect(store.get('ctx').favourites[0]).toBe('ns11');
  });

  it('takes explicit favourites as given (normalised)', () => {
    const { store } = open(tempDir());
    store.set('ctx', { namespace: 'x', favourites: ['p', 'q', 'p', ''] });
    expect(store.get('ctx').favourites).toEqual(['p', 'q']);
  });

  it('can forget the view or namespace', () => {
    const dir = tempDir();
    open(dir).store.set('ctx', { namespace: 'a', view: 'pods' });
    open(dir).store.set('ctx', { view: undefined });
    expect(open(dir).store.get('ctx')).toEqual({ namespace: 'a', favourites: ['a'] });
  });

  it('returns copies that callers cannot use to change the store', () => {
    const { store } = open(tempDir());
    store.set('ctx', { namespace: 'a' });
    store.get('ctx').favourites.push('zzz');
    expect(store.get('ctx').favourites).toEqual(['a']);
  });

  it('keeps another instance\'s changes to other contexts', () => {
    const dir = tempDir();
    const one = open(dir);
    const two = open(dir);
    one.store.set('a', { namespace: 'n1' });
    two.store.set('b', { namespace: 'n2' });
    const three = open(dir);
    expect(three.store.get('a').namespace).toBe('n1');
    expect(three.store.get('b').namespace).toBe('n2');
  });

  it('reads odd shapes as unset', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ contexts: { c: { namespace: 3, view: 'nodes', favourites: 'x' }, d: 'junk' } }));
    const { store, warning } = open(dir);
    expect(warning).toBeUndefined();
    expect(store.get('c')).toEqual({ view: 'nodes', favourites: [] });
    expect(store.get('d')).toEqual({ favourites: [] });
  });

  it.each([
    ['broken JSON', '{"contexts": {', /^kt: ignoring corrupt config .*config\.json: .+; using defaults$/],
    ['a JSON array', '[1,2]', /^kt: ignoring corrupt config .*config\.json: not a JSON object; using defaults$/],
  ])('warns once about %s, runs on defaults, and never overwrites the file', (_name, content, message) => {
    const dir = tempDir();
    const path = join(dir, 'config.json');
    writeFileSync(path, content);
    const before = statSync(path).mtimeMs;
    const { store, warning } = open(dir);
    expect(warning).toMatch(message);
    expect(warning).not.toContain('\n');
    expect(store.get('ctx')).toEqual({ favourites: [] });
    store.set('ctx', { namespace: 'kept-in-memory' });
    expect(store.get('ctx').namespace).toBe('kept-in-memory');
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('treats an unreadable config path as corrupt rather than crashing', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'config.json'));
    const { store, warning } = open(dir);
    expect(warning).toMatch(/EISDIR/);
    expect(() => store.set('ctx', { namespace: 'a' })).not.toThrow();
  });

  it('stops writing, without throwing, if the file turns corrupt during the run', () => {
    const dir = tempDir();
    const path = join(dir, 'config.json');
    const { store } = open(dir);
    store.set('ctx', { namespace: 'a' });
    writeFileSync(path, '{oops');
    expect(() => store.set('ctx', { namespace: 'b' })).not.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('{oops');
    expect(store.get('ctx').namespace).toBe('b');
  });
});

describe('configDir', () => {
  it('prefers KT_CONFIG_DIR, then the platform convention', () => {
    expect(configDir({ KT_CONFIG_DIR: '/x' }, 'linux', '/home/u')).toBe('/x');
    expect(configDir({}, 'linux', '/home/u')).toBe('/home/u/.config/kt-nodejs');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/kt-nodejs');
    expect(configDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Preferences/kt-nodejs');
  });
});

describe('pushFavourite', () => {
  it('moves to the front without duplicates', () => {
    expect(pushFavourite(['a', 'b', 'c'], 'c')).toEqual(['c', 'a', 'b']);
    expect(pushFavourite(['a'], '')).toEqual(['a']);
  });
});
