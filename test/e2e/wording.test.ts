/// <reference lib="dom" />
/**
 * The coach's report editor in a real browser (issue 16): the guard flags sentences beside the text as the coach
 * types, highlights them, keeps sending disabled while they stand, and lets the report go once they are rewritten.
 * A report shared before the guard knew its words is listed as "controleer opnieuw".
 */
import { expect } from 'chai';
import { Types } from 'mongoose';
import type { Page } from 'playwright-core';
import { Client } from '../../server/src/db/models/client';
import { User } from '../../server/src/db/models/user';
import { Report, sealedReport } from '../../server/src/modules/reports/model';
import { demoClientId, newPage, screenshot, signInAs, withBrowser } from './browser';

describe('the report editor in the browser', function () {
  this.timeout(120_000);
  const suite = withBrowser();
  const card = (page: Page, text: string) => page.locator('article.card', { hasText: text });

  const annaAtJansReports = async () => {
    const anna = await newPage(suite.harness);
    await signInAs(anna, suite.harness.baseUrl, 'coach.anna@demo.spoorboek.nl');
    await anna.getByRole('link', { name: 'Jan de Wit' }).click();
    await anna.getByRole('link', { name: 'Rapportages' }).click();
    return anna;
  };

  it('flags and highlights medical sentences as the coach types, and sends only once they are rewritten', async () => {
    const title = 'Voortgang e2e december';
    const anna = await annaAtJansReports();
    await anna.getByRole('button', { name: 'Nieuwe rapportage' }).click();
    await anna.getByLabel('Titel').fill(title);
    await anna.getByLabel('Periode van').fill('2026-12-01');
    await anna.getByLabel('tot en met').fill('2026-12-31');
    const text = anna.getByLabel('Tekst voor de werkgever');
    // A compound diagnosis and a practitioner hidden by a zero-width space.
    await text.pressSequentially('Jan werkt drie ochtenden. Na de knieoperatie gaat hij naar de fysio\u200btherapeut. Verwachting: in januari vier ochtenden.', { delay: 2 });

    const flags = anna.getByRole('status', { name: 'Zinnen over de gezondheid' });
    await flags.getByRole('heading', { name: /1 zin om te herschrijven/ }).waitFor();
    expect(await flags.textContent()).to.contain('Na de knieoperatie gaat hij naar de fysio\u200btherapeut.');
    expect(await flags.textContent()).to.contain('Lichaamsdeel met een probleem');
    expect(await flags.textContent()).to.contain('Zorgprofessional of instelling');
    expect(await flags.textContent()).not.to.match(/Vervang/); // advice, never a word swap
    const marked = anna.locator('.preview mark');
    expect(await marked.allTextContents()).to.deep.equal(['Na de knieoperatie gaat hij naar de fysio\u200btherapeut.']);
    await screenshot(anna, 'coach-report-editor-flags');

    // "Toon zin" selects the sentence in the text box, where the coach rewrites it.
    await flags.getByRole('button', { name: 'Toon zin in de tekst' }).first().click();
    const selected = await text.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
    expect(selected).to.equal('Na de knieoperatie gaat hij naar de fysio\u200btherapeut.');

    // Saved as a draft with the sentence still in it: the card keeps "send" disabled and says why.
    await anna.getByRole('button', { name: 'Concept opslaan' }).click();
    const draft = card(anna, title);
    await draft.getByText('Herschrijf eerst de gemarkeerde zinnen').waitFor();
    expect(await draft.getByRole('button', { name: 'Ter goedkeuring naar cliënt' }).isDisabled()).to.equal(true);

    // The coach rewrites the sentence in work terms; the flags go, sending works.
    await draft.getByRole('button', { name: 'Bewerken' }).click();
    await text.fill('Jan werkt drie ochtenden. Op dinsdagmiddag is hij niet beschikbaar. Verwachting: in januari vier ochtenden.');
    await anna.getByText('Geen zinnen over de gezondheid gevonden.', { exact: true }).waitFor();
    expect(await anna.locator('.preview mark').count()).to.equal(0);
    await anna.getByRole('button', { name: 'Concept opslaan' }).click();
    await card(anna, title).getByText('Op dinsdagmiddag is hij niet beschikbaar.', { exact: false }).waitFor();
    const send = card(anna, title).getByRole('button', { name: 'Ter goedkeuring naar cliënt' });
    expect(await send.isDisabled()).to.equal(false);
    await send.click();
    await card(anna, title).getByText('Wacht op cliënt').waitFor();
  });

  it('lists a report shared before the guard knew its words as “controleer opnieuw”', async () => {
    const jan = (await Client.findById(await demoClientId('Jan')).lean())!;
    const coach = (await User.findOne({ email: 'coach.anna@demo.spoorboek.nl' }).lean())!;
    await Report.create(await sealedReport.seal({
      _id: new Types.ObjectId(), clientId: jan._id, coachId: coach._id, periodStart: new Date('2026-05-01'), periodEnd: new Date('2026-05-31'), status: 'shared',
      title: 'Voortgang mei (oud)', text: 'Jan werkt twee ochtenden. Zijn rugklachten nemen af.',
      approvedAt: new Date('2026-06-01'), sharedAt: new Date('2026-06-01'),
    }));
    const anna = await annaAtJansReports();
    const old = card(anna, 'Voortgang mei (oud)');
    await old.getByText('Controleer opnieuw').waitFor();
    await old.getByText(/De werkgever ziet haar nu niet/).waitFor();
    expect(await old.locator('mark').first().textContent()).to.equal('Zijn rugklachten nemen af.');
    expect(await card(anna, 'Voortgangsrapportage september 2026').getByText('Controleer opnieuw').count()).to.equal(0);
    await screenshot(anna, 'coach-report-review-again');
  });
});
