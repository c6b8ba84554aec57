import { describe, expect, it } from 'vitest';
import { dns1035Label, dns1123Subdomain, ianaSvcName, labelValue, parseIntIn, qualifiedName } from '../../../src/actions/validation.js';

describe('qualifiedName', () => {
  it.each(['disktype', 'a', 'kubernetes.io/hostname', 'node-role.kubernetes.io/control-plane', 'A_b.c-9', 'x'.repeat(63), `${'a'.repeat(253)}/x`])(
    'accepts %s',
    (key) => expect(qualifiedName(key)).toBeUndefined(),
  );
  it.each([
    ['', 'name part must be non-empty'],
    ['-a', 'name part must consist of'],
    ['a-', 'name part must consist of'],
    ['a b', 'name part must consist of'],
    ['x'.repeat(64), 'name part must be no more than 63 characters'],
    ['/a', 'prefix part must be non-empty'],
    ['Example.com/a', 'prefix part must consist of lower case'],
    ['a/b/c', "optional DNS subdomain prefix and '/'"],
    ['a/', 'name part must be non-empty'],
    [`${'a'.repeat(254)}/x`, 'prefix part must be no more than 253 characters'],
  ])('rejects %j', (key, why) => expect(qualifiedName(key)).toContain(why));
});

describe('labelValue', () => {
  it('accepts empty and ordinary values', () => {
    expect(labelValue('')).toBeUndefined();
    expect(labelValue('ssd')).toBeUndefined();
    expect(labelValue('v1.2_3-x')).toBeUndefined();
    expect(labelValue('x'.repeat(63))).toBeUndefined();
  });
  it('rejects long values, bad characters and non-alphanumeric ends', () => {
    expect(labelValue('x'.repeat(64))).toContain('63');
    expect(labelValue('a/b')).toContain('alphanumeric');
    expect(labelValue('_a')).toContain('alphanumeric');
    expect(labelValue('a.')).toContain('alphanumeric');
  });
});

describe('names and ports', () => {
  it('dns1123Subdomain', () => {
    expect(dns1123Subdomain('example.com')).toBeUndefined();
    expect(dns1123Subdomain('a..b')).toContain('lower case');
  });
  it('dns1035Label', () => {
    expect(dns1035Label('web-1')).toBeUndefined();
    expect(dns1035Label('1web')).toContain('alphabetic');
    expect(dns1035Label('Web')).toContain('lower case');
    expect(dns1035Label('')).toBe('must not be empty');
    expect(dns1035Label('a'.repeat(64))).toContain('63');
  });
  it('ianaSvcName', () => {
    expect(ianaSvcName('http')).toBeUndefined();
    expect(ianaSvcName('http-alt2')).toBeUndefined();
    expect(ianaSvcName('123')).toContain('letter');
    expect(ianaSvcName('a--b')).toContain('consecutive');
    expect(ianaSvcName('-ab')).toContain('begin or end');
    expect(ianaSvcName('Http')).toContain('alphanumeric');
    expect(ianaSvcName('a'.repeat(16))).toContain('15');
  });
  it('parseIntIn takes digits only, within range', () => {
    expect(parseIntIn('5', 0, 10)).toBe(5);
    expect(parseIntIn('0', 0, 10)).toBe(0);
    expect(parseIntIn('11', 0, 10)).toBeUndefined();
    expect(parseIntIn('-1', 0, 10)).toBeUndefined();
    expect(parseIntIn('1.5', 0, 10)).toBeUndefined();
    expect(parseIntIn('1e3', 0, 10_000)).toBeUndefined();
    expect(parseIntIn('', 0, 10)).toBeUndefined();
  });
});
