/**
 * Vervanging aanvragen on screen: the coach asks a colleague to stand in, the client consents on her own screen,
 * and only then does the colleague open the dossier.
 */
import { demoClientId, newPage, screenshot, signInAs, withBrowser } from './browser';

describe('a substitute coach, requested on screen', function () {
  this.timeout(120_000);
  const suite = withBrowser();
  const as = async (email: string) => {
    const page = await newPage(suite.harness);
    await signInAs(page, suite.harness.baseUrl, email);
    return page;
  };

  it('goes from the coach’s request, through the client’s consent, to the colleague’s access', async () => {
    const sanneId = await demoClientId('Sanne');
    const dossier = `${suite.harness.baseUrl}/clienten/${sanneId}`;

    const anna = await as('coach.anna@demo.spoorboek.nl');
    await anna.goto(`${dossier}/consulten`);
    await anna.getByRole('heading', { name: 'Geen toegang' }).waitFor();

    const bram = await as('coach.bram@demo.spoorboek.nl');
    await bram.goto(`${dossier}/overzicht`);
    await bram.getByRole('link', { name: 'Vervanging' }).click();
    const form = bram.getByRole('form', { name: 'Vervanging aanvragen' });
    await form.getByLabel('Vervangende coach').selectOption({ label: 'Anna Jansen' });
    await form.getByLabel('Reden (de cliënt leest deze)').fill('Vakantie');
    await form.getByRole('button', { name: 'Vervanging aanvragen' }).click();
    await bram.getByText('Aangevraagd: de cliënt wordt gevraagd om toestemming.').waitFor();
    await bram.getByText('Wacht op toestemming van de cliënt').waitFor();
    await bram.getByText('Vervanger: Anna Jansen').waitFor();
    await screenshot(bram, 'coach-substitute-requested');

    const sanne = await as('sanne@client.demo');
    await sanne.goto(`${suite.harness.baseUrl}/mijn-dossier/toestemmingen`);
    const request = sanne.getByLabel('Vervanging van mijn coach').filter({ hasText: 'Vakantie' });
    await request.getByRole('button', { name: 'Toestemming geven' }).click();
    await sanne.getByText('Opgeslagen: uw toestemming is vastgelegd.').waitFor();

    await anna.goto(`${dossier}/consulten`);
    await anna.getByRole('heading', { name: 'Sanne Bakker' }).waitFor();
    await bram.reload();
    await bram.getByText('Geldt nu').waitFor();
  });

  it('names a wrong period next to its field and requests nothing', async () => {
    const bram = await as('coach.bram@demo.spoorboek.nl');
    await bram.goto(`${suite.harness.baseUrl}/clienten/${await demoClientId('Sanne')}/vervanging`);
    const form = bram.getByRole('form', { name: 'Vervanging aanvragen' });
    await form.getByLabel('Vervangende coach').selectOption({ label: 'Anna Jansen' });
    await form.getByLabel('Laatste dag (tot en met)').fill('2099-12-31');
    await form.getByRole('button', { name: 'Vervanging aanvragen' }).click();
    await form.getByText(/hoogstens 3 maanden/).waitFor();
    await bram.getByText('Er is nog geen vervanging aangevraagd.').waitFor();
  });
});
