// Kubernetes name and value rules (apimachinery's validation package), as one-line reasons.
// Each check returns undefined when the text is valid, otherwise what is wrong with it.

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const NAME_CHARS = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** A DNS-1123 subdomain (a label key's prefix, most object names): ≤253, dot-separated labels. */
export function dns1123Subdomain(value: string): string | undefined {
  if (value.length > 253) return 'must be no more than 253 characters';
  if (!value.split('.').every((label) => DNS1123_LABEL.test(label))) {
    return "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A qualified name (label and taint keys): [prefix/]name. */
export function qualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  let name = value;
  if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    if (prefix === '') return 'prefix part must be non-empty';
    const bad = dns1123Subdomain(prefix);
    if (bad) return `prefix part ${bad}`;
    name = rest;
  } else if (parts.length > 2) {
    return "must be a name with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  }
  if (name === '') return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME_PART.test(name)) return `name part ${NAME_CHARS}`;
  return undefined;
}

/** A label (or taint) value: empty, or ≤63 of [A-Za-z0-9-_.] starting and ending alphanumeric. */
export function labelValue(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!NAME_PART.test(value)) return NAME_CHARS;
  return undefined;
}

/** A DNS-1035 label (Service names): ≤63, lower case alphanumerics and '-', starting with a letter. */
export function dns1035Label(value: string): string | undefined {
  if (value === '') return 'must not be empty';
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!DNS1035_LABEL.test(value)) {
    return "must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  }
  return undefined;
}

/** An IANA service name (a named container port): ≤15, [a-z0-9-], a letter, no '--' or edge '-'. */
export function ianaSvcName(value: string): string | undefined {
  if (value.length > 15) return 'must be no more than 15 characters';
  if (!/^[-a-z0-9]+$/.test(value)) return "must contain only alphanumeric characters (a-z, 0-9) and '-'";
  if (!/[a-z]/.test(value)) return 'must contain at least one letter (a-z)';
  if (value.includes('--')) return "must not contain consecutive hyphens ('--')";
  if (value.startsWith('-') || value.endsWith('-')) return "must not begin or end with a hyphen ('-')";
  return undefined;
}

/** A whole number in [min, max] written with digits only, or undefined. */
export function parseIntIn(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}
