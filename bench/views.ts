// Part 3b, parent side: runs bench/views-child.ts once per React build and returns its sections.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';
import { sectionFrom, type Section } from './table.js';

const here = dirname(fileURLToPath(import.meta.url));

const BUILDS = [
  { env: undefined, label: 'React development build (NODE_ENV unset: how bin/kt.js runs today)' },
  { env: 'production', label: 'React production build (NODE_ENV=production)' },
] as const;

function run(nodeEnv: string | undefined): string {
  // Colours on, as in a real terminal, even when the bench's stdout is piped.
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: nodeEnv, FORCE_COLOR: process.env.FORCE_COLOR ?? '3' };
  if (nodeEnv === undefined) delete env.NODE_ENV;
  return execFileSync(process.execPath, ['--import', 'tsx', join(here, 'views-child.ts')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
}

const medianOf = (section: Section, prefix: string) => {
  const line = section.lines.find((l) => l.name.startsWith(prefix));
  return line?.sample ? median(line.sample.ms) : NaN;
};

export function viewSections(): Section[] {
  const sections = BUILDS.map((b, i) =>
    sectionFrom(run(b.env), `3b${i === 0 ? '' : "'"}. Cursor move vs data change, real views through Ink (ink-testing-library, 200x50) — ${b.label}`),
  );
  const [dev, prod] = sections as [Section, Section];
  for (const [what, prefix] of [['keypress', 'App 200x50: j/k'], ['data change', 'App 200x50: one pod']] as const) {
    prod.ratio(`App ${what}: development / production build`, medianOf(dev, prefix) / medianOf(prod, prefix), 'React dev build overhead');
  }
  return sections;
}
