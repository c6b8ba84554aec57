// Kubernetes resource quantities ("100m", "64Mi", "1k", "1e3"): parsed to exact nano-units,
// added, and printed in canonical form as Go's resource.Quantity.String() prints them.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in units of 10^-9, rounded up as Go rounds to nano precision. */
  readonly nano: bigint;
  readonly format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b === a || a < 0n ? q : q + 1n;
}

// The same few quantities repeat across thousands of pods; parsed ones are immutable, so shared.
const cache = new Map<string, Quantity | undefined>();

/** undefined when the text is not a quantity. */
export function parseQuantity(text: unknown): Quantity | undefined {
  if (typeof text === 'number') text = String(text);
  if (typeof text !== 'string') return undefined;
  if (cache.has(text)) return cache.get(text);
  if (cache.size > 10_000) cache.clear();
  const q = parse(text);
  cache.set(text, q);
  return q;
}

function parse(text: string): Quantity | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|([a-zA-Z]*))$/.exec(text.trim());
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const [, sign, whole = '', frac = '', exp, suffix = ''] = m;
  const digits = BigInt((whole || '0') + frac);
  let numer = digits * NANO;
  let denom = 10n ** BigInt(frac.length);
  let format: QuantityFormat;
  if (exp) {
    const e = Number(exp.slice(1));
    if (e >= 0) numer *= 10n ** BigInt(e);
    else denom *= 10n ** BigInt(-e);
    format = 'DecimalExponent';
  } else if (suffix in BINARY) {
    numer *= BINARY[suffix] as bigint;
    format = 'BinarySI';
  } else if (suffix in DECIMAL) {
    const e = DECIMAL[suffix] as number;
    if (e >= 0) numer *= 10n ** BigInt(e);
    else denom *= 10n ** BigInt(-e);
    format = 'DecimalSI';
  } else {
    return undefined;
  }
  const nano = ceilDiv(numer, denom);
  return { nano: sign === '-' ? -nano : nano, format };
}

/** The sum; it keeps the format of the first non-zero operand, as Go's Quantity.Add. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

function decimal(nano: bigint, exponentStyle: boolean): string {
  if (nano === 0n) return '0';
  const neg = nano < 0n;
  let mantissa = neg ? -nano : nano;
  let exp = -9;
  while (mantissa % 1000n === 0n && (exponentStyle || exp < 18)) {
    mantissa /= 1000n;
    exp += 3;
  }
  const suffix = exponentStyle ? (exp === 0 ? '' : `e${exp}`) : (DECIMAL_SUFFIX[exp] ?? '');
  return `${neg ? '-' : ''}${mantissa}${suffix}`;
}

/** Canonical text: "100m", "64Mi", "1k", "0"; binary values under 1024 or with fractions read as decimal. */
export function formatQuantity(q: Quantity): string {
  if (q.format === 'BinarySI') {
    const abs = q.nano < 0n ? -q.nano : q.nano;
    if (abs >= 1024n * NANO && abs % NANO === 0n) {
      let value = abs / NANO;
      let suffix = '';
      for (const s of ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']) {
        if (value % 1024n !== 0n) break;
        value /= 1024n;
        suffix = s;
      }
      return `${q.nano < 0n ? '-' : ''}${value}${suffix}`;
    }
    return decimal(q.nano, false);
  }
  return decimal(q.nano, q.format === 'DecimalExponent');
}

/** Go's MilliValue (rounded up). */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.nano, 1_000_000n));
}

/** Go's Value (rounded up to a whole unit). */
export function unitValue(q: Quantity): number {
  return Number(ceilDiv(q.nano, NANO));
}

/** The value in base units (cores, bytes) as a float, for ratios against usage. */
export function quantityNumber(q: Quantity): number {
  return Number(q.nano) / 1e9;
}

/** A resource map's quantities re-printed canonically (values the API sent are canonical already). */
export function quantityText(text: unknown): string {
  const q = parseQuantity(text);
  return q ? formatQuantity(q) : String(text ?? '');
}
