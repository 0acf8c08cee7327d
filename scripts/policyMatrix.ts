/**
 * `npm run policy:matrix`: writes docs/policy-matrix.md from the policy itself — per role, every rule with its
 * subject, actions, fields and conditions in words. A test fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES, type Role } from '@spoorboek/shared/domain';
import type { Actor } from '@spoorboek/shared/policy/actor';
import { defineRulesFor, type AppRule } from '@spoorboek/shared/policy/rules';
import { SUBJECT_FIELDS, SUBJECT_TYPES, type SubjectType } from '@spoorboek/shared/policy/subjects';
import { repoRoot } from './ferretdb';

export const POLICY_MATRIX_PATH = join(repoRoot, 'docs', 'policy-matrix.md');

/** Symbolic facts: every id in a condition is one of these words. */
const WORDS = {
  self: 'the user',
  organisation: "the user's organisation",
  ownRecord: "the user's own client record",
  caseload: 'own caseload',
  handedOver: 'handed over to the user',
  employees: "the organisation's employees",
  sharedReports: 'reports whose share consent stands',
  restricted: 'clients whose processing is restricted',
};

function symbolicActor(role: Role, withConsents: boolean): Actor {
  return {
    userId: WORDS.self,
    name: role,
    roles: [role],
    organisationId: WORDS.organisation,
    clientId: WORDS.ownRecord,
    facts: {
      caseload: { coach: [WORDS.caseload], company_doctor: [WORDS.caseload], labour_expert: [WORDS.caseload] },
      employeeClientIds: [WORDS.employees],
      handoverClientIds: [WORDS.handedOver],
      handoverCapacityClientIds: [],
      restrictedClientIds: [WORDS.restricted],
      consents: withConsents
        ? [
            { clientId: WORDS.caseload, purpose: 'fml.capacities.coach' },
            { clientId: WORDS.employees, purpose: 'report.share', reportId: WORDS.sharedReports },
          ]
        : [],
    },
  };
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return value.map(describeValue).join(' or ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([operator, operand]) => {
        if (operator === '$in') return `one of ${describeValue(operand)}`;
        return `${operator} ${describeValue(operand)}`;
      })
      .join(', ');
  }
  return String(value);
}

function describeConditions(conditions: unknown): string {
  if (!conditions || typeof conditions !== 'object') return 'always';
  return Object.entries(conditions as Record<string, unknown>)
    .map(([field, value]) => {
      const described = describeValue(value);
      return `\`${field}\` ${described.startsWith('one of') ? 'is ' + described : 'is ' + described}`;
    })
    .join('; ');
}

function describeFields(rule: AppRule, subject: string): string {
  const all = SUBJECT_FIELDS[subject as SubjectType] as readonly string[];
  if (!rule.fields) return 'all';
  const fields = Array.isArray(rule.fields) ? rule.fields : [rule.fields];
  if (fields.length === all.length) return 'all';
  return fields.join(', ');
}

const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

function ruleRows(role: Role): string[] {
  const granted = defineRulesFor(symbolicActor(role, true));
  const withoutConsent = new Set(defineRulesFor(symbolicActor(role, false)).map((rule) => JSON.stringify(rule)));
  const rows: string[] = [];
  for (const rule of granted) {
    const needsConsent = !withoutConsent.has(JSON.stringify(rule));
    for (const subject of list(rule.subject as string | string[])) {
      const actions = list(rule.action as string | string[]).join(', ');
      const kind = rule.inverted ? '**cannot**' : 'can';
      const note = [rule.reason, needsConsent ? "only while the client's consent stands" : ''].filter(Boolean).join(' ');
      rows.push(`| ${kind} | ${actions} | ${subject} | ${describeFields(rule, subject)} | ${describeConditions(rule.conditions)} | ${note} |`);
    }
  }
  return rows;
}

function overview(): string[] {
  const header = `| subject | ${ROLES.join(' | ')} |`;
  const separator = `|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = SUBJECT_TYPES.map((subject) => {
    const cells = ROLES.map((role) => {
      const rules = defineRulesFor(symbolicActor(role, true)).filter((rule) => list(rule.subject as string).includes(subject));
      // An unconditional ban is "never"; a conditional one (e.g. not on one's own account) is a footnote to the rights.
      if (rules.some((rule) => rule.inverted && !rule.conditions)) return 'never';
      const actions = [...new Set(rules.filter((rule) => !rule.inverted).flatMap((rule) => list(rule.action as string)))];
      const limited = rules.some((rule) => rule.inverted);
      return actions.length ? `${actions.join(', ')}${limited ? ' (with exceptions below)' : ''}` : '—';
    });
    return `| ${subject} | ${cells.join(' | ')} |`;
  });
  return [header, separator, ...rows];
}

export function renderPolicyMatrix(): string {
  const lines = [
    '# Policy matrix',
    '',
    '<!-- Generated by `npm run policy:matrix` from shared/src/policy/rules.ts. Do not edit by hand: a test fails',
    '     when this file differs from what the code generates. -->',
    '',
    'Who may do what in Spoorboek. Deny by default: anything not listed is forbidden. Rules add up over a',
    "user's roles; the employer's ban on the health dossier is an inverted rule placed last and wins over all.",
    `Conditions name ids in words: "${WORDS.caseload}" is the list of clients the user is assigned to in that role;`,
    `"${WORDS.handedOver}" are clients whose handover to this (substitute) coach is within its dates and consented.`,
    '',
    '## Overview (role × subject → actions)',
    '',
    ...overview(),
    '',
  ];
  for (const role of ROLES) {
    lines.push(`## ${role}`, '', '| rule | actions | subject | fields | conditions | note |', '|---|---|---|---|---|---|');
    lines.push(...ruleRows(role), '');
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(POLICY_MATRIX_PATH, renderPolicyMatrix());
  console.log(`wrote ${POLICY_MATRIX_PATH}`);
}
