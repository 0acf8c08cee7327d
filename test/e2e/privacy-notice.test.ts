/**
 * The privacy notice (AVG art. 13/14) in the browser: reachable before signing in, generated from the policy and
 * the retention table; the privacy officer's retention screen shows the table and runs a dry run.
 */
import { expect } from 'chai';
import { retentionRule } from '@spoorboek/shared/retention/rules';
import { newPage, signInAs, withBrowser } from './browser';

describe('the privacy notice, the retention screen and the breach register', function () {
  this.timeout(120_000);
  const suite = withBrowser();

  it('is readable before signing in, in plain Dutch, with terms, who sees what, the FG and the Autoriteit Persoonsgegevens', async () => {
    const page = await newPage(suite.harness);
    await page.goto(suite.harness.baseUrl);
    await page.getByRole('link', { name: 'Privacyverklaring' }).click();
    await page.getByRole('heading', { name: 'Privacyverklaring', level: 1 }).waitFor();
    const health = page.getByRole('region', { name: 'Gezondheidsdossier' });
    await health.waitFor();
    const healthText = await health.innerText();
    expect(healthText).to.include('de bedrijfsarts');
    expect(healthText).not.to.match(/Wie ziet het\s*[^\n]*uw werkgever,/); // the policy's employer ban, read from the rules
    expect(healthText).to.include(`${retentionRule('dossier').termText} na het einde van het traject`);
    await page.getByText('Autoriteit Persoonsgegevens', { exact: false }).first().waitFor();
    await page.getByText(/functionaris gegevensbescherming/).waitFor();
    await page.getByRole('cell', { name: 'NEN 7513', exact: false }).first().waitFor();
  });

  it('shows the privacy officer the retention table and a dry run', async () => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, 'privacy@demo.spoorboek.nl', { mfa: true });
    await page.getByRole('link', { name: 'Bewaartermijnen' }).click();
    await page.getByRole('heading', { name: 'Bewaartermijnen', level: 1 }).waitFor();
    await page.getByRole('cell', { name: retentionRule('dossier_objected').label }).waitFor();
    await page.getByRole('button', { name: 'Proefdraaien' }).click();
    await page.getByRole('heading', { name: /Proefdraaien: dit zou nu worden gewist/ }).waitFor();
    await page.getByRole('link', { name: 'Datalekken' }).click();
    await page.getByLabel('Ontdekt op').fill('2026-11-20T09:00');
    await page.getByLabel('Wat is er gebeurd').fill('Verkeerde e-mail met een uitnodiging.');
    await page.getByRole('button', { name: 'Incident vastleggen' }).click();
    await page.getByRole('article', { name: /Incident/ }).getByText(/Meldtermijn AP|Nog \d+ uur/).waitFor();
  });
});
