/** The employer portal: employees in a trajectory, and the progress reports they chose to share. Nothing else. */
import { call } from '../api';
import { Badge, Empty, Resource, useResource } from '../components/ui';
import { formatDate, t } from '../text';
import { employer } from '@spoorboek/shared/contracts/employer';

export function EmployerPortal() {
  const employees = useResource(() => call(employer.employees), []);
  const reports = useResource(() => call(employer.reports), []);
  const nameOf = (clientId: string) => {
    const employee = employees.data?.items.find((item) => item._id === clientId);
    return employee ? `${employee.firstName} ${employee.lastName}` : '';
  };
  return (
    <>
      <section aria-labelledby="employees-title">
        <h1 id="employees-title">{t.employer.title}</h1>
        <Resource resource={employees}>
          {({ items }) =>
            items.length === 0 ? (
              <Empty>{t.employer.none}</Empty>
            ) : (
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">{t.caseload.name}</th>
                    <th scope="col">{t.caseload.trajectory}</th>
                    <th scope="col">{t.caseload.status}</th>
                    <th scope="col">{t.caseload.start}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((employee) => (
                    <tr key={employee._id}>
                      <td>
                        {employee.firstName} {employee.lastName}
                      </td>
                      <td>{employee.trajectory ? t.trajectoryKinds[employee.trajectory.kind] : '—'}</td>
                      <td>
                        {employee.trajectory ? (
                          <Badge tone="neutral">{t.trajectoryStatuses[employee.trajectory.status]}</Badge>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        {formatDate(employee.trajectory?.startDate)}
                        {employee.trajectory?.endDate ? ` – ${formatDate(employee.trajectory.endDate)}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Resource>
      </section>
      <section aria-labelledby="shared-title">
        <h2 id="shared-title">{t.employer.reportsTitle}</h2>
        <Resource resource={reports}>
          {({ items }) =>
            items.length === 0 ? (
              <Empty>{t.employer.noReports}</Empty>
            ) : (
              items.map((report) => (
                <article className="card" key={report._id} aria-labelledby={`shared-${report._id}`}>
                  <header>
                    <h3 id={`shared-${report._id}`}>{report.title}</h3>
                    <Badge tone="shared">{nameOf(report.clientId)}</Badge>
                  </header>
                  <p className="muted">
                    {t.dossier.period}: {formatDate(report.periodStart)} – {formatDate(report.periodEnd)} ·{' '}
                    {t.reports.sharedOn} {formatDate(report.sharedAt)}
                  </p>
                  <p className="prose">{report.text}</p>
                </article>
              ))
            )
          }
        </Resource>
      </section>
    </>
  );
}
