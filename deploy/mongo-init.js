/* global rs, db, sleep, print -- mongosh provides these */
// Initiates the three-member replica set and creates the application's database user.
// Run once with `docker compose … run --rm mongo-init` (see compose.yaml).
try {
  rs.status();
} catch {
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo1:27017' }, { _id: 1, host: 'mongo2:27017' }, { _id: 2, host: 'mongo3:27017' }] });
  while (!db.hello().isWritablePrimary) sleep(500);
}
const app = db.getSiblingDB('spoorboek');
if (!app.getUser(process.env.MONGO_APP_USER)) {
  app.createUser({ user: process.env.MONGO_APP_USER, pwd: process.env.MONGO_APP_PASSWORD, roles: [{ role: 'readWrite', db: 'spoorboek' }] });
}
print('replica set rs0 ready; user created in database spoorboek');
