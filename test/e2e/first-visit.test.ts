/**
 * The first screen: a stranger is simply asked to sign in ("Uw sessie is verlopen" only after a real expiry), and a
 * returning user whose start-up request meets a database that is down reads the database's message.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { Page } from 'playwright-core';
import { testDatabase } from '../helpers/database';
import { newPage, signInAs, withBrowser } from './browser';

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the first screen', function () {
  this.timeout(120_000);
  const suite = withBrowser();

  it('greets a first visit with the sign-in form: no "sessie verlopen", no console error', async () => {
    const page = await newPage(suite.harness);
    const errors = consoleErrors(page);
    await page.goto(suite.harness.baseUrl);
    await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(/sessie is verlopen/i).count()).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('still says so when a session really expired', async () => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, 'coach.anna@demo.spoorboek.nl');
    await page.getByRole('link', { name: 'Jan de Wit' }).click();
    await page.getByRole('link', { name: 'Consulten' }).click();
    await page.locator('article.card').first().waitFor(); // a request still in flight would save the session again
    await mongoose.connection.db!.collection('sessions').deleteMany({});
    await page.getByRole('link', { name: 'Tijdsregistratie' }).click();
    await page.getByText('Uw sessie is verlopen. Log opnieuw in.').waitFor();
  });

  it('shows the database message, not "sessie verlopen", when the database is down at start-up', async function () {
    const embedded = testDatabase().embedded;
    if (!embedded) {
      console.log('      (skipped: MONGODB_URI is set, the test cannot stop that database)');
      this.skip();
    }
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, 'coach.anna@demo.spoorboek.nl');
    await page.waitForLoadState('networkidle');
    await embedded!.stop();
    try {
      await page.reload();
      await page.getByText(/database is tijdelijk niet bereikbaar/i).waitFor();
      expect(await page.getByText(/sessie is verlopen/i).count()).to.equal(0);
    } finally {
      await embedded!.restart();
    }
    // Back in business without restarting the app: the session survived the outage.
    await page.reload();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  });
});
