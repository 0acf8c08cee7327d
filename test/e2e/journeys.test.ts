/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser: they see the DOM.
/**
 * The people who use Spoorboek, in a real browser against the real server and database (issue 7). Each journey
 * is what a coach, a client, an employer or a doctor does, by the labels and buttons they see.
 */
import { expect } from 'chai';
import type { Page, Response } from 'playwright-core';
import { User } from '../../server/src/db/models/user';
import { newPage, screenshot, signInAs, withBrowser } from './browser';

describe('in the browser', function () {
  this.timeout(120_000);
  const suite = withBrowser();

  const as = async (email: string, options: { mfa?: boolean; width?: number } = {}) => {
    const page = await newPage(suite.harness, { width: options.width ?? 1280 });
    await signInAs(page, suite.harness.baseUrl, email, { mfa: options.mfa });
    return page;
  };
  const card = (page: Page, text: string) => page.locator('article.card', { hasText: text });
  // Names are sealed at rest: the demo's clients are found by the e-mail of their own account.
  const clientId = async (firstName: string) =>
    String((await User.findOne({ email: `${firstName.toLowerCase()}@client.demo` }).lean())!.clientId);

  it('carries a report from consult to the employer and back out again when Jan withdraws', async () => {
    const summary = 'E2E: Jan werkt vier ochtenden en wil in januari naar vijf.';
    const title = 'Voortgang e2e november';

    // The coach writes up the consult and sends it to Jan.
    const anna = await as('coach.anna@demo.spoorboek.nl');
    await anna.getByRole('link', { name: 'Jan de Wit' }).click();
    await anna.getByRole('link', { name: 'Consulten' }).click();
    await anna.getByRole('button', { name: 'Nieuw gespreksverslag' }).click();
    await anna.getByLabel('Verslag', { exact: true }).fill(summary);
    await anna.getByRole('button', { name: 'Concept opslaan' }).click();
    await card(anna, summary).getByRole('button', { name: 'Naar cliënt sturen' }).click();
    await card(anna, summary).getByText('Wacht op cliënt').waitFor();

    // Jan approves it in his portal.
    const jan = await as('jan@client.demo');
    await card(jan, summary).getByRole('button', { name: 'Goedkeuren' }).click();
    // Wait for the answer before leaving the page: under load the approval may still be on its way.
    await card(jan, summary).getByRole('button', { name: 'Goedkeuren' }).waitFor({ state: 'detached' });
    await jan.getByRole('link', { name: 'Mijn gespreksverslagen' }).click();
    await card(jan, summary).getByText('Goedgekeurd').waitFor();

    // The coach composes the report; the guard flags the sentence about the practitioner, the coach rewrites it.
    await anna.getByRole('link', { name: 'Rapportages' }).click();
    await anna.getByRole('button', { name: 'Nieuwe rapportage' }).click();
    await anna.getByLabel('Titel').fill(title);
    await anna.getByLabel('Periode van').fill('2026-11-01');
    await anna.getByLabel('tot en met').fill('2026-11-30');
    await anna.getByLabel('Tekst voor de werkgever').fill('Jan werkt vier ochtenden per week. Hij houdt contact met zijn fysiotherapeut.');
    await anna.getByRole('heading', { name: /Zinnen over de gezondheid: 1 zin/ }).waitFor();
    await screenshot(anna, 'coach-report-composer-flags');
    await anna.getByLabel('Tekst voor de werkgever').fill('Jan werkt vier ochtenden per week. Op woensdag is hij niet beschikbaar.');
    await anna.getByText('Geen zinnen over de gezondheid gevonden.', { exact: true }).waitFor();
    await anna.getByLabel(new RegExp(summary.slice(0, 30))).check();
    await anna.getByRole('button', { name: 'Concept opslaan' }).click();
    await card(anna, title).getByRole('button', { name: 'Ter goedkeuring naar cliënt' }).click();
    await card(anna, title).getByText('Wacht op cliënt').waitFor();

    // Jan approves the content and, separately, consents to sharing it.
    await jan.getByRole('link', { name: 'Wacht op uw goedkeuring' }).click();
    await jan.reload();
    await card(jan, title).getByRole('button', { name: 'Inhoud goedkeuren' }).click();
    await card(jan, title).getByRole('button', { name: 'Delen met mijn werkgever' }).click();
    await card(jan, title).getByText(/Ik geef toestemming om de voortgangsrapportage "Voortgang e2e november" te delen met Bakkerij Vos/).waitFor();
    await card(jan, title).getByRole('button', { name: 'Ik geef toestemming' }).click();

    // The employer reads it.
    const hr = await as('hr@bakkerij-vos.demo');
    await card(hr, title).waitFor();
    await screenshot(hr, 'employer-shared-report');

    // Jan withdraws; the employer no longer sees it.
    await jan.getByRole('link', { name: 'Mijn toestemmingen' }).click();
    jan.once('dialog', (dialog) => void dialog.accept()); // withdrawing cannot be undone: the app asks first
    await card(jan, 'Voortgang e2e november').getByRole('button', { name: 'Intrekken' }).click();
    await card(jan, 'Voortgang e2e november').getByText(/Ingetrokken op/).waitFor();
    await hr.reload();
    await hr.getByRole('heading', { name: 'Gedeelde rapportages' }).waitFor();
    await hr.getByText('Voortgangsrapportage september 2026').waitFor();
    expect(await card(hr, title).count()).to.equal(0);
  });

  it('lets the doctor record an FML behind two-factor, and the coach see Jan’s capacities but not Fatima’s', async () => {
    const claes = await as('arts.claes@demo.spoorboek.nl', { mfa: true });
    await claes.getByRole('link', { name: 'Fatima El Amrani' }).click();
    await claes.getByRole('link', { name: 'Medisch dossier' }).click();
    await claes.getByRole('button', { name: 'Nieuwe FML of BAR' }).click();
    // Items come from the FML's own list per rubriek, named, not typed as numbers.
    await claes.getByLabel('Rubriek').selectOption('V');
    await claes.getByLabel('Item', { exact: true }).selectOption({ label: 'V.3 Staan' });
    await claes.getByLabel('Mate', { exact: true }).selectOption('2');
    await claes.getByLabel('Toelichting op de mate').fill('staan max. 20 minuten (e2e)');
    await claes.getByLabel('Conclusie (voorblad)').fill('Zittend werk passend.');
    await claes.getByRole('button', { name: 'Opslaan' }).click();
    await claes.getByText('staan max. 20 minuten (e2e)').waitFor();
    await claes.locator('article.card', { hasText: 'staan max. 20 minuten (e2e)' }).getByRole('cell', { name: 'V.3 Staan' }).waitFor();
    // A record is never edited: its author adds a correction below it, with date and name.
    const recorded = claes.locator('article.card', { hasText: 'staan max. 20 minuten (e2e)' });
    await recorded.getByLabel('Aanvulling (de oorspronkelijke tekst blijft ongewijzigd)').fill('Correctie: staan max. 30 minuten (e2e).');
    await recorded.getByRole('button', { name: 'Aanvulling toevoegen' }).click();
    await recorded.getByRole('region', { name: 'Aanvullingen' }).getByText('Correctie: staan max. 30 minuten (e2e).').waitFor();
    await recorded.getByText(/Dr. Claes Visser/).waitFor();
    await screenshot(claes, 'company-doctor-health-dossier');

    const anna = await as('coach.anna@demo.spoorboek.nl');
    await anna.getByRole('link', { name: 'Jan de Wit' }).click();
    await anna.getByRole('link', { name: 'FML-capaciteiten' }).click();
    await anna.getByText('tillen max. 10 kg').waitFor();
    await anna.getByRole('cell', { name: 'IV.13 Tillen' }).waitFor();
    expect(await anna.getByText(/hernia|Rugklachten|fysiotherapeut/).count()).to.equal(0);
    await anna.goto(`${suite.harness.baseUrl}/clienten/${await clientId('Fatima')}`);
    await anna.getByRole('heading', { name: 'Fatima El Amrani' }).waitFor();
    expect(await anna.getByRole('link', { name: 'FML-capaciteiten' }).count()).to.equal(0);
    await anna.goto(`${suite.harness.baseUrl}/clienten/${await clientId('Fatima')}/capaciteiten`);
    await anna.getByRole('heading', { name: 'Geen toegang' }).waitFor();
  });

  it('shows an employer who types a health address “geen toegang”, with nothing but 403s on the wire', async () => {
    const hr = await as('hr@bakkerij-vos.demo');
    const dossierResponses: Response[] = [];
    hr.on('response', (response) => {
      if (response.url().includes('/api/v1/clients/')) dossierResponses.push(response);
    });
    await hr.goto(`${suite.harness.baseUrl}/clienten/${await clientId('Jan')}/medisch`);
    await hr.getByRole('heading', { name: 'Geen toegang' }).waitFor();
    await screenshot(hr, 'employer-health-url-no-access');
    expect(dossierResponses.length).to.be.greaterThan(0);
    expect(dossierResponses.map((response) => response.status())).to.satisfy((statuses: number[]) => statuses.every((status) => status === 403));
    await hr.goto(`${suite.harness.baseUrl}/clienten`);
    await hr.getByRole('heading', { name: 'Geen toegang' }).waitFor();
    expect(dossierResponses.every((response) => response.status() === 403)).to.equal(true);
  });

  it('gives every role its own main screen (screenshots in test-artifacts/)', async () => {
    const screens: [string, string, string, boolean][] = [
      ['coach', 'coach.anna@demo.spoorboek.nl', 'Cliënten', false],
      ['client', 'jan@client.demo', 'Mijn dossier', false],
      ['employer', 'hr@bakkerij-vos.demo', 'Medewerkers in een traject', false],
      ['company-doctor', 'arts.claes@demo.spoorboek.nl', 'Cliënten', true],
      ['labour-expert', 'ad.dijk@demo.spoorboek.nl', 'Cliënten', true],
      ['privacy-officer', 'privacy@demo.spoorboek.nl', 'Audittrail', true],
      ['admin', 'admin@demo.spoorboek.nl', 'Beheer', true],
    ];
    for (const [name, email, heading, mfa] of screens) {
      const page = await as(email, { mfa });
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('alert').count(), `${name}: no error on the main screen`).to.equal(0);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
        .filter((field) => !(field as HTMLInputElement).labels?.length && !field.getAttribute('aria-label'))
        .map((field) => field.outerHTML));
      expect(unlabelled, `${name}: every form field has a label`).to.deep.equal([]);
      await screenshot(page, `main-${name}`);
      await page.context().close();
    }
    const narrow = await as('jan@client.demo', { width: 375 });
    await narrow.getByRole('heading', { name: 'Mijn dossier' }).waitFor();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling at 375 px').to.be.at.most(0);
    await screenshot(narrow, 'main-client-375px');
  });

  it('can be used with the keyboard alone, with the focus visible', async () => {
    const page = await newPage(suite.harness);
    await page.goto(`${suite.harness.baseUrl}/`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await page.keyboard.press('Tab'); // the skip link is not on the sign-in page: straight to the e-mail field
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).to.equal('email');
    await page.keyboard.type('jan@client.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Spoorboek-demo-2026!');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline, 'the focused field shows an outline').to.equal('solid');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mijn dossier' }).waitFor();
    // Signed in, focus is on the main heading (not lost to <body>), so the next Tab is the screen's first control.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal('Mijn dossier');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal('Wacht op uw goedkeuring');
  });
});
