// Child process for part 3b: React picks its development or production build from NODE_ENV when
// first loaded, so each build is measured in its own process. Prints the section as JSON.
import { makeNodes, makePods } from './fixtures.js';
import { viewSection } from './ink-pane.js';

const now = Date.now();
const data = { now, pods: makePods(10_000, 1_000, now), nodes: makeNodes(1_000, now) };
const section = await viewSection(data, 'views');
process.stdout.write(JSON.stringify(section));
