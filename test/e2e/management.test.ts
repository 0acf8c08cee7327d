/// <reference lib="dom" />
/**
 * The administrator's management figures in a real browser: what is about five or more clients is shown, as a
 * table with a chart beside it; everything smaller reads "verborgen".
 */
import { expect } from 'chai';
import { Client } from '../../server/src/db/models/client';
import { Organisation } from '../../server/src/db/models/organisation';
import { newPage, screenshot, signInAs, withBrowser } from './browser';

describe('management figures in the browser', function () {
  this.timeout(120_000);
  const suite = withBrowser();

  it('shows the administrator the year’s ended trajectories, hiding every group under five', async () => {
    const year = new Date().getFullYear();
    const vos = await Organisation.findOne({ name: 'Bakkerij Vos' }).lean();
    const ended = (outcome: string) => ({
      firstName: 'Oud', lastName: 'Traject', employerId: vos!._id,
      trajectory: { kind: 'spoor2', status: 'completed', startDate: new Date(`${year - 1}-09-01`), endDate: new Date(`${year}-03-31`), outcome },
    });
    for (let i = 0; i < 6; i++) await Client.create(ended('own_work'));
    for (let i = 0; i < 5; i++) await Client.create(ended('no_return'));
    await Client.create({ ...ended('adapted_work'), trajectory: { ...ended('adapted_work').trajectory, kind: 'spoor1' } });

    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, 'admin@demo.spoorboek.nl', { mfa: true });
    await page.getByRole('link', { name: 'Managementinformatie' }).click();
    const table = page.locator('article', { has: page.getByRole('heading', { name: 'Beëindigde trajecten naar soort en uitkomst' }) });
    const row = table.getByRole('row', { name: /2e spoor/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[0]).to.equal('6'); // eigen werk
    expect(cells.every((text) => text === 'verborgen' || Number(text) >= 5)).to.equal(true);
    // The lone 1e-spoor trajectory, and every figure that would give it away.
    const spoor1 = await table.getByRole('row', { name: /1e spoor/ }).getByRole('cell').allInnerTexts();
    expect(spoor1.every((text) => text === 'verborgen')).to.equal(true);
    await table.getByRole('img', { name: /Beëindigde trajecten/ }).waitFor();
    await screenshot(page, 'admin-management-figures');
  });
});

describe('a trajectory closed in the browser', function () {
  this.timeout(120_000);
  const suite = withBrowser();

  it('lets the coach correct the client’s details and close the trajectory with its outcome, confirming first', async () => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, 'coach.anna@demo.spoorboek.nl');
    await page.getByRole('link', { name: 'Jan de Wit' }).click();
    await page.getByLabel('Telefoonnummer').fill('06 12345678');
    await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await page.getByText('De gegevens zijn opgeslagen.').waitFor();
    await page.getByText(/jan@client\.demo · 06 12345678/).waitFor();

    const close = page.getByRole('form', { name: 'Traject afsluiten' });
    page.once('dialog', (dialog) => void dialog.accept());
    await close.getByRole('button', { name: 'Traject afsluiten' }).click();
    // Without an outcome the server refuses, and says so beside the field.
    await close.getByText('Kies de uitkomst van het traject.').waitFor();
    await close.getByLabel('Uitkomst').selectOption({ label: 'Werkhervatting aangepast werk' });
    page.once('dialog', (dialog) => void dialog.accept());
    await close.getByRole('button', { name: 'Traject afsluiten' }).click();
    await page.getByText('Het traject is afgesloten.').waitFor();
    await page.getByText(/Afgerond.*Werkhervatting aangepast werk/).waitFor();
    const jan = await Client.findOne({ 'trajectory.outcome': 'adapted_work' }).lean();
    expect(jan?.trajectory.status).to.equal('completed');
    await screenshot(page, 'coach-trajectory-closed');
  });
});
