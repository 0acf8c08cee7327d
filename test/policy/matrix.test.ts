import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { POLICY_MATRIX_PATH, renderPolicyMatrix } from '../../scripts/policyMatrix';

describe('docs/policy-matrix.md', () => {
  it('is exactly what the policy generates (run `npm run policy:matrix` after changing a rule)', () => {
    expect(readFileSync(POLICY_MATRIX_PATH, 'utf8')).to.equal(renderPolicyMatrix());
  });

  it('shows the employer never reaching the health dossier', () => {
    const employerSection = renderPolicyMatrix().split('## employer')[1]?.split('\n## ')[0] ?? '';
    expect(employerSection).to.match(/\*\*cannot\*\* \| .* \| HealthRecord \|/);
    expect(employerSection).to.match(/\*\*cannot\*\* \| .* \| HealthDocument \|/);
  });
});
