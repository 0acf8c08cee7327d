/**
 * The guard's vocabulary, as data. What the employer may know (Autoriteit Persoonsgegevens, "De zieke werknemer";
 * KNMG, "Richtlijn Privacy en ziekteverzuim"): progress, agreements, expected duration, what the employee can and
 * cannot do in work terms. Never diagnosis, cause, symptoms or complaints tied to a body part, treatment, treating
 * professionals and institutions, medication, tests, hospital stays, pregnancy or fertility, addiction.
 *
 * Words are written lower case without accents (the guard normalises text the same way). A *stem* is found
 * anywhere inside a word, so it also catches compounds and inflections ("operatie" in "knieoperatie",
 * "depressi" in "depressieve"); a *word* must be a whole word or one part of a hyphenated word ("ms", "mri");
 * a *pattern* is a regular expression tested on the whole word. `unless` is a regular expression on the sentence
 * (`{w}` stands for the matched word) that marks a common work sense ("diagnose van een storing"); `workplace`
 * groups are not flagged where the word names a job or a workplace ("werkt als apothekersassistent",
 * "schoonmaker in het ziekenhuis").
 */

export const MEDICAL_CATEGORIES = [
  'diagnosis', 'body', 'symptom', 'treatment', 'practitioner', 'medication', 'test', 'mental', 'pregnancy',
  'addiction', 'cause', 'hospital',
] as const;
export type MedicalCategory = (typeof MEDICAL_CATEGORIES)[number];

export interface TermGroup {
  category: MedicalCategory;
  stems?: readonly string[];
  words?: readonly string[];
  patterns?: readonly string[];
  unless?: string;
  workplace?: boolean;
  /** Not flagged where the sentence names it as the place or the job someone works in ("werkt in de kraamzorg"). */
  jobSense?: boolean;
}

/** Objects that give "behandelen", "klacht", "diagnose" and "opgenomen" their everyday work sense. */
const WORK_OBJECTS = 'klant|aanvra|dossier|post\\b|offerte|bestelling|order|factu|e?-?mail|vragen|vraag|melding|retour|zaken|zaak|' +
  'agendapunt|punt|onderwerp|verzoek|bezwaar|claim|ticket|storing|schade|contract|cao|thema|casus|opdracht|project|leverancier|levering|' +
  'kandidaat|sollicit|vacature';

/**
 * In the order the guard tries them: the first group that knows a word decides its category, so the specific
 * groups (a practitioner, a medicine) come before the general ones (a complaint).
 */
export const LEXICON: readonly TermGroup[] = [
  // Practitioners and care institutions. Source: the professions of the Wet BIG register and the common names of
  // Dutch care providers (Thuisarts.nl, "Welke zorgverlener"). The company doctor and the insurance physician are
  // actors of the legal process and are allowed (see ALLOWED_INSIDE_WORDS).
  {
    category: 'practitioner', workplace: true,
    stems: [
      'huisarts', 'fysio', 'therapeut', 'psycholo', 'psychiat', 'neurolo', 'orthope', 'cardiolo', 'oncolo', 'chirurg',
      'reumatolo', 'internist', 'dermatolo', 'urolo', 'gynaeco', 'gyneco', 'kno-arts', 'knoarts', 'oogarts', 'longarts',
      'tandarts', 'kaakchirurg', 'dietist', 'logoped', 'chiroprac', 'osteopa', 'acupunct', 'homeopa', 'podolo',
      'praktijkondersteuner', 'verpleegkundig', 'wijkverpleg', 'thuiszorg', 'behandelaar', 'hulpverlen', 'dokter',
      'medisch specialist', 'medicus', 'anesthesio', 'radiolo', 'revalidatiearts', 'sportarts', 'geriater',
      'kinderarts', 'longverpleeg', 'haptonoom', 'psychomotorisch', 'ergotherap', 'oefentherap', 'manueeltherap',
      'neurochirurg', 'apotheek', 'apotheker', 'huisartsenpost', 'polikliniek', 'ggz', 'psychiatrie', 'zorgverlener',
      'verslavingszorg', 'ziekenhuisarts', 'artsenbezoek', 'artsbezoek', 'doktersbezoek', 'casemanager dementie',
      'maatschappelijk werker', 'jellinek', 'tactus', 'brijder', 'parnassia', 'novadic', 'gz-psycholoog', 'mensendieck',
      'mondhygienist', 'orthodontist', 'crisisdienst', 'verslavingsarts',
    ],
    words: ['arts', 'artsen', 'medici', 'poh', 'poh-ggz', 'specialist', 'specialisten', 'poli', 'neuroloog', 'psychologen', 'zorgverleners', 'eerstelijn'],
    patterns: ['arts(en)?$', '^artsen', '^poli(en|s)?$'],
    unless: '(it|ict|hr|inkoop|data|product|sales|marketing|logistiek\\w*|technisch\\w*)\\W*{w}|{w}\\s+(in|op het gebied|voor de afdeling)\\b',
  },
  // Hospitals and stays. Source: AP "De zieke werknemer" (hospital admission is health data).
  {
    category: 'hospital', workplace: true,
    stems: [
      'ziekenhuis', 'kliniek', 'ziekenhuisopname', 'heropname', 'dagopname', 'intensive care', 'spoedeisende',
      'ambulance', 'verpleeghuis', 'hospice', 'revalidatiecentrum', 'verpleegafdeling', 'spoedopname', 'klinisch',
      'umc', 'eerstehulppost', 'zorginstelling', 'herstellingsoord', 'zorghotel', 'kuuroord', 'huisartsenpost', 'psychiatrische', 'afdeling cardiologie', 'ziekenhuisbed',
    ],
    words: ['opname', 'opnames', 'opgenomen', 'ic', 'seh', 'eerste-hulp', 'ic-afdeling', 'mc', 'amc', 'vumc', 'lumc', 'olvg', 'antoni'],
    unless: '{w}\\s+(\\w+\\s+){0,4}(rooster|planning|plan|team|overzicht|verslag|dossier|systeem|lijst|schema|ploeg|agenda|notulen|begroting|budget|' +
      'contract|cao|administratie|app|bestand|evaluatie|afspra|pool|werkverdeling|proces|procedure|project|video|geluid)|' +
      '(contact|verlof|vakantie|vrij|vakantiedagen|verlofdagen|verlofuren|ouderschapsverlof|zorgverlof|telefonisch|video|geluid)\\w*\\s+(\\w+\\s+){0,3}{w}|' +
      '\\b(heeft|hebben|had|hadden)\\s+(\\w+\\s+){0,5}(?=opgenomen\\b){w}(?!\\s+(gelegen|geweest))|' +
      '{w}\\s+(contact|verlof|vakantie)|(video|geluids?|beeld)\\W*{w}|{w}\\s+van\\s+(de|het|een)\\s+(voorraad|inventaris|stand|meterstand|uren|verlof|gesprek|vergadering|bestelling|order)',
  },
  // Medication. Source: the most prescribed medicines in the Netherlands (GIPdatabank, Zorginstituut Nederland)
  // and the common words for taking them.
  {
    category: 'medication',
    stems: [
      'medicat', 'medicijn', 'medicament', 'pijnstill', 'paracetamol', 'ibuprofen', 'diclofenac', 'naproxen', 'tramadol',
      'oxycodon', 'morfine', 'codeine', 'fentanyl', 'antidepress', 'ssri', 'sertraline', 'paroxetine', 'citalopram',
      'fluoxetine', 'venlafaxine', 'mirtazapine', 'amitriptyline', 'nortriptyline', 'quetiapine', 'olanzapine',
      'risperidon', 'aripiprazol', 'haloperidol', 'ritalin', 'methylfenidaat', 'dexamfetamine', 'oxazepam', 'diazepam',
      'temazepam', 'lorazepam', 'alprazolam', 'benzodiazepine', 'zolpidem', 'zopiclon', 'melatonine', 'slaappil',
      'slaapmiddel', 'slaaptablet', 'kalmeringsmiddel', 'kalmeringspil', 'antibiotic', 'antibiotica', 'prednison',
      'prednisolon', 'cortison', 'corticostero', 'insuline', 'metformine', 'bloedverdunn', 'antistolling',
      'acenocoumarol', 'statine', 'simvastatine', 'atorvastatine', 'betablokk', 'metoprolol', 'antihistamin',
      'inhalator', 'methotrexaat', 'opioid', 'opiaat', 'opiaten', 'antipsychotic', 'antipsychotica', 'stemmingsstabilis',
      'bijwerking', 'herhaalrecept', 'omeprazol', 'pantoprazol', 'levothyroxine', 'thyrax',
      'hormoontherap', 'hormoonbehandel', 'hormoonpreparaat', 'chemokuur', 'antibioticakuur', 'pillen', 'pilletje',
      'zetpil', 'geneesmiddel', 'amlodipine', 'lisinopril', 'enalapril', 'losartan', 'furosemide',
      'hydrochloorthiazide', 'ventolin', 'salbutamol', 'seretide', 'symbicort', 'cetirizine', 'loratadine', 'xanax', 'valium',
      'seroquel', 'prozac', 'efexor', 'cipramil', 'seroxat', 'lyrica', 'pregabaline', 'gabapentine', 'tramal', 'oxynorm',
      'oxycontin', 'novorapid', 'lantus', 'ozempic', 'semaglutide', 'clopidogrel', 'apixaban', 'rivaroxaban', 'xarelto',
      'eliquis', 'marcoumar', 'sintrom', 'euthyrox', 'plaquenil', 'hydroxychloroquine', 'humira', 'adalimumab', 'lithium', 'medicinaal', 'spuitje', 'insulinepomp', 'morfinepomp', 'medisch cannabis', 'medicinale',
    ],
    patterns: ['[a-z]+tabletten$', '[a-z]+capsules$'],
    words: ['pil', 'pillen', 'tabletten', 'capsules', 'ghb', 'puffer', 'puffers', 'kuur', 'injecties', 'concerta', 'ascal', 'sumatriptan'],
    unless: '(op|met|via)\\s+(de|een)\\s+tablet\\b',
  },
  // Tests and check-ups. Source: Thuisarts.nl "Onderzoeken"; the paraphrases coaches use for a follow-up visit.
  {
    category: 'test',
    stems: [
      'mri', 'ct-scan', 'ctscan', 'rontgen', 'echografie', 'bloedonderzoek', 'bloedtest', 'bloedwaarde', 'bloedprik',
      'bloedafname', 'biopt', 'biopsie', 'punctie', 'scopie', 'hartfilmpje', 'inspanningstest', 'longfunctie',
      'holter', 'petscan', 'pet-scan', 'botscan', 'mammografie', 'uitstrijk', 'labuitslag',
      'laboratoriumonderzoek', 'controleafspraak', 'nacontrole', 'vervolgafspraak bij', 'coronatest', 'covidtest',
      'sneltest', 'zwangerschapstest', 'drugstest', 'alcoholtest', 'urineonderzoek', 'urinetest', 'allergietest',
      'scan van', 'hersenscan', 'gehoortest', 'oogmeting', 'slaaponderzoek', 'bevolkingsonderzoek', 'medisch onderzoek',
      'lichamelijk onderzoek', 'neuropsycholog', 'onderzoeksuitslag', 'uitslag van het onderzoek', 'uitslagen van het onderzoek',
      'keuringsuitslag', 'tumormarker', 'urinekweek', 'kijkonderzoek', 'geheugentest', 'hoortest', 'longfoto', 'ziekenhuisonderzoek', 'specialistisch onderzoek', 'diagnostisch',
    ],
    words: ['ct', 'scan', 'scans', 'echo', 'echos', 'ecg', 'eeg', 'emg'],
    unless: '(document|barcode|pakket|factu|pdf|paspoort|post|bon|kopie|formulier)\\w*\\s+(\\w+\\s+){0,3}{w}|{w}\\s+(\\w+\\s+){0,3}(document|barcode|pakket|factu|pdf|paspoort|post|bon|kopie|formulier|diploma|certificaat|identiteitsbewijs|rijbewijs|contract|loonstro|brief|bewijs|handtekening|team|werkplek|afdeling|website|profiel|linkedin|cv|personeelsblad)|' +
      '(team|profiel|pas|pasfoto|groeps|linkedin)\\w*\\s+{w}|{w}\\s+van\\s+(het|de)\\s+(team|afdeling|groep|personeel)',
  },
  // Pregnancy and fertility. Source: AP "De zieke werknemer" (pregnancy is health data), Arbeidsomstandighedenbesluit
  // on the pregnant employee.
  {
    category: 'pregnancy', jobSense: true,
    stems: [
      'zwanger', 'bevalling', 'miskraam', 'kraamzorg', 'kraamverlof', 'kraamtijd', 'kraambed', 'kraamvisite', 'kraamweek', 'kraamperiode', 'kraamhulp', 'verloskund', 'vroedvrouw', 'ivf', 'icsi', 'vruchtbaarheid',
      'onvruchtbaar', 'kinderwens', 'fertiliteit', 'abortus', 'embryo', 'inseminatie', 'prenata', 'postnata',
      'postpartum', 'zwangerschapsverlof', 'bekkeninstabiliteit', 'zwangerschapsdiabetes', 'zwangerschapsvergiftiging',
      'eisprong', 'vruchtwater', 'keizersnede', 'couveuse', 'doodgeboren', 'draagmoeder', 'anticonceptie',
      'zwangerschapsmisselijk',
    ],
  },
  // Addiction. Source: Trimbos-instituut, "Verslaving" (terms and the care institutions' names).
  {
    category: 'addiction',
    stems: [
      'verslav', 'verslaafd', 'alcohol', 'drugs', 'cocaine', 'heroine', 'cannabis', 'afkick', 'ontwenning', 'detox',
      'methadon', 'antabus', 'middelengebruik', 'middelenmisbruik', 'gokverslav', 'gokprobl', 'drankprobl', 'drankgebruik',
      'drankmisbruik', 'alcoholist', 'anonieme alcoholisten', 'xtc', 'amfetamine', 'ketamine', 'lachgas', 'gameverslav',
      'dronken', 'beschonken', 'abstinent',
    ],
    words: ['aa', 'wiet', 'blowen', 'blowt', 'blowde', 'hasj', 'speed'],
    unless: '(vrije|alcoholvrije?|alcoholbeleid|drugsbeleid|beleid)\\W*{w}|{w}\\W*(beleid|vrij|controle bij de ingang)|speed\\s*(date|dating)|clean\\s*(desk|code|room)',
  },
  // Mental health. Source: GGZ Standaarden and Thuisarts.nl "Psychische klachten" (the conditions and the everyday
  // words for them).
  {
    category: 'mental',
    stems: [
      'burn-out', 'burnout', 'overspann', 'depressi', 'depri', 'somber', 'neerslacht', 'psych', 'paniek',
      'fobie', 'ptss', 'trauma', 'autis', 'asperger', 'bipolair', 'manisch', 'psychose', 'schizo', 'borderline',
      'persoonlijkheidsstoornis', 'stoornis', 'dwanggedacht', 'dwangmatig', 'dwangstoornis', 'eetstoornis', 'anorexi',
      'bulimi', 'boulimi', 'suicid', 'zelfmoord', 'zelfdoding', 'zelfbeschadig', 'automutil', 'zenuwinzinking',
      'inzinking', 'surmenage', 'hyperventil', 'stemmingswissel', 'stemmingsprobl', 'gemoedstoestand', 'huilbui',
      'nachtmerrie', 'herbeleving', 'flashback', 'dissocia', 'hallucin', 'waanbeeld', 'levensmoe',
      'doodsgedacht', 'rouwverwerkingstherap', 'mentale klacht', 'mentale probl', 'geestelijke gezondheid',
      'mentale gezondheid', 'emotionele probl', 'overprikkel', 'neurodivers', 'gilles de la tourette', 'tourette',
      'concentratieprobl', 'concentratiestoorn', 'geheugenprobl', 'piekerklacht',
      'uitgeblust', 'opgebrand', 'hypochond', 'pleinvrees', 'smetvrees', 'dysthymie', 'pdd-nos',
      'pddnos', 'somatisatie', 'vergeetachtig', 'geheugenverlies', 'eetprobl', 'eetbui', 'stotter', 'stressstoornis', 'lusteloos', 'somatisch', 'psychosomatisch',
    ],
    patterns: ['(^|faal|verlatings|sociale|doods|straat|hoogte|vlieg|bind|examen|verlies)angst'],
    words: ['adhd', 'add', 'ocd', 'depri', 'manie', 'burn', 'overspannen', 'gepieker'],
    unless: '(psycholog\\w*\\s+veilig\\w*)|(paniek\\w*\\s+(op|in|bij)\\s+(de|het)\\s+(afdeling|werkvloer|markt|beurs))|stoornis\\w*\\s+(in|van|bij)\\s+(de|het)\\s+(levering|systeem|productie|netwerk|stroom)',
  },
  // Diagnoses and conditions. Source: the most common causes of sickness absence (UWV, "Kennisverslag"; Arboned
  // verzuimcijfers) and the names Thuisarts.nl uses for them.
  {
    category: 'diagnosis',
    stems: [
      'hernia', 'artrose', 'artritis', 'reuma', 'kanker', 'tumor', 'carcinoom', 'leukemie', 'lymfoom', 'melanoom',
      'metasta', 'diabet', 'suikerziekte', 'epilep', 'astma', 'copd', 'bronchitis', 'longontsteking', 'pneumonie',
      'covid', 'griep', 'influenza', 'verkoudheid', 'verkouden', 'migraine', 'infarct', 'hartaanval', 'hartfalen',
      'hartritme', 'boezemfibrill', 'beroerte', 'hersenbloeding', 'hersenschudding', 'hersenletsel', 'parkinson',
      'alzheimer', 'dementie', 'sclerose', 'fibromyalgie', 'whiplash', 'chronische vermoeidheid', 'lyme', 'crohn',
      'colitis', 'prikkelbare darm', 'coeliakie', 'allergi', 'eczeem', 'psoriasis', 'hepatitis', 'tuberculose',
      'jicht', 'osteoporose', 'botontkalking', 'spierziekte', 'spierdystrofie', 'scoliose', 'ischias', 'carpaal',
      'tenniselleboog', 'golfelleboog', 'muisarm', 'frozen shoulder', 'fasciitis', 'meniscus', 'kruisband',
      'tinnitus', 'oorsuizen', 'slechthorend', 'slechtziend', 'aneurysma', 'trombose', 'embolie', 'nierfalen',
      'nierziekte', 'obesitas', 'overgewicht', 'diagnos', 'syndroom', 'aandoening', 'kwaal', 'chronisch',
      'kwaadaardig', 'infectie', 'ontsteking', 'ontstoken', 'sepsis', 'bloedvergiftiging', 'bloeddruk', 'hypertensie',
      'cholesterol', 'schildklier', 'hypothyre', 'hyperthyre', 'bloedarmoede', 'anemie', 'cyste', 'poliep', 'gezwel',
      'prolaps', 'endometriose', 'menopauze', 'slaapapneu', 'apneu', 'narcolepsie', 'vertigo', 'evenwichtsstoornis',
      'dyslexie', 'dyscalculie', 'terminaal', 'ongeneeslijk', 'long covid', 'longcovid', 'postcovid', 'post-covid',
      'mazelen', 'waterpokken', 'gordelroos', 'pfeiffer', 'lumbago',
      'artrodese', 'peesontsteking', 'slijmbeurs', 'hielspoor', 'platvoet', 'hartklep', 'hartziekte', 'vaatziekte',
      'longziekte', 'darmziekte', 'auto-immuun', 'autoimmuun', 'lupus', 'sarcoidose', 'fibrose', 'aids-',
      'chlamydia', 'ziektebeeld', 'hersentumor', 'niet-aangeboren', 'ms-patient', 'ms-aanval', 'corona-infectie',
      'besmet', 'virusinfectie', 'long covid', 'suikerspiegel', 'bloedsuiker', 'glaucoom', 'neuropath',
      'myopath', 'cardiomyo', 'plegie', 'ectomie', 'transfusie', 'beenmerg', 'gehandicapt', 'invalid', 'litteken',
      'bloeduitstort', 'bloedprop', 'stolsel', 'stenose', 'abces', 'bechterew', 'sjogren', 'raynaud', 'ehlers', 'hypermobiel', 'reflux',
      'maagzuur', 'spatader', 'aambei', 'incontinent', 'menstrua', 'hodgkin', 'sarcoom', 'glioom', 'myeloom', 'uitzaaiing',
      'intolerantie', 'emfyseem', 'etalagebenen', 'claudicatio', 'hallux', 'myoom', 'myomen', 'borreliose', 'meniere',
      'angina', 'netvliesloslating', 'macula', 'fractuur', 'luxatie', 'contusie', 'distorsie', 'ruptuur', 'laesie',
      'tendino', 'insufficientie', 'benigne', 'maligne', 'metastase', 'beknelling', 'bloedstolling', 'stollingsprobl', 'stollingsstoornis', 'hernia-achtig', 'myalgie', 'neuralgie', 'nierste', 'galste', 'doofheid', 'slechthorendheid',
    ],
    words: ['ms', 'aids', 'corona', 'coma', 'pcos', 'cvs', 'virus', 'tia', 'cva', 'spit', 'nah', 'soa', 'hiv', 'doof', 'dove', 'staar'],
    patterns: ['^rsi', '^hiv', '[a-z]{3,}itis$', '[a-z]+patient(e|en)?$', '^patient(e)?$', '[a-z]+zweer$', '[a-z]+zweren$'],
    unless: '{w}\\s+(\\w+\\s+){0,3}(storing|fout|probleem|defect|systeem|machine|installatie|netwerk|auto|motor|software|printer|computer|server|apparatuur|proces|oorzaak|lek|situatie|organisatie)|' +
      '(storing|fout|probleem|defect|systeem|machine|installatie|netwerk|motor|software|computer|server|technisch|apparatuur|laptop|pc)\\w*\\s+(\\w+\\s+){0,3}{w}|' +
      'ms\\W*(teams|office|word|excel|outlook|access|project|dos|sharepoint|planner|forms)|chronisch\\w*\\s+(personeelstekort|tekort|onderbezet|druk)|' +
      '(besmet)\\w*\\s+(met\\s+)?(enthousiasme|plezier)',
  },
  // A complaint tied to a body part, as one word ("rugpijn", "knieblessure"). Sentences ("pijn in zijn knie",
  // "last van haar rug") are matched by BODY_RULE below. Source: KNMG, "Richtlijn Privacy en ziekteverzuim" (no
  // complaints in terms of a body part to the employer; functional limitations only).
  {
    category: 'body',
    patterns: [
      '^(onder|boven|lage|linker|rechter|midden|voor|achter)?(gehoor|blindedarm|gal|rug|nek|knie|schouder|heup|enkel|pols|arm|elleboog|hand|vinger|duim|voet|teen|been|hoofd|buik|maag|darm|long|hart|nier|blaas|oog|oor|huid|borst|bekken|wervel|spier|pees|gewricht|bot|kaak|tand|kies|lies|kuit|hamstring|hersen|zenuw|keel|kruis|heiligbeen|stuit|ribben|rib|schedel|ader|bloedvat|gal|galblaas|alvleesklier|baarmoeder|prostaat|eierstok)' +
      '(s|en|e|ten)?-?(pijn|klacht|probl|letsel|blessure|breuk|ontst|kwetsuur|trauma|operatie|aandoening|ziekte|infectie|falen|infarct|slijtage|stoornis|lijden|kramp|verstuiking|kneuzing|zwelling|uitval|scheur|ingreep|zeer|stilstand|zweer|steen|stenen|schade|bloeding|verlies|verkalking|vernauwing|ruis|beknelling|klemming|onderzoek|functie)',
    ],
  },
  // Symptoms. Source: Thuisarts.nl "Klachten" (the everyday words for symptoms).
  {
    category: 'symptom',
    stems: [
      'klacht', 'misselijk', 'duizel', 'vermoeid', 'uitputting', 'oververmoeid', 'slapeloos',
      'slaapprobl', 'slaapstoorn', 'slaaptekort', 'benauwd', 'kortademig', 'hoesten', 'bloeding', 'bloedverlies',
      'diarree', 'tintel', 'gevoello', 'krachtverlies', 'verlamming', 'verlamd', 'tremor', 'hartklopping', 'uitvalsverschijnsel',
      'flauwgevallen', 'flauwvall', 'bewusteloos', 'jeuk', 'zwelling', 'gezwollen', 'nachtzweten', 'braakneig',
      'overgeven van', 'stijfheid', 'kramp', 'blessure', 'geblesseerd', 'letsel', 'kwetsuur', 'gekneusd', 'kneuzing',
      'verstuik', 'zwikt', 'zwikte', 'verstapt', 'verstapte', 'hersteloperatie', 'gezondheidsprobl', 'gezondheidsklacht', 'lichamelijke probl',
      'fysieke probl', 'medische probl', 'gezondheidsproblemen', 'gehoorverlies', 'concentratieverlies',
      'energieverlies', 'krachtsverlies', 'spierzwakte', 'eetlust', 'gewichtsverlies', 'obstipatie', 'stuipen',
      'flauwte', 'opvlieger', 'lappenmand', 'insult', 'epileptisch', 'kortsluiting in zijn hoofd', 'kortsluiting in haar hoofd',
    ],
    words: ['braken', 'braakt', 'ziekjes', 'aanval', 'aanvallen'],
    patterns: ['^hoest', 'wond(en|je|jes)?$', '^(ge|ver)wond', 'pijn(?!lijk)', 'koorts(?!achtig)', '^gebroken'],
    unless: 'klacht\\w*\\s+(van|over|door|bij)\\s+(\\w+\\s+){0,2}(klant|afnemer|burger|bewoner|leverancier|gast|reiziger|passagier|collega|buren|opdrachtgever|werkgever|werknemer|medewerker|ouders)|' +
      '(klant|afnemer|gast|reiziger|passagier|burger)\\w*\\s+(\\w+\\s+){0,3}{w}|{w}\\s+(\\w+\\s+){0,2}(afhandel|behandel|indien|ingediend|doorgezet|registr|beantwoord|doorsturen|doorgestuurd)|' +
      '(afhandel|behandel|beantwoord|registre|indien|ingediend)\\w*\\s+(\\w+\\s+){0,3}{w}|\\bhandel\\w*\\s+(\\w+\\s+){0,4}af\\b|' +
      'klacht\\w*\\s+(over|van|met|bij)\\s+(de\\s+|het\\s+)?(\\w+\\s+)?(bezorg|levering|service|product|dienst|factu|bestelling|rooster|planning|collega|leidinggevende|organisatie|werkgever|afhandeling|wachttijd|communicatie)|' +
      '{w}\\s+van\\s+(de|het|een)\\s+(reorganisatie|verandering|ontslag|bezuiniging|afscheid|verhuizing|fusie)|(een|formele|schriftelijke)\\s+klacht\\s+(over|tegen|ingediend|indienen|in)\\b|' +
      '(aanval|aanvallend)\\w*\\s+(op|van)\\s+(de|het)\\s+(markt|concurrent|planning)|gebroken\\s+(belofte|beloftes|afspraak|afspraken|record|nacht|nachten|gezin|huwelijk|thuissituatie|ruit|raam|glas|verbinding|kopje)|' +
      '(cyber|hacker|phishing|ransomware)\\w*\\W*{w}|{w}\\s+(\\w+\\s+){0,2}(hacker|phishing|ransomware|server|netwerk|systeem)',
  },
  // Treatments and procedures. Source: Thuisarts.nl "Behandelingen"; the Zorgverzekeringswet basic package.
  {
    category: 'treatment', jobSense: true,
    stems: [
      'operatie', 'geopereerd', 'therapie', 'behandel', 'revalid', 'chemo', 'bestral', 'radiotherap', 'immunotherap',
      'dialyse', 'transplant', 'prothese', 'narcose', 'verdoving', 'gips', 'brace', 'mitella', 'hechtingen',
      'injectie', 'infuus', 'vaccina', 'acupunctuur', 'emdr', 'cgt', 'mindfulnesstherap', 'gesprekstherap',
      'bypass', 'dotter', 'pacemaker', 'katheter', 'stoma', 'amputa', 'steunzool', 'hoortoestel',
      'gehoorapparaat', 'kijkoperatie', 'ingreep', 'doorverwez', 'doorverwijz', 'verwijsbrief', 'nabehandel',
      'behandeltraject', 'wachtlijst', 'afspraken bij de', 'oefeningen voor zijn', 'oefeningen voor haar',
      'fysio-oefening', 'implantaat', 'spalk', 'steunkous', 'kunstheup', 'kunstknie', 'nieuwe heup', 'nieuwe knie', 'beademing', 'reanima',
      'herstellende van de', 'in therapie', 'onder behandeling', 'intake bij de',
    ],
    words: ['opereert', 'opereren', 'stent', 'stents', 'sonde', 'cpap', 'rolstoel', 'rollator', 'traplift'],
    unless: `{w}\\s+(van\\s+)?(\\w+\\s+){0,3}(${WORK_OBJECTS})|(${WORK_OBJECTS})\\w*\\s+(\\w+\\s+){0,4}(te\\s+)?{w}|` +
      '(reddings|verhuis|schoonmaak|opruim|politie|militaire?|logistieke?|reorganisatie|verbouw|inhaal|marketing)\\w*\\s*{w}|' +
      '(cooper|co-oper)\\w*|{w}\\s+om\\s+(\\w+\\s+){1,4}te\\s+\\w+|{w}\\s+(in|op|van|binnen)\\s+(het|de|ons|een)\\s+(\\w+\\s+)?(distributiecentrum|magazijn|fabriek|haven|bedrijf|winkel|filiaal|vestiging|organisatie|hub|warehouse|logistiek\\w*|depot)|' +
      '{w}\\s+(aan|door|via|op|bij)\\s+(de|het)\\s+(telefoon|balie|kassa|receptie|servicedesk|klantenservice|helpdesk)|{w}\\s+(\\w+\\s+){0,2}(in|op)\\s+(het|de)\\s+(rooster|planning|organisatie|proces|budget|systeem)|' +
      '(team|bedrijf|afdeling|organisatie)\\w*\\s+(\\w+\\s+){0,2}opereert|opereert\\s+(zelfstandig|vanuit|internationaal|in\\s+de\\s+markt)|' +
      'wachtlijst\\w*\\s+(voor|van)\\s+(een|de)?\\s*(cursus|opleiding|training|woning|huis|kinderopvang|parkeer\\w*|vergunning|vacature)|' +
      '(kinderopvang|woning|cursus|opleiding|parkeer)\\w*\\s+(\\w+\\s+){0,3}wachtlijst|' +
      'doorverw\\w*\\s+(\\w+\\s+){0,2}(bedrijfsarts|arbeidsdeskundige|uwv|jobcoach|coach|leidinggevende|werkgever|hr|teamleider|vacature)',
  },
  // Cause: an accident, a fall, a sports injury. Source: AP "De zieke werknemer" (the cause of absence is not the
  // employer's to know, except where a third party is liable, and then not through this report).
  {
    category: 'cause',
    stems: [
      'ongeluk', 'ongeval', 'aanrijding', 'aangereden', 'valpartij', 'sportblessure', 'letselschade', 'mishandel',
      'uitgegleden', 'gestruikeld', 'verkeersongeval', 'auto-ongeluk', 'bedrijfsongeval', 'arbeidsongeval',
      'sportongeval', 'skiongeluk', 'fietsongeluk', 'blesseer', 'kop-staart', 'kopstaart',
    ],
    unless: 'ongeluk\\w*\\s+(\\w+\\s+){0,6}(voorkomen|vermijden)|(bij|per)\\s+ongeluk\\b',
  },
];

/**
 * Harmless words that contain a medical stem; the part named here is masked before the stems are looked up, so
 * "bedrijfsartsbezoek" reads as neutral but "bedrijfsarts en huisarts" still flags "huisarts".
 */
export const ALLOWED_INSIDE_WORDS: readonly string[] = [
  // Actors and steps of the legal process (Wet verbetering poortwachter): not medical in themselves.
  'bedrijfsarts', 'verzekeringsarts', 'arboarts', 'arbo-arts', 'keuringsarts', 'arbeidstherap', 'verzuimbehandel',
  // Everyday words with a medical stem inside.
  'cooperatie', 'cooperat', 'co-operatie', 'waarts', 'zwarts', 'kwarts', 'hoofdprobl', 'leverprobl', 'klantklacht',
  'klachtenafhandel', 'klachtenprocedure', 'klachtenregel', 'klachtencommissie', 'klachtenlijn', 'klachtenformulier',
  'klachtenafdeling', 'klachtenbehandel', 'klachtenregistr', 'klachtenfunctionaris', 'klachtenmanagement', 'klachtendesk',
  'klachtenmail', 'storingsdiagnos', 'foutdiagnos', 'motordiagnos', 'systeemdiagnos', 'netwerkdiagnos', 'diagnoseapparatuur',
  'diagnosesoftware', 'diagnosetool', 'psychologische veiligheid', 'kraamcadeau', 'reddingsoperatie', 'verhuisoperatie',
  'schoonmaakoperatie', 'opruimoperatie', 'inhaaloperatie', 'teamkliniek', 'schrijfkliniek', 'sollicitatiekliniek', 'gipsplat',
  'gipswand', 'gipsbouw', 'wachtlijstbeheer', 'paniekvoetbal', 'alcoholvrij', 'drugsvrij', 'besmettelijk enthousiasme',
  'pijnpunt', 'infectiepreventie', 'chronisch personeelstekort', 'chronisch tekort', 'ongelukkig', 'eerstehulpverlen',
  'bedrijfshulpverlen', 'eerste hulpverlen', 'reanimatiecursus', 'reanimatietraining', 'lithiumbat', 'lithium-ion',
  'hulpverlening bij brand', 'ziekenhuisschoonma', 'alcoholbeleid', 'drugsbeleid', 'alcohol- en drugsbeleid', 'arbeidsgehandicapt', 'hoofdfunct', 'hoofdonderzoek', 'kantoorapotheek', 'ehbo-kist', 'ehbo-koffer', 'sympathie', 'empathie', 'antipathie',
];

/** The end of a job title: a word that ends so names a job, not a care relationship ("apothekersassistent"). */
export const JOB_TITLE_ENDINGS = /(assistent|assistente|medewerker|medewerkster|secretaresse|secretaris|receptionist|receptioniste|schoonmaker|schoonmaakster|portier|beveiliger|chauffeur|kok|monteur|manager|coordinator|planner|administrateur|bode|inkoper|verkoper|bezorger|vertegenwoordiger|technicus|magazijn|kantine|keuken|facilitair|directeur|teamleider|leidinggevende|stagiair|stagiaire|vacature|opleiding|locatie|parkeerplaats|parkeergarage|restaurant|winkel|receptie)$/;

/** Words around a place or a title that make it a workplace or a job ("schoonmaker in het ziekenhuis"). */
export const WORKPLACE_CONTEXT = '(werkt|werkte|werken|gewerkt|werkzaam|baan|stage|dienst|vacature|sollicit\\w*|functie|rooster|collega\\w*|schoonma\\w*|' +
  'team|afdeling|locatie|vestiging|receptionist\\w*|portier|kok|chauffeur|beveiliger|vrijwilliger\\w*|stagiair\\w*|bezorg\\w*|lever\\w*|klant\\w*|opdrachtgever|werkgever|beveilig\\w*|kantine|receptie|\\w*medewerk\\w*|\\w*assistent\\w*|administratie\\w*|planner|planning|rijdt|rijden|brengt|brengen|voorraad\\w*|post|klus\\w*|opdracht\\w*|onderhoud\\w*|catering|inkoop|magazijn\\w*)';
/** Words that make a place a place of care for this person, whatever else the sentence says. */
export const PATIENT_CONTEXT = '(ligt|lag|liggen|gelegen|opgenomen|opname|ontslagen|patient|spoed|onderzo\\w*|controle|afspraak|behandel\\w*|geopereerd|' +
  'bezoek\\s+aan|verblijf\\w*|verbleef|verblijft|onder\\s+behandeling|in\\s+zorg)';

/** Body parts for sentence-level matching ("last van zijn rug"). */
export const BODY_PARTS = 'gehoor|blindedarm|galblaas|rug|onderrug|nek|knie|knieen|schouder|schouders|heup|heupen|enkel|enkels|pols|polsen|arm|armen|elleboog|ellebogen|' +
  'hand|handen|vinger|vingers|duim|voet|voeten|teen|tenen|been|benen|hoofd|buik|maag|darm|darmen|long|longen|hart|nier|nieren|' +
  'lever|blaas|oog|ogen|oor|oren|huid|borst|borsten|bekken|wervel|wervels|wervelkolom|ruggengraat|spier|spieren|pees|pezen|' +
  'gewricht|gewrichten|bot|botten|kaak|tand|tanden|kies|lies|kuit|kuiten|dij|dijbeen|bovenbeen|onderbeen|hersenen|hersens|' +
  'zenuw|zenuwen|schildklier|prostaat|baarmoeder|keel|sleutelbeen|rib|ribben|schedel|borstkas|achillespees|hamstring|' +
  'linkerknie|rechterknie|linkerarm|rechterarm|linkerhand|rechterhand|linkerschouder|rechterschouder|linkerbeen|rechterbeen|' +
  'linkervoet|rechtervoet|linkerenkel|rechterenkel|linkerpols|rechterpols|linkerheup|rechterheup|linkeroog|rechteroog|stuitje';
/** What is wrong with it. */
export const COMPLAINTS = 'pijn\\w*|last|klacht\\w*|letsel|blessure\\w*|geblesseerd|gebroken|breuk\\w*|ontstek\\w*|ontstoken|gekneusd\\w*|kneuzing|verstuikt|' +
  'verzwikt|overbelast\\w*|stijf|stijve|stijfheid|probleem|problemen|zere|beschadig\\w*|versleten|slijtage|geopereerd|operatie|' +
  'gezwollen|zwelling|ontwricht|kapot|kapotte|kwetsuur|trauma|gevoelloos|tintel\\w*|doof|verlamd|uitgeschoten|ingeklemd|verrekt|' +
  'gescheurd|scheur\\w*|ingescheurd|gewond|wond\\w*|infectie|aandoening|mankeert|mankement\\w*|opspelen|opspeelt|' +
  'ontwrichte?|verzwakt|aangedaan|aangetast|vocht|knobbel\\w*|bult\\w*|gezwel\\w*';

/** Paraphrases and word pairs that say something medical without a medical word. */
export const PHRASES: readonly { category: MedicalCategory; pattern: string }[] = [
  // A follow-up visit ("hij moet weer terugkomen voor controle").
  { category: 'test', pattern: '\\b(terug\\w*|weer|opnieuw|nog\\s+een\\s+keer|binnenkort|regelmatig|elke\\s+\\w+)\\b[^.]{0,40}(?<!onder\\s)\\bcontrole\\b(?!\\s+(van|op|over|door)\\b)' },
  { category: 'test', pattern: '\\b(op|naar\\s+de|voor\\s+een)\\s+controle\\b(?!\\s+(van|op|over|door)\\b)' },
  { category: 'test', pattern: '\\b(uitslag|uitslagen)\\s+(\\w+\\s+){0,3}(binnen|afwachten|af\\s+te\\s+wachten|bekend|goed|slecht|gunstig|ongunstig)' },
  { category: 'test', pattern: '\\b(wacht|wachten|afwachten)\\s+(\\w+\\s+){0,3}(op\\s+)?(de\\s+)?uitslag(en)?\\b(?!\\s+van\\s+(de|het|zijn|haar|een)\\s+(\\w+\\s+)?(sollicit\\w*|verkiezing\\w*|selectie\\w*|assessment|examen|toets|beoordeling|aanvraag|wia\\w*|keuring|procedure|gesprek\\w*|capaciteitentest|beroepskeuzetest|stemming))' },
  // Medication in other words ("iets voor haar stemming", "slikt iets tegen de pijn").
  { category: 'medication', pattern: "\\b(iets|wat|een\\s+middel\\w*|middel\\w*|pil\\w*|tablet\\w*|druppels|spul|spullen)\\s+(\\w+\\s+){0,2}(voor|tegen)\\s+((zijn|haar|de|het|z'n|d'r)\\s+)?(stemming|slaap|zenuwen|nachtrust|onrust|spanning\\w*|buien|angst\\w*|pijn\\w*|rug|hoofd|maag|hart|bloeddruk|concentratie|klachten|somberheid|paniek|piekeren|suiker|depressie|gedachten|humeur|gemoed|emoties|stress|energie|focus)" },
  { category: 'medication', pattern: '\\b(slikt|slikte|slikken|geslikt|neemt\\s+(\\w+\\s+)?in|ingenomen|innemen)\\b(?![^.]*\\b(advies|woorden|kritiek|trots|beslissing|verlies|besluit)\\b)' },
  { category: 'medication', pattern: '\\b(voorgeschreven|op\\s+recept|afgebouwd|afbouwen|ingesteld\\s+op|opgehoogd)\\b(?![^.]*\\b(uren|dagen|rooster|taken|werk|ochtenden|middagen|planning|contract)\\b)' },
  // Mental health in other words.
  { category: 'mental', pattern: '\\b(hoort\\s+stemmen|stemmen\\s+horen|zwarte\\s+gedachten|donkere\\s+gedachten|niet\\s+meer\\s+wil\\s+leven|einde\\s+aan\\s+(zijn|haar)\\s+leven|in\\s+(een|het)\\s+dal|op\\s+zijn\\s+tandvlees|op\\s+haar\\s+tandvlees|in\\s+de\\s+put|kop\\s+in\\s+het\\s+zand\\s+gestoken\\s+door\\s+angst)\\b' },
  { category: 'mental', pattern: '\\b(mentale|psychische|geestelijke|emotionele)\\s+(problemen|klachten|gezondheid|toestand|gesteldheid|kwetsbaarheid|ziekte|aandoening|instorting|crisis)' },
  // Named or described conditions.
  { category: 'diagnosis', pattern: '\\bziekte\\s+van\\s+\\w+' },
  { category: 'diagnosis', pattern: '\\b(chronische|ernstige|erfelijke|zeldzame|progressieve|ongeneeslijke|terminale|aangeboren|lichamelijke|medische)\\s+(ziekte|aandoening|kwaal|beperking|afwijking|conditie)' },
  { category: 'diagnosis', pattern: '\\b(ernstig|chronisch|terminaal|langdurig)\\s+ziek\\b' },
  // Something incurred or recovered from ("heeft een ... opgelopen", "herstelt van een ...").
  { category: 'symptom', pattern: '\\b(heeft|had|hebben)\\s+(een|de|zijn|haar)\\s+(\\w+\\s+)?\\w+\\s+opgelopen\\b(?<!(achterstand|vertraging|boete|kosten|ervaring|deuk|schade|averij|voorsprong|spanning|tijd|bekeuring|rekening|punten|krassen)\\s+opgelopen)' },
  { category: 'diagnosis', pattern: '\\b(herstelt|herstellen|herstellende|hersteld|herstelde|herstellend)\\s+van\\s+(een|zijn|haar)\\b(?!\\s+(\\w+\\s+)?(periode|tijd|reorganisatie|verhuizing|tegenslag|week|maand|drukte|piek|fout|vergissing|achterstand|verlies|nederlaag|storing)\\b)' },
  // Sleep problems.
  { category: 'symptom', pattern: '\\b(slaapt|sliep|slapen|geslapen)\\s+(\\w+\\s+){0,2}(slecht|onrustig|weinig|nauwelijks|amper|niet\\s+goed|niet\\s+door)|\\bslecht\\w*\\s+(\\w+\\s+)?(slaap|slapen|geslapen|nachtrust)|\\bkan\\s+(niet|slecht|moeilijk)\\s+(in\\s+)?slapen' },
  // A hospital stay in other words.
  { category: 'hospital', pattern: '\\b(ligt|lag|lagen|heeft\\s+gelegen)\\s+(\\w+\\s+){0,3}in\\s+(het|een)\\s+(zieken|bed\\b)' },
  // Pregnancy in other words.
  { category: 'pregnancy', pattern: '\\bin\\s+verwachting\\b|\\bverwacht\\w*\\s+(een\\s+)?(baby|kind|kindje|tweeling|eerste\\s+kind|tweede\\s+kind)\\b|\\b(een|haar|hun)\\s+(eerste\\s+|tweede\\s+|derde\\s+)?(baby|kind|kindje|tweeling)\\s+(\\w+\\s+)?verwacht|\\bbevallen\\s+van\\b|\\b(een\\s+)?baby\\s+(op\\s+komst|verwacht)|\\bis\\s+uitgerekend\\b|\\buitgerekende\\s+datum' },
  // Addiction in other words.
  { category: 'addiction', pattern: '\\bdrinkt\\s+(te\\s+veel|veel|weer|niet\\s+meer|overmatig|dagelijks|stevig)|\\b(te\\s+veel|overmatig|stevig)\\s+(drinken|gedronken|drinkt)|\\bgebruikt\\s+(weer|geen\\s+middelen|middelen|geregeld\\s+middelen)\\b(?!\\s+\\w*(app|systeem|auto|computer|laptop|tool|programma|scanner|vorkheftruck))|\\bis\\s+(al\\s+\\w+\\s+\\w+\\s+)?(clean|nuchter|droog\\s+van\\s+de\\s+drank)\\b' },
  { category: 'symptom', pattern: '\\b(valt|viel|vallen|vielen)\\s+(\\w+\\s+){0,2}flauw\\b' },
  { category: 'mental', pattern: "\\b(mentaal|geestelijk|emotioneel)\\s+(\\w+\\s+)?(uitgeput|kapot|instabiel|ziek|overbelast|op)\\b|\\bniet\\s+(lekker|goed)\\s+in\\s+(zijn|haar|z'n|d'r)\\s+(hoofd|vel)\\b" },
  { category: 'addiction', pattern: '\\bmet\\s+een\\s+kater\\b|\\b(gestopt|stoppen|stopt|stopte|minderen|mindert|geminderd|begonnen|begint|weer|opnieuw)\\s+met\\s+(het\\s+)?(drinken|drank|alcohol|blowen|gebruiken|gebruik|gokken|drugs)\\b|\\bdrinkt\\s+(\\w+\\s+){1,2}(te\\s+veel|overmatig)' },
  { category: 'symptom', pattern: '\\b(hij|zij|ze)\\s+(is|was|raakt|raakte|voelt\\s+zich)\\s+(\\w+\\s+){0,3}uitgeput\\b|\\b(snel|erg|volledig|totaal|compleet|nog\\s+snel)\\s+uitgeput\\b' },
  { category: 'pregnancy', pattern: '\\b(is|was)\\s+((?!goed|prima|slecht|niet|wel|hem|haar|hun|erg|uitstekend|best|matig|ons|jullie|mij)\\w+\\s+)?bevallen\\b(?!\\s+van\\s+(het|de)\\b)' },
  { category: 'treatment', pattern: '\\b(professionele|psychologische|medische|psychische)\\s+(hulp|begeleiding|zorg|ondersteuning)\\b|\\bonder\\s+(de\\s+)?zorg\\s+van\\b' },
  { category: 'cause', pattern: '\\bten\\s+val\\b|\\b(een|de|zijn|haar)\\s+val\\s+(van|op|uit|bij|tijdens|met)\\s+(de|het|een|zijn|haar)\\s+(trap|ladder|steiger|fiets|paard|dak|stoep|scooter|brommer|motor|ijs|werk|bouwplaats|hoogte|laadklep|vrachtwagen)|\\b(sinds|na|door)\\s+(de|zijn|haar|een)\\s+(val|valpartij)\\b' },
  { category: 'hospital', pattern: '(?<!(cursus|training|diploma|bhv|ehbo|bhv\'er)\\s+)\\beerste\\s+hulp\\b(?!\\s*(verlen|cursus|diploma|training))' },
  { category: 'test', pattern: '\\bbloed\\s+(laten\\s+)?(prikken|afnemen|geprikt|afgenomen|onderzoeken)' },
  { category: 'body', pattern: "\\b(vanwege|wegens)\\s+(zijn|haar|z'n|d'r)\\s+(BODY)\\b|\\b(met|door)\\s+(zijn|haar|z'n|d'r)\\s+(knie|knieen|rug|nek|schouder|schouders|heup|heupen|enkel|enkels|pols|polsen|elleboog|ellebogen|voet|voeten)\\b|\\biets\\s+(met|aan)\\s+(zijn|haar|z'n|d'r|de|het)\\s+(BODY)\\b|\\bvoor\\s+(zijn|haar|z'n|d'r)\\s+(BODY)\\b" },
  // A walking aid, a recurring complaint.
  { category: 'treatment', pattern: '\\b(loopt|lopen|liep|liepen)\\s+(\\w+\\s+){0,2}met\\s+krukken|\\b(aan|op)\\s+de\\s+krukken|\\bop\\s+krukken' },
  { category: 'body', pattern: "\\b(zijn|haar|z'n|d'r|de|het)\\s+(BODY)\\s+(\\w+\\s+){0,2}(opspelen|opspeelt|speelt\\s+(\\w+\\s+)?op)\\b" },
  // Cause in other words.
  { category: 'cause', pattern: '\\b(van|uit|bij|door|met)\\s+(de|het|een|zijn|haar)\\s+(trap|ladder|steiger|fiets|paard|dak|stoep|scooter|brommer|motor|hoogwerker)\\s+(af\\s+)?(gevallen|gegleden|gestapt\\s+en\\s+gevallen|gevallen)|\\b(hij|zij|ze)\\s+(is|was)\\s+(\\w+\\s+){0,3}(gevallen|gestruikeld|uitgegleden)\\b|\\bdoor\\s+een\\s+(val|ongeluk|ongeval|aanrijding|botsing|valpartij)\\b|\\b(tijdens|bij|na)\\s+(het|een|de)\\s+(\\w+\\s+)?(voetbal\\w*|sporten|sportwedstrijd|hardlo\\w*|ski\\w*|schaats\\w*|wielren\\w*|hockey\\w*|tennis\\w*|volleybal\\w*|basketbal\\w*|paardrij\\w*|fitness\\w*|wintersport|klimmen|mountainbik\\w*|marathon)\\b' },
];
