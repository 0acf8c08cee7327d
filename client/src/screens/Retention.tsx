/**
 * The privacy officer's retention screen: the retention table (the same one the server's run uses), the dry run
 * and the real run, the legal hold, and the processing register's export (AVG art. 5(1)(e), 17(3)(e), 30).
 */
import { useState } from 'react';
import { call, hrefOf, type Answer } from '../api';
import { Empty, Field, FormProblem, useSubmit } from '../components/ui';
import { formatDate } from '../text';
import { retention } from '@spoorboek/shared/contracts/retention';
import { RETENTION_RULES } from '@spoorboek/shared/retention/rules';

export type LegalHold = NonNullable<Answer<typeof retention.placeLegalHold>['legalHold']>;
type RetentionReport = Answer<typeof retention.overview>;

/** Shown on every dossier screen while a legal hold stands, next to the restriction banner. */
export function LegalHoldBanner({ legalHold }: { legalHold?: LegalHold | null }) {
  if (!legalHold || new Date(legalHold.until).getTime() < Date.now()) return null;
  return (
    <p className="banner restricted" role="status">
      Bewaarplicht tot en met {formatDate(legalHold.until)}: dit dossier wordt niet gewist, ook niet na de
      bewaartermijn. Reden: {legalHold.reason}
    </p>
  );
}

const CATEGORY_NAMES: Record<string, string> = Object.fromEntries(
  RETENTION_RULES.map((rule) => [rule.category, rule.label]),
);

function ReportView({ report }: { report: RetentionReport }) {
  return (
    <section aria-label={report.dryRun ? 'Proefdraaien' : 'Uitgevoerd'}>
      <h3>
        {report.dryRun
          ? `Proefdraaien: dit zou nu worden gewist (${report.erase.length})`
          : `Gewist: ${report.erased.length}`}
      </h3>
      {report.erase.length === 0 ? (
        <Empty>Geen dossiers over hun bewaartermijn.</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Cliënt</th>
              <th scope="col">Categorie</th>
              <th scope="col">Traject geëindigd</th>
              <th scope="col">Termijn</th>
              <th scope="col">Grondslag</th>
            </tr>
          </thead>
          <tbody>
            {report.erase.map((item) => (
              <tr key={item.clientId}>
                <td>
                  <code>{item.clientId}</code>
                </td>
                <td>{CATEGORY_NAMES[item.category]}</td>
                <td>{item.resumed ? 'onderbroken wissing wordt afgemaakt' : formatDate(item.trajectoryEnded)}</td>
                <td>{item.termText}</td>
                <td>{item.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.held.length > 0 && (
        <p>
          Niet gewist wegens bewaarplicht:{' '}
          {report.held.map((held) => `${held.clientId} (tot ${formatDate(held.until)})`).join(', ')}
        </p>
      )}
      {report.failed.map((failed) => (
        <p key={failed.clientId} className="problem">
          Niet gewist: {failed.clientId} — {failed.error}
        </p>
      ))}
      <p className="muted">
        Ook {report.dryRun ? 'op te ruimen' : 'opgeruimd'}: {report.swept.accountTokens} verlopen link(s),{' '}
        {report.swept.mail} verstuurde e-mail(s), {report.swept.notifications} melding(en). Audittrail:{' '}
        {report.auditPastTerm} gebeurtenis(sen) ouder dan 5 jaar (nog niet ingekort).
      </p>
    </section>
  );
}

export function RetentionScreen() {
  const [report, setReport] = useState<RetentionReport | null>(null);
  const [confirmation, setConfirmation] = useState('');
  const [hold, setHold] = useState({ clientId: '', reason: '', until: '' });
  const [held, setHeld] = useState<string | null>(null);
  const dryRun = useSubmit(async () => setReport(await call(retention.overview)));
  const realRun = useSubmit(async (confirmed: 'WISSEN') => {
    setReport(await call(retention.run, {}, { confirmation: confirmed }));
    setConfirmation('');
  });
  const placeHold = useSubmit(async () => {
    await call(retention.placeLegalHold, { clientId: hold.clientId }, { reason: hold.reason, until: hold.until });
    setHeld(`Bewaarplicht vastgelegd tot en met ${hold.until}.`);
  });
  return (
    <section className="panel" aria-labelledby="retention-title">
      <h1 id="retention-title">Bewaartermijnen</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Gegevens</th>
            <th scope="col">Termijn</th>
            <th scope="col">Vanaf</th>
            <th scope="col">Grondslag</th>
            <th scope="col">Uitgevoerd door</th>
          </tr>
        </thead>
        <tbody>
          {RETENTION_RULES.map((rule) => (
            <tr key={rule.category}>
              <td>{rule.label}</td>
              <td>{rule.termText}</td>
              <td>{rule.from}</td>
              <td>{rule.basis}</td>
              <td>{rule.enforcedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Bewaartermijnrun</h2>
      <p>De run draait elke dag in de server. Proefdraaien laat zien wat er nu gewist zou worden, en waarom.</p>
      <button type="button" onClick={() => void dryRun.run()} disabled={dryRun.busy}>
        Proefdraaien
      </button>
      <FormProblem error={dryRun.error} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmation === 'WISSEN') void realRun.run(confirmation);
        }}
      >
        <Field label="Typ WISSEN om de run nu uit te voeren" name="confirmation" error={realRun.error}>
          {(p) => <input {...p} value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />}
        </Field>
        <button type="submit" className="danger" disabled={realRun.busy || confirmation !== 'WISSEN'}>
          Nu uitvoeren
        </button>
        <FormProblem error={realRun.error} />
      </form>
      {report && <ReportView report={report} />}

      <h2>Bewaarplicht (legal hold)</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void placeHold.run();
        }}
      >
        <Field label="Cliënt (id)" name="clientId" error={placeHold.error}>
          {(p) => (
            <input {...p} value={hold.clientId} onChange={(e) => setHold({ ...hold, clientId: e.target.value })} />
          )}
        </Field>
        <Field label="Reden" name="reason" error={placeHold.error}>
          {(p) => <input {...p} value={hold.reason} onChange={(e) => setHold({ ...hold, reason: e.target.value })} />}
        </Field>
        <Field label="Tot en met" name="until" error={placeHold.error}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={hold.until}
              onChange={(e) => setHold({ ...hold, until: e.target.value })}
            />
          )}
        </Field>
        <button type="submit" disabled={placeHold.busy}>
          Bewaarplicht vastleggen
        </button>
        <FormProblem error={placeHold.error} />
        {held && (
          <p className="ok-text" role="status">
            {held}
          </p>
        )}
      </form>

      <h2>Verwerkingsregister (AVG art. 30)</h2>
      <p>
        <a href={hrefOf(retention.processingRegister, { format: 'csv' })} download>
          Exporteren als CSV
        </a>
        {' · '}
        <a href={hrefOf(retention.processingRegister, { format: 'json' })} download="verwerkingsregister.json">
          als JSON
        </a>
      </p>
    </section>
  );
}
