import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameLogger } from '../../../src/cli/frame-log.js';

describe('frameLogger', () => {
  it('is off without a path', () => {
    expect(frameLogger(undefined)).toBeUndefined();
    expect(frameLogger('')).toBeUndefined();
  });

  it('appends each frame time in ms, one per line', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kt-frames-')), 'frames.log');
    const log = frameLogger(path);
    log?.({ renderTime: 12.345 });
    log?.({ renderTime: 3 });
    expect(readFileSync(path, 'utf8')).toBe('12.35\n3.00\n');
  });

  it('keeps going when the file cannot be written', () => {
    expect(() => frameLogger('/nonexistent-dir/frames.log')?.({ renderTime: 1 })).not.toThrow();
  });
});
