import { expect } from 'chai';
import { findMedicalWording } from '../../shared/src/medicalWording';

describe('the medical-wording guard', () => {
  it('flags a practitioner title with a neutral alternative', () => {
    const text = 'Jan gaat twee keer per week naar de Fysiotherapeut.';
    const [flag, ...rest] = findMedicalWording(text);
    expect(rest).to.deep.equal([]);
    expect(flag).to.deep.include({
      term: 'Fysiotherapeut', category: 'practitioner', suggestion: 'behandelaar', index: text.indexOf('Fysio'), length: 14,
    });
  });

  it('flags diagnoses, treatments and medication, also inside compounds, in order of appearance', () => {
    const flags = findMedicalWording('Na de hernia-operatie slikt hij pijnstillers; de fysiotherapeutische oefeningen helpen.');
    expect(flags.map((flag) => [flag.term, flag.category])).to.deep.equal([
      ['hernia-operatie', 'diagnosis'],
      ['pijnstillers', 'medication'],
      ['fysiotherapeutische', 'practitioner'],
    ]);
  });

  it('leaves work-capacity language alone', () => {
    expect(findMedicalWording(
      'Jan werkt drie ochtenden per week in zijn eigen functie. Zwaar tillen neemt een collega over. ' +
      'Verwachting: in december vier ochtenden. Afspraken over belastbaarheid zijn met de werkgever gemaakt.',
    )).to.deep.equal([]);
  });

  it('does not flag a term that is only part of another word', () => {
    expect(findMedicalWording('De planning is strak; hij therapeutiseert niets.').map((flag) => flag.term)).to.deep.equal([]);
    expect(findMedicalWording('Zij werkt in de thermsector.')).to.deep.equal([]);
  });
});
