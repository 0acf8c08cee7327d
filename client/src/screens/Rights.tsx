/**
 * The rights of the data subject on screen (AVG art. 12–21): the client's "Mijn privacy" (file and follow
 * requests, make and download an export, see a restriction, object), the privacy officer's request queue, and the
 * banner every dossier screen shows while processing is restricted.
 */
import { useEffect, useState } from 'react';
import { call, hrefOf, type Answer } from '../api';
import { Badge, Empty, Field, FormProblem, Resource, useResource, useSubmit } from '../components/ui';
import { formatDate, formatDateTime, t } from '../text';
import { clients } from '@spoorboek/shared/contracts/clients';
import { erasure } from '@spoorboek/shared/contracts/erasure';
import { dataExports } from '@spoorboek/shared/contracts/exports';
import { rights } from '@spoorboek/shared/contracts/rights';
import {
  DATA_SUBJECT_REQUEST_KINDS,
  IDENTITY_CHECK_METHODS,
  type DataSubjectRequestKind,
} from '@spoorboek/shared/domain';
import { NoticeLink } from './Notice';
import { LegalHoldBanner, type LegalHold } from './Retention';

const r = t.rights;

type Restriction = NonNullable<Answer<typeof rights.restrict>['restriction']>;
type DataSubjectRequest = Answer<typeof rights.get>;
type IdentityCheckMethod = (typeof IDENTITY_CHECK_METHODS)[number];

/** Shown on every screen of a restricted dossier (AVG art. 18). */
function RestrictionBanner({ restriction }: { restriction?: Restriction | null }) {
  if (!restriction) return null;
  return (
    <p className="banner restricted" role="status">
      {r.restrictedBanner(formatDate(restriction.since))}
    </p>
  );
}

/** The restriction banner and, beside it, the legal hold's (bewaarplicht). */
export function DossierBanners({
  client,
}: {
  client?: { restriction?: Restriction | null; legalHold?: LegalHold | null } | null;
}) {
  return (
    <>
      <RestrictionBanner restriction={client?.restriction} />
      <LegalHoldBanner legalHold={client?.legalHold} />
    </>
  );
}

const URGENCY_TONE = { overdue: 'warning', due_this_week: 'waiting', later: 'neutral', answered: 'ok' } as const;

function RequestCard({ request, children }: { request: DataSubjectRequest; children?: React.ReactNode }) {
  return (
    <article className="card" aria-label={`${r.kinds[request.kind]} ${request.clientName ?? ''}`.trim()}>
      <header>
        <h3>
          {r.kinds[request.kind]}
          {request.clientName ? ` — ${request.clientName}` : ''}
        </h3>
        <Badge tone={URGENCY_TONE[request.urgency]}>{r.urgency[request.urgency]}</Badge>
      </header>
      <dl className="facts">
        <dt>{r.status}</dt>
        <dd>{r.statuses[request.status]}</dd>
        <dt>{r.received}</dt>
        <dd>
          {formatDate(request.receivedAt)} ({r.channels[request.channel]})
        </dd>
        <dt>{r.due}</dt>
        <dd>{formatDate(request.dueAt)}</dd>
        {request.description && (
          <>
            <dt>{r.description}</dt>
            <dd>{request.description}</dd>
          </>
        )}
        {request.identityCheck && (
          <>
            <dt>{r.identity}</dt>
            <dd>
              {r.methods[request.identityCheck.method]}, {formatDateTime(request.identityCheck.checkedAt)}
            </dd>
          </>
        )}
        {request.extension && (
          <>
            <dt>{r.extension}</dt>
            <dd>
              {r.extendedBy(request.extension.months)}: {request.extension.reason}
            </dd>
          </>
        )}
        {request.answeredAt && (
          <>
            <dt>{r.answer}</dt>
            <dd>
              {formatDate(request.answeredAt)}
              {request.resolution ? ` — ${request.resolution}` : ''}
            </dd>
          </>
        )}
      </dl>
      {children}
    </article>
  );
}

/** "Mijn privacy": the client's rights in one place. */
export function MyPrivacy({ clientId }: { clientId: string }) {
  const requests = useResource(() => call(rights.listForClient, { clientId }), [clientId]);
  const client = useResource(() => call(clients.get, { clientId }), [clientId]);
  const [form, setForm] = useState<{ kind: DataSubjectRequestKind; description: string }>({
    kind: 'access',
    description: '',
  });
  const file = useSubmit(async () => {
    await call(
      rights.submit,
      { clientId },
      { kind: form.kind, ...(form.description ? { description: form.description } : {}) },
    );
    setForm({ kind: 'access', description: '' });
    requests.reload();
  });
  const object = useSubmit(async (kind: 'retentionAfterTrajectory' | 'managementFigures', objects: boolean) => {
    await call(rights.setObjections, { clientId }, { [kind]: objects });
    client.reload();
  });
  const objections = client.data?.objections;
  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">{r.myPrivacy}</h2>
      <DossierBanners client={client.data} />
      {client.data?.restrictionLifted && !client.data.restriction && (
        <p className="ok-text" role="status">
          {r.lifted(formatDate(client.data.restrictionLifted.at))}
        </p>
      )}
      <p>
        {r.intro} <NoticeLink />
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void file.run();
        }}
      >
        <Field label={r.kind} name="kind" error={file.error}>
          {(p) => (
            <select
              {...p}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value as DataSubjectRequestKind })}
            >
              {DATA_SUBJECT_REQUEST_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {r.kinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={r.description} name="description" error={file.error}>
          {(p) => (
            <textarea
              {...p}
              value={form.description}
              maxLength={2000}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          )}
        </Field>
        <FormProblem error={file.error} />
        <button type="submit" disabled={file.busy}>
          {r.file}
        </button>
      </form>
      <h3>{r.myRequests}</h3>
      <Resource resource={requests}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <>
              {items.map((request) => (
                <RequestCard key={request._id} request={request} />
              ))}
            </>
          )
        }
      </Resource>
      <Exports clientId={clientId} />
      <h3>{r.objections}</h3>
      <FormProblem error={object.error} />
      {objections &&
        (['retentionAfterTrajectory', 'managementFigures'] as const).map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={Boolean(objections[kind])}
              disabled={object.busy}
              onChange={(event) => void object.run(kind, event.target.checked)}
            />{' '}
            {r.objectionKinds[kind]}
            {objections[kind] ? ` (${r.since} ${formatDate(objections[kind])})` : ''}
          </label>
        ))}
    </section>
  );
}

/** The client's exports: start one, follow its progress, download it while it lasts (7 days). */
function Exports({ clientId }: { clientId: string }) {
  const exports = useResource(() => call(dataExports.list, { clientId }), [clientId]);
  const { reload } = exports;
  const start = useSubmit(async () => {
    await call(dataExports.request, { clientId });
    reload();
  });
  const busy = exports.data?.items.some((item) => item.status === 'queued' || item.status === 'running');
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [busy, reload]);
  return (
    <>
      <h3>{r.exports}</h3>
      <p>{r.exportIntro}</p>
      <FormProblem error={start.error} />
      <button type="button" onClick={() => void start.run()} disabled={start.busy || busy}>
        {r.makeExport}
      </button>
      <Resource resource={exports}>
        {({ items }) =>
          items.length === 0 ? null : (
            <ul className="exports">
              {items.map((item) => (
                <li key={item._id}>
                  {formatDateTime(item.createdAt)}: {r.exportStatuses[item.status]}
                  {(item.status === 'queued' || item.status === 'running') && (
                    <progress max={Math.max(1, item.progress.total)} value={item.progress.done} aria-label={r.progress}>
                      {item.progress.done}
                    </progress>
                  )}
                  {item.status === 'ready' && (
                    <>
                      {' '}
                      —{' '}
                      <a href={hrefOf(dataExports.download, { clientId, exportId: item._id })} download>
                        {r.download}
                      </a>{' '}
                      <small className="muted">{r.until(formatDate(item.expiresAt))}</small>
                    </>
                  )}
                  {item.error && <span className="problem"> {item.error}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Resource>
    </>
  );
}

/** The privacy officer's queue: overdue and due-this-week first, each step one form. */
export function RequestQueue() {
  const [all, setAll] = useState(false);
  const queue = useResource(() => call(rights.list, { open: all ? 'false' : 'true' }), [all]);
  return (
    <section aria-labelledby="queue-title">
      <div className="heading">
        <h1 id="queue-title">{r.queue}</h1>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {r.showAnswered}
        </label>
      </div>
      <Resource resource={queue}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <>
              {items.map((request) => (
                <QueueItem key={request._id} request={request} onChange={queue.reload} />
              ))}
            </>
          )
        }
      </Resource>
    </section>
  );
}

function QueueItem({ request, onChange }: { request: DataSubjectRequest; onChange: () => void }) {
  const ids = { requestId: request._id };
  const [method, setMethod] = useState<IdentityCheckMethod>('id_document');
  const [extension, setExtension] = useState({ months: '1', reason: '' });
  const [answer, setAnswer] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [released, setReleased] = useState(false);
  const step = useSubmit(async (run: () => Promise<unknown>) => {
    await run();
    onChange();
  });
  const open = request.status === 'received' || request.status === 'in_progress';
  const checked = Boolean(request.identityCheck);
  return (
    <RequestCard request={request}>
      <FormProblem error={step.error} />
      {open && !checked && (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void step.run(() => call(rights.checkIdentity, ids, { method }));
          }}
        >
          <Field label={r.identityMethod} name="method" error={step.error}>
            {(p) => (
              <select {...p} value={method} onChange={(e) => setMethod(e.target.value as IdentityCheckMethod)}>
                {IDENTITY_CHECK_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {r.methods[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={step.busy}>
            {r.recordIdentity}
          </button>
        </form>
      )}
      {open && !request.extension && (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void step.run(() =>
              call(rights.extend, ids, { months: extension.months === '2' ? 2 : 1, reason: extension.reason }),
            );
          }}
        >
          <Field label={r.extendMonths} name="months" error={step.error}>
            {(p) => (
              <select
                {...p}
                value={extension.months}
                onChange={(e) => setExtension({ ...extension, months: e.target.value })}
              >
                <option value="1">1</option>
                <option value="2">2</option>
              </select>
            )}
          </Field>
          <Field label={r.extendReason} name="reason" error={step.error}>
            {(p) => (
              <input
                {...p}
                value={extension.reason}
                onChange={(e) => setExtension({ ...extension, reason: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="secondary" disabled={step.busy}>
            {r.extend}
          </button>
        </form>
      )}
      {open && checked && ['access', 'portability'].includes(request.kind) && (
        <p>
          <button
            type="button"
            disabled={step.busy || released}
            onClick={() =>
              void step.run(async () => {
                await call(dataExports.forRequest, ids);
                setReleased(true);
              })
            }
          >
            {r.releaseExport}
          </button>
          {released && (
            <span className="ok-text" role="status">
              {' '}
              {r.released}
            </span>
          )}
        </p>
      )}
      {open && checked && request.kind === 'erasure' && (
        <form
          className="inline danger"
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmation === 'WISSEN') void step.run(() => call(erasure.erase, ids, { confirmation }));
          }}
        >
          <Field label={r.eraseConfirm} name="confirmation" error={step.error}>
            {(p) => (
              <input {...p} value={confirmation} onChange={(e) => setConfirmation(e.target.value)} autoComplete="off" />
            )}
          </Field>
          <button type="submit" className="danger" disabled={step.busy || confirmation !== 'WISSEN'}>
            {r.erase}
          </button>
        </form>
      )}
      {open && checked && ['restriction', 'rectification', 'objection'].includes(request.kind) && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={step.busy}
            onClick={() =>
              void step.run(() => call(rights.restrict, { clientId: request.clientId }, { requestId: request._id }))
            }
          >
            {r.restrict}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            disabled={step.busy}
            onClick={() => void step.run(() => call(rights.liftRestriction, { clientId: request.clientId }))}
          >
            {r.lift}
          </button>
        </p>
      )}
      {open && (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void step.run(() => call(rights.resolve, ids, { outcome: 'completed', resolution: answer }));
          }}
        >
          <Field label={r.answerText} name="resolution" error={step.error}>
            {(p) => <input {...p} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
          </Field>
          <button type="submit" disabled={step.busy}>
            {r.complete}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={step.busy}
            onClick={() => void step.run(() => call(rights.resolve, ids, { outcome: 'rejected', resolution: answer }))}
          >
            {r.reject}
          </button>
        </form>
      )}
    </RequestCard>
  );
}
