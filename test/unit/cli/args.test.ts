import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs, parseRequestTimeout } from '../../../src/cli/args.js';

const defaults = { allNamespaces: false, readonly: false, help: false, version: false };

function fails(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(ArgsError);
    return (err as Error).message;
  }
  throw new Error(`parseArgs(${JSON.stringify(argv)}) did not fail`);
}

describe('parseArgs', () => {
  it('gives defaults for no arguments', () => {
    expect(parseArgs([])).toEqual(defaults);
  });

  it('reads value flags in both spellings', () => {
    expect(parseArgs(['--kubeconfig', '/a', '--context', 'kind-kind'])).toEqual({ ...defaults, kubeconfig: '/a', context: 'kind-kind' });
    expect(parseArgs(['--kubeconfig=/b', '--context=arn:aws:eks:x'])).toMatchObject({ kubeconfig: '/b', context: 'arn:aws:eks:x' });
  });

  it('reads the namespace in every kubectl form', () => {
    for (const argv of [['-n', 'kube-system'], ['-nkube-system'], ['-n=kube-system'], ['--namespace', 'kube-system'], ['--namespace=kube-system']]) {
      expect(parseArgs(argv).namespace).toBe('kube-system');
    }
  });

  it('reads boolean flags, combined shorthands and explicit values', () => {
    expect(parseArgs(['-A', '--readonly'])).toMatchObject({ allNamespaces: true, readonly: true });
    expect(parseArgs(['--all-namespaces'])).toMatchObject({ allNamespaces: true });
    expect(parseArgs(['-Ah'])).toMatchObject({ allNamespaces: true, help: true });
    expect(parseArgs(['-Anfoo'])).toMatchObject({ allNamespaces: true, namespace: 'foo' });
    expect(parseArgs(['--readonly=false'])).toMatchObject({ readonly: false });
    expect(parseArgs(['-h'])).toMatchObject({ help: true });
    expect(parseArgs(['--help'])).toMatchObject({ help: true });
    expect(parseArgs(['--version'])).toMatchObject({ version: true });
  });

  it('reads `kt version` as --version, and no other bare word', () => {
    expect(parseArgs(['version'])).toMatchObject({ version: true });
    expect(parseArgs(['--context', 'version'])).toMatchObject({ context: 'version', version: false });
    expect(() => parseArgs(['versions'])).toThrow('kt: unexpected argument "versions" (see kt --help)');
  });

  it('keeps -n alongside -A (the app lets -A win)', () => {
    expect(parseArgs(['-n', 'x', '-A'])).toMatchObject({ namespace: 'x', allNamespaces: true });
  });

  it('lets the last repeated flag win', () => {
    expect(parseArgs(['-n', 'a', '-n', 'b']).namespace).toBe('b');
  });

  it('takes a Prometheus URL and drops trailing slashes', () => {
    expect(parseArgs(['--prometheus', 'http://localhost:9090/']).prometheus).toBe('http://localhost:9090');
    expect(fails(['--prometheus', 'localhost'])).toMatch(/^kt: invalid value "localhost" for "--prometheus"/);
    expect(fails(['--prometheus=ftp://x'])).toMatch(/http/);
  });

  it('rejects unknown flags with one line', () => {
    expect(fails(['--foo'])).toBe('kt: unknown flag "--foo" (see kt --help)');
    expect(fails(['--foo=bar'])).toBe('kt: unknown flag "--foo" (see kt --help)');
    expect(fails(['-x'])).toBe('kt: unknown flag "-x" (see kt --help)');
    expect(fails(['-Ax'])).toBe('kt: unknown flag "-x" (see kt --help)');
  });

  it('rejects missing values', () => {
    expect(fails(['--context'])).toBe('kt: flag "--context" needs a value (see kt --help)');
    expect(fails(['-n'])).toBe('kt: flag "-n" needs a value (see kt --help)');
    expect(fails(['-n', '-A'])).toBe('kt: flag "-n" needs a value (see kt --help)');
    expect(fails(['--kubeconfig='])).toBe('kt: flag "--kubeconfig" needs a value (see kt --help)');
    expect(fails(['-n='])).toBe('kt: flag "-n" needs a value (see kt --help)');
  });

  it('rejects positional arguments', () => {
    expect(fails(['pods'])).toBe('kt: unexpected argument "pods" (see kt --help)');
    expect(fails(['--', 'pods'])).toBe('kt: unexpected argument "pods" (see kt --help)');
    expect(parseArgs(['-A', '--'])).toMatchObject({ allNamespaces: true });
  });

  it('keeps every error on one line', () => {
    for (const argv of [['--x'], ['-n'], ['--request-timeout', 'soon'], ['--readonly=maybe'], ['a']]) {
      expect(fails(argv)).not.toContain('\n');
    }
  });
});

describe('--request-timeout', () => {
  it('follows kubectl: 0 is none, a bare number is seconds, units otherwise', () => {
    expect(parseArgs(['--request-timeout', '0']).requestTimeoutMs).toBe(0);
    expect(parseArgs(['--request-timeout=30']).requestTimeoutMs).toBe(30_000);
    expect(parseRequestTimeout('5s')).toBe(5000);
    expect(parseRequestTimeout('1m')).toBe(60_000);
    expect(parseRequestTimeout('500ms')).toBe(500);
    expect(parseRequestTimeout('1m30s')).toBe(90_000);
    expect(parseRequestTimeout('1.5h')).toBe(5_400_000);
    expect(parseRequestTimeout('0s')).toBe(0);
    expect(parseRequestTimeout('1ns')).toBe(1);
  });

  it('rejects anything else', () => {
    for (const bad of ['soon', '5x', '-1s', '1.5', 's', '5s ', '']) {
      expect(() => parseRequestTimeout(bad)).toThrow(ArgsError);
    }
    expect(fails(['--request-timeout', '5 minutes'])).toMatch(/^kt: invalid value "5 minutes" for "--request-timeout"/);
  });
});
