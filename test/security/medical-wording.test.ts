import { expect } from 'chai';
import { ADVICE, GENERAL_ADVICE, MEDICAL_CATEGORIES, checkWording } from '@spoorboek/shared/medicalWording';
import { normalise } from '@spoorboek/shared/medicalWording/normalise';
import { ISSUE_EVASIONS } from './medical-wording-corpus';


describe('the medical-wording guard', () => {
  it('flags the sentence, its category and the term, with offsets into the text as written', () => {
    const text = 'Jan werkt drie ochtenden. Hij gaat twee keer per week naar de Fysiotherapeut.';
    const [flag, ...rest] = checkWording(text);
    expect(rest).to.deep.equal([]);
    expect(flag).to.deep.include({
      category: 'practitioner', term: 'Fysiotherapeut', termIndex: text.indexOf('Fysio'), termLength: 14,
      sentence: 'Hij gaat twee keer per week naar de Fysiotherapeut.', sentenceIndex: text.indexOf('Hij'),
      label: ADVICE.practitioner.label, advice: ADVICE.practitioner.advice,
    });
    expect(flag!.examples).to.have.length.greaterThan(0);
    expect(flag).not.to.have.property('suggestion'); // advice, never a word to swap in
  });

  it('flags every word and evasion that passed the old guard', () => {
    for (const term of ISSUE_EVASIONS) {
      expect(checkWording(`Pieter: ${term}.`), term).to.have.length.greaterThan(0);
    }
  });

  it('reads text as the employer sees it: invisible characters, accents, look-alike letters and capitals are undone', () => {
    expect(normalise('Fy\u200bsio\u00adthérapeut').text).to.equal('fysiotherapeut');
    expect(normalise('fуsiotherapeut').text).to.equal('fysiotherapeut'); // Cyrillic у
    expect(normalise('ΜRΙ').text).to.equal('mri'); // Greek capitals
    expect(normalise('ｍｉｇｒａｉｎｅ').text).to.equal('migraine'); // full width
    const text = 'Hij heeft een de\u00adpres\u200bsie.';
    const [flag] = checkWording(text);
    expect(flag).to.include({ category: 'mental', term: 'de\u00adpres\u200bsie', termIndex: 14 });
  });

  it('finds terms inside compounds, but not the harmless compounds on the allow-list', () => {
    for (const text of ['Hij heeft rugklachten.', 'Zij gebruikt slaapmedicatie.', 'Na de knieoperatie werkt hij halve dagen.']) {
      expect(checkWording(text), text).to.have.length(1);
    }
    for (const text of ['De bedrijfsarts ziet hem op het spreekuur.', 'Hij werkt bij een coöperatie.', 'De klachtenafhandeling loopt via haar.']) {
      expect(checkWording(text), text).to.deep.equal([]);
    }
  });

  it('leaves the legal process, capacity wording, job titles and words in their work sense alone', () => {
    for (const text of [
      'De diagnose van een storing duurde een uur.',
      'Hij is goed in de behandeling van klachten van klanten.',
      'Het overleg gaat via MS Teams.',
      'Hij is opgenomen in het rooster.',
      'De bedrijfsarts, de arbeidsdeskundige en het UWV zijn betrokken bij de WIA-aanvraag.',
      'Hij heeft zich ziek gemeld en is per maandag hersteld gemeld.',
      'Het plan van aanpak en de FML zijn besproken.',
      'Hij kan niet reiken boven schouderhoogte en tilt niet meer dan 10 kg.',
      'Hij werkt als apothekersassistent.',
      'Zij is schoonmaker in het ziekenhuis.',
    ]) {
      expect(checkWording(text), text).to.deep.equal([]);
    }
  });

  it('treats a treating professional as medical, and paraphrases too', () => {
    expect(checkWording('Hij spreekt zijn behandelaar elke week.').map((flag) => flag.category)).to.deep.equal(['practitioner']);
    expect(checkWording('Zij gaat naar de psycholoog.').map((flag) => flag.category)).to.deep.equal(['practitioner']);
    expect(checkWording('Hij moet weer terugkomen voor controle.').map((flag) => flag.category)).to.deep.equal(['test']);
    expect(checkWording('Zij kreeg iets voor haar stemming.').map((flag) => flag.category)).to.deep.equal(['medication']);
  });

  it('gives one flag per sentence and category, naming every term of that category', () => {
    const text = 'Na de hernia en de artrose slikt hij pijnstillers.\nDe opbouw gaat goed. Hij is geopereerd.';
    const flags = checkWording(text);
    expect(flags.map((flag) => [flag.category, flag.terms, flag.sentence])).to.deep.equal([
      ['diagnosis', ['hernia', 'artrose'], 'Na de hernia en de artrose slikt hij pijnstillers.'],
      ['medication', ['slikt', 'pijnstillers'], 'Na de hernia en de artrose slikt hij pijnstillers.'],
      ['treatment', ['geopereerd'], 'Hij is geopereerd.'],
    ]);
    for (const flag of flags) expect(text.slice(flag.sentenceIndex, flag.sentenceIndex + flag.sentenceLength)).to.equal(flag.sentence);
  });

  it('never advises anything that is itself flagged', () => {
    const texts = [GENERAL_ADVICE, ...MEDICAL_CATEGORIES.flatMap((category) => [ADVICE[category].label, ADVICE[category].advice, ...ADVICE[category].examples])];
    for (const text of texts) expect(checkWording(text), text).to.deep.equal([]);
    for (const category of MEDICAL_CATEGORIES) expect(ADVICE[category].examples.length, category).to.be.at.least(2);
  });

  it('keeps up with a long report', () => {
    const text = 'Jan werkt drie ochtenden per week en bouwt op volgens plan. '.repeat(800); // ~48 000 characters
    expect(checkWording(`${text} Hij heeft een nekhernia.`).map((flag) => flag.term)).to.deep.equal(['nekhernia']);
  });
});
