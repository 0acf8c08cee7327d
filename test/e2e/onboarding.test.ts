/// <reference lib="dom" />
/**
 * Nobody new could get in (issue 13 item 1). In a real browser against the real server, with real mail through
 * Mailpit: a brand-new client goes from the coach's intake, through the administrator's invitation and the
 * privacy officer's confirmation of the client link, the e-mail, setting a password, to approving a consult; a
 * new company doctor goes through two-factor enrolment.
 */
import { expect } from 'chai';
import { createGuardrails, generate } from 'otplib';
import type { Page } from 'playwright-core';
import { linkIn, waitForMail } from '../helpers/mail';
import { newPage, screenshot, signInAs, withBrowser } from './browser';

describe('onboarding in the browser', function () {
  this.timeout(180_000);
  const suite = withBrowser();

  const as = async (email: string, mfa = false) => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, email, { mfa });
    return page;
  };
  /** Follows the mail's link in a fresh browser: its path and fragment on this test server. */
  const openMailLink = async (address: string, path: string, subject = /uitnodiging/i): Promise<Page> => {
    const mail = await waitForMail(address, { subject });
    expect(mail.text, 'no dossier content in a mail').to.not.match(/Noor|Vermeulen|gesprek/i);
    const link = new URL(linkIn(mail, path));
    const page = await newPage(suite.harness);
    await page.goto(`${suite.harness.baseUrl}${link.pathname}${link.hash}`);
    return page;
  };
  const choosePassword = async (page: Page, password: string) => {
    await page.getByText('12 tot 128 tekens').waitFor();
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
    expect(await page.getByTestId('strength').textContent()).to.equal('te kort');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
    expect(await page.getByTestId('strength').textContent()).to.not.equal('te kort');
    await page.getByLabel('Herhaal het wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Wachtwoord instellen en inloggen' }).click();
  };

  it('takes a brand-new client from intake through invitation and confirmation to approving a consult', async () => {
    const summary = 'E2E: kennismaking, Noor wil in het voorjaar weer starten.';
    const anna = await as('coach.anna@demo.spoorboek.nl');
    await anna.getByRole('link', { name: 'Nieuwe cliënt' }).click();
    await anna.getByLabel('Voornaam').fill('Noor');
    await anna.getByLabel('Achternaam').fill('Vermeulen');
    await anna.getByLabel('Werkgever').selectOption({ label: 'Bakkerij Vos' });
    await anna.getByRole('button', { name: 'Opslaan' }).click();
    await anna.getByRole('heading', { name: /Noor Vermeulen/ }).first().waitFor();
    // The screen's rules come from GET /me at sign-in; the new client joins them on the next load.
    await anna.reload();
    await anna.getByRole('link', { name: 'Consulten' }).click();
    await anna.getByRole('button', { name: 'Nieuw gespreksverslag' }).click();
    await anna.getByLabel('Verslag', { exact: true }).fill(summary);
    await anna.getByRole('button', { name: 'Concept opslaan' }).click();
    await anna.locator('article.card', { hasText: summary }).getByRole('button', { name: 'Naar cliënt sturen' }).click();
    await anna.locator('article.card', { hasText: summary }).getByText('Wacht op cliënt').waitFor();

    const admin = await as('admin@demo.spoorboek.nl', true);
    await admin.getByRole('link', { name: 'Gebruikers' }).first().click();
    const invite = admin.getByRole('form', { name: 'Gebruiker uitnodigen' });
    await invite.getByLabel('Naam').fill('Noor Vermeulen');
    await invite.getByLabel('E-mailadres').fill('noor@client.demo');
    await invite.getByRole('checkbox', { name: 'Cliënt' }).check();
    await invite.getByLabel('Koppelen aan cliëntdossier').selectOption({ label: 'Noor Vermeulen' });
    await invite.getByRole('button', { name: 'Gebruiker uitnodigen' }).click();
    await admin.getByText(/in afwachting van bevestiging/).waitFor();
    expect(await admin.content(), 'no secret on the admin screen').to.not.match(/token=/);
    await admin.getByRole('cell', { name: /Noor Vermeulen.*In afwachting/ }).waitFor();
    await screenshot(admin, 'admin-invitation-pending');

    const privacy = await as('privacy@demo.spoorboek.nl', true);
    await privacy.getByRole('link', { name: 'Bevestigen' }).click();
    await privacy.getByRole('row', { name: /Noor Vermeulen/ }).getByRole('button', { name: /Bevestigen/ }).click();
    await privacy.getByText('Nog niets om te tonen.').waitFor();

    const noor = await openMailLink('noor@client.demo', '/uitnodiging');
    await noor.getByRole('heading', { name: 'Welkom bij Spoorboek' }).waitFor();
    await screenshot(noor, 'client-accepts-invitation');
    await choosePassword(noor, 'Noor-kiest-een-lange-zin');
    await noor.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect(noor.url()).to.not.include('token=');
    const card = noor.locator('article.card', { hasText: summary });
    await card.getByRole('button', { name: 'Goedkeuren' }).click();
    await noor.getByRole('link', { name: 'Mijn gespreksverslagen' }).click();
    await noor.locator('article.card', { hasText: summary }).getByText('Goedgekeurd').waitFor();
    await screenshot(noor, 'client-approved-first-consult');
  });

  it('takes a new company doctor through the invitation and two-factor enrolment', async () => {
    const admin = await as('admin@demo.spoorboek.nl', true);
    await admin.getByRole('link', { name: 'Gebruikers' }).first().click();
    const invite = admin.getByRole('form', { name: 'Gebruiker uitnodigen' });
    await invite.getByLabel('Naam').fill('Els Nieuw');
    await invite.getByLabel('E-mailadres').fill('arts.els@demo.spoorboek.nl');
    await invite.getByRole('checkbox', { name: 'Bedrijfsarts' }).check();
    await invite.getByRole('button', { name: 'Gebruiker uitnodigen' }).click();
    await admin.getByText(/in afwachting van bevestiging/).waitFor();
    await admin.getByRole('link', { name: 'Openstaande uitnodigingen' }).click();
    await admin.getByRole('cell', { name: 'arts.els@demo.spoorboek.nl', exact: true }).waitFor();

    const privacy = await as('privacy@demo.spoorboek.nl', true);
    await privacy.getByRole('link', { name: 'Bevestigen' }).click();
    await privacy.getByRole('row', { name: /Els Nieuw/ }).getByRole('button', { name: /Bevestigen/ }).click();
    await privacy.getByText('Nog niets om te tonen.').waitFor();

    const els = await openMailLink('arts.els@demo.spoorboek.nl', '/uitnodiging');
    await choosePassword(els, 'Els-haar-wachtwoord-is-lang');
    await els.getByRole('heading', { name: 'Tweestapsverificatie instellen' }).waitFor();
    await els.getByRole('img', { name: /QR-code/ }).waitFor();
    const secret = (await els.locator('code').first().textContent())!.trim();
    await screenshot(els, 'doctor-enrols-two-factor');
    const code = await generate({ secret, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
    await els.getByLabel('Code (6 cijfers)').fill(code);
    await els.getByRole('button', { name: 'Bevestigen' }).click();
    await els.getByRole('heading', { name: 'Bewaar uw herstelcodes' }).waitFor();
    await els.getByRole('button', { name: 'Verder' }).click();
    await els.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect(await els.getByText('(Bedrijfsarts)').count()).to.equal(1);

    // The administrator sees the invitation mail went out, without its link.
    await admin.getByRole('link', { name: 'E-mail' }).click();
    const row = admin.getByRole('row', { name: /arts\.els@demo\.spoorboek\.nl/ });
    await row.getByText('Verstuurd').waitFor();
    expect(await admin.content()).to.not.match(/token=/);
    await screenshot(admin, 'admin-mail-queue');
  });

  it('lets a client who forgot the password choose a new one by e-mail, and change it later', async () => {
    const visitor = await newPage(suite.harness);
    await visitor.goto(`${suite.harness.baseUrl}/inloggen`);
    await visitor.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await visitor.getByLabel('E-mailadres').fill('jan@client.demo');
    await visitor.getByRole('button', { name: 'Herstellink versturen' }).click();
    await visitor.getByText(/Als dit e-mailadres bij ons bekend is/).waitFor();

    const jan = await openMailLink('jan@client.demo', '/wachtwoord-herstellen', /wachtwoord/i);
    await jan.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await jan.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Jan-zijn-nieuwe-zin-na-herstel');
    await jan.getByLabel('Herhaal het wachtwoord').fill('Jan-zijn-nieuwe-zin-na-herstel');
    await jan.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await jan.getByText(/Uw wachtwoord is gewijzigd/).waitFor();
    await jan.getByRole('link', { name: 'Terug naar inloggen' }).click();
    await jan.getByLabel('E-mailadres').fill('jan@client.demo');
    await jan.getByLabel('Wachtwoord').fill('Jan-zijn-nieuwe-zin-na-herstel');
    await jan.getByRole('button', { name: 'Inloggen' }).click();
    await jan.getByRole('button', { name: 'Uitloggen' }).waitFor();

    await jan.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await jan.getByLabel('Huidig wachtwoord').fill('Jan-zijn-nieuwe-zin-na-herstel');
    await jan.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Weer-een-andere-lange-zin');
    await jan.getByLabel('Herhaal het wachtwoord').fill('Iets-anders');
    await jan.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await jan.getByText('De twee wachtwoorden zijn niet gelijk.').first().waitFor();
    await jan.getByLabel('Herhaal het wachtwoord').fill('Weer-een-andere-lange-zin');
    await jan.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await jan.getByText(/Uw wachtwoord is gewijzigd. Op andere apparaten/).waitFor();
    await screenshot(jan, 'client-changed-password');
  });

  it('shows the client a badge for what waits, and lets them keep a kind out of their mail', async () => {
    const jan = await as('jan@client.demo');
    const anna = await as('coach.anna@demo.spoorboek.nl');
    const summary = 'E2E: melding voor Jan.';
    await anna.getByRole('link', { name: 'Jan de Wit' }).click();
    await anna.getByRole('link', { name: 'Consulten' }).click();
    await anna.getByRole('button', { name: 'Nieuw gespreksverslag' }).click();
    await anna.getByLabel('Verslag', { exact: true }).fill(summary);
    await anna.getByRole('button', { name: 'Concept opslaan' }).click();
    await anna.locator('article.card', { hasText: summary }).getByRole('button', { name: 'Naar cliënt sturen' }).click();
    await anna.locator('article.card', { hasText: summary }).getByText('Wacht op cliënt').waitFor();

    await jan.reload();
    await jan.getByRole('link', { name: /Meldingen/ }).getByLabel('1 ongelezen').waitFor();
    await jan.getByRole('link', { name: /Meldingen/ }).click();
    await jan.getByRole('link', { name: 'Er staat een gespreksverslag voor u klaar' }).waitFor();
    await screenshot(jan, 'client-notifications');
    const reportMail = jan.getByRole('checkbox', { name: 'Er staat een voortgangsrapportage voor u klaar' });
    await reportMail.click();
    await jan.getByText('Opgeslagen.').waitFor();
    await jan.waitForFunction(() => !(document.querySelectorAll('input[type=checkbox]')[1] as HTMLInputElement).checked);
    await jan.getByRole('link', { name: 'Er staat een gespreksverslag voor u klaar' }).click();
    await jan.locator('article.card', { hasText: summary }).waitFor();
    const mail = await waitForMail('jan@client.demo', { subject: /gespreksverslag/ });
    expect(mail.text).to.not.include(summary);
  });
});
