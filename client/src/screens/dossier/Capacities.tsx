/** The coach's FML capacities view: rubrieken, items and levels; visible only while the client consents. */
import { health } from '@spoorboek/shared/contracts/health';
import { fmlItemLabel } from '@spoorboek/shared/fml';
import type { CapacityView } from '@spoorboek/shared/schemas/health';
import { call } from '../../api';
import { Empty, Resource, useResource } from '../../components/ui';
import { formatDate, t } from '../../text';

export function CapacityTable({ capacities }: { capacities: CapacityView[] }) {
  return (
    <table className="list">
      <thead>
        <tr>
          <th scope="col">{t.capacities.rubriek}</th>
          <th scope="col">{t.capacities.item}</th>
          <th scope="col">{t.capacities.level}</th>
          <th scope="col">{t.capacities.quantification}</th>
        </tr>
      </thead>
      <tbody>
        {capacities.map((capacity, index) => (
          <tr key={index}>
            <td>{t.rubrieken[capacity.rubriek]}</td>
            <td>{fmlItemLabel(capacity.rubriek, capacity.item)}</td>
            <td>{t.levels[capacity.level]}</td>
            <td>{capacity.quantification ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CapacitiesTab({ clientId }: { clientId: string }) {
  const fmls = useResource(() => call(health.fmlCapacities, { clientId }), [clientId]);
  return (
    <section aria-labelledby="capacities-title">
      <h2 id="capacities-title">{t.capacities.title}</h2>
      <p className="muted">{t.capacities.intro}</p>
      <Resource resource={fmls}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t.capacities.none}</Empty>
          ) : (
            items.map((fml) => (
              <article className="card" key={fml._id} aria-label={`FML ${formatDate(fml.date)}`}>
                <h3>
                  {fml.format === 'bar' ? 'BAR' : 'FML'} van {formatDate(fml.date)}
                </h3>
                <CapacityTable capacities={fml.capacities} />
              </article>
            ))
          )
        }
      </Resource>
    </section>
  );
}
