import { describe, expect, it } from 'vitest';
import { noColor, prepareTerminalEnv } from '../../../src/terminal/env.js';

describe('prepareTerminalEnv', () => {
  it('turns NO_COLOR into FORCE_COLOR=0 for chalk', () => {
    const env: Record<string, string | undefined> = { NO_COLOR: '1' };
    prepareTerminalEnv(env);
    expect(env.FORCE_COLOR).toBe('0');
    expect(noColor(env)).toBe(true);
  });

  it('leaves colour alone without NO_COLOR, with an empty NO_COLOR, or with an explicit FORCE_COLOR', () => {
    for (const start of [{}, { NO_COLOR: '' }, { NO_COLOR: '1', FORCE_COLOR: '3' }]) {
      const env: Record<string, string | undefined> = { ...start };
      prepareTerminalEnv(env);
      expect(env.FORCE_COLOR).toBe((start as { FORCE_COLOR?: string }).FORCE_COLOR);
    }
  });

  it('drops CI so Ink draws live frames', () => {
    const env: Record<string, string | undefined> = { CI: 'true', CONTINUOUS_INTEGRATION: '1' };
    prepareTerminalEnv(env);
    expect(env).toEqual({});
  });
});
