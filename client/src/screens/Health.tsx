/**
 * The health dossier (bijzonder dossier). The page always asks the server, which alone decides: a typed address
 * by someone without access shows "geen toegang" and the server records the attempt.
 */
import { subject } from '@casl/ability';
import { useCallback, useEffect, useState } from 'react';
import { clients } from '@spoorboek/shared/contracts/clients';
import { health } from '@spoorboek/shared/contracts/health';
import { FML_RUBRIEKEN, fmlItemLabel, fmlItemsOf, type FmlRubriek } from '@spoorboek/shared/fml';
import type { CreateAdReportBody } from '@spoorboek/shared/schemas/health';
import { call, hrefOf, uploadTo, type Answer } from '../api';
import { Empty, Field, FormProblem, Resource, Tabs, useResource, useSubmit } from '../components/ui';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDate, formatDateTime, t, today } from '../text';
import { CapacityTable } from './dossier/Capacities';
import { DocumentsPanel } from './dossier/Documents';
import { dossierTabs } from './Dossier';
import { DossierBanners } from './Rights';

type HealthRecord = Answer<typeof health.getRecord>;
type HealthDocument = Answer<typeof health.uploadDocument>;

/** The words of the addenda (kept beside the screen, so the shared text file stays small). */
const words = {
  addenda: 'Aanvullingen',
  addAddendum: 'Aanvulling toevoegen',
  addendumText: 'Aanvulling (de oorspronkelijke tekst blijft ongewijzigd)',
  by: (date: string, name: string) => `${date} · ${name}`,
};

/** Below a record: its addenda for every reader, and for its author a form to add one (AVG art. 16). */
function Addenda({ record, onChange }: { record: HealthRecord; onChange: () => void }) {
  const { ability } = useSession();
  const [text, setText] = useState('');
  const add = useSubmit(async () => {
    await call(health.addAddendum, { clientId: record.clientId, recordId: record._id }, { text });
    setText('');
    onChange();
  });
  const addenda = record.addenda ?? [];
  const mayAdd = ability.can('update', subject('HealthRecord', { ...record }) as never, 'addenda');
  return (
    <>
      {addenda.length > 0 && (
        <section aria-label={words.addenda}>
          <h4>{words.addenda}</h4>
          <ul>
            {addenda.map((item) => (
              <li key={item._id}>
                <small className="muted">{words.by(formatDateTime(item.at), item.byName)}</small>
                <p className="prose">{item.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {mayAdd && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void add.run();
          }}
          noValidate
          aria-label={words.addAddendum}
        >
          <Field label={words.addendumText} name="text" error={add.error}>
            {(p) => <textarea {...p} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <FormProblem error={add.error?.errors.length ? null : add.error} />
          <div className="actions">
            <button type="submit" className="secondary" disabled={add.busy}>
              {words.addAddendum}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

/** A record, with the documents that belong to it (the PDF of an AD report) linked from its card. */
function RecordCard({
  record,
  documents,
  onChange,
}: {
  record: HealthRecord;
  documents: HealthDocument[];
  onChange: () => void;
}) {
  const attached = documents.filter((document) => document.healthRecordId === record._id);
  return (
    <article className="card" aria-label={`${t.healthKinds[record.kind]} ${formatDate(record.date)}`}>
      <header>
        <h3>
          {record.kind === 'fml' && record.format === 'bar' ? 'BAR' : t.healthKinds[record.kind]} ·{' '}
          {formatDate(record.date)}
        </h3>
      </header>
      {record.capacities && record.capacities.length > 0 && <CapacityTable capacities={record.capacities} />}
      {record.barSections?.map((section, index) => (
        <section key={index}>
          <h4>{section.title}</h4>
          <p className="prose">{section.text}</p>
        </section>
      ))}
      {record.adAnswers && (
        <dl className="facts">
          {Object.entries(t.health.adQuestions).map(([key, question]) => (
            <div key={key}>
              <dt>{question}</dt>
              <dd>{record.adAnswers?.[key as keyof typeof record.adAnswers] ?? '—'}</dd>
            </div>
          ))}
        </dl>
      )}
      {record.conclusion && (
        <p>
          <strong>{t.health.conclusion}:</strong> {record.conclusion}
        </p>
      )}
      {record.explanation && (
        <p>
          <strong>{t.health.explanation}:</strong> {record.explanation}
        </p>
      )}
      {record.text && <p className="prose">{record.text}</p>}
      {record.firstSickDay && (
        <p>
          <strong>{t.health.firstSickDay}:</strong> {formatDate(record.firstSickDay)}
        </p>
      )}
      {attached.length > 0 && (
        <p>
          <strong>{t.health.attached}:</strong>{' '}
          {attached.map((document) => (
            <a
              key={document._id}
              href={hrefOf(health.downloadDocument, { clientId: document.clientId, documentId: document._id })}
              download
            >
              {document.filename}
            </a>
          ))}
        </p>
      )}
      <Addenda record={record} onChange={onChange} />
    </article>
  );
}

function FmlEditor({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [format, setFormat] = useState<'fml' | 'bar'>('fml');
  const [date, setDate] = useState(today());
  const [capacities, setCapacities] = useState<
    { rubriek: (typeof FML_RUBRIEKEN)[number]; item: string; level: string; quantification: string }[]
  >([{ rubriek: 'IV', item: '', level: '1', quantification: '' }]);
  const [sections, setSections] = useState<{ title: string; text: string }[]>([{ title: '', text: '' }]);
  const [conclusion, setConclusion] = useState('');
  const [explanation, setExplanation] = useState('');
  const submit = useSubmit(async () => {
    await call(
      health.createFml,
      { clientId },
      {
        date,
        format,
        conclusion,
        explanation: explanation || null,
        capacities: capacities
          .filter((c) => c.item)
          .map((c) => ({
            rubriek: c.rubriek,
            item: c.item,
            level: Number(c.level) as 0 | 1 | 2,
            quantification: c.quantification || null,
          })),
        barSections: format === 'bar' ? sections.filter((s) => s.title || s.text) : [],
      },
    );
    onDone();
  });
  const error = submit.error;
  const setCapacity = (index: number, key: string, value: string) =>
    setCapacities(capacities.map((c, i) => (i === index ? { ...c, [key]: value } : c)));
  return (
    <form
      className="panel editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
      noValidate
      aria-label={t.health.newFml}
    >
      <h3>{t.health.newFml}</h3>
      <div className="grid">
        <Field label={t.consults.date} name="date" error={error}>
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={t.health.format} name="format" error={error}>
          {(p) => (
            <select {...p} value={format} onChange={(e) => setFormat(e.target.value as 'fml' | 'bar')}>
              <option value="fml">{t.health.formatFml}</option>
              <option value="bar">{t.health.formatBar}</option>
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t.capacities.title}</legend>
        {capacities.map((capacity, index) => (
          <div className="grid capacity" key={index}>
            <Field label={t.capacities.rubriek} name={`capacities.${index}.rubriek`} error={error}>
              {(p) => (
                <select
                  {...p}
                  value={capacity.rubriek}
                  onChange={(e) =>
                    setCapacities(
                      capacities.map((c, i) =>
                        i === index ? { ...c, rubriek: e.target.value as FmlRubriek, item: '' } : c,
                      ),
                    )
                  }
                >
                  {FML_RUBRIEKEN.map((r) => (
                    <option key={r} value={r}>
                      {t.rubrieken[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.capacities.item} name={`capacities.${index}.item`} error={error}>
              {(p) => (
                <select {...p} value={capacity.item} onChange={(e) => setCapacity(index, 'item', e.target.value)}>
                  <option value="">{t.health.chooseItem}</option>
                  {fmlItemsOf(capacity.rubriek).map((item) => (
                    <option key={item.code} value={item.code}>
                      {fmlItemLabel(capacity.rubriek, item.code)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.capacities.level} name={`capacities.${index}.level`} error={error}>
              {(p) => (
                <select {...p} value={capacity.level} onChange={(e) => setCapacity(index, 'level', e.target.value)}>
                  {[0, 1, 2].map((level) => (
                    <option key={level} value={level}>
                      {level} – {t.levels[level]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.capacities.quantification} name={`capacities.${index}.quantification`} error={error}>
              {(p) => (
                <input
                  {...p}
                  placeholder="max. 30 minuten"
                  value={capacity.quantification}
                  onChange={(e) => setCapacity(index, 'quantification', e.target.value)}
                />
              )}
            </Field>
            <button
              type="button"
              className="link"
              onClick={() => setCapacities(capacities.filter((_, i) => i !== index))}
            >
              {t.health.removeCapacity}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setCapacities([...capacities, { rubriek: 'IV', item: '', level: '1', quantification: '' }])}
        >
          {t.health.addCapacity}
        </button>
        {error?.fieldMessage('capacities') && <p className="field-error">{error.fieldMessage('capacities')}</p>}
      </fieldset>
      {format === 'bar' && (
        <fieldset>
          <legend>BAR</legend>
          {sections.map((section, index) => (
            <div key={index}>
              <Field label={t.health.sectionTitle} name={`barSections.${index}.title`} error={error}>
                {(p) => (
                  <input
                    {...p}
                    value={section.title}
                    onChange={(e) =>
                      setSections(sections.map((s, i) => (i === index ? { ...s, title: e.target.value } : s)))
                    }
                  />
                )}
              </Field>
              <Field label={t.health.sectionText} name={`barSections.${index}.text`} error={error}>
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    value={section.text}
                    onChange={(e) =>
                      setSections(sections.map((s, i) => (i === index ? { ...s, text: e.target.value } : s)))
                    }
                  />
                )}
              </Field>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setSections([...sections, { title: '', text: '' }])}
          >
            {t.health.addSection}
          </button>
        </fieldset>
      )}
      <Field label={t.health.conclusion} name="conclusion" error={error}>
        {(p) => <textarea {...p} rows={2} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />}
      </Field>
      <Field label={t.health.explanation} name="explanation" error={error}>
        {(p) => <textarea {...p} rows={3} value={explanation} onChange={(e) => setExplanation(e.target.value)} />}
      </Field>
      <FormProblem error={error?.errors.length ? null : error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {t.save}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function AdReportForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [date, setDate] = useState(today());
  const [answers, setAnswers] = useState<CreateAdReportBody['adAnswers']>({
    ownWork: '',
    ownWorkAdjusted: '',
    otherWorkSameEmployer: '',
    workElsewhere: '',
    schemes: '',
  });
  const [conclusion, setConclusion] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const submit = useSubmit(async () => {
    const report = await call(
      health.createAdReport,
      { clientId },
      { date, adAnswers: answers, conclusion, text: text || null },
    );
    if (file) {
      const form = new FormData();
      form.set('category', 'ad_report');
      form.set('healthRecordId', report._id);
      form.set('file', file);
      await uploadTo(health.uploadDocument, { clientId }, form, () => undefined);
    }
    onDone();
  });
  const error = submit.error;
  return (
    <form
      className="panel editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
      noValidate
      aria-label={t.health.newAd}
    >
      <h3>{t.health.newAd}</h3>
      <Field label={t.consults.date} name="date" error={error}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      {Object.entries(t.health.adQuestions).map(([key, question]) => (
        <Field key={key} label={question} name={`adAnswers.${key}`} error={error}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={answers[key as keyof typeof answers]}
              onChange={(e) => setAnswers({ ...answers, [key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Field label={t.health.conclusion} name="conclusion" error={error}>
        {(p) => <input {...p} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />}
      </Field>
      <Field label={t.health.adText} name="text" error={error}>
        {(p) => <textarea {...p} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label={t.health.adPdf} name="file" error={error}>
        {(p) => <input {...p} type="file" accept=".pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      <FormProblem error={error?.errors.length ? null : error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {t.save}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function MedicalNoteForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [form, setForm] = useState({ date: today(), text: '', firstSickDay: '' });
  const submit = useSubmit(async () => {
    await call(
      health.createMedicalNote,
      { clientId },
      { date: form.date, text: form.text, firstSickDay: form.firstSickDay || null },
    );
    onDone();
  });
  return (
    <form
      className="panel editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
      noValidate
      aria-label={t.health.newNote}
    >
      <h3>{t.health.newNote}</h3>
      <div className="grid">
        <Field label={t.consults.date} name="date" error={submit.error}>
          {(p) => (
            <input {...p} type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
          )}
        </Field>
        <Field label={t.health.firstSickDay} name="firstSickDay" error={submit.error}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={form.firstSickDay}
              onChange={(e) => setForm({ ...form, firstSickDay: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label={t.health.noteText} name="text" error={submit.error}>
        {(p) => (
          <textarea {...p} rows={4} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
        )}
      </Field>
      <FormProblem error={submit.error?.errors.length ? null : submit.error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {t.save}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/** The health dossier's content and, for the professionals, their forms. */
export function HealthDossier({ clientId, onLoaded }: { clientId: string; onLoaded?: () => void }) {
  const { ability, me } = useSession();
  const dossier = useResource(() => call(health.overview, { clientId }), [clientId]);
  // Only once the server has answered does the page show the rest of the dossier around it.
  const loaded = dossier.data !== null;
  useEffect(() => {
    if (loaded) onLoaded?.();
  }, [loaded, onLoaded]);
  const [form, setForm] = useState<'fml' | 'ad' | 'note' | null>(null);
  const may = (kind: string) =>
    ability.can('create', subject('HealthRecord', { clientId, kind, authorId: me?.user._id }) as never);
  // The documents list loads on its own: a saved AD report with its PDF must refresh it too.
  const [saves, setSaves] = useState(0);
  const done = () => {
    setForm(null);
    setSaves((count) => count + 1);
    dossier.reload();
  };
  const canReadDocuments = ability.can('read', 'HealthDocument');
  return (
    <Resource resource={dossier}>
      {({ records, documents }) => (
        <section aria-labelledby="health-title">
          <h2 id="health-title">{t.health.title}</h2>
          <div className="actions">
            {may('fml') && (
              <button type="button" onClick={() => setForm('fml')}>
                {t.health.newFml}
              </button>
            )}
            {may('ad_report') && (
              <button type="button" onClick={() => setForm('ad')}>
                {t.health.newAd}
              </button>
            )}
            {may('medical_note') && (
              <button type="button" className="secondary" onClick={() => setForm('note')}>
                {t.health.newNote}
              </button>
            )}
          </div>
          {form === 'fml' && <FmlEditor clientId={clientId} onDone={done} />}
          {form === 'ad' && <AdReportForm clientId={clientId} onDone={done} />}
          {form === 'note' && <MedicalNoteForm clientId={clientId} onDone={done} />}
          <h3>{t.health.records}</h3>
          {records.length === 0 ? (
            <Empty>{t.health.none}</Empty>
          ) : (
            records.map((record) => (
              <RecordCard key={record._id} record={record} documents={documents} onChange={dossier.reload} />
            ))
          )}
          {canReadDocuments && (
            <>
              <h3>{t.health.documents}</h3>
              <DocumentsPanel
                key={saves}
                clientId={clientId}
                dossier="health"
                categories={t.healthDocumentCategories}
                canUpload={ability.can('create', 'HealthDocument')}
              />
            </>
          )}
        </section>
      )}
    </Resource>
  );
}

/** /clienten/:id/medisch — the health tab of a professional's dossier view; the server's answer decides. */
export function HealthPage({ clientId }: { clientId: string }) {
  const { ability } = useSession();
  const [allowed, setAllowed] = useState(false);
  const allow = useCallback(() => setAllowed(true), []);
  const client = useResource(
    () => (allowed ? call(clients.get, { clientId }) : Promise.resolve(null)),
    [clientId, allowed],
  );
  return (
    <article aria-labelledby={allowed ? 'dossier-title' : undefined}>
      {allowed && (
        <>
          <p>
            <Link to="/clienten">← {t.caseload.title}</Link>
          </p>
          <h1 id="dossier-title">
            {client.data ? `${client.data.firstName} ${client.data.lastName}` : t.health.title}
          </h1>
          <DossierBanners client={client.data} />
          <Tabs tabs={dossierTabs(ability, clientId)} current="medisch" base={`/clienten/${clientId}`} />
        </>
      )}
      <HealthDossier clientId={clientId} onLoaded={allow} />
    </article>
  );
}
