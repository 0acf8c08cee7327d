/** Time registration: the entry form, the list, and the totals per month. */
import { subject } from '@casl/ability';
import { useState } from 'react';
import { call } from '../../api';
import { Empty, Field, FormProblem, Resource, useResource, useSubmit } from '../../components/ui';
import { useSession } from '../../session';
import { formatDate, formatMonth, t, today } from '../../text';
import { activities as activitiesApi } from '@spoorboek/shared/contracts/activities';
import { ACTIVITY_KINDS, type ActivityKind } from '@spoorboek/shared/domain';

export function ActivitiesTab({ clientId }: { clientId: string }) {
  const { ability } = useSession();
  const activities = useResource(() => call(activitiesApi.list, { clientId }), [clientId]);
  const totals = useResource(() => call(activitiesApi.totals, { clientId }), [clientId]);
  const [form, setForm] = useState({ date: today(), kind: 'consult' as ActivityKind, minutes: '30', note: '' });
  const reload = () => {
    activities.reload();
    totals.reload();
  };
  const submit = useSubmit(async () => {
    await call(
      activitiesApi.create,
      { clientId },
      { date: form.date, kind: form.kind, minutes: Number(form.minutes), note: form.note || null },
    );
    setForm({ ...form, note: '' });
    reload();
  });
  const remove = useSubmit(async (activityId: string) => {
    await call(activitiesApi.remove, { clientId, activityId });
    reload();
  });
  return (
    <section aria-labelledby="activities-title">
      <h2 id="activities-title">{t.dossier.tabs.tijd}</h2>
      {ability.can('create', 'Activity') && (
        <form
          className="panel editor"
          onSubmit={(event) => {
            event.preventDefault();
            void submit.run();
          }}
          noValidate
          aria-label={t.activities.new}
        >
          <div className="grid">
            <Field label={t.activities.date} name="date" error={submit.error}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={form.date}
                  onChange={(e) => setForm({ ...form, date: e.target.value })}
                />
              )}
            </Field>
            <Field label={t.activities.kind} name="kind" error={submit.error}>
              {(p) => (
                <select
                  {...p}
                  value={form.kind}
                  onChange={(e) => setForm({ ...form, kind: e.target.value as ActivityKind })}
                >
                  {ACTIVITY_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t.activityKinds[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.activities.minutes} name="minutes" error={submit.error}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={1}
                  max={1440}
                  value={form.minutes}
                  onChange={(e) => setForm({ ...form, minutes: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Field label={t.activities.note} name="note" error={submit.error}>
            {(p) => <input {...p} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />}
          </Field>
          <FormProblem error={submit.error?.errors.length ? null : submit.error} />
          <div className="actions">
            <button type="submit" disabled={submit.busy}>
              {t.activities.new}
            </button>
          </div>
        </form>
      )}
      <h3>{t.activities.totals}</h3>
      <Resource resource={totals}>
        {({ months }) =>
          months.length === 0 ? (
            <Empty>{t.activities.none}</Empty>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t.activities.month}</th>
                  <th scope="col">{t.activities.total}</th>
                  <th scope="col">{t.activities.count}</th>
                  <th scope="col">{t.activities.kind}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.month}>
                    <td>{formatMonth(month.month)}</td>
                    <td>{t.activities.hours(month.minutes)}</td>
                    <td>{month.count}</td>
                    <td>
                      {Object.entries(month.byKind)
                        .map(([kind, minutes]) => `${t.activityKinds[kind]} ${minutes} min`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Resource>
      <FormProblem error={remove.error} />
      <Resource resource={activities}>
        {({ items }) =>
          items.length === 0 ? null : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t.activities.date}</th>
                  <th scope="col">{t.activities.kind}</th>
                  <th scope="col">{t.activities.minutes}</th>
                  <th scope="col">{t.activities.note}</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((activity) => (
                  <tr key={activity._id}>
                    <td>{formatDate(activity.date)}</td>
                    <td>{t.activityKinds[activity.kind]}</td>
                    <td>{activity.minutes}</td>
                    <td>{activity.note ?? ''}</td>
                    <td>
                      {ability.can('delete', subject('Activity', { ...activity }) as never) && (
                        <button type="button" className="link" onClick={() => void remove.run(activity._id)}>
                          {t.consults.delete}
                        </button>
                      )}
                    </td>
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
