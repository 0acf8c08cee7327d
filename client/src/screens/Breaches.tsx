/**
 * The privacy officer's breach screen (AVG art. 33/34): the signals the audit stream raised, and the breach
 * register with its 72-hour clock for notifying the Autoriteit Persoonsgegevens.
 */
import { useState } from 'react';
import { call, type Answer } from '../api';
import { Badge, Empty, Field, FormProblem, Resource, useResource, useSubmit } from '../components/ui';
import { formatDateTime } from '../text';
import { breaches } from '@spoorboek/shared/contracts/breach';
import type { BREACH_ASSESSMENT_NAMES, SIGNAL_RULE_NAMES, UpdateBreachBody } from '@spoorboek/shared/schemas/breach';

type Incident = Answer<typeof breaches.report>;

const RULES: Record<(typeof SIGNAL_RULE_NAMES)[number], string> = {
  employer_health_wall: 'Werkgever probeerde het medisch dossier te openen',
  repeated_denials: 'Herhaald geweigerd (meer dan 10 keer binnen 5 minuten)',
};
const ASSESSMENTS: Record<(typeof BREACH_ASSESSMENT_NAMES)[number], string> = {
  open: 'Nog te beoordelen',
  no_breach: 'Geen datalek',
  breach_no_risk: 'Datalek, geen risico (alleen registreren)',
  breach_risk: 'Datalek met risico (melden bij de AP)',
  breach_high_risk: 'Datalek met hoog risico (ook de cliënten informeren)',
};

/** Hours left until the AP must be told, or how far past it. */
function clock(incident: Incident): string {
  if (incident.apNotifiedAt) return `AP gemeld op ${formatDateTime(incident.apNotifiedAt)}`;
  const hours = Math.round((new Date(incident.apDeadline).getTime() - Date.now()) / 3_600_000);
  return hours >= 0
    ? `Nog ${hours} uur om de AP te melden (uiterlijk ${formatDateTime(incident.apDeadline)})`
    : `Meldtermijn AP ${-hours} uur verstreken`;
}

export function BreachScreen() {
  const signals = useResource(() => call(breaches.signals), []);
  const incidents = useResource(() => call(breaches.list), []);
  const [form, setForm] = useState({ detectedAt: '', description: '' });
  const record = useSubmit(async () => {
    await call(
      breaches.report,
      {},
      { detectedAt: new Date(form.detectedAt).toISOString(), description: form.description },
    );
    setForm({ detectedAt: '', description: '' });
    incidents.reload();
  });
  const update = useSubmit(async (breachId: string, change: UpdateBreachBody) => {
    await call(breaches.update, { breachId }, change);
    incidents.reload();
  });
  return (
    <section className="panel" aria-labelledby="breach-title">
      <h1 id="breach-title">Datalekken</h1>
      <h2>Signalen</h2>
      <Resource resource={signals}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>Geen signalen.</Empty>
          ) : (
            <ul>
              {data.items.map((signal) => (
                <li key={signal._id}>
                  <Badge tone="warning">{RULES[signal.rule]}</Badge> {formatDateTime(signal.at)} — gebruiker{' '}
                  <code>{signal.userId}</code>
                  {signal.clientId ? (
                    <>
                      {' '}
                      bij cliënt <code>{signal.clientId}</code>
                    </>
                  ) : null}
                  , {signal.count} keer
                </li>
              ))}
            </ul>
          )
        }
      </Resource>

      <h2>Register</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void record.run();
        }}
      >
        <Field label="Ontdekt op" name="detectedAt" error={record.error}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              value={form.detectedAt}
              onChange={(e) => setForm({ ...form, detectedAt: e.target.value })}
            />
          )}
        </Field>
        <Field label="Wat is er gebeurd" name="description" error={record.error}>
          {(p) => (
            <textarea
              {...p}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          )}
        </Field>
        <button type="submit" disabled={record.busy}>
          Incident vastleggen
        </button>
        <FormProblem error={record.error} />
      </form>
      <FormProblem error={update.error} />
      <Resource resource={incidents}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>Geen incidenten vastgelegd.</Empty>
          ) : (
            <>
              {data.items.map((incident) => (
                <article
                  className="card"
                  key={incident._id}
                  aria-label={`Incident ${formatDateTime(incident.detectedAt)}`}
                >
                  <h3>Ontdekt {formatDateTime(incident.detectedAt)}</h3>
                  <p>{incident.description}</p>
                  <p>
                    <strong>{clock(incident)}</strong>
                  </p>
                  <p>
                    {incident.clientsNotifiedAt
                      ? `Cliënten geïnformeerd op ${formatDateTime(incident.clientsNotifiedAt)}`
                      : 'Cliënten (nog) niet geïnformeerd'}
                  </p>
                  <label>
                    Beoordeling{' '}
                    <select
                      value={incident.assessment}
                      onChange={(e) =>
                        void update.run(incident._id, { assessment: e.target.value as Incident['assessment'] })
                      }
                    >
                      {Object.entries(ASSESSMENTS).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                  {!incident.apNotifiedAt && (
                    <button
                      type="button"
                      onClick={() => void update.run(incident._id, { apNotifiedAt: new Date().toISOString() })}
                    >
                      AP nu gemeld
                    </button>
                  )}
                  {!incident.clientsNotifiedAt && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void update.run(incident._id, { clientsNotifiedAt: new Date().toISOString() })}
                    >
                      Cliënten nu geïnformeerd
                    </button>
                  )}
                </article>
              ))}
            </>
          )
        }
      </Resource>
    </section>
  );
}
