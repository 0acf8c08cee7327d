import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { RETENTION_RULES, termEnds, retentionRule } from '@spoorboek/shared/retention/rules';

describe('the retention table', () => {
  it('is the same in docs/retention.md as in the code', () => {
    const docs = readFileSync('docs/retention.md', 'utf8');
    for (const rule of RETENTION_RULES) {
      expect(docs, rule.category).to.include(`| \`${rule.category}\` | ${rule.label} | ${rule.termText} | ${rule.from} | ${rule.basis} | ${rule.enforcedBy} |`);
    }
  });

  it('counts years in calendar years: a dossier that ended on 29 February 2020 is due on 1 March 2025', () => {
    expect(termEnds(retentionRule('dossier'), new Date('2020-02-29T00:00:00Z')).toISOString()).to.equal('2025-03-01T00:00:00.000Z');
    expect(termEnds(retentionRule('dossier_objected'), new Date('2026-01-01T00:00:00Z')).toISOString()).to.equal('2026-01-31T00:00:00.000Z');
  });
});
