/**
 * "Mijn dossier" for the client: what waits for their approval, their consults and reports, their consents in
 * plain language, who looked at their file, and their health dossier (AVG art. 15).
 */
import { useState } from 'react';
import { call, type Answer } from '../api';
import { Badge, Empty, Field, FormProblem, Resource, Tabs, useResource, useSubmit } from '../components/ui';
import { RecordSection } from '../components/workflow';
import { formatDate, formatDateTime, t } from '../text';
import { CONSENT_TEXTS } from '@spoorboek/shared/consentTexts';
import { clients } from '@spoorboek/shared/contracts/clients';
import { consents as consentsContract } from '@spoorboek/shared/contracts/consents';
import { consults } from '@spoorboek/shared/contracts/consults';
import { privacy } from '@spoorboek/shared/contracts/privacy';
import { reports } from '@spoorboek/shared/contracts/reports';
import type { GrantConsentBody } from '@spoorboek/shared/schemas/consents';
import { ConsultCard } from './dossier/Consults';
import { ReportCard, type Report } from './dossier/Reports';
import { ClientOverview, type ClientDetail } from './Dossier';
import { HealthDossier } from './Health';
import { DossierBanners, MyPrivacy } from './Rights';

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
  const myConsults = useResource(() => call(consults.list, { clientId }), [clientId]);
  const myReports = useResource(() => call(reports.list, { clientId }), [clientId]);
  const client = useResource(() => call(clients.get, { clientId }), [clientId]);
  const reload = () => {
    myConsults.reload();
    myReports.reload();
  };
  const waitingConsults = myConsults.data?.items.filter((consult) => consult.status === 'awaiting_client') ?? [];
  const openReports: Report[] =
    myReports.data?.items.filter((report) => report.status === 'awaiting_client' || report.status === 'approved') ?? [];
  const overview: ClientDetail | null = client.data;
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t.client.waiting}</h2>
      {myConsults.loading || myReports.loading ? (
        <p className="muted">{t.loading}</p>
      ) : waitingConsults.length + openReports.length === 0 ? (
        <Empty>{t.client.nothingWaiting}</Empty>
      ) : (
        <>
          {waitingConsults.map((consult) => (
            <ConsultCard key={consult._id} consult={consult} onChange={reload} />
          ))}
          {openReports.map((report) => (
            <ReportCard key={report._id} report={report} onChange={reload} />
          ))}
        </>
      )}
      {overview && (
        <>
          <h2>{t.client.personalData}</h2>
          <ClientOverview client={overview} />
        </>
      )}
    </section>
  );
}

type Consent = Answer<typeof consentsContract.list>['items'][number];
/** A handover in Amsterdam calendar days; `state` says how it stands today, as the server judged it. */
type Handover = Answer<typeof consentsContract.listHandovers>['items'][number];

/** A request for a substitute, with the client's choice whether the FML capacities pass on too. */
function HandoverRequest({
  handover,
  onGrant,
}: {
  handover: Pick<Handover, 'firstDay' | 'lastDay' | 'reason'>;
  onGrant: (capacities: boolean) => void;
}) {
  const [capacities, setCapacities] = useState(false);
  return (
    <div className="consent" aria-label={t.consentPurposes.handover}>
      <h3>{t.consentPurposes.handover}</h3>
      <p>
        {t.client.handoverAsk(formatDate(handover.firstDay), formatDate(handover.lastDay))}
        {handover.reason ? ` (${handover.reason})` : ''}
      </p>
      <label className="check">
        <input type="checkbox" checked={capacities} onChange={(event) => setCapacities(event.target.checked)} />
        {t.client.handoverCapacities}
      </label>
      <button type="button" onClick={() => onGrant(capacities)}>
        {t.client.grant}
      </button>
    </div>
  );
}

function Consents({ clientId }: { clientId: string }) {
  const consents = useResource(() => call(consentsContract.list, { clientId }), [clientId]);
  const handovers = useResource(() => call(consentsContract.listHandovers, { clientId }), [clientId]);
  const openHandovers = (handovers.data?.items ?? []).filter((handover) => handover.state === 'awaiting_consent');
  const handoverOf = (consent: Consent) =>
    handovers.data?.items.find((handover) => handover._id === consent.handoverId);
  const [saved, setSaved] = useState<string | null>(null);
  const act = useSubmit(async (step: { withdraw: string } | { grant: GrantConsentBody }) => {
    setSaved(null);
    if ('withdraw' in step) await call(consentsContract.withdraw, { clientId, consentId: step.withdraw });
    else await call(consentsContract.grant, { clientId }, step.grant);
    setSaved('withdraw' in step ? t.client.withdrawnSaved : t.client.grantedSaved);
    consents.reload();
    handovers.reload();
  });
  const withdraw = (consentId: string) => {
    if (!window.confirm(t.client.withdrawConfirm)) return;
    void act.run({ withdraw: consentId });
  };
  const fmlStanding = consents.data?.items.some(
    (consent) => consent.purpose === 'fml.capacities.coach' && !consent.withdrawnAt,
  );
  /** A handover consent that outlived its period reads "Verlopen", not "Geldt nu". */
  const badge = (consent: Consent) => {
    if (consent.withdrawnAt)
      return (
        <Badge tone="neutral">
          {t.client.withdrawn} {formatDate(consent.withdrawnAt)}
        </Badge>
      );
    const handover = consent.purpose === 'handover' ? handoverOf(consent) : undefined;
    if (handover?.state && handover.state !== 'current')
      return (
        <Badge tone={handover.state === 'expired' ? 'neutral' : 'waiting'}>
          {t.client.handoverStates[handover.state]}
        </Badge>
      );
    return <Badge tone="ok">{t.client.standing}</Badge>;
  };
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{t.client.consents}</h2>
      <FormProblem error={act.error} />
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      {consents.data && !fmlStanding && (
        <div className="consent">
          <h3>{t.client.grantFml}</h3>
          <p>{CONSENT_TEXTS.fmlCapacitiesCoach}</p>
          <button type="button" onClick={() => void act.run({ grant: { purpose: 'fml.capacities.coach' } })}>
            {t.client.grant}
          </button>
        </div>
      )}
      {consents.data &&
        openHandovers.map(
          ({ _id: handoverId, ...handover }) =>
            handoverId && (
              <HandoverRequest
                key={handoverId}
                handover={handover}
                onGrant={(capacities) => void act.run({ grant: { purpose: 'handover', handoverId, capacities } })}
              />
            ),
        )}
      <Resource resource={consents}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            items.map((consent) => {
              const { _id: consentId, purpose } = consent;
              if (!consentId || !purpose) return null;
              return (
                <article className="card" key={consentId} aria-label={t.consentPurposes[purpose]}>
                  <header>
                    <h3>{t.consentPurposes[purpose]}</h3>
                    {badge(consent)}
                  </header>
                  <p>{consent.text}</p>
                  <p className="muted">
                    {t.client.granted} {formatDateTime(consent.grantedAt)}
                  </p>
                  {!consent.withdrawnAt && handoverOf(consent)?.state !== 'expired' && (
                    <button type="button" className="danger" onClick={() => withdraw(consentId)}>
                      {t.client.withdraw}
                    </button>
                  )}
                </article>
              );
            })
          )
        }
      </Resource>
    </section>
  );
}

const LOG_PAGE_SIZE = 20;
const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/**
 * "Wie heeft mijn dossier ingezien": plain Dutch lines per day, the client's own actions only when asked for. The
 * privacy officer reads the same lines for a client they found (`title` names whose dossier it is).
 */
export function AccessLog({ clientId, title = t.client.accessLog }: { clientId: string; title?: string }) {
  const [period, setPeriod] = useState({ from: '', to: '', includeOwn: false });
  const [applied, setApplied] = useState(period);
  const [page, setPage] = useState(1);
  const log = useResource(
    () =>
      call(privacy.accessLog, {
        clientId,
        page,
        pageSize: LOG_PAGE_SIZE,
        ...(applied.from ? { from: applied.from } : {}),
        ...(applied.to ? { to: applied.to } : {}),
        ...(applied.includeOwn ? { includeOwn: 'true' as const } : {}),
      }),
    [clientId, applied.from, applied.to, applied.includeOwn, page],
  );
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{title}</h2>
      <p className="muted">{t.client.accessLogIntro}</p>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setPage(1);
          setApplied(period);
        }}
      >
        <Field label={t.client.from} name="from" error={log.error}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={period.from}
              onChange={(e) => setPeriod({ ...period, from: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.client.to} name="to" error={log.error}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={period.to}
              onChange={(e) => setPeriod({ ...period, to: e.target.value })}
            />
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={period.includeOwn}
            onChange={(e) => setPeriod({ ...period, includeOwn: e.target.checked })}
          />{' '}
          {title === t.client.accessLog ? t.client.includeOwn : t.client.includeClient}
        </label>
        <button type="submit">{t.client.filter}</button>
      </form>
      <Resource resource={log}>
        {({ items, total, ownLines }) => (
          <>
            {!applied.includeOwn && ownLines > 0 && <p className="muted">{t.client.ownHidden(ownLines)}</p>}
            {items.length === 0 ? (
              <Empty />
            ) : (
              <ol className="access-log">
                {items.map((line, index) => (
                  <li key={`${line.day}-${index}`}>
                    {(index === 0 || items[index - 1]!.day !== line.day) && <h3>{formatDate(line.day)}</h3>}
                    <p>
                      <span className="when">
                        {timeFormat.format(new Date(line.firstAt))}
                        {line.count > 1 && line.lastAt !== line.firstAt
                          ? `–${timeFormat.format(new Date(line.lastAt))}`
                          : ''}
                      </span>{' '}
                      {line.line} {line.outcome === 'denied' && <Badge tone="warning">{t.outcomes.denied}</Badge>}
                      {line.compartment === 'health' && <Badge tone="neutral">{t.compartments.health}</Badge>}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {total > LOG_PAGE_SIZE && (
              <nav className="pager" aria-label="Paginering">
                <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t.caseload.previous}
                </button>
                <span>{t.caseload.page(page, Math.ceil(total / LOG_PAGE_SIZE))}</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={page * LOG_PAGE_SIZE >= total}
                  onClick={() => setPage(page + 1)}
                >
                  {t.caseload.next}
                </button>
              </nav>
            )}
          </>
        )}
      </Resource>
    </section>
  );
}

/** The restriction and legal hold banners, read anew whenever the client opens another tab. */
function MyBanners({ clientId }: { clientId: string }) {
  const client = useResource(() => call(clients.get, { clientId }), [clientId]);
  return <DossierBanners client={client.data} />;
}

export function MyDossier({ clientId, tab }: { clientId: string; tab: string }) {
  return (
    <article aria-labelledby="my-title">
      <h1 id="my-title">{t.client.title}</h1>
      {tab !== 'privacy' && <MyBanners key={tab} clientId={clientId} />}
      <Tabs tabs={TABS} current={tab} base="/mijn-dossier" />
      {tab === 'overzicht' && <Waiting clientId={clientId} />}
      {tab === 'consulten' && (
        <RecordSection
          id="my-consults"
          title={t.client.consults}
          load={() => call(consults.list, { clientId })}
          loadKey={clientId}
          canCreate={false}
          newLabel=""
          emptyLabel={t.consults.none}
          editor={() => null}
          render={(consult, reload) => <ConsultCard key={consult._id} consult={consult} onChange={reload} />}
        />
      )}
      {tab === 'rapportages' && (
        <RecordSection
          id="my-reports"
          title={t.client.reports}
          load={() => call(reports.list, { clientId })}
          loadKey={clientId}
          canCreate={false}
          newLabel=""
          emptyLabel={t.reports.none}
          editor={() => null}
          render={(report, reload) => <ReportCard key={report._id} report={report} onChange={reload} />}
        />
      )}
      {tab === 'toestemmingen' && <Consents clientId={clientId} />}
      {tab === 'inzage' && <AccessLog clientId={clientId} />}
      {tab === 'medisch' && <HealthDossier clientId={clientId} />}
      {tab === 'privacy' && <MyPrivacy clientId={clientId} />}
    </article>
  );
}
