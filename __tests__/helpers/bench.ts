import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { loadSuite } from '../../src/suite/load.js';
import type { Case, Config } from '../../src/types.js';
import { parseScript } from '../../test-server/script.js';
import { startTestServer, type TestServer } from '../../test-server/server.js';
import { makeTempDir } from './files.js';

/** Starts the scripted test server from YAML text. */
export function startScriptedServer(scriptYaml: string): Promise<TestServer> {
  return startTestServer({ script: parseScript(scriptYaml, 'script.yml') });
}

/** `count` math cases `q0`..`q{count-1}` whose prompt is "What is i + 1?" and expected answer i + 1. */
export function mathCasesYaml(count: number): string {
  return Array.from({ length: count }, (_, i) => `- { id: q${i}, type: math, prompt: "What is ${i} + 1?", expected: ${i + 1} }`).join('\n');
}

/** API key the test configs name in `api_key_env: TEST_KEY`; set for the runner, which reads process.env. */
export const TEST_KEY = 'sk-test-secret-123';
process.env.TEST_KEY = TEST_KEY;

/** Writes a config (YAML text) and suite files to a temp folder and loads both. */
export async function loadBench(configYaml: string, files: Record<string, string>): Promise<{ config: Config; cases: Case[]; dir: string; remove: () => Promise<void> }> {
  const temp = await makeTempDir({ 'llm-bench.yml': configYaml, ...files });
  const config = await loadConfig(path.join(temp.dir, 'llm-bench.yml'), { env: process.env });
  const cases = await loadSuite(config);
  return { config, cases, dir: temp.dir, remove: temp.remove };
}

/** Backoff short enough for tests; the policy's logic is the same as with the defaults. */
export const FAST_BACKOFF = { baseBackoffMs: 2, maxBackoffMs: 20 };
