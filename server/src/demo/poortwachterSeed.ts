/**
 * Demo sickness cases, dated from the day the demo is loaded so the timeline always looks alive: Jan in week 10
 * (probleemanalyse released, plan van aanpak agreed, first evaluation coming), Fatima in week 45 (UWV notified,
 * eerstejaarsevaluatie coming), Sanne recovered.
 */
import mongoose, { type Types } from 'mongoose';
import { addDays, amsterdamDay } from '@spoorboek/shared/poortwachter/calendar';
import { HealthRecord, sealedHealthRecord } from '../modules/health/model';
import { PoortwachterAgreement, PoortwachterDocument, SicknessCase, sealedPoortwachterDocument } from '../modules/sickness/model';

interface People {
  jan: Types.ObjectId; fatima: Types.ObjectId; sanne: Types.ObjectId;
  anna: Types.ObjectId; bram: Types.ObjectId; claes: Types.ObjectId; hrVos: Types.ObjectId; hrEl: Types.ObjectId;
  janUser: Types.ObjectId; fatimaUser: Types.ObjectId; sanneUser: Types.ObjectId;
}

/** Noon in the Netherlands on a calendar day, as the instant a document was released or agreed. */
const noon = (day: string) => new Date(`${day}T11:00:00Z`);

export async function seedPoortwachter(people: People, now = new Date()): Promise<void> {
  const today = amsterdamDay(now);

  const sicknessCase = async (clientId: Types.ObjectId, firstSickDay: string, createdBy: Types.ObjectId, extra: Record<string, unknown> = {}) => {
    const _id = new mongoose.Types.ObjectId();
    return SicknessCase.create({
      _id, clientId, firstSickDay, reportedBy: 'employer', reportedOn: addDays(firstSickDay, 1), status: 'open', openSlot: 'open', createdBy, ...extra,
    });
  };

  const document = async (
    clientId: Types.ObjectId, caseId: Types.ObjectId, kind: string, authorId: Types.ObjectId, content: object,
    state: { released?: string; agreed?: { on: string; employer: Types.ObjectId; client: Types.ObjectId }; medicalNoteId?: Types.ObjectId },
  ) => {
    const _id = new mongoose.Types.ObjectId();
    const sentOn = state.released ?? state.agreed?.on;
    await PoortwachterDocument.create(await sealedPoortwachterDocument.seal({
      _id, clientId, caseId, kind, authorId, medicalNoteId: state.medicalNoteId ?? null,
      status: state.released ? 'released' : state.agreed ? 'agreed' : 'draft',
      round: state.agreed ? 1 : 0,
      content,
      versions: [{ _id: new mongoose.Types.ObjectId(), content, by: authorId, at: noon(addDays(sentOn ?? today, -1)), sentAt: sentOn ? noon(sentOn) : null }],
      releasedAt: state.released ? noon(state.released) : null,
      agreedAt: state.agreed ? noon(state.agreed.on) : null,
    }));
    if (state.agreed) {
      for (const [party, by] of [['employer', state.agreed.employer], ['client', state.agreed.client]] as const) {
        await PoortwachterAgreement.create({ documentId: _id, clientId, round: 1, party, by, at: noon(state.agreed.on), comment: null });
      }
    }
  };

  const plan = (goal: string, actions: [string, string, string][], employeeView: string, evaluation?: string) => ({
    goal, actions: actions.map(([what, who, when]) => ({ what, who, when })), employeeView, ...(evaluation ? { evaluation } : {}),
  });

  // Jan: week 10. The medical part of the probleemanalyse is the doctor's note in the health dossier.
  const janFirst = addDays(today, -9 * 7);
  const janCase = await sicknessCase(people.jan, janFirst, people.hrVos);
  const noteId = new mongoose.Types.ObjectId();
  await HealthRecord.create(await sealedHealthRecord.seal({
    _id: noteId, clientId: people.jan, kind: 'medical_note', authorId: people.claes, date: noon(addDays(janFirst, 33)),
    content: {
      text: 'Probleemanalyse, medisch deel: lage rugklachten bij hernia L5-S1; fysiotherapie loopt. Prognose gunstig.',
      firstSickDay: new Date(`${janFirst}T00:00:00Z`),
    },
  }));
  await document(people.jan, janCase._id, 'problem_analysis', people.claes, {
    workCapacity: 'Kan licht werk doen, wisselend zitten en staan, niet tillen boven tien kilo, vier uur per dag.',
    advice: 'Start met aangepast eigen werk in de ochtend; zware tilwerkzaamheden tijdelijk door collega’s laten doen. Elke twee weken uren uitbreiden.',
    expectedDuration: 'Naar verwachting binnen drie maanden weer volledig aan het werk.',
  }, { released: addDays(janFirst, 34), medicalNoteId: noteId });
  await document(people.jan, janCase._id, 'action_plan', people.anna, plan(
    'Volledige terugkeer in het eigen werk als bakker, met tijdelijk aangepaste taken.',
    [['Tilhulp in de bakkerij plaatsen.', 'employer', addDays(janFirst, 63)], ['Drie ochtenden per week werken, zonder tillen.', 'employee', addDays(janFirst, 56)], ['Voortgangsgesprek elke twee weken.', 'coach', addDays(janFirst, 70)]],
    'Ik wil graag terug en merk dat de ochtenden goed gaan.',
  ), { agreed: { on: addDays(janFirst, 50), employer: people.hrVos, client: people.janUser } });

  // Fatima: week 45, spoor 2; the eerstejaarsevaluatie is coming.
  const fatimaFirst = addDays(today, -44 * 7);
  const fatimaCase = await sicknessCase(people.fatima, fatimaFirst, people.hrVos, {
    milestones: { uwv_notification: addDays(fatimaFirst, 292), wia_letter: null, wia_application: null },
  });
  await document(people.fatima, fatimaCase._id, 'problem_analysis', people.claes, {
    workCapacity: 'Geen staand werk langer dan een half uur; zittend werk goed mogelijk, volle dagen.',
    advice: 'Eigen werk in de winkel is niet passend. Onderzoek ander werk, bij voorkeur administratief of plannend.',
  }, { released: addDays(fatimaFirst, 38) });
  await document(people.fatima, fatimaCase._id, 'action_plan', people.anna, plan(
    'Ander passend werk, bij voorkeur administratief, binnen of buiten Bakkerij Vos.',
    [['Arbeidsdeskundig onderzoek laten doen.', 'employer', addDays(fatimaFirst, 84)], ['Beroepskeuzetest maken.', 'employee', addDays(fatimaFirst, 70)]],
    'Ik sta open voor ander werk als ik kan blijven zitten.',
  ), { agreed: { on: addDays(fatimaFirst, 53), employer: people.hrVos, client: people.fatimaUser } });
  // Evaluated every six weeks from week 13 on.
  for (const [weeks, text] of [[13, 'Beroepskeuzetest gedaan; richting administratief werk.'], [19, 'Spoor 2 gestart na het arbeidsdeskundig onderzoek.'], [25, 'Sollicitaties lopen.'], [31, 'Proefplaatsing bij een transportbedrijf besproken.'], [37, 'Proefplaatsing gestart, twee dagen per week.'], [43, 'Proefplaatsing verlengd; vier dagen per week.']] as const) {
    await document(people.fatima, fatimaCase._id, 'action_plan_evaluation', people.anna, plan(
      'Ander passend werk, administratief.', [['Volgende stap in spoor 2 uitvoeren.', 'employee', addDays(fatimaFirst, weeks * 7 + 28)]],
      'Het gaat de goede kant op.', text,
    ), { agreed: { on: addDays(fatimaFirst, weeks * 7), employer: people.hrVos, client: people.fatimaUser } });
  }

  // Sanne: recovered after twelve weeks; the case is kept, closed.
  const sanneFirst = addDays(today, -20 * 7);
  const sanneCase = await sicknessCase(people.sanne, sanneFirst, people.hrEl);
  await SicknessCase.updateOne({ _id: sanneCase._id }, {
    $set: { status: 'recovered', openSlot: String(sanneCase._id) },
    $push: { recoveries: { $each: [
      { kind: 'partial', date: addDays(sanneFirst, 49), by: people.bram, at: noon(addDays(sanneFirst, 49)) },
      { kind: 'full', date: addDays(sanneFirst, 84), by: people.hrEl, at: noon(addDays(sanneFirst, 84)) },
    ] } },
  });
  await document(people.sanne, sanneCase._id, 'problem_analysis', people.claes, {
    workCapacity: 'Kan rijtaken doen van maximaal vier uur per dag.', advice: 'Bouw de rijuren in vier weken op naar volledige dagen.',
  }, { released: addDays(sanneFirst, 30) });
  await document(people.sanne, sanneCase._id, 'action_plan', people.bram, plan(
    'Terug naar volledige rijdagen.', [['Rooster met korte ritten maken.', 'employer', addDays(sanneFirst, 56)], ['Rijuren elke week uitbreiden.', 'employee', addDays(sanneFirst, 84)]],
    'Korte ritten gaan goed.',
  ), { agreed: { on: addDays(sanneFirst, 52), employer: people.hrEl, client: people.sanneUser } });
}
