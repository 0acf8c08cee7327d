/** "Wat wacht er op mij": the in-app inbox with its badge, and which kinds also come by e-mail. */
import { useEffect, useState } from 'react';
import { notifications } from '@spoorboek/shared/contracts/notifications';
import { call } from '../api';
import { Empty, FormProblem, Resource, useResource, useSubmit } from '../components/ui';
import { Link, useLocation } from '../router';
import { formatDateTime } from '../text';
import { NOTIFICATION_KINDS, NOTIFICATION_SENTENCES, type NotificationKind } from '@spoorboek/shared/notifications';

/** The header link with the number of unread notifications, refreshed on every change of page. */
export function InboxBadge() {
  const { path } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let current = true;
    call(notifications.list).then(
      (inbox) => current && setUnread(inbox.unread),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [path]);
  return (
    <Link to="/meldingen" aria-current={path === '/meldingen' ? 'page' : undefined}>
      Meldingen
      {unread > 0 && (
        <>
          {' '}
          <span className="badge badge-waiting" aria-label={`${unread} ongelezen`}>
            {unread}
          </span>
        </>
      )}
    </Link>
  );
}

export function Notifications() {
  const inbox = useResource(() => call(notifications.list), []);
  const settings = useResource(() => call(notifications.settings), []);
  const read = useSubmit(async (id?: string) => {
    await (id ? call(notifications.markRead, { notificationId: id }) : call(notifications.markAllRead));
    inbox.reload();
  });
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async (kind: NotificationKind, on: boolean) => {
    await call(notifications.updateSettings, {}, { mail: { [kind]: on } });
    settings.reload();
    setSaved(true);
  });
  return (
    <article aria-labelledby="inbox-title">
      <h1 id="inbox-title">Meldingen</h1>
      <FormProblem error={read.error} />
      <Resource resource={inbox}>
        {({ items, unread }) =>
          items.length === 0 ? (
            <Empty>Er wacht niets op u.</Empty>
          ) : (
            <>
              {unread > 0 && (
                <button type="button" className="secondary" onClick={() => void read.run()}>
                  Alles gelezen
                </button>
              )}
              <ul className="plain">
                {items.map((item) => (
                  <li key={item._id}>
                    {item.readAt ? '' : <strong>Nieuw: </strong>}
                    <Link to={item.path} onClick={() => void read.run(item._id)}>
                      {NOTIFICATION_SENTENCES[item.kind]}
                    </Link>{' '}
                    <small className="muted">{formatDateTime(item.createdAt)}</small>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Resource>
      <section className="panel" aria-labelledby="mail-settings-title">
        <h2 id="mail-settings-title">Ook per e-mail</h2>
        <p className="muted">
          De e-mail zegt alleen dát er iets klaarstaat, nooit wat. In de app ziet u alle meldingen.
        </p>
        {saved && (
          <p className="notice" role="status">
            Opgeslagen.
          </p>
        )}
        <FormProblem error={save.error} />
        <Resource resource={settings}>
          {({ mail }) => (
            <fieldset>
              <legend>Stuur mij een e-mail als:</legend>
              {NOTIFICATION_KINDS.map((kind) => (
                <label key={kind} className="check">
                  <input
                    type="checkbox"
                    checked={mail[kind]}
                    onChange={(event) => void save.run(kind, event.target.checked)}
                  />
                  {NOTIFICATION_SENTENCES[kind]}
                </label>
              ))}
            </fieldset>
          )}
        </Resource>
      </section>
    </article>
  );
}
