// Entry point of `node dist/test-server.js`. Running `main` is the only side effect of this module.

import { main } from './command.js';

main().catch((error: unknown) => {
  process.stderr.write(`test-server: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
