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

  it('shows the employer reading the sickness case, the released advice and the plan, never their medical part', () => {
    const employerSection = renderPolicyMatrix().split('## employer')[1]?.split('\n## ')[0] ?? '';
    expect(employerSection).to.match(/\| can \| create, read, update, export \| SicknessCase \|/);
    const documentRows = employerSection.split('\n').filter((row) => row.includes('| PoortwachterDocument |'));
    expect(documentRows.join('\n')).to.include('`kind` is problem_analysis; `status` is released');
    for (const row of documentRows.filter((line) => line.startsWith('| can | read'))) expect(row).not.to.include('medicalNoteId');
    expect(documentRows.filter((line) => line.startsWith('| can | read'))).to.have.length(2);
  });
});
