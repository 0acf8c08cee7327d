/**
 * Forms in the browser: a refused field is explained next to it in Dutch and nothing is lost; a file goes up
 * through the same CSRF-protected API with a progress bar and comes back as a download; an expired session says so.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { newPage, signInAs, withBrowser } from './browser';
import { samplePdf } from '../helpers/samples';

describe('forms in the browser', function () {
  this.timeout(120_000);
  const suite = withBrowser();

  const asAnnaAtJan = async (tab: string) => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, 'coach.anna@demo.spoorboek.nl');
    await page.getByRole('link', { name: 'Jan de Wit' }).click();
    await page.getByRole('link', { name: tab }).click();
    return page;
  };

  it('explains a refused field next to it, in Dutch, and keeps what was typed', async () => {
    const page = await asAnnaAtJan('Consulten');
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/consults')) posted.push(request.url());
    });
    await page.getByRole('button', { name: 'Nieuw gespreksverslag' }).click();
    await page.getByLabel('Duur (minuten)').fill('0');
    await page.getByLabel('Verslag', { exact: true }).fill('   ');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.getByText('Minstens 1 minuut.').waitFor();
    await page.getByText('Vul het verslag in.').waitFor();
    expect(await page.getByLabel('Duur (minuten)').getAttribute('aria-invalid')).to.equal('true');
    const describedBy = await page.getByLabel('Verslag', { exact: true }).getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).to.equal('Vul het verslag in.');
    // The form was checked with the endpoint's own shared schema: the same messages, and nothing was sent.
    expect(posted).to.deep.equal([]);
    await page.getByLabel('Duur (minuten)').fill('45');
    await page.getByLabel('Verslag', { exact: true }).fill('Tweede poging.');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.locator('article.card', { hasText: 'Tweede poging.' }).waitFor();
    expect(posted).to.have.length(1);
  });

  it('uploads a document with a progress bar and offers it as a download', async () => {
    const page = await asAnnaAtJan('Documenten');
    await page.getByLabel('Soort document').selectOption('action_plan');
    await page.getByLabel(/Bestand/).setInputFiles({ name: 'plan van aanpak.pdf', mimeType: 'application/pdf', buffer: samplePdf('e2e-plan') });
    await page.getByRole('button', { name: 'Document uploaden' }).click();
    const link = page.getByRole('link', { name: 'plan van aanpak.pdf' });
    await link.waitFor();
    await page.getByRole('cell', { name: 'Plan van aanpak', exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.equal('plan van aanpak.pdf');

    await page.getByLabel(/Bestand/).setInputFiles({ name: 'foto.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<script>alert(1)</script>') });
    await page.getByRole('button', { name: 'Document uploaden' }).click();
    await page.getByRole('alert').filter({ hasText: 'De inhoud van dit bestand is geen PDF, PNG, JPEG of Word (DOCX).' }).waitFor();
  });

  it('tells the user when the session has expired and asks to sign in again', async () => {
    const page = await asAnnaAtJan('Consulten');
    await page.locator('article.card').first().waitFor(); // a request still in flight would save the session again
    await mongoose.connection.db!.collection('sessions').deleteMany({});
    await page.getByRole('link', { name: 'Tijdsregistratie' }).click();
    await page.getByText('Uw sessie is verlopen. Log opnieuw in.').waitFor();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  });
});
