/**
 * What a client decided, as client and coach read it on screen: a withdrawn report reads "Ingetrokken op …" and
 * can be shared again, with every grant and withdrawal listed; a handover whose last day is over reads "Verlopen".
 */
import { Types } from 'mongoose';
import { Client } from '../../server/src/db/models/client';
import { User } from '../../server/src/db/models/user';
import { Consent, Handover, sealedConsent } from '../../server/src/db/models/consent';
import { endOfDay, startOfDay } from '@spoorboek/shared/calendarDay';
import { demoClientId, newPage, screenshot, signInAs, withBrowser } from './browser';
import type { Page } from 'playwright-core';

describe('consents on screen', function () {
  this.timeout(120_000);
  const suite = withBrowser();
  const as = async (email: string) => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, email);
    return page;
  };
  const card = (page: Page, text: string) => page.locator('article.card', { hasText: text });
  const title = 'Voortgangsrapportage april 2026';

  it('shows a withdrawn report as "Ingetrokken op", lets the client share it again, and keeps the history', async () => {
    const fatima = await as('fatima@client.demo');
    await fatima.goto(`${suite.harness.baseUrl}/mijn-dossier/rapportages`);
    await card(fatima, title).getByText('Ingetrokken op 1 juni 2026').first().waitFor();
    await card(fatima, title).getByText(/Gedeeld op 6 mei 2026 — ingetrokken op 1 juni 2026/).waitFor();
    await card(fatima, title).getByRole('button', { name: 'Opnieuw delen met mijn werkgever' }).click();
    await card(fatima, title).getByText(/Ik geef toestemming om de voortgangsrapportage "Voortgangsrapportage april 2026" te delen/).waitFor();
    await card(fatima, title).getByRole('button', { name: 'Ik geef toestemming' }).click();
    await card(fatima, title).getByText(/geldt nu/).waitFor();
    await card(fatima, title).locator('.badge', { hasText: 'Gedeeld op' }).waitFor();
    await screenshot(fatima, 'client-report-shared-again');

    const anna = await as('coach.anna@demo.spoorboek.nl');
    const fatimaId = await demoClientId('Fatima');
    await anna.goto(`${suite.harness.baseUrl}/clienten/${fatimaId}/rapportages`);
    await card(anna, title).locator('.badge', { hasText: 'Gedeeld op' }).waitFor();
    await card(anna, title).getByText(/Gedeeld op 6 mei 2026 — ingetrokken op 1 juni 2026/).waitFor();
    await card(anna, title).getByText(/geldt nu/).waitFor();
  });

  it('shows a handover whose last day is over as "Verlopen", not "Geldt nu"', async () => {
    const sanne = await Client.findById(await demoClientId('Sanne')).lean();
    const bram = await User.findOne({ email: 'coach.bram@demo.spoorboek.nl' }).lean();
    const anna = await User.findOne({ email: 'coach.anna@demo.spoorboek.nl' }).lean();
    const sanneUser = await User.findOne({ email: 'sanne@client.demo' }).lean();
    const handover = await Handover.create({
      clientId: sanne!._id, fromCoachId: bram!._id, toCoachId: anna!._id, createdBy: bram!._id,
      validFrom: startOfDay('2026-08-03'), validUntil: endOfDay('2026-08-14'), firstDay: '2026-08-03', lastDay: '2026-08-14',
    });
    await Consent.create(await sealedConsent.seal({
      _id: new Types.ObjectId(), clientId: sanne!._id, purpose: 'handover', handoverId: handover._id, grantedBy: sanneUser!._id, grantedAt: new Date('2026-07-30'),
      text: 'Anna mag mijn coach vervangen van 03-08-2026 tot en met 14-08-2026.',
    }));
    const page = await as('sanne@client.demo');
    await page.goto(`${suite.harness.baseUrl}/mijn-dossier/toestemmingen`);
    const consent = page.locator('article.card', { has: page.getByRole('heading', { name: 'Vervanging van mijn coach' }) });
    await consent.getByText('Verlopen').waitFor();
    if (await consent.getByText('Geldt nu').count() > 0) throw new Error('an expired handover still reads "Geldt nu"');
    if (await consent.getByRole('button', { name: 'Intrekken' }).count() > 0) throw new Error('an expired handover offers withdrawal');
  });
});
