// Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by source file, and the
// time in garbage collection and idle. Profile an unminified bundle so that function names survive:
//   node node_modules/@vercel/ncc/dist/ncc/cli.js build src/cli.ts -o /tmp/llm-bench-cli-dev --target es2022 --quiet
//   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/llm-bench-cli-dev/index.js run --config FILE
//   node bench/profile-summary.mjs /tmp/prof/*.cpuprofile [--top N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
  console.error('Usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]');
  process.exit(2);
}

const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const selfMs = selfTimes(profile);
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const totalMs = [...selfMs.values()].reduce((sum, value) => sum + value, 0);

const byFunction = new Map();
const byFile = new Map();
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const file = url === '' ? '(native)' : path.basename(url);
  add(byFunction, `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`, ms);
  add(byFile, file, ms);
}

console.log(`Profile ${path.basename(positionals[0])}: ${totalMs.toFixed(0)} ms sampled\n`);
printTop('Self time by function', byFunction, Number(values.top), totalMs);
printTop('Self time by file', byFile, Number(values.top), totalMs);

/** Self time per node id in ms, from the sample list and the time deltas between samples. */
function selfTimes({ samples, timeDeltas }) {
  const times = new Map();
  for (let index = 0; index < samples.length; index++) add(times, samples[index], (timeDeltas[index + 1] ?? 0) / 1000);
  return times;
}

function add(map, key, value) {
  map.set(key, (map.get(key) ?? 0) + value);
}

function printTop(title, map, count, totalMs) {
  console.log(title);
  const sorted = [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  for (const [name, ms] of sorted) console.log(`  ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`);
  console.log('');
}
