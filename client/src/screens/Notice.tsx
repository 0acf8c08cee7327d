/**
 * The privacy notice (AVG art. 13/14), for everyone, also before signing in: what Spoorboek processes, why, on
 * which basis, how long and who sees it — as the server generates it from the policy and the retention table —
 * with the FG's contact and the right to complain to the Autoriteit Persoonsgegevens.
 */
import { call } from '../api';
import { Resource, useResource } from '../components/ui';
import { Link } from '../router';
import { retention } from '@spoorboek/shared/contracts/retention';

export const NOTICE_PATH = '/privacyverklaring';

export function NoticeLink() {
  return <Link to={NOTICE_PATH}>Privacyverklaring</Link>;
}

export function PrivacyNotice() {
  const notice = useResource(() => call(retention.notice), []);
  return (
    <article className="panel notice" aria-labelledby="notice-title">
      <h1 id="notice-title">Privacyverklaring</h1>
      <p>
        Spoorboek is het dossiersysteem van uw re-integratiebureau. Hier leest u welke gegevens over u worden verwerkt,
        waarom, op welke grond, hoe lang ze worden bewaard en wie ze kan zien. Medische gegevens staan in een apart
        gezondheidsdossier dat alleen de bedrijfsarts en de arbeidsdeskundige kunnen lezen; uw werkgever nooit.
      </p>
      <Resource resource={notice}>
        {(data) => (
          <>
            <h2>Wat wij verwerken</h2>
            {data.register.map((entry) => (
              <section key={entry.name} aria-label={entry.name}>
                <h3>{entry.name}</h3>
                <dl className="facts">
                  <dt>Waarom</dt>
                  <dd>{entry.purpose}</dd>
                  <dt>Welke gegevens</dt>
                  <dd>{entry.data}</dd>
                  <dt>Grondslag</dt>
                  <dd>{entry.basis}</dd>
                  <dt>Wie ziet het</dt>
                  <dd>
                    {entry.readers.join(', ')}
                    {entry.readersNote ? ` — ${entry.readersNote}` : ''}
                  </dd>
                  <dt>Hoe lang</dt>
                  <dd>{entry.retention}</dd>
                </dl>
              </section>
            ))}
            <h2>Bewaartermijnen</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Gegevens</th>
                  <th scope="col">Termijn</th>
                  <th scope="col">Vanaf</th>
                  <th scope="col">Grondslag</th>
                </tr>
              </thead>
              <tbody>
                {data.retention.map((rule) => (
                  <tr key={rule.category}>
                    <td>{rule.label}</td>
                    <td>{rule.termText}</td>
                    <td>{rule.from}</td>
                    <td>{rule.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Uw rechten</h2>
            <p>
              U mag uw gegevens inzien, laten verbeteren, laten wissen, de verwerking laten beperken, ze meenemen en
              bezwaar maken. Als cliënt doet u dat in Spoorboek onder "Mijn privacy"; u kunt het ook per brief, telefoon
              of e-mail vragen. U krijgt binnen een maand antwoord.
            </p>
            <h2>Contact</h2>
            <p>{data.contact}</p>
            <h2>Klagen</h2>
            <p>
              Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit
              Persoonsgegevens (autoriteitpersoonsgegevens.nl).
            </p>
          </>
        )}
      </Resource>
    </article>
  );
}
