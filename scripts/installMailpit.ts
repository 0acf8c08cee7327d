/** `npm run mail:install`: builds the embedded mail server (Mailpit) into .tools/bin ahead of time (CI does this once). */
import { ensureMailpit, MailSetupError } from './mailpit';

try {
  console.log(`Mailpit ready: ${ensureMailpit()}`);
} catch (error) {
  console.error(error instanceof MailSetupError ? error.message : error);
  process.exit(1);
}
