// `npm run test:slow` runs the host suite once more on Microsoft's Windows desktop client
// script (the default is Excel on the web's): both must drive the adapter the same way.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, 'test/host'], { stdio: 'inherit', env: { ...process.env, OFFICE_CLIENT_BUILD: 'win32-16.01' } });
process.exit(result.status ?? 1);
