/**
 * Vervanging aanvragen: the coach asks a colleague to stand in for a period. The request waits for the client's
 * consent (shown on the client's "Toestemmingen" screen); the substitute gets access only from then, and only
 * from the first to the last day, Amsterdam time.
 */
import { subject } from '@casl/ability';
import { useState } from 'react';
import { colleagues } from '@spoorboek/shared/contracts/colleagues';
import { consents } from '@spoorboek/shared/contracts/consents';
import { addDays, addMonths } from '@spoorboek/shared/calendarDay';
import { call } from '../../api';
import { Badge, Empty, Field, FormProblem, Resource, useResource, useSubmit } from '../../components/ui';
import { useSession } from '../../session';
import { formatDate, t, today } from '../../text';

const TONE = {
  awaiting_consent: 'waiting',
  planned: 'neutral',
  current: 'ok',
  expired: 'neutral',
  withdrawn: 'warning',
} as const;

export function SubstituteTab({ clientId }: { clientId: string }) {
  const { ability, me } = useSession();
  const handovers = useResource(() => call(consents.listHandovers, { clientId }), [clientId]);
  const canRequest = ability.can('create', subject('Handover', { clientId, fromCoachId: me?.user._id }) as never);
  const coaches = useResource(
    () => (canRequest ? call(colleagues.coaches) : Promise.resolve({ items: [] })),
    [canRequest],
  );
  const firstDay = today();
  const [form, setForm] = useState({
    toCoachId: '',
    validFrom: firstDay,
    validUntil: addDays(addMonths(firstDay, 1), -1),
    reason: '',
  });
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(async () => {
    setSaved(false);
    await call(consents.requestHandover, { clientId }, { ...form, reason: form.reason || null });
    setSaved(true);
    handovers.reload();
  });
  const nameOf = (id: string | undefined) =>
    me && id === me.user._id ? me.user.name : (coaches.data?.items.find((coach) => coach._id === id)?.name ?? '—');
  return (
    <section aria-labelledby="substitute-title">
      <h2 id="substitute-title">{t.substitute.title}</h2>
      <p className="muted">{t.substitute.intro}</p>
      {canRequest && (
        <Resource resource={coaches}>
          {({ items }) =>
            items.length === 0 ? (
              <Empty>{t.substitute.noColleagues}</Empty>
            ) : (
              <form
                className="panel editor"
                aria-label={t.substitute.request}
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  void submit.run();
                }}
              >
                <div className="grid">
                  <Field label={t.substitute.colleague} name="toCoachId" error={submit.error}>
                    {(p) => (
                      <select
                        {...p}
                        value={form.toCoachId}
                        onChange={(e) => setForm({ ...form, toCoachId: e.target.value })}
                      >
                        <option value="">{t.substitute.chooseColleague}</option>
                        {items.map((coach) => (
                          <option key={coach._id} value={coach._id}>
                            {coach.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t.substitute.firstDay} name="validFrom" error={submit.error}>
                    {(p) => (
                      <input
                        {...p}
                        type="date"
                        min={firstDay}
                        value={form.validFrom}
                        onChange={(e) => setForm({ ...form, validFrom: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t.substitute.lastDay} name="validUntil" error={submit.error}>
                    {(p) => (
                      <input
                        {...p}
                        type="date"
                        min={form.validFrom}
                        value={form.validUntil}
                        onChange={(e) => setForm({ ...form, validUntil: e.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <Field label={t.substitute.reason} name="reason" error={submit.error}>
                  {(p) => (
                    <input
                      {...p}
                      maxLength={500}
                      value={form.reason}
                      onChange={(e) => setForm({ ...form, reason: e.target.value })}
                    />
                  )}
                </Field>
                <FormProblem error={submit.error?.errors.length ? null : submit.error} />
                {saved && (
                  <p role="status" className="saved">
                    {t.substitute.requested}
                  </p>
                )}
                <div className="actions">
                  <button type="submit" disabled={submit.busy}>
                    {t.substitute.request}
                  </button>
                </div>
              </form>
            )
          }
        </Resource>
      )}
      <h3>{t.substitute.history}</h3>
      <Resource resource={handovers}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t.substitute.none}</Empty>
          ) : (
            <ul className="plain">
              {items.map((handover) => (
                <li key={handover._id}>
                  {t.client.handoverPeriod(formatDate(handover.firstDay), formatDate(handover.lastDay))} ·{' '}
                  {t.substitute.by(nameOf(handover.toCoachId))}{' '}
                  {handover.state && <Badge tone={TONE[handover.state]}>{t.substitute.states[handover.state]}</Badge>}
                  {handover.reason ? <small className="muted"> · {handover.reason}</small> : null}
                </li>
              ))}
            </ul>
          )
        }
      </Resource>
    </section>
  );
}
