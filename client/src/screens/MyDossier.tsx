/**
 * "Mijn dossier" for the client: what waits for their approval, their consults and reports, their consents in
 * plain language, who looked at their file, and their health dossier (AVG art. 15).
 */
import { useState } from 'react';
import { api, call } from '../api';
import { Badge, Empty, Field, FormProblem, Resource, Tabs, useResource, useSubmit } from '../components/ui';
import { RecordSection } from '../components/workflow';
import { formatDate, formatDateTime, t } from '../text';
import { CONSENT_TEXTS } from '@spoorboek/shared/consentTexts';
import { consults } from '@spoorboek/shared/contracts/consults';
import { ConsultCard, type Consult } from './dossier/Consults';
import { ReportCard, type Report } from './dossier/Reports';
import { ClientOverview, type ClientDetail } from './Dossier';
import { HealthDossier } from './Health';
import { DossierBanners, MyPrivacy, type Restriction } from './Rights';

const TABS = [
  { key: 'overzicht', label: t.client.waiting },
  { key: 'consulten', label: t.client.consults },
  { key: 'rapportages', label: t.client.reports },
  { key: 'toestemmingen', label: t.client.consents },
  { key: 'inzage', label: t.client.accessLog },
  { key: 'medisch', label: t.client.health },
  { key: 'privacy', label: t.rights.myPrivacy },
];

function Waiting({ clientId }: { clientId: string }) {
  const consults = useResource(() => api.get<{ items: Consult[] }>(`/clients/${clientId}/consults`), [clientId]);
  const reports = useResource(() => api.get<{ items: Report[] }>(`/clients/${clientId}/reports`), [clientId]);
  const client = useResource(() => api.get<ClientDetail>(`/clients/${clientId}`), [clientId]);
  const reload = () => { consults.reload(); reports.reload(); };
  const waitingConsults = consults.data?.items.filter((consult) => consult.status === 'awaiting_client') ?? [];
  const openReports = reports.data?.items.filter((report) => report.status === 'awaiting_client' || report.status === 'approved') ?? [];
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t.client.waiting}</h2>
      {consults.loading || reports.loading ? <p className="muted">{t.loading}</p>
        : waitingConsults.length + openReports.length === 0 ? <Empty>{t.client.nothingWaiting}</Empty> : (
          <>
            {waitingConsults.map((consult) => <ConsultCard key={consult._id} consult={consult} onChange={reload} />)}
            {openReports.map((report) => <ReportCard key={report._id} report={report} onChange={reload} />)}
          </>
        )}
      {client.data && (
        <>
          <h2>{t.client.personalData}</h2>
          <ClientOverview client={client.data} />
        </>
      )}
    </section>
  );
}

interface Consent {
  _id: string; purpose: string; text: string; grantedAt: string; withdrawnAt: string | null; reportId: string | null; handoverId: string | null;
  includesCapacities?: boolean;
}

/** A handover in Amsterdam calendar days; `state` says how it stands today, as the server judged it. */
interface Handover { _id: string; firstDay: string; lastDay: string; state: string; reason: string | null }

/** A request for a substitute, with the client's choice whether the FML capacities pass on too. */
function HandoverRequest({ handover, onGrant }: { handover: Handover; onGrant: (capacities: boolean) => void }) {
  const [capacities, setCapacities] = useState(false);
  return (
    <div className="consent" aria-label={t.consentPurposes.handover}>
      <h3>{t.consentPurposes.handover}</h3>
      <p>{t.client.handoverAsk(formatDate(handover.firstDay), formatDate(handover.lastDay))}{handover.reason ? ` (${handover.reason})` : ''}</p>
      <label className="check">
        <input type="checkbox" checked={capacities} onChange={(event) => setCapacities(event.target.checked)} />
        {t.client.handoverCapacities}
      </label>
      <button type="button" onClick={() => onGrant(capacities)}>{t.client.grant}</button>
    </div>
  );
}

function Consents({ clientId }: { clientId: string }) {
  const consents = useResource(() => api.get<{ items: Consent[] }>(`/clients/${clientId}/consents`), [clientId]);
  const handovers = useResource(() => api.get<{ items: Handover[] }>(`/clients/${clientId}/handovers`), [clientId]);
  const openHandovers = (handovers.data?.items ?? []).filter((handover) => handover.state === 'awaiting_consent');
  const handoverOf = (consent: Consent) => handovers.data?.items.find((handover) => handover._id === consent.handoverId);
  const [saved, setSaved] = useState<string | null>(null);
  const act = useSubmit(async (path: string, body?: object) => {
    setSaved(null);
    await api.post(path, body);
    setSaved(path.endsWith('/withdraw') ? t.client.withdrawnSaved : t.client.grantedSaved);
    consents.reload();
    handovers.reload();
  });
  const withdraw = (consentId: string) => {
    if (!window.confirm(t.client.withdrawConfirm)) return;
    void act.run(`/clients/${clientId}/consents/${consentId}/withdraw`);
  };
  const fmlStanding = consents.data?.items.some((consent) => consent.purpose === 'fml.capacities.coach' && !consent.withdrawnAt);
  /** A handover consent that outlived its period reads "Verlopen", not "Geldt nu". */
  const badge = (consent: Consent) => {
    if (consent.withdrawnAt) return <Badge tone="neutral">{t.client.withdrawn} {formatDate(consent.withdrawnAt)}</Badge>;
    const handover = consent.purpose === 'handover' ? handoverOf(consent) : undefined;
    if (handover && handover.state !== 'current') return <Badge tone={handover.state === 'expired' ? 'neutral' : 'waiting'}>{t.client.handoverStates[handover.state]}</Badge>;
    return <Badge tone="ok">{t.client.standing}</Badge>;
  };
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{t.client.consents}</h2>
      <FormProblem error={act.error} />
      {saved && <p className="notice" role="status">{saved}</p>}
      {consents.data && !fmlStanding && (
        <div className="consent">
          <h3>{t.client.grantFml}</h3>
          <p>{CONSENT_TEXTS.fmlCapacitiesCoach}</p>
          <button type="button" onClick={() => void act.run(`/clients/${clientId}/consents`, { purpose: 'fml.capacities.coach' })}>{t.client.grant}</button>
        </div>
      )}
      {consents.data && openHandovers.map((handover) => (
        <HandoverRequest key={handover._id} handover={handover}
          onGrant={(capacities) => void act.run(`/clients/${clientId}/consents`, { purpose: 'handover', handoverId: handover._id, capacities })} />
      ))}
      <Resource resource={consents}>
        {({ items }) => items.length === 0 ? <Empty /> : items.map((consent) => (
          <article className="card" key={consent._id} aria-label={t.consentPurposes[consent.purpose]}>
            <header>
              <h3>{t.consentPurposes[consent.purpose]}</h3>
              {badge(consent)}
            </header>
            <p>{consent.text}</p>
            <p className="muted">{t.client.granted} {formatDateTime(consent.grantedAt)}</p>
            {!consent.withdrawnAt && handoverOf(consent)?.state !== 'expired' && (
              <button type="button" className="danger" onClick={() => withdraw(consent._id)}>{t.client.withdraw}</button>
            )}
          </article>
        ))}
      </Resource>
    </section>
  );
}

/** One line of the access log as the server groups it: who did what with which part, on one day, how often. */
interface AccessLine { day: string; firstAt: string; lastAt: string; who: string; own: boolean; compartment: string; outcome: string; count: number; line: string }
interface AccessLogPage { items: AccessLine[]; total: number; page: number; pageSize: number; ownLines: number }
const LOG_PAGE_SIZE = 20;
const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/**
 * "Wie heeft mijn dossier ingezien": plain Dutch lines per day, the client's own actions only when asked for. The
 * privacy officer reads the same lines for a client they found (`title` names whose dossier it is).
 */
export function AccessLog({ clientId, title = t.client.accessLog }: { clientId: string; title?: string }) {
  const [period, setPeriod] = useState({ from: '', to: '', includeOwn: false });
  const [applied, setApplied] = useState(period);
  const [page, setPage] = useState(1);
  const log = useResource(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(LOG_PAGE_SIZE) });
    if (applied.from) params.set('from', applied.from);
    if (applied.to) params.set('to', applied.to);
    if (applied.includeOwn) params.set('includeOwn', 'true');
    return api.get<AccessLogPage>(`/clients/${clientId}/access-log?${params.toString()}`);
  }, [clientId, applied.from, applied.to, applied.includeOwn, page]);
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{title}</h2>
      <p className="muted">{t.client.accessLogIntro}</p>
      <form className="filters" onSubmit={(event) => { event.preventDefault(); setPage(1); setApplied(period); }}>
        <Field label={t.client.from} name="from" error={log.error}>{(p) => <input {...p} type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />}</Field>
        <Field label={t.client.to} name="to" error={log.error}>{(p) => <input {...p} type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />}</Field>
        <label className="check">
          <input type="checkbox" checked={period.includeOwn} onChange={(e) => setPeriod({ ...period, includeOwn: e.target.checked })} /> {title === t.client.accessLog ? t.client.includeOwn : t.client.includeClient}
        </label>
        <button type="submit">{t.client.filter}</button>
      </form>
      <Resource resource={log}>
        {({ items, total, ownLines }) => (
          <>
            {!applied.includeOwn && ownLines > 0 && <p className="muted">{t.client.ownHidden(ownLines)}</p>}
            {items.length === 0 ? <Empty /> : (
              <ol className="access-log">
                {items.map((line, index) => (
                  <li key={`${line.day}-${index}`}>
                    {(index === 0 || items[index - 1]!.day !== line.day) && <h3>{formatDate(line.day)}</h3>}
                    <p>
                      <span className="when">{timeFormat.format(new Date(line.firstAt))}{line.count > 1 && line.lastAt !== line.firstAt ? `–${timeFormat.format(new Date(line.lastAt))}` : ''}</span>{' '}
                      {line.line}{' '}
                      {line.outcome === 'denied' && <Badge tone="warning">{t.outcomes.denied}</Badge>}
                      {line.compartment === 'health' && <Badge tone="neutral">{t.compartments.health}</Badge>}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {total > LOG_PAGE_SIZE && (
              <nav className="pager" aria-label="Paginering">
                <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t.caseload.previous}</button>
                <span>{t.caseload.page(page, Math.ceil(total / LOG_PAGE_SIZE))}</span>
                <button type="button" className="secondary" disabled={page * LOG_PAGE_SIZE >= total} onClick={() => setPage(page + 1)}>{t.caseload.next}</button>
              </nav>
            )}
          </>
        )}
      </Resource>
    </section>
  );
}

export function MyDossier({ clientId, tab }: { clientId: string; tab: string }) {
  const client = useResource(() => api.get<{ restriction?: Restriction | null }>(`/clients/${clientId}`), [clientId, tab]);
  return (
    <article aria-labelledby="my-title">
      <h1 id="my-title">{t.client.title}</h1>
      {tab !== 'privacy' && <DossierBanners client={client.data} />}
      <Tabs tabs={TABS} current={tab} base="/mijn-dossier" />
      {tab === 'overzicht' && <Waiting clientId={clientId} />}
      {tab === 'consulten' && (
        <RecordSection id="my-consults" title={t.client.consults} load={() => call(consults.list, { clientId })} loadKey={clientId} canCreate={false}
          newLabel="" emptyLabel={t.consults.none} editor={() => null}
          render={(consult, reload) => <ConsultCard key={consult._id} consult={consult} onChange={reload} />} />
      )}
      {tab === 'rapportages' && (
        <RecordSection id="my-reports" title={t.client.reports} load={() => api.get<{ items: Report[] }>(`/clients/${clientId}/reports`)} loadKey={clientId} canCreate={false}
          newLabel="" emptyLabel={t.reports.none} editor={() => null}
          render={(report, reload) => <ReportCard key={report._id} report={report} onChange={reload} />} />
      )}
      {tab === 'toestemmingen' && <Consents clientId={clientId} />}
      {tab === 'inzage' && <AccessLog clientId={clientId} />}
      {tab === 'medisch' && <HealthDossier clientId={clientId} />}
      {tab === 'privacy' && <MyPrivacy clientId={clientId} />}
    </article>
  );
}
