import { expect } from 'chai';
import fc from 'fast-check';
import { subject } from '@casl/ability';
import { ROLES, type Role } from '@spoorboek/shared/domain';
import { emptyFacts, type Actor } from '@spoorboek/shared/policy/actor';
import {
  createAppAbility, defineAbilityFor, defineRulesFor, EMPLOYER_HEALTH_BAN, type AppAbility, type AppRule, type TaggedSubject,
} from '@spoorboek/shared/policy/rules';
import { ACTIONS, HEALTH_SUBJECTS, SUBJECT_FIELDS, SUBJECT_TYPES } from '@spoorboek/shared/policy/subjects';
import {
  actorFor, allGrants, ids, EXPECTATIONS, expectedFor, ROLE_SETS, SPECIMENS, specimenSubject, WORLDS, type SpecimenName, type World,
} from './expectations';

const SPECIMEN_NAMES = Object.keys(SPECIMENS) as SpecimenName[];

/** Every cell of the table for one actor in one world that the ability gets wrong. */
function violations(ability: AppAbility, roles: Role[], world: World): string[] {
  const wrong: string[] = [];
  for (const name of SPECIMEN_NAMES) {
    const document = specimenSubject(name, world);
    const type = SPECIMENS[name].type;
    for (const action of ACTIONS) {
      const expected = expectedFor(roles, name, action, world);
      const cell = `${roles.join('+')} ${action} ${name} (${world})`;
      if (ability.can(action, document) !== expected.allowed) {
        wrong.push(`${cell}: expected ${expected.allowed ? 'can' : 'cannot'}`);
      }
      for (const field of SUBJECT_FIELDS[type]) {
        if (ability.can(action, document, field) !== expected.fields.has(field)) {
          wrong.push(`${cell} field ${field}: expected ${expected.fields.has(field) ? 'can' : 'cannot'}`);
        }
      }
    }
  }
  return wrong;
}

describe('the policy', () => {
  describe('the expectation table', () => {
    it('is complete: every role, subject type, action and relationship has its cells', () => {
      expect(Object.keys(EXPECTATIONS).sort()).to.deep.equal([...ROLES].sort());
      for (const role of ROLES) expect(ROLE_SETS, `role ${role} is checked on its own`).to.deep.include([role]);
      const specimenTypes = new Set(Object.values(SPECIMENS).map((specimen) => specimen.type));
      for (const type of SUBJECT_TYPES) expect(specimenTypes.has(type), `a specimen of ${type}`).to.equal(true);
      for (const grant of allGrants()) {
        for (const name of grant.on) {
          expect(SPECIMENS, `known specimen ${name}`).to.have.property(name);
          const known = SUBJECT_FIELDS[SPECIMENS[name].type] as readonly string[];
          for (const field of grant.fields ?? []) expect(known, `${name}.${field}`).to.include(field);
        }
        for (const action of grant.do) expect(ACTIONS).to.include(action);
        for (const world of grant.in) expect(WORLDS).to.include(world);
      }
      const cells = ROLE_SETS.length * WORLDS.length * SPECIMEN_NAMES.length * ACTIONS.length;
      expect(cells).to.equal(ROLE_SETS.length * 7 * SPECIMEN_NAMES.length * ACTIONS.length).and.to.be.above(10_000);
    });

    for (const roles of ROLE_SETS) {
      it(`holds in every cell for ${roles.join(' + ')}`, () => {
        const wrong = WORLDS.flatMap((world) => violations(defineAbilityFor(actorFor(roles, world)), roles, world));
        expect(wrong, wrong.slice(0, 20).join('\n')).to.deep.equal([]);
      });
    }
  });

  describe('rule ablation: every rule is needed', () => {
    /** A rule's shape: the same rule about client Y in one world and client X in another counts as one. */
    const shapeOf = (rule: AppRule) =>
      JSON.stringify(rule).replaceAll(ids.otherClient, ids.client).replaceAll(ids.otherEmployer, ids.employer);

    /**
     * Ablation runs over every role set and world. A rule counts as needed when removing it breaks a cell in at
     * least one of them: the employer's ban only matters next to another role's health rules, and those rules
     * matter when the user is not also an employer.
     */
    const produced = new Map<string, Set<Role>>();
    const needed = new Set<string>();
    before(() => {
      for (const roles of ROLE_SETS) {
        for (const world of WORLDS) {
          const rules = defineRulesFor(actorFor(roles, world));
          rules.forEach((rule, index) => {
            const shape = shapeOf(rule);
            const holders = produced.get(shape) ?? new Set<Role>();
            roles.forEach((role) => holders.add(role));
            produced.set(shape, holders);
            if (needed.has(shape)) return;
            const ablated = createAppAbility(rules.filter((_, other) => other !== index));
            if (violations(ablated, roles, world).length > 0) needed.add(shape);
          });
        }
      }
    });

    for (const role of ROLES) {
      it(`removing any one rule produced for a ${role} breaks a cell of the table`, () => {
        const ofRole = [...produced].filter(([, holders]) => holders.has(role)).map(([shape]) => shape);
        expect(ofRole.length).to.be.above(0);
        const untested = ofRole.filter((shape) => !needed.has(shape));
        expect(untested, `rules no cell depends on:\n${untested.join('\n')}`).to.deep.equal([]);
      });
    }
  });

  describe('an employer', () => {
    const idPool = ['65a0000000000000000000c1', '65a0000000000000000000c2', '65a0000000000000000000c3'];
    const userPool = ['65a000000000000000000001', '65a000000000000000000002'];
    const anyId = fc.constantFrom(...idPool);
    const anyIds = fc.uniqueArray(anyId, { maxLength: 3 });
    const otherRoles = fc.subarray(ROLES.filter((role) => role !== 'employer'));
    const anyActor: fc.Arbitrary<Actor> = fc.record({
      userId: fc.constantFrom(...userPool),
      name: fc.constant('Willekeurig'),
      roles: otherRoles.map((roles) => ['employer', ...roles] as Role[]),
      organisationId: fc.option(fc.constantFrom('65a0000000000000000000e1', '65a0000000000000000000e2'), { nil: null }),
      clientId: fc.option(anyId, { nil: null }),
      facts: fc.record({
        caseload: fc.record({ coach: anyIds, company_doctor: anyIds, labour_expert: anyIds }),
        employeeClientIds: anyIds,
        consents: fc.array(
          fc.record({
            clientId: anyId,
            purpose: fc.constantFrom('report.share', 'fml.capacities.coach', 'handover' as const),
            reportId: fc.option(fc.constant('65a0000000000000000000f1'), { nil: undefined }),
          }),
          { maxLength: 4 },
        ),
        handoverClientIds: anyIds,
        handoverCapacityClientIds: anyIds,
        restrictedClientIds: anyIds,
      }),
    });
    const anyHealthDocument: fc.Arbitrary<TaggedSubject> = fc
      .record({
        type: fc.constantFrom(...HEALTH_SUBJECTS),
        clientId: anyId,
        kind: fc.constantFrom('fml', 'ad_report', 'medical_note'),
        category: fc.constantFrom('ad_report', 'medical', 'other'),
        authorId: fc.constantFrom(...userPool),
        uploadedBy: fc.constantFrom(...userPool),
      })
      .map(({ type, ...fields }) => subject(type, { _id: '65a0000000000000000000d1', ...fields }) as unknown as TaggedSubject);

    it('never reads, writes or touches any field of a health-compartment document, whatever else it is', () => {
      fc.assert(
        fc.property(anyActor, anyHealthDocument, (actor, document) => {
          const ability = defineAbilityFor(actor);
          const type = document.__caslSubjectType__;
          for (const action of ACTIONS) {
            if (ability.can(action, document)) return false;
            if (ability.can(action, type)) return false;
            for (const field of SUBJECT_FIELDS[type]) if (ability.can(action, document, field)) return false;
          }
          return true;
        }),
        { numRuns: 2000 },
      );
    });

    it('is refused with the reason the law gives', () => {
      const actor: Actor = { ...actorFor(['employer', 'company_doctor'], 'assigned') };
      const ability = defineAbilityFor(actor);
      const rule = ability.relevantRuleFor('read', specimenSubject('health.fml', 'assigned'));
      expect(rule?.inverted).to.equal(true);
      expect(rule?.reason).to.equal(EMPLOYER_HEALTH_BAN);
    });

    it('has its ban as the last rule, so no later rule can lift it', () => {
      const rules: AppRule[] = defineRulesFor(actorFor(['employer', 'coach', 'client'], 'consentGiven'));
      expect(rules.at(-1)).to.include({ inverted: true });
    });
  });

  describe('a user without facts', () => {
    it('can do nothing but read their own profile and notifications (and, as a coach, register a client with a known employer)', () => {
      for (const role of ROLES.filter((role) => !['privacy_officer', 'admin'].includes(role))) {
        const actor: Actor = { userId: 'u', name: 'n', roles: [role], organisationId: null, clientId: null, facts: emptyFacts() };
        const rules = defineRulesFor(actor).filter((rule) => !(rule.subject === 'User' && rule.action === 'read'))
          .filter((rule) => !(rule.subject === 'Notification' && JSON.stringify(rule.conditions) === '{"userId":"u"}'));
        const intake = (rule: (typeof rules)[number]) => (rule.subject === 'Client' && rule.action === 'create') ||
          (rule.subject === 'Organisation' && rule.action === 'read' && JSON.stringify(rule.conditions) === '{"kind":"employer"}');
        const meaningful = rules.filter((rule) => !intake(rule) && !rule.inverted);
        expect(meaningful, role).to.deep.equal([]);
      }
    });
  });
});
