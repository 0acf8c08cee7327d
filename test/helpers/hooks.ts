/** Root hooks: one database for the whole run, emptied after every test. */
import { useMasterKey } from '../../server/src/crypto/dataKeys';
import { testConfig } from './app';
import { clearDatabase, startTestDatabase, stopTestDatabase } from './database';

process.env.NODE_ENV = 'test';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000); // the very first run builds FerretDB
    await startTestDatabase();
    useMasterKey(testConfig().masterKey); // for tests that write dossiers without building an app
  },
  async afterEach() {
    await clearDatabase();
  },
  async afterAll() {
    await stopTestDatabase();
  },
};
