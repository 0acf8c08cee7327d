/**
 * Issue 20 in the browser: the employer and the coach walk through Jan's Poortwachter timeline (week 10 in the demo
 * data), and the company doctor writes a probleemanalyse whose advice to the employer is guarded.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { newPage, screenshot, signInAs, withBrowser } from './browser';

describe('the Poortwachter timeline in the browser', function () {
  this.timeout(120_000);
  const suite = withBrowser();

  const as = async (email: string, options: { mfa?: boolean } = {}) => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, email, options);
    return page;
  };
  const card = (page: Page, text: string) => page.locator('article.card', { hasText: text });
  /** A document's card, inside its case's card. */
  const documentCard = (page: Page, text: string) => page.locator('article.card article.card', { hasText: text });
  const MEDICAL = /hernia|fysiotherap|lumbale|rugklacht|medische aantekening/i;

  it('shows the employer Jan in week 10 with his next legal step, the advice and the plan — never a diagnosis', async () => {
    const hr = await as('hr@bakkerij-vos.demo');
    await hr.getByRole('link', { name: 'Poortwachter' }).click();
    const jan = card(hr, 'Jan de Wit');
    await jan.getByText('Week 10', { exact: true }).waitFor();
    await jan.getByText(/Volgende wettelijke stap: Evaluatie plan van aanpak/).waitFor();
    await jan.getByRole('button', { name: 'Tijdlijn en documenten tonen' }).click();
    const timeline = jan.getByRole('list', { name: 'Poortwachter-tijdlijn' });
    await timeline.getByText('Vandaag', { exact: true }).waitFor();
    expect(await timeline.locator('li.tl-done').count()).to.be.at.least(2);
    await jan.getByRole('heading', { name: 'Probleemanalyse (advies)' }).waitFor();
    await jan.getByText(/Start met aangepast eigen werk/).waitFor();
    await jan.getByRole('heading', { name: 'Plan van aanpak' }).waitFor();
    await jan.getByRole('link', { name: 'Re-integratieverslag (PDF)' }).waitFor();
    await card(hr, 'Fatima El Amrani').getByText('Week 45', { exact: true }).waitFor();
    expect(await hr.locator('main').innerText()).not.to.match(MEDICAL);
    await screenshot(hr, 'employer-poortwachter-timeline');
  });

  it('shows the coach what is due for the caseload and Jan\'s timeline in his dossier', async () => {
    const anna = await as('coach.anna@demo.spoorboek.nl');
    await anna.getByRole('link', { name: 'Poortwachter' }).click();
    await card(anna, 'Jan de Wit').waitFor();
    await card(anna, 'Fatima El Amrani').getByText('Week 45', { exact: true }).waitFor();
    await screenshot(anna, 'coach-poortwachter-today');
    await card(anna, 'Jan de Wit').getByRole('link', { name: 'Naar het dossier' }).click();
    await anna.getByRole('heading', { name: 'Ziekmeldingen en Poortwachter' }).waitFor();
    const timeline = anna.getByRole('list', { name: 'Poortwachter-tijdlijn' });
    await timeline.getByText(/Week 42 — Ziekmelding bij UWV/).waitFor();
    await timeline.getByText('Vandaag', { exact: true }).waitFor();
    await anna.getByRole('button', { name: 'Plan van aanpak of evaluatie opstellen' }).waitFor();
    expect(await anna.locator('main').innerText()).not.to.match(MEDICAL);
  });

  it('tells Jan where he stands in plain Dutch', async () => {
    const jan = await as('jan@client.demo');
    await jan.getByRole('link', { name: 'Poortwachter' }).click();
    await jan.getByRole('heading', { name: 'Mijn verzuim' }).waitFor();
    await jan.getByText(/U bent nu in week 10 van uw ziekmelding\. De volgende stap is: evaluatie plan van aanpak, uiterlijk/).waitFor();
    await screenshot(jan, 'client-poortwachter');
  });

  it('lets the doctor write a probleemanalyse whose advice is refused with medical wording and released in work terms', async () => {
    const claes = await as('arts.claes@demo.spoorboek.nl', { mfa: true });
    await claes.getByRole('link', { name: 'Jan de Wit' }).click();
    await claes.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Poortwachter' }).click();
    await claes.getByRole('button', { name: 'Advies probleemanalyse schrijven' }).click();
    await claes.getByLabel('Mogelijkheden in werk').fill('Kan vier uur per dag licht werk doen.');
    await claes.getByLabel('Advies aan werkgever en werknemer').fill('Na de fysiotherapeut verder opbouwen.');
    await claes.getByRole('button', { name: 'Concept opslaan' }).click();
    await claes.getByRole('heading', { name: 'Medische termen horen niet in dit document' }).waitFor();
    await screenshot(claes, 'doctor-probleemanalyse-guarded');
    await claes.getByLabel('Advies aan werkgever en werknemer').fill('Opbouwen met twee uur extra per week, in overleg met de leidinggevende.');
    await claes.getByRole('button', { name: 'Concept opslaan' }).click();
    const advice = documentCard(claes, 'Opbouwen met twee uur extra per week');
    await advice.getByText('Concept', { exact: true }).waitFor();
    await advice.getByRole('button', { name: 'Vrijgeven aan werkgever en werknemer' }).click();
    await advice.getByText('Vrijgegeven', { exact: true }).waitFor();

    const hr = await as('hr@bakkerij-vos.demo');
    await hr.getByRole('link', { name: 'Poortwachter' }).click();
    await card(hr, 'Jan de Wit').getByRole('button', { name: 'Tijdlijn en documenten tonen' }).click();
    await documentCard(hr, 'Opbouwen met twee uur extra per week').getByText('Vrijgegeven', { exact: true }).waitFor();
  });
});
