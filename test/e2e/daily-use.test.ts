/// <reference lib="dom" />
/**
 * Daily use in a real browser (issue 13, items 6, 7 and 10), one journey per role to stay fast: where focus goes
 * and what the tab is called; a stale error goes once fixed; what saves at once is confirmed and then reported
 * ("Opgeslagen"); the access log reads as plain Dutch lines; a phone keeps each table cell's column label; the
 * FML rubriek fits at 1280 px.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { samplePdf } from '../helpers/samples';
import { newPage, signInAs, withBrowser } from './browser';

describe('daily use in the browser', function () {
  this.timeout(180_000);
  const suite = withBrowser();
  const focused = (page: Page) => page.evaluate(() => {
    const active = document.activeElement;
    return { tag: active?.tagName ?? null, text: active?.textContent?.trim() ?? '', inEditor: Boolean(active?.closest('form.editor')) };
  });
  const heading = async (page: Page, text: string) => {
    await page.waitForFunction((name) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent?.trim() === name, text);
    expect(await page.title()).to.equal(`${text} — Spoorboek`);
  };

  it('the coach: focus and title on each screen, the editor, a fixed error gone, focus back after saving', async () => {
    const anna = await newPage(suite.harness);
    await signInAs(anna, suite.harness.baseUrl, 'coach.anna@demo.spoorboek.nl');
    await heading(anna, 'Cliënten');
    await anna.getByRole('link', { name: 'Jan de Wit' }).click();
    await heading(anna, 'Jan de Wit');
    await anna.getByRole('link', { name: 'Consulten' }).click();
    await anna.getByRole('button', { name: 'Nieuw gespreksverslag' }).click();
    await anna.waitForFunction(() => Boolean(document.activeElement?.closest('form.editor')));
    expect((await focused(anna)).inEditor).to.equal(true);

    const editor = anna.getByRole('form', { name: 'Nieuw gespreksverslag' });
    await editor.getByRole('button', { name: 'Concept opslaan' }).click();
    const summaryError = editor.locator('.field.invalid .field-error');
    await summaryError.first().waitFor();
    await editor.getByLabel('Verslag').fill('Gesproken over de opbouw van uren.');
    await summaryError.first().waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Concept opslaan' }).click();
    await editor.waitFor({ state: 'detached' });
    await heading(anna, 'Jan de Wit');
  });

  it('the client: withdrawing consent is confirmed and reported; the access log is plain Dutch, own actions hidden', async () => {
    // The coach reads Jan's consults first, so his log has someone else in it.
    const anna = await newPage(suite.harness);
    await signInAs(anna, suite.harness.baseUrl, 'coach.anna@demo.spoorboek.nl');
    await anna.getByRole('link', { name: 'Jan de Wit' }).click();
    await anna.getByRole('link', { name: 'Consulten' }).click();
    await anna.locator('article.card').first().waitFor();
    const jan = await newPage(suite.harness);
    await signInAs(jan, suite.harness.baseUrl, 'jan@client.demo');
    await heading(jan, 'Mijn dossier');
    await jan.getByRole('link', { name: 'Mijn toestemmingen' }).click();
    const withdraw = jan.getByRole('button', { name: 'Intrekken' }).first();
    await withdraw.waitFor();
    const before = await jan.getByRole('button', { name: 'Intrekken' }).count();
    // Cancelling the question changes nothing.
    jan.once('dialog', (dialog) => { expect(dialog.message()).to.match(/kan niet ongedaan worden gemaakt/); void dialog.dismiss(); });
    await withdraw.click();
    expect(await jan.getByRole('status').filter({ hasText: 'Opgeslagen' }).allTextContents()).to.deep.equal([]);
    expect(await jan.getByRole('button', { name: 'Intrekken' }).count()).to.equal(before);
    jan.once('dialog', (dialog) => void dialog.accept());
    await withdraw.click();
    await jan.getByRole('status').filter({ hasText: 'Opgeslagen: uw toestemming is ingetrokken.' }).waitFor();
    await jan.waitForFunction((count) => document.querySelectorAll('button').length > 0
      && [...document.querySelectorAll('button')].filter((b) => b.textContent === 'Intrekken').length === count - 1, before);

    await jan.getByRole('link', { name: 'Wie heeft mijn dossier ingezien' }).click();
    const log = jan.locator('ol.access-log');
    await log.waitFor();
    const lines = await log.locator('li p').allTextContents();
    expect(lines.length).to.be.greaterThan(0);
    for (const line of lines) expect(line).not.to.match(/lijst bekeken|toestemming toestemming|_| U (bekeek|gaf|trok)/);
    expect(lines.some((line) => /Anna Jansen \(uw coach\) las uw gespreksverslagen/.test(line)), lines.join('\n')).to.equal(true);
    await jan.getByText(/over wat u zelf deed (is|zijn) verborgen/).waitFor();
    await jan.getByLabel('Ook wat ikzelf deed').check();
    await jan.getByRole('button', { name: 'Filteren' }).click();
    await log.locator('li p', { hasText: /^\S+ U trok een toestemming in/ }).first().waitFor();
  });

  it('the administrator: assignments and Blokkeren are confirmed and reported; a phone keeps the column labels; the rubriek fits', async () => {
    const admin = await newPage(suite.harness, { width: 390, height: 844 });
    await signInAs(admin, suite.harness.baseUrl, 'admin@demo.spoorboek.nl', { mfa: true });
    await admin.getByRole('link', { name: 'Wachtwoord wijzigen' }).waitFor(); // past the second step
    await admin.goto(`${suite.harness.baseUrl}/beheer/toewijzingen`);
    await heading(admin, 'Beheer');
    const coachOfJan = admin.getByLabel('Coach van Jan de Wit');
    const cell = admin.locator('td', { has: coachOfJan });
    expect(await cell.getAttribute('data-label')).to.equal('Coach');
    const shown = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
    expect(shown).to.equal('"Coach"');
    admin.once('dialog', (dialog) => { expect(dialog.message()).to.match(/verliest direct de toegang/); void dialog.accept(); });
    await coachOfJan.selectOption({ label: 'Bram de Vries' });
    await admin.getByRole('status').filter({ hasText: /^Opgeslagen: coach van Jan de Wit is nu / }).waitFor();

    await admin.goto(`${suite.harness.baseUrl}/beheer/gebruikers`);
    const row = admin.locator('tr', { hasText: 'coach.bram@demo.spoorboek.nl' });
    admin.once('dialog', (dialog) => { expect(dialog.message()).to.match(/blokkeren\?/); void dialog.dismiss(); });
    await row.getByRole('button', { name: 'Blokkeren' }).click();
    expect(await row.getByText('geblokkeerd').count()).to.equal(0);
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Blokkeren' }).click();
    await admin.getByRole('status').filter({ hasText: /is geblokkeerd\.$/ }).waitFor();

    // The doctor's FML editor at 1280 px: the longest rubriek name fits its drop-down.
    const claes = await newPage(suite.harness);
    await signInAs(claes, suite.harness.baseUrl, 'arts.claes@demo.spoorboek.nl', { mfa: true });
    await claes.getByRole('link', { name: 'Jan de Wit' }).click();
    await claes.getByRole('link', { name: 'Medisch dossier' }).click();
    await claes.getByRole('button', { name: 'Nieuwe FML of BAR' }).click();
    const rubriek = claes.getByLabel('Rubriek').first();
    await rubriek.selectOption('III');
    const fits = await rubriek.evaluate((select: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(select).font;
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = select.selectedOptions[0]!.textContent;
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      return { needed, has: select.clientWidth };
    });
    expect(fits.has, JSON.stringify(fits)).to.be.greaterThan(fits.needed);
  });

  it('the labour expert: a saved AD report with its PDF shows at once in the documents and is linked from its card', async () => {
    const dijk = await newPage(suite.harness);
    await signInAs(dijk, suite.harness.baseUrl, 'ad.dijk@demo.spoorboek.nl', { mfa: true });
    await dijk.getByRole('link', { name: 'Jan de Wit' }).click();
    await dijk.getByRole('link', { name: 'Medisch dossier' }).click();
    await dijk.getByRole('button', { name: 'Nieuw arbeidsdeskundig rapport' }).click();
    const editor = dijk.getByRole('form', { name: 'Nieuw arbeidsdeskundig rapport' });
    await dijk.waitForFunction(() => document.activeElement?.closest('form.editor')?.getAttribute('aria-label') === 'Nieuw arbeidsdeskundig rapport');
    const answers = editor.locator('textarea');
    for (let index = 0; index < 5; index += 1) await answers.nth(index).fill(`Antwoord ${index + 1}.`);
    await editor.getByLabel('Conclusie (voorblad)').fill('Aangepast eigen werk is passend.');
    await editor.getByLabel('Rapport als PDF (optioneel)').setInputFiles({ name: 'ad-rapport-e2e.pdf', mimeType: 'application/pdf', buffer: samplePdf('e2e-ad') });
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await editor.waitFor({ state: 'detached' });
    await heading(dijk, 'Jan de Wit');
    // Without a reload: the documents table has it, and the report's card links to it.
    await dijk.getByRole('cell', { name: 'ad-rapport-e2e.pdf' }).waitFor();
    const card = dijk.locator('article.card', { hasText: 'Aangepast eigen werk is passend.' });
    const link = card.getByRole('link', { name: 'ad-rapport-e2e.pdf' });
    await link.waitFor();
    const [download] = await Promise.all([dijk.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.equal('ad-rapport-e2e.pdf');
  });

  it('the privacy officer: finds a client by name, not by id, and filters the trail on that client', async () => {
    const officer = await newPage(suite.harness);
    await signInAs(officer, suite.harness.baseUrl, 'privacy@demo.spoorboek.nl', { mfa: true });
    await officer.getByRole('link', { name: 'Wachtwoord wijzigen' }).waitFor();
    await officer.goto(`${suite.harness.baseUrl}/privacy`);
    await heading(officer, 'Audittrail');
    expect(await officer.getByLabel('Cliënt-id').count()).to.equal(0);
    await officer.getByLabel('Zoek een cliënt op naam').fill('de Wit');
    const audit = officer.waitForRequest((request) => /\/audit\?.*clientId=[0-9a-f]{24}/.test(request.url()));
    await officer.getByRole('button', { name: 'Zoeken' }).click();
    await officer.getByRole('button', { name: /^Jan de Wit/ }).click();
    await audit;
    await officer.getByText('Alleen gebeurtenissen over: Jan de Wit').waitFor();
    // The same plain lines the client reads, for the officer answering a question about who looked.
    await officer.getByText('Wie heeft het dossier van Jan de Wit ingezien').first().click();
    await officer.getByRole('heading', { name: 'Wie heeft het dossier van Jan de Wit ingezien' }).waitFor();
    await officer.getByLabel('Ook wat de cliënt zelf deed').waitFor();
  });
});
