import type { AssignedRole, ConsentPurpose, Role } from '../domain';

/** A consent that stands (granted, not withdrawn). */
export interface ActiveConsent {
  clientId: string;
  purpose: ConsentPurpose;
  /** For `report.share`: the one report the consent covers. */
  reportId?: string;
}

/**
 * Facts about the actor's relationships, loaded per request by the server so that a changed assignment,
 * a withdrawn consent or an expired handover counts from the very next request.
 */
export interface ActorFacts {
  /** Client ids the actor is assigned to, per role (caseload). */
  caseload: Record<AssignedRole, string[]>;
  /** For an employer: the client ids of its organisation's employees. */
  employeeClientIds: string[];
  /** Consents standing for the clients above. */
  consents: ActiveConsent[];
  /** For a substitute coach: clients whose handover is within its validity and consented by the client. */
  handoverClientIds: string[];
  /** Of those, the clients whose consent to the handover passes the FML capacities on to the substitute. */
  handoverCapacityClientIds: string[];
  /** Clients whose processing the privacy officer has restricted (AVG art. 18): their dossier takes no writes. */
  restrictedClientIds: string[];
}

export interface Actor {
  userId: string;
  name: string;
  roles: Role[];
  organisationId: string | null;
  /** For a client user: their own client record. */
  clientId: string | null;
  facts: ActorFacts;
}

export function emptyFacts(): ActorFacts {
  return {
    caseload: { coach: [], company_doctor: [], labour_expert: [] },
    employeeClientIds: [],
    consents: [],
    handoverClientIds: [],
    handoverCapacityClientIds: [],
    restrictedClientIds: [],
  };
}
