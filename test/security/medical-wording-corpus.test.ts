/**
 * The guard measured on a labelled corpus of progress-report sentences (issue 16): at least 99 % of the medical
 * sentences flagged, at most 5 % of the neutral ones. The figures are printed so a change shows its cost.
 */
import { expect } from 'chai';
import { MEDICAL_CATEGORIES, checkWording } from '@spoorboek/shared/medicalWording';
import { FLAGGED, NEUTRAL } from './medical-wording-corpus';

describe('the medical-wording guard on the corpus', () => {
  it('flags at least 99 % of the medical sentences and at most 5 % of the neutral ones', () => {
    const missed = FLAGGED.filter((sentence) => checkWording(sentence.text).length === 0);
    const falsePositives = NEUTRAL.filter((sentence) => checkWording(sentence).length > 0);
    const recall = 1 - missed.length / FLAGGED.length;
    const falsePositiveRate = falsePositives.length / NEUTRAL.length;
    console.log(`      corpus: ${FLAGGED.length} medical, ${NEUTRAL.length} neutral sentences; ` +
      `recall ${(recall * 100).toFixed(1)} %, false positives ${(falsePositiveRate * 100).toFixed(1)} %`);
    for (const sentence of missed) console.log(`      missed (${sentence.category}): ${sentence.text}`);
    for (const sentence of falsePositives) console.log(`      flagged but neutral: ${sentence}`);
    expect(recall, 'recall').to.be.at.least(0.99);
    expect(falsePositiveRate, 'false-positive rate').to.be.at.most(0.05);
  });

  it('is large and varied enough to mean something', () => {
    expect(FLAGGED.length).to.be.at.least(200);
    expect(NEUTRAL.length).to.be.at.least(200);
    const labels = new Set(FLAGGED.map((sentence) => sentence.category));
    for (const category of [...MEDICAL_CATEGORIES, 'evasion', 'paraphrase']) expect(labels.has(category as never), category).to.equal(true);
    expect(new Set(FLAGGED.map((sentence) => sentence.text)).size).to.equal(FLAGGED.length);
    expect(new Set(NEUTRAL).size).to.equal(NEUTRAL.length);
  });

  it('flags each labelled sentence in its own category, or names why not', () => {
    // Categories overlap ("een gebroken pols na een val"); the label must be among the flags for nearly all.
    const labelled = FLAGGED.filter((sentence) => (MEDICAL_CATEGORIES as readonly string[]).includes(sentence.category));
    const elsewhere = labelled.filter((sentence) => !checkWording(sentence.text).some((flag) => flag.category === sentence.category));
    for (const sentence of elsewhere) {
      console.log(`      ${sentence.category} flagged as ${checkWording(sentence.text).map((flag) => flag.category).join(', ')}: ${sentence.text}`);
    }
    expect(elsewhere.length / labelled.length).to.be.at.most(0.1);
  });
});
