/** `npm run db:install`: builds the embedded FerretDB into .tools/bin ahead of time (CI does this once). */
import { DatabaseSetupError, ensureFerretdb } from './ferretdb';

try {
  console.log(`FerretDB ready: ${ensureFerretdb()}`);
} catch (error) {
  console.error(error instanceof DatabaseSetupError ? error.message : error);
  process.exit(1);
}
