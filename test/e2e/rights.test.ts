import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { User } from '../../server/src/db/models/user';
import { pdfText } from '../helpers/exports';
import { unzip } from '../helpers/zip';
import { newPage, screenshot, signInAs, withBrowser } from './browser';

describe('the rights of the data subject, in the browser', function () {
  this.timeout(180_000);
  const suite = withBrowser();
  const as = async (email: string, mfa = false) => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, email, { mfa });
    return page;
  };
  const requestCard = (page: Page, kind: string, name: string) =>
    page.locator('article.card', { hasText: name }).filter({ has: page.getByRole('heading', { name: new RegExp(`^${kind}`) }) });
  const fileRequest = async (page: Page, kind: string) => {
    await page.getByRole('link', { name: 'Mijn privacy' }).click();
    await page.getByLabel('Soort verzoek').selectOption({ label: kind });
    await page.getByRole('button', { name: 'Verzoek indienen' }).click();
    await page.locator('article.card', { has: page.getByRole('heading', { name: kind }) }).getByText('Op tijd').waitFor();
  };
  const checkIdentity = async (officer: Page, kind: string, name: string) => {
    await officer.getByRole('link', { name: 'Verzoeken' }).click(); // there once two-factor sign-in is complete
    const card = requestCard(officer, kind, name);
    await card.getByLabel('Hoe is de identiteit gecontroleerd?').selectOption({ label: 'Ingelogd met tweestapsverificatie' });
    await card.getByRole('button', { name: 'Identiteitscontrole vastleggen' }).click();
    await card.getByText('In behandeling').waitFor();
    return card;
  };

  it('lets Jan ask for access, the officer check his identity and release the export, and Jan download his whole dossier', async () => {
    const jan = await as('jan@client.demo');
    await fileRequest(jan, 'Inzage');
    const officer = await as('privacy@demo.spoorboek.nl', true);
    const card = await checkIdentity(officer, 'Inzage', 'Jan de Wit');
    await card.getByRole('button', { name: 'Export vrijgeven' }).click();
    await card.getByText('De export wordt gemaakt').waitFor();
    await screenshot(officer, 'privacy-officer-request-queue');

    await jan.reload();
    const link = jan.getByRole('link', { name: 'Downloaden' });
    await link.waitFor({ timeout: 120_000 });
    await screenshot(jan, 'client-my-privacy');
    const [download] = await Promise.all([jan.waitForEvent('download'), link.click()]);
    const zip = await unzip(readFileSync((await download.path())!));
    const consults = JSON.parse(zip.get('gegevens/Consult.json')!.toString('utf8')) as { summary: string }[];
    expect(consults.length).to.be.greaterThan(0);
    expect(consults.every((consult) => !consult.summary.startsWith('enc1:'))).to.equal(true);
    const client = JSON.parse(zip.get('gegevens/Client.json')!.toString('utf8')) as { firstName: string; lastName: string; bsn: string }[];
    expect(client[0]).to.include({ firstName: 'Jan', lastName: 'de Wit', bsn: '111222333' });
    expect(JSON.parse(zip.get('gegevens/HealthRecord.json')!.toString('utf8'))).to.have.length.greaterThan(0);
    expect(zip.has('gegevens/AuditEvent.json')).to.equal(true);
    const text = pdfText(zip.get('dossier.pdf')!);
    if (text !== null) {
      expect(text).to.include('Jan de Wit');
      expect(text).to.include('Deel 2 — Gezondheidsdossier');
    } else {
      expect(zip.get('dossier.pdf')!.length).to.be.greaterThan(5000);
    }
    const janId = String((await User.findOne({ email: 'jan@client.demo' }).lean())!.clientId);
    expect(JSON.stringify(client)).to.include(janId);
  });

  it('erases Fatima on her request, after the identity check and a typed confirmation', async () => {
    const fatima = await as('fatima@client.demo');
    await fileRequest(fatima, 'Verwijdering');
    const officer = await as('privacy@demo.spoorboek.nl', true);
    const card = await checkIdentity(officer, 'Verwijdering', 'Fatima El Amrani');
    const erase = card.getByRole('button', { name: 'Definitief wissen' });
    expect(await erase.isDisabled()).to.equal(true);
    await card.getByLabel('Typ WISSEN').fill('WISSEN');
    await erase.click();
    await officer.locator('article.card', { hasText: 'Fatima El Amrani' }).waitFor({ state: 'detached' });
    const account = await User.findOne({ email: 'fatima@client.demo' }).lean();
    expect(account).to.equal(null); // anonymised: her e-mail is gone
    const page = await newPage(suite.harness);
    await page.goto(`${suite.harness.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill('fatima@client.demo');
    await page.getByLabel('Wachtwoord').fill('x'.repeat(12));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText(/onjuist|klopt niet|niet herkend/i).first().waitFor();
  });

  it('shows a restricted dossier with a banner and refuses the coach’s consult', async () => {
    const jan = await as('jan@client.demo');
    await fileRequest(jan, 'Beperking');
    const officer = await as('privacy@demo.spoorboek.nl', true);
    const card = await checkIdentity(officer, 'Beperking', 'Jan de Wit');
    await card.getByRole('button', { name: 'Verwerking beperken' }).click();

    const anna = await as('coach.anna@demo.spoorboek.nl');
    await anna.getByRole('link', { name: 'Jan de Wit' }).click();
    await anna.getByText(/De verwerking van dit dossier is beperkt sinds/).waitFor();
    await anna.getByRole('link', { name: 'Consulten' }).click();
    await anna.getByRole('button', { name: 'Nieuw gespreksverslag' }).click();
    await anna.getByLabel('Verslag', { exact: true }).fill('Mag niet worden opgeslagen.');
    await anna.getByRole('button', { name: 'Concept opslaan' }).click();
    await anna.getByText(/er kan niets worden toegevoegd of gewijzigd zolang de beperking geldt/).waitFor();
    await screenshot(anna, 'coach-restricted-dossier');
    await jan.reload();
    await jan.getByText(/De verwerking van dit dossier is beperkt sinds/).first().waitFor();
  });
});
