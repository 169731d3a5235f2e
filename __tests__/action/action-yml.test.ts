import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/files.js';

interface ActionMetadata {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  branding: { icon: string; color: string };
}

describe('action.yml', () => {
  test('parses and names the bundle', async () => {
    const text = await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8');
    const metadata = parse(text, { strict: true, prettyErrors: true }) as ActionMetadata;

    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(metadata.inputs).sort()).toEqual(['comment', 'config', 'fail-on-threshold', 'github-token']);
    expect(metadata.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(Object.keys(metadata.outputs).sort()).toEqual(['junit', 'pass-rate', 'passed', 'report', 'results-csv', 'results-json']);
    expect(metadata.branding.icon).toBeTruthy();
    for (const input of Object.values(metadata.inputs)) expect(input.description).toMatch(/\.$/);
  });
});
