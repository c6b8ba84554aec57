// Reading YAML the user wrote (an edited object, a manifest of several documents) with eemeli's
// `yaml`: YAML 1.2's core schema, duplicate keys refused as kubectl refuses them, and an error
// that names its line and column in one line.
import { parseAllDocuments, YAMLError } from 'yaml';

export type ParsedDocs = { ok: true; docs: unknown[] } | { ok: false; error: string };

/** "line 3, column 5: Nested mappings are not allowed in compact mappings". */
function errorText(err: YAMLError): string {
  const message = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? err.code;
  const at = err.linePos?.[0];
  return at ? `line ${at.line}, column ${at.col}: ${message}` : message;
}

/** Every document of the text; empty documents (a stray `---`, comments only) are left out. */
export function parseDocuments(text: string): ParsedDocs {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) return { ok: false, error: errorText(error) };
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return { ok: true, docs: out };
}
