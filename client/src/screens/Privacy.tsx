/** The privacy officer: the audit trail with filters and chain verification, and the relation register. */
import { useState } from 'react';
import { call, type Answer } from '../api';
import { Badge, Empty, Field, FormProblem, Resource, useResource, useSubmit } from '../components/ui';
import { formatDate, formatDateTime, t } from '../text';
import { clients } from '@spoorboek/shared/contracts/clients';
import { privacy } from '@spoorboek/shared/contracts/privacy';
import { relations } from '@spoorboek/shared/contracts/relations';
import { AUDIT_ACTIONS, type AUDIT_OUTCOMES } from '@spoorboek/shared/domain';
import { AccessLog } from './MyDossier';

type FoundClient = Answer<typeof clients.list>['items'][number];
type Filters = {
  from: string;
  to: string;
  clientId: string;
  action: '' | (typeof AUDIT_ACTIONS)[number];
  outcome: '' | (typeof AUDIT_OUTCOMES)[number];
};

/**
 * Finding a client by name rather than by raw id: the clients search opens the sealed names for the officer, who
 * may read a client's personal details (AVG art. 38–39: the officer handles the data subject's questions).
 */
function ClientFinder({
  chosen,
  onChoose,
}: {
  chosen: FoundClient | null;
  onChoose: (client: FoundClient | null) => void;
}) {
  const [name, setName] = useState('');
  const [found, setFound] = useState<FoundClient[] | null>(null);
  const search = useSubmit(async () => {
    setFound((await call(clients.list, { search: name, pageSize: 20 })).items);
  });
  if (chosen) {
    return (
      <p>
        {t.privacy.chosenClient}:{' '}
        <strong>
          {chosen.firstName} {chosen.lastName}
        </strong>{' '}
        <button
          type="button"
          className="link"
          onClick={() => {
            onChoose(null);
            setFound(null);
          }}
        >
          {t.privacy.otherClient}
        </button>
      </p>
    );
  }
  return (
    <div className="finder">
      <Field label={t.privacy.findClient} name="search" error={search.error}>
        {(p) => (
          <input
            {...p}
            type="search"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search.run();
              }
            }}
          />
        )}
      </Field>
      <button
        type="button"
        className="secondary"
        onClick={() => void search.run()}
        disabled={search.busy || !name.trim()}
      >
        {t.search}
      </button>
      {found &&
        (found.length === 0 ? (
          <Empty>{t.caseload.none}</Empty>
        ) : (
          <ul className="found">
            {found.map((client) => (
              <li key={client._id}>
                <button type="button" className="link" onClick={() => onChoose(client)}>
                  {client.firstName} {client.lastName}
                  {client.dateOfBirth ? ` (${t.dossier.born.toLowerCase()} ${formatDate(client.dateOfBirth)})` : ''}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

export function AuditLog() {
  const [client, setClient] = useState<FoundClient | null>(null);
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', clientId: '', action: '', outcome: '' });
  const [applied, setApplied] = useState(filters);
  const [page, setPage] = useState(1);
  const events = useResource(
    () =>
      call(privacy.audit, {
        page,
        pageSize: 50,
        ...(applied.from ? { from: applied.from } : {}),
        ...(applied.to ? { to: applied.to } : {}),
        ...(applied.clientId ? { clientId: applied.clientId } : {}),
        ...(applied.action ? { action: applied.action } : {}),
        ...(applied.outcome ? { outcome: applied.outcome } : {}),
      }),
    [applied, page],
  );
  const [verification, setVerification] = useState<Answer<typeof privacy.verifyAudit> | null>(null);
  const verify = useSubmit(async () => setVerification(await call(privacy.verifyAudit)));
  const set = (key: 'from' | 'to') => (event: { target: { value: string } }) =>
    setFilters({ ...filters, [key]: event.target.value });
  return (
    <section aria-labelledby="audit-title">
      <div className="heading">
        <h1 id="audit-title">{t.privacy.title}</h1>
        <button type="button" onClick={() => void verify.run()} disabled={verify.busy}>
          {t.privacy.verify}
        </button>
      </div>
      <FormProblem error={verify.error} />
      {verification && (
        <p className={verification.ok ? 'ok-text' : 'problem'} role="status">
          {verification.ok
            ? t.privacy.intact(verification.count)
            : t.privacy.broken(verification.brokenAt ?? 0, verification.problem ?? '')}
        </p>
      )}
      <ClientFinder
        chosen={client}
        onChoose={(chosen) => {
          setClient(chosen);
          const next = { ...filters, clientId: chosen?._id ?? '' };
          setFilters(next);
          setPage(1);
          setApplied(next);
        }}
      />
      {client?._id && (
        <details className="panel">
          <summary>{t.privacy.clientAccessLog(`${client.firstName} ${client.lastName}`)}</summary>
          <AccessLog
            clientId={client._id}
            title={t.privacy.clientAccessLog(`${client.firstName} ${client.lastName}`)}
          />
        </details>
      )}
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setPage(1);
          setApplied(filters);
        }}
      >
        <Field label={t.client.from} name="from" error={events.error}>
          {(p) => <input {...p} type="date" value={filters.from} onChange={set('from')} />}
        </Field>
        <Field label={t.client.to} name="to" error={events.error}>
          {(p) => <input {...p} type="date" value={filters.to} onChange={set('to')} />}
        </Field>
        <Field label={t.privacy.action} name="action" error={events.error}>
          {(p) => (
            <select
              {...p}
              value={filters.action}
              onChange={(e) => setFilters({ ...filters, action: e.target.value as Filters['action'] })}
            >
              <option value="">{t.privacy.any}</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t.auditActions[action]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.privacy.outcome} name="outcome" error={events.error}>
          {(p) => (
            <select
              {...p}
              value={filters.outcome}
              onChange={(e) => setFilters({ ...filters, outcome: e.target.value as Filters['outcome'] })}
            >
              <option value="">{t.privacy.any}</option>
              <option value="allowed">{t.outcomes.allowed}</option>
              <option value="denied">{t.outcomes.denied}</option>
            </select>
          )}
        </Field>
        <button type="submit">{t.client.filter}</button>
      </form>
      <Resource resource={events}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <>
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t.client.when}</th>
                    <th scope="col">{t.client.who}</th>
                    <th scope="col">{t.client.what}</th>
                    <th scope="col">{t.privacy.clientId}</th>
                    <th scope="col">{t.client.outcome}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((event) => (
                    <tr key={event._id}>
                      <td>{event.seq}</td>
                      <td>{formatDateTime(event.at)}</td>
                      <td>
                        {event.actor.name ?? '—'}{' '}
                        <small className="muted">{event.actor.roles.map((role) => t.roles[role]).join(', ')}</small>
                      </td>
                      <td>
                        {t.auditActions[event.action] ?? event.action} ·{' '}
                        {t.subjects[event.object.type ?? ''] ?? event.object.type ?? ''}{' '}
                        <small className="muted">{t.compartments[event.object.compartment]}</small>
                        {event.reason ? <small className="muted"> — {event.reason}</small> : null}
                      </td>
                      <td>
                        <code>{event.clientId ?? ''}</code>
                      </td>
                      <td>
                        {event.outcome === 'denied' ? (
                          <Badge tone="warning">{t.outcomes.denied}</Badge>
                        ) : (
                          t.outcomes.allowed
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <nav className="pager" aria-label="Paginering">
                <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t.caseload.previous}
                </button>
                <span>{t.caseload.page(page, Math.max(1, Math.ceil(total / 50)))}</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={page * 50 >= total}
                  onClick={() => setPage(page + 1)}
                >
                  {t.caseload.next}
                </button>
              </nav>
            </>
          )
        }
      </Resource>
    </section>
  );
}

export function RelationRegister() {
  const [year, setYear] = useState('');
  const register = useResource(() => call(relations.register, year ? { year } : {}), [year]);
  return (
    <section aria-labelledby="relations-title">
      <h1 id="relations-title">{t.privacy.relations}</h1>
      <div className="filters">
        <Field label={t.privacy.year} name="year" error={register.error}>
          {(p) => (
            <input {...p} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
          )}
        </Field>
      </div>
      <Resource resource={register}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t.privacy.employer}</th>
                  <th scope="col">{t.privacy.clientName}</th>
                  <th scope="col">{t.privacy.service}</th>
                  <th scope="col">{t.privacy.year}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => (
                  <tr key={index}>
                    <td>{item.employerName}</td>
                    <td>{item.clientName}</td>
                    <td>{t.trajectoryKinds[item.trajectoryKind]}</td>
                    <td>{item.year}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Resource>
    </section>
  );
}
