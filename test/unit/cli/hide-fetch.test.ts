import { describe, expect, it } from 'vitest';
import { withoutGlobalFetch } from '../../../src/cli/hide-fetch.js';

describe('withoutGlobalFetch', () => {
  it('hides fetch while loading and restores the original descriptor after', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    const seen = await withoutGlobalFetch(async () => typeof fetch);
    expect(seen).toBe('undefined');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
    expect(typeof fetch).toBe('function');
  });

  it('restores fetch when loading fails', async () => {
    await expect(withoutGlobalFetch(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(typeof fetch).toBe('function');
  });
});
