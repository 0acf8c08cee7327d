/**
 * Everything a person reads is Dutch and plain (issue 13, item 5): a refused form names the field by its label
 * ("Voornaam", never `body.firstName`) in words without type jargon, and the audit reasons a client or privacy officer
 * reads carry no English, field names or enum values.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { AuditEvent } from '../../server/src/audit/model';
import { changed, inWords, results } from '../../server/src/modules/privacy/reasons';
import { testApp } from '../helpers/app';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

/** English words and technical tokens that slipped into reasons before. */
const ENGLISH = /\b(the|for|by|via request|result\(s\)|results?|request|changed|recovery|step|done|download|downloaded|viewer|chain|verified|broken|rule|allows|forbidden|erased|deleted|destroyed|key\(s\)|record\(s\)|file\(s\)|period|month\(s\)|answered|identity|checked|objection|raised|withdrawn|processing|restricted|lifted|portal|addendum|revision|consent|wording|review|password|pending|two-factor|ok|access log)\b|[a-z]+_[a-z]+|\breport\.share\b/i;
const JARGON = /body\.|params\.|query\.|string|verwacht|expected|Invalid|undefined|>=|<=/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('Dutch and plain text', function () {
  this.timeout(60_000);

  it('names refused fields by their label, in plain Dutch', async () => {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const response = await anna.post('/api/v1/clients', {
      firstName: '', lastName: 'x'.repeat(101), trajectory: { kind: 'spoor1', startDate: '2026-11-10', endDate: '2026-11-01' },
    }).expect(400);
    const { detail, errors } = response.body as { detail: string; errors: { field: string; label: string; message: string }[] };
    expect(detail).to.match(/^Controleer de invoer\. /);
    expect(detail).to.include('Voornaam: Vul de voornaam in.').and.include('Achternaam: Maximaal 100 tekens.');
    expect(detail).to.include('Einddatum van het traject: De einddatum ligt vóór de startdatum.');
    expect(detail).not.to.match(JARGON);
    expect(errors).to.deep.include({ field: 'body.firstName', label: 'Voornaam', message: 'Vul de voornaam in.' });
    for (const error of errors) expect(error.message, error.field).not.to.match(JARGON);
    // A number where text belongs, and a missing field: the locale's type talk is replaced by what to do.
    const typed = await anna.post('/api/v1/clients', { firstName: 7, trajectory: { kind: 'spoor9', startDate: '2026-11-01' } }).expect(400);
    expect(typed.body.detail).to.include('Voornaam: Deze waarde heeft niet de juiste vorm.').and.include('Achternaam: Vul dit veld in.')
      .and.include('Soort traject: Kies een van de mogelijke waarden.');
    expect(typed.body.detail).not.to.match(JARGON);
  });

  it('writes every audit reason in the code in Dutch, without field names or enum values', () => {
    const offending: string[] = [];
    const literal = /(?:reason:\s*|auditAuth\([^)]*?'(?:allowed|denied)',\s*|auditAccount\(actor, '\w+', [^,]+,\s*)(['`])((?:(?!\1).)*)\1/g;
    for (const file of sources('server/src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) {
        const words = match[2]!.replace(/\$\{[^}]*\}/g, '');
        if (ENGLISH.test(words)) offending.push(`${file}: ${match[2]}`);
      }
    }
    expect(offending).to.deep.equal([]);
    expect(changed(['firstName', 'trajectory'])).to.equal('gewijzigd: voornaam, traject');
    expect(results(1)).to.equal('1 resultaat');
    expect(inWords('ad_report')).to.equal('arbeidsdeskundig rapport');
    expect(inWords('something_new')).to.equal('overig');
  });

  it('records Dutch reasons over a typical stretch of work', async () => {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
    await anna.get('/api/v1/clients').expect(200);
    await anna.get(`${jan}/consults`).expect(200);
    await anna.patch(jan, { phone: '0612345678', firstName: 'Jan' }).expect(200);
    await anna.post(`${jan}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 5 }).expect(201);
    const reasons = (await AuditEvent.find({ clientId: String(world.clients.jan._id) }).lean()).flatMap((event) => (event.reason ? [event.reason] : []));
    expect(reasons, reasons.join(' | ')).to.include('gewijzigd: voornaam, telefoonnummer');
    for (const reason of reasons) expect(reason).not.to.match(ENGLISH);
  });
});
