/** Splits kubectl's tabwriter table by the header's column starts. */
export function parseTable(text: string): { headers: string[]; rows: string[][] } {
  const [head = '', ...lines] = text.trimEnd().split('\n');
  const starts: number[] = [];
  const headers: string[] = [];
  for (const m of head.matchAll(/\S+(?: \S+)*/g)) {
    starts.push(m.index);
    headers.push(m[0]);
  }
  const rows = lines.filter(Boolean).map((line) => starts.map((s, i) => line.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim()));
  return { headers, rows };
}
