/**
 * `npm start`: the app on http://localhost:3000. Without MONGODB_URI it runs its own embedded FerretDB with the
 * data in `.data/ferretdb`; Ctrl-C stops the server first, then the database.
 */
import { runUntilSignalled } from '../server/src/main';
import { provideDatabase } from './database';
import { DatabaseSetupError } from './ferretdb';

try {
  const database = await provideDatabase();
  await runUntilSignalled({ ...process.env, MONGODB_URI: database.uri }, database.stop);
} catch (error) {
  console.error(error instanceof DatabaseSetupError ? error.message : error);
  process.exit(1);
}
