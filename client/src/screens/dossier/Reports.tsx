/**
 * Progress reports: the composer shows medical-wording flags as the coach types, with a neutral phrasing one click
 * away; the client approves, disputes, and decides separately whether to share with the employer.
 */
import { subject } from '@casl/ability';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import { Badge, Field, FormProblem, useResource, useSubmit } from '../../components/ui';
import { DisputeForm, RecordSection } from '../../components/workflow';
import { useSession } from '../../session';
import { formatDate, t, toDateInput } from '../../text';
import type { Consult } from './Consults';

export interface Report {
  _id: string;
  clientId: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  text: string;
  consultIds?: string[];
  status?: 'draft' | 'awaiting_client' | 'approved' | 'shared' | 'withdrawn';
  clientComment?: string | null;
  sharedAt?: string | null;
  withdrawnAt?: string | null;
  /** Every time the client shared it and withdrew, oldest first. */
  shares?: { consentId: string; sharedAt: string; withdrawnAt: string | null }[];
}

interface Flag { term: string; index: number; length: number; suggestion: string; category: string; field?: string }

const TONE = { draft: 'neutral', awaiting_client: 'waiting', approved: 'ok', shared: 'shared', withdrawn: 'neutral' } as const;

/** The badge: "Gedeeld op …" while a consent stands, "Ingetrokken op …" after the last one was withdrawn. */
function statusLabel(report: Report, isClient: boolean): string {
  if (report.status === 'awaiting_client' && isClient) return t.client.waitingForYou;
  if (report.status === 'shared' && report.sharedAt) return `${t.reports.sharedOn} ${formatDate(report.sharedAt)}`;
  if (report.status === 'withdrawn' && report.withdrawnAt) return `${t.reports.withdrawnOn} ${formatDate(report.withdrawnAt)}`;
  return t.reportStatuses[report.status ?? 'draft'] ?? '';
}

/** Each grant and withdrawal stays visible: withdrawal is not retroactive, and the client sees what they decided. */
function ShareHistory({ report }: { report: Report }) {
  if (!report.shares?.length) return null;
  return (
    <div className="share-history">
      <h4>{t.reports.shareHistory}</h4>
      <ul>
        {report.shares.map((entry) => (
          <li key={entry.consentId}>
            {t.reports.sharedOn} {formatDate(entry.sharedAt)} — {entry.withdrawnAt ? `${t.reports.withdrawnOn.toLowerCase()} ${formatDate(entry.withdrawnAt)}` : t.reports.standingNow}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Replaces one flagged term at its position, keeping the capital if the term started with one. */
function replaceFlag(text: string, flag: Flag): string {
  const original = text.slice(flag.index, flag.index + flag.length);
  const suggestion = original[0] === original[0]?.toUpperCase() ? flag.suggestion[0]!.toUpperCase() + flag.suggestion.slice(1) : flag.suggestion;
  return text.slice(0, flag.index) + suggestion + text.slice(flag.index + flag.length);
}

function WordingFlags({ flags, onReplace }: { flags: Flag[] | null; onReplace: (flag: Flag) => void }) {
  if (flags === null) return null; // not checked yet: say nothing rather than something untrue
  if (flags.length === 0) return <p className="ok-text" role="status">{t.reports.noFlags}</p>;
  return (
    <div className="flags" role="status" aria-live="polite">
      <h4>{t.reports.flagsTitle}</h4>
      <p>{t.reports.flagsIntro}</p>
      <ul>
        {flags.map((flag) => (
          <li key={`${flag.index}-${flag.term}`}>
            <mark>{flag.term}</mark> → <button type="button" className="link" onClick={() => onReplace(flag)}>{t.reports.useSuggestion(flag.term, flag.suggestion)}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Composer({ clientId, report, onDone }: { clientId: string; report?: Report; onDone: () => void }) {
  const approved = useResource(() => api.get<{ items: Consult[] }>(`/clients/${clientId}/consults`), [clientId]);
  const [form, setForm] = useState({
    title: report?.title ?? '', periodStart: toDateInput(report?.periodStart), periodEnd: toDateInput(report?.periodEnd),
    text: report?.text ?? '', consultIds: report?.consultIds ?? [],
  });
  const [flags, setFlags] = useState<Flag[] | null>(null);
  useEffect(() => {
    setFlags(null);
    const timer = setTimeout(() => {
      if (!form.text.trim()) return;
      api.post<{ flags: Flag[] }>(`/clients/${clientId}/reports/wording-check`, { text: form.text })
        .then((result) => setFlags(result.flags), () => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [form.text, clientId]);
  const submit = useSubmit(async () => {
    if (report) await api.patch(`/clients/${clientId}/reports/${report._id}`, form);
    else await api.post(`/clients/${clientId}/reports`, form);
    onDone();
  });
  const error = submit.error;
  const toggle = (id: string) => setForm({ ...form, consultIds: form.consultIds.includes(id) ? form.consultIds.filter((x) => x !== id) : [...form.consultIds, id] });
  return (
    <form className="panel editor" onSubmit={(event) => { event.preventDefault(); void submit.run(); }} noValidate aria-label={t.reports.new}>
      <Field label={t.reports.title} name="title" error={error}>{(p) => <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
      <div className="grid">
        <Field label={t.reports.periodStart} name="periodStart" error={error}>{(p) => <input {...p} type="date" value={form.periodStart} onChange={(e) => setForm({ ...form, periodStart: e.target.value })} />}</Field>
        <Field label={t.reports.periodEnd} name="periodEnd" error={error}>{(p) => <input {...p} type="date" value={form.periodEnd} onChange={(e) => setForm({ ...form, periodEnd: e.target.value })} />}</Field>
      </div>
      <Field label={t.reports.text} name="text" error={error}>{(p) => <textarea {...p} rows={8} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />}</Field>
      <WordingFlags flags={flags} onReplace={(flag) => setForm({ ...form, text: replaceFlag(form.text, flag) })} />
      <fieldset>
        <legend>{t.reports.consults}</legend>
        {approved.data?.items.filter((consult) => consult.status === 'approved').map((consult) => (
          <label key={consult._id} className="check">
            <input type="checkbox" checked={form.consultIds.includes(consult._id)} onChange={() => toggle(consult._id)} />
            {formatDate(consult.date)} — {consult.summary.slice(0, 80)}{consult.summary.length > 80 ? '…' : ''}
          </label>
        ))}
      </fieldset>
      <FormProblem error={error?.errors.length ? null : error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>{t.reports.saveDraft}</button>
        <button type="button" className="secondary" onClick={onDone}>{t.cancel}</button>
      </div>
    </form>
  );
}

export function ReportCard({ report, onChange }: { report: Report; onChange: () => void }) {
  const { ability, has } = useSession();
  const can = (action: 'update' | 'send' | 'approve' | 'dispute' | 'share' | 'delete') => ability.can(action, subject('Report', { ...report }) as never);
  const [editing, setEditing] = useState(false);
  const [disputing, setDisputing] = useState(false);
  const [consentText, setConsentText] = useState<string | null>(null);
  const base = `/clients/${report.clientId}/reports/${report._id}`;
  const act = useSubmit(async (action: string, body?: object) => {
    await api.post(`${base}/${action}`, body);
    setDisputing(false);
    setConsentText(null);
    onChange();
  });
  const askConsent = useSubmit(async () => setConsentText((await api.get<{ text: string }>(`${base}/consent-text`)).text));
  if (editing) return <Composer clientId={report.clientId} report={report} onDone={() => { setEditing(false); onChange(); }} />;
  const flags = act.error instanceof ApiError ? (act.error.extra.flags as Flag[] | undefined) : undefined;
  return (
    <article className="card" aria-labelledby={`report-${report._id}`}>
      <header>
        <h3 id={`report-${report._id}`}>{report.title}</h3>
        {report.status && <Badge tone={TONE[report.status]}>{statusLabel(report, has('client'))}</Badge>}
      </header>
      <p className="muted">{t.dossier.period}: {formatDate(report.periodStart)} – {formatDate(report.periodEnd)}</p>
      <p className="prose">{report.text}</p>
      <ShareHistory report={report} />
      {report.clientComment && <p className="comment"><strong>{t.consults.clientComment}:</strong> {report.clientComment}</p>}
      <FormProblem error={act.error} />
      {flags && <WordingFlags flags={flags} onReplace={() => setEditing(true)} />}
      <div className="actions">
        {can('update') && <button type="button" className="secondary" onClick={() => setEditing(true)}>{t.consults.edit}</button>}
        {can('send') && <button type="button" onClick={() => void act.run('send')}>{t.reports.sendToClient}</button>}
        {can('approve') && <button type="button" onClick={() => void act.run('approve')}>{t.reports.approve}</button>}
        {can('dispute') && !disputing && <button type="button" className="secondary" onClick={() => setDisputing(true)}>{t.reports.dispute}</button>}
        {can('share') && !consentText && (
          <button type="button" onClick={() => void askConsent.run()}>{report.status === 'withdrawn' ? t.reports.shareAgain : t.reports.share}</button>
        )}
      </div>
      <FormProblem error={askConsent.error} />
      {consentText && (
        <div className="consent" role="group" aria-label={t.reports.share}>
          <p>{consentText}</p>
          <div className="actions">
            <button type="button" onClick={() => void act.run('share')}>{t.reports.shareConfirm}</button>
            <button type="button" className="secondary" onClick={() => setConsentText(null)}>{t.cancel}</button>
          </div>
        </div>
      )}
      {disputing && <DisputeForm error={act.error} onSubmit={(comment) => void act.run('dispute', { comment })} onCancel={() => setDisputing(false)} />}
    </article>
  );
}

export function ReportsTab({ clientId }: { clientId: string }) {
  const { ability } = useSession();
  return (
    <RecordSection<Report> id="reports-title" title={t.dossier.tabs.rapportages} path={`/clients/${clientId}/reports`}
      canCreate={ability.can('create', 'Report')} newLabel={t.reports.new} emptyLabel={t.reports.none}
      editor={(done) => <Composer clientId={clientId} onDone={done} />}
      render={(report, reload) => <ReportCard key={report._id} report={report} onChange={reload} />} />
  );
}
