/** A client's dossier for the professionals: tabs appear as the policy allows them. */
import { subject } from '@casl/ability';
import { call, type Answer } from '../api';
import { Badge, NoAccess, Resource, Tabs, useResource } from '../components/ui';
import { Link } from '../router';
import { useSession } from '../session';
import { formatDate, t } from '../text';
import { clients } from '@spoorboek/shared/contracts/clients';
import type { AppAbility } from '@spoorboek/shared/policy/rules';
import { ActivitiesTab } from './dossier/Activities';
import { CapacitiesTab } from './dossier/Capacities';
import { ConsultsTab } from './dossier/Consults';
import { ClientDetailsEditor } from './dossier/ClientDetails';
import { DocumentsPanel } from './dossier/Documents';
import { ReportsTab } from './dossier/Reports';
import { SubstituteTab } from './dossier/Substitute';
import { PoortwachterTab } from './Poortwachter';
import { DossierBanners } from './Rights';

/** One client as the reader may see them (the fields differ per role; name and id every reader gets). */
export type ClientDetail = Answer<typeof clients.get>;

export function dossierTabs(ability: AppAbility, clientId: string) {
  const tabs: { key: keyof typeof t.dossier.tabs; label: string }[] = [
    { key: 'overzicht', label: t.dossier.tabs.overzicht },
  ];
  const add = (key: keyof typeof t.dossier.tabs, allowed: boolean) =>
    allowed && tabs.push({ key, label: t.dossier.tabs[key] });
  add('consulten', ability.can('read', 'Consult'));
  add('tijd', ability.can('read', 'Activity'));
  add('rapportages', ability.can('read', 'Report'));
  add('documenten', ability.can('read', 'Document'));
  add('poortwachter', ability.can('read', 'SicknessCase'));
  add('vervanging', ability.can('read', subject('Handover', { clientId }) as never));
  const healthProfessional = ability.can('create', 'HealthRecord');
  add(
    'capaciteiten',
    !healthProfessional && ability.can('read', subject('HealthRecord', { clientId, kind: 'fml' }) as never),
  );
  add('medisch', healthProfessional);
  return tabs;
}

export function ClientOverview({ client }: { client: ClientDetail }) {
  return (
    <dl className="facts">
      {client.dateOfBirth !== undefined && (
        <>
          <dt>{t.dossier.born}</dt>
          <dd>{formatDate(client.dateOfBirth)}</dd>
        </>
      )}
      {(client.bsn || client.bsnMasked) && (
        <>
          <dt>{t.dossier.bsn}</dt>
          <dd>{client.bsn ?? client.bsnMasked}</dd>
        </>
      )}
      {(client.email || client.phone) && (
        <>
          <dt>{t.dossier.contact}</dt>
          <dd>{[client.email, client.phone, client.address].filter(Boolean).join(' · ')}</dd>
        </>
      )}
      {client.trajectory && (
        <>
          <dt>{t.dossier.trajectory}</dt>
          <dd>
            {t.trajectoryKinds[client.trajectory.kind]} · {t.trajectoryStatuses[client.trajectory.status]} ·{' '}
            {formatDate(client.trajectory.startDate)}
            {client.trajectory.endDate ? ` – ${formatDate(client.trajectory.endDate)}` : ''}
            {client.trajectory.outcome ? ` · ${t.trajectoryOutcomes[client.trajectory.outcome]}` : ''}
          </dd>
        </>
      )}
    </dl>
  );
}

export function Dossier({ clientId, tab }: { clientId: string; tab: string }) {
  const { ability } = useSession();
  const client = useResource(() => call(clients.get, { clientId }), [clientId]);
  const tabs = dossierTabs(ability, clientId);
  const base = `/clienten/${clientId}`;
  return (
    <Resource resource={client}>
      {(data) => (
        <article aria-labelledby="dossier-title">
          <p>
            <Link to="/clienten">← {t.caseload.title}</Link>
          </p>
          <div className="heading">
            <h1 id="dossier-title">
              {data.firstName} {data.lastName}
            </h1>
            {data.trajectory && (
              <Badge tone="neutral">
                {t.trajectoryKinds[data.trajectory.kind]} · {t.trajectoryStatuses[data.trajectory.status]}
              </Badge>
            )}
          </div>
          <DossierBanners client={data} />
          <Tabs tabs={tabs} current={tab} base={base} />
          {!tabs.some((item) => item.key === tab) ? (
            <NoAccess />
          ) : (
            <>
              {tab === 'overzicht' && (
                <>
                  <ClientOverview client={data} />
                  <ClientDetailsEditor client={data} onSaved={client.reload} />
                </>
              )}
              {tab === 'consulten' && <ConsultsTab clientId={clientId} />}
              {tab === 'tijd' && <ActivitiesTab clientId={clientId} />}
              {tab === 'rapportages' && <ReportsTab clientId={clientId} />}
              {tab === 'documenten' && (
                <section aria-labelledby="documents-title">
                  <h2 id="documents-title">{t.dossier.tabs.documenten}</h2>
                  <DocumentsPanel
                    clientId={clientId}
                    dossier="process"
                    categories={t.documentCategories}
                    canUpload={ability.can('create', 'Document')}
                  />
                </section>
              )}
              {tab === 'capaciteiten' && <CapacitiesTab clientId={clientId} />}
              {tab === 'poortwachter' && <PoortwachterTab clientId={clientId} />}
              {tab === 'vervanging' && <SubstituteTab clientId={clientId} />}
            </>
          )}
        </article>
      )}
    </Resource>
  );
}
