/**
 * `npm run create-admin`: the first administrator. From flags (`-- --email a@b.nl --name "A B"`, the password
 * from SPOORBOEK_ADMIN_PASSWORD or asked for) or interactively. Two-factor is set up at first login.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { hashPassword, passwordProblem } from '../server/src/auth/passwords';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connection';
import { User } from '../server/src/db/models/user';
import { provideDatabase } from './database';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const prompt = createInterface({ input: process.stdin, output: process.stderr });
const ask = async (question: string, given?: string) => given ?? (await prompt.question(question)).trim();

const email = (await ask('E-mailadres: ', values.email)).toLowerCase();
const name = await ask('Naam: ', values.name);
const password = await ask('Wachtwoord (min. 12 tekens): ', process.env.SPOORBOEK_ADMIN_PASSWORD);
prompt.close();

const problem = !/^\S+@\S+\.\S+$/.test(email) ? 'Ongeldig e-mailadres.' : !name ? 'Naam ontbreekt.' : passwordProblem(password);
if (problem) {
  console.error(problem);
  process.exit(1);
}

const database = await provideDatabase();
let exitCode = 0;
try {
  await connectDatabase(database.uri);
  if (await User.exists({ email })) throw new Error(`Er bestaat al een account voor ${email}.`);
  await User.create({ email, name, roles: ['admin'], passwordHash: await hashPassword(password) });
  console.log(`Beheerder ${email} aangemaakt. Stel bij de eerste keer inloggen tweestapsverificatie in.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await disconnectDatabase();
  await database.stop();
}
process.exit(exitCode);
