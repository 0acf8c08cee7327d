/**
 * The relation register (relatiebeheer, Privacyreglement Re-integratieonderwijs.nl art. 6.4): per employer only the names of its employees in a
 * trajectory, the kind of service and the year. For the administrator and the privacy officer.
 */
import mongoose from 'mongoose';
import { Client } from '../../db/models/client';
import { openClients, UNREADABLE_NAME } from '../../db/models/clientPersonalia';
import { Organisation } from '../../db/models/organisation';
import { erasedForRegister } from '../erasure/service';
import { auditAccess, authorize, type RequestActor } from '../../policy/enforce';

export async function register(actor: RequestActor, year?: number) {
  await authorize(actor, 'read', 'RelationRegister', {});
  // Names are sealed under each client's key: read while the key exists (one key query for the register).
  const clients = await openClients(await Client.find({ employerId: mongoose.trusted({ $ne: null }) }, { firstName: 1, lastName: 1, employerId: 1, trajectory: 1 }).lean());
  const employers = await Organisation.find({ kind: 'employer' }, { name: 1 }).lean();
  const employerName = new Map(employers.map((organisation) => [String(organisation._id), organisation.name]));
  const items = clients
    .map((client) => ({
      employerName: employerName.get(String(client.employerId)) ?? 'Onbekende werkgever',
      clientName: `${client.firstName} ${client.lastName}`,
      trajectoryKind: client.trajectory.kind,
      year: client.trajectory.startDate.getUTCFullYear(),
    }))
    .concat(await erasedClients(employerName))
    .filter((item) => year === undefined || item.year === year)
    .sort((a, b) => a.employerName.localeCompare(b.employerName, 'nl') || b.year - a.year || a.clientName.localeCompare(b.clientName, 'nl'));
  await auditAccess(actor, 'read', 'RelationRegister', { outcome: 'allowed', reason: year ? `jaar ${year}` : 'alle jaren' });
  return items;
}

/** Erased clients stay in the register with service and year, not their name (AVG art. 17, Privacyreglement Re-integratieonderwijs.nl art. 6.4). */
async function erasedClients(employerName: Map<string, string>) {
  return (await erasedForRegister()).map((tombstone) => ({
    employerName: employerName.get(String(tombstone.employerId)) ?? 'Onbekende werkgever',
    clientName: UNREADABLE_NAME,
    trajectoryKind: tombstone.trajectoryKind,
    year: tombstone.year,
  }));
}
