/** Root hooks: one database for the whole run, emptied after every test. */
import { clearDatabase, startTestDatabase, stopTestDatabase } from './database';

process.env.NODE_ENV = 'test';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000); // the very first run builds FerretDB
    await startTestDatabase();
  },
  async afterEach() {
    await clearDatabase();
  },
  async afterAll() {
    await stopTestDatabase();
  },
};
