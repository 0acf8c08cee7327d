/**
 * Every string the user reads, in one place (Dutch). An English translation is a second object of the same
 * shape. Dates are shown the Dutch way.
 */
export const nl = {
  app: 'Spoorboek',
  loading: 'Bezig met laden…',
  saving: 'Bezig met opslaan…',
  empty: 'Nog niets om te tonen.',
  save: 'Opslaan',
  cancel: 'Annuleren',
  send: 'Versturen',
  back: 'Terug',
  search: 'Zoeken',
  download: 'Downloaden',
  noAccess: { title: 'Geen toegang', body: 'U heeft geen toegang tot deze pagina. Kies een onderdeel uit het menu.' },
  notFound: { title: 'Niet gevonden', body: 'Deze pagina bestaat niet.' },
  sessionExpired: 'Uw sessie is verlopen. Log opnieuw in.',
  networkError: 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
  unknownError: 'Er ging iets mis. Probeer het opnieuw.',
  skipToContent: 'Naar de inhoud',
  account: {
    forgotLink: 'Wachtwoord vergeten?', backToLogin: 'Terug naar inloggen',
    acceptTitle: 'Welkom bij Spoorboek', acceptIntro: 'Kies een wachtwoord voor uw account. Daarna logt u direct in.',
    acceptSubmit: 'Wachtwoord instellen en inloggen', noToken: 'Deze link is niet volledig. Open de link uit de e-mail opnieuw.',
    newPassword: 'Nieuw wachtwoord', repeatPassword: 'Herhaal het wachtwoord', currentPassword: 'Huidig wachtwoord',
    mismatch: 'De twee wachtwoorden zijn niet gelijk.',
    rulesTitle: 'Waar uw wachtwoord aan moet voldoen',
    rules: ['12 tot 128 tekens', 'geen veelgebruikt wachtwoord (zoals "welkom123")', 'tip: een zin van een paar woorden is sterk en goed te onthouden'],
    strength: 'Sterkte', strengthLevels: ['te kort', 'zwak', 'redelijk', 'sterk', 'zeer sterk'],
    forgotTitle: 'Wachtwoord vergeten', forgotIntro: 'Vul uw e-mailadres in. U krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.',
    forgotSubmit: 'Herstellink versturen',
    resetTitle: 'Nieuw wachtwoord kiezen', resetSubmit: 'Wachtwoord opslaan', resetDone: 'Uw wachtwoord is gewijzigd. U kunt nu inloggen; overal waar u nog ingelogd was, bent u uitgelogd.',
    changeTitle: 'Wachtwoord wijzigen', changeLink: 'Wachtwoord wijzigen', changeSubmit: 'Wachtwoord wijzigen',
    changeDone: 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.',
    signedInTitle: 'U bent al ingelogd',
    signedInBody: (name: string) => `U bent ingelogd als ${name}. Is deze link voor iemand anders of voor een ander account? Log dan eerst uit en open de link opnieuw.`,
  },
  access: {
    invitations: 'Openstaande uitnodigingen', expires: 'Verloopt', expired: 'Verlopen', resend: 'Opnieuw versturen', revoke: 'Intrekken',
    revokeConfirm: 'Uitnodiging intrekken? Het account vervalt en de link werkt niet meer.', resent: 'Nieuwe uitnodiging verstuurd; de vorige link werkt niet meer.',
    invited: 'Uitnodiging per e-mail verstuurd.', invitedPending: 'Uitnodiging verstuurd. Rollen met toegang tot dossiers zijn in afwachting van bevestiging door de privacy officer.',
    clientLink: 'Koppelen aan cliëntdossier', noClient: '— geen —',
    pending: 'In afwachting', grantsTitle: 'Te bevestigen rollen en koppelingen', grantsIntro: 'Rollen die toegang geven tot dossiers worden pas actief als een tweede persoon ze bevestigt (vier-ogenprincipe, NEN 7510).',
    approve: 'Bevestigen', reject: 'Afwijzen', proposedBy: 'Voorgesteld door', forUser: 'Voor', what: 'Wat', linkTo: 'koppeling aan cliënt',
    mailQueue: 'E-mail', mailStatuses: { queued: 'Wacht', sent: 'Verstuurd', failed: 'Mislukt' } as Record<string, string>,
    mailTo: 'Aan', mailSubject: 'Onderwerp', mailAttempts: 'Pogingen', mailError: 'Laatste fout', nav: 'Bevestigen',
  },
  login: {
    title: 'Inloggen', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Inloggen',
    mfaTitle: 'Tweestapsverificatie', mfaCode: 'Code uit uw authenticator-app (of een herstelcode)', mfaSubmit: 'Bevestigen',
    enrolTitle: 'Tweestapsverificatie instellen',
    enrolIntro: 'Uw rol vraagt om tweestapsverificatie. Scan de QR-code met een authenticator-app en vul de code in.',
    enrolSecret: 'Lukt scannen niet? Voer deze sleutel in:', enrolCode: 'Code (6 cijfers)',
    recoveryTitle: 'Bewaar uw herstelcodes', recoveryIntro: 'Elke code werkt één keer, als u uw telefoon kwijt bent. Ze worden niet opnieuw getoond.',
    continue: 'Verder', logout: 'Uitloggen',
  },
  nav: {
    caseload: 'Cliënten', myDossier: 'Mijn dossier', employer: 'Medewerkers', reports: 'Rapportages', privacy: 'Audittrail',
    relations: 'Relatieregister', management: 'Managementinformatie', users: 'Gebruikers', organisations: 'Organisaties', main: 'Hoofdmenu', admin: 'Beheer', poortwachter: 'Poortwachter',
  },
  roles: {
    coach: 'Coach', company_doctor: 'Bedrijfsarts', labour_expert: 'Arbeidsdeskundige', employer: 'Werkgever', client: 'Cliënt',
    privacy_officer: 'Privacy officer', admin: 'Functioneel beheerder',
  } as Record<string, string>,
  trajectoryKinds: {
    spoor1: '1e spoor', spoor2: '2e spoor', spoor3: '3e spoor', outplacement: 'Outplacement', career_guidance: 'Loopbaanbegeleiding',
  } as Record<string, string>,
  trajectoryOutcomes: {
    own_work: 'Werkhervatting eigen werk', adapted_work: 'Werkhervatting aangepast werk', other_work_same_employer: 'Ander werk bij eigen werkgever',
    work_other_employer: 'Werk bij andere werkgever', no_return: 'Geen werkhervatting', other: 'Anders',
  } as Record<string, string>,
  clientDetails: {
    title: 'Gegevens van de cliënt', firstName: 'Voornaam', lastName: 'Achternaam', dateOfBirth: 'Geboortedatum', email: 'E-mailadres',
    phone: 'Telefoonnummer', address: 'Adres', save: 'Gegevens opslaan', savedDetails: 'De gegevens zijn opgeslagen.',
    trajectory: 'Traject', kind: 'Soort traject', status: 'Status', startDate: 'Startdatum', saveTrajectory: 'Traject opslaan',
    savedTrajectory: 'Het traject is opgeslagen.', close: 'Traject afsluiten', how: 'Afsluiten als', endDate: 'Einddatum', outcome: 'Uitkomst',
    chooseOutcome: 'Kies de uitkomst…', closeButton: 'Traject afsluiten', savedClosed: 'Het traject is afgesloten.',
    closeHint: 'Leg vast hoe het traject eindigde. De uitkomst telt anoniem mee in de managementinformatie (alleen in groepen van minstens vijf cliënten).',
    confirmClose: 'Het traject afsluiten? Daarna staat het als afgerond of gestopt in het dossier.',
  },
  trajectoryStatuses: { intake: 'Intake', active: 'Actief', paused: 'Gepauzeerd', completed: 'Afgerond', cancelled: 'Gestopt' } as Record<string, string>,
  consultStatuses: { draft: 'Concept', awaiting_client: 'Wacht op cliënt', approved: 'Goedgekeurd', disputed: 'Betwist' } as Record<string, string>,
  consultKinds: { intake: 'Intake', progress: 'Voortgang', evaluation: 'Evaluatie', closing: 'Afsluiting', other: 'Overig' } as Record<string, string>,
  reportStatuses: { draft: 'Concept', awaiting_client: 'Wacht op cliënt', approved: 'Goedgekeurd', shared: 'Gedeeld', withdrawn: 'Ingetrokken' } as Record<string, string>,
  activityKinds: {
    consult: 'Gesprek', phone: 'Telefoon', email: 'E-mail', test: 'Test', training: 'Training', application: 'Sollicitatie', other: 'Overig',
  } as Record<string, string>,
  documentCategories: { cv: 'Cv', test_result: 'Testuitslag', action_plan: 'Plan van aanpak', correspondence: 'Correspondentie', other: 'Overig' } as Record<string, string>,
  healthDocumentCategories: { ad_report: 'AD-rapport', medical: 'Medisch', other: 'Overig' } as Record<string, string>,
  healthKinds: { fml: 'FML', ad_report: 'Arbeidsdeskundig rapport', medical_note: 'Medische aantekening' } as Record<string, string>,
  levels: { 0: 'normaal', 1: 'beperkt', 2: 'sterk beperkt' } as Record<number, string>,
  rubrieken: {
    I: 'I Persoonlijk functioneren', II: 'II Sociaal functioneren', III: 'III Aanpassing aan fysieke omgevingseisen',
    IV: 'IV Dynamische handelingen', V: 'V Statische houdingen', VI: 'VI Werktijden',
  } as Record<string, string>,
  consentPurposes: {
    'report.share': 'Rapportage delen met werkgever', 'fml.capacities.coach': 'FML-capaciteiten voor mijn coach', handover: 'Vervanging van mijn coach',
  } as Record<string, string>,
  auditActions: {
    create: 'aangemaakt', read: 'ingezien', update: 'gewijzigd', delete: 'verwijderd', export: 'gedownload', print: 'afgedrukt',
    search: 'lijst bekeken', share: 'gedeeld', login: 'ingelogd', logout: 'uitgelogd', login_failed: 'mislukte inlog', lockout: 'geblokkeerd',
    mfa: 'tweestapsverificatie', password_change: 'wachtwoord gewijzigd', role_change: 'rollen gewijzigd', approve: 'goedgekeurd',
    dispute: 'betwist', send: 'verstuurd', grant: 'toestemming gegeven', withdraw: 'toestemming ingetrokken', assign: 'toegewezen',
  } as Record<string, string>,
  compartments: { process: 'Procesdossier', health: 'Medisch dossier', system: 'Systeem' } as Record<string, string>,
  subjects: {
    Client: 'personalia', Consult: 'gespreksverslag', Activity: 'tijdsregistratie', Report: 'rapportage', Document: 'document',
    Consent: 'toestemming', Handover: 'vervanging', HealthRecord: 'medisch onderzoek', HealthDocument: 'medisch document',
    AuditEvent: 'inzagelog', User: 'account', Organisation: 'organisatie', RelationRegister: 'relatieregister',
  } as Record<string, string>,
  outcomes: { allowed: 'toegestaan', denied: 'geweigerd' } as Record<string, string>,
  caseload: {
    title: 'Cliënten', searchLabel: 'Zoek op naam', statusLabel: 'Status traject', allStatuses: 'Alle statussen', newClient: 'Nieuwe cliënt',
    name: 'Naam', trajectory: 'Traject', status: 'Status', start: 'Start', none: 'Geen cliënten gevonden.', previous: 'Vorige', next: 'Volgende',
    page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  },
  intake: {
    title: 'Nieuwe cliënt (intake)', firstName: 'Voornaam', lastName: 'Achternaam', dateOfBirth: 'Geboortedatum', email: 'E-mailadres',
    phone: 'Telefoon', employer: 'Werkgever', noEmployer: 'Geen werkgever', kind: 'Soort traject', startDate: 'Startdatum', bsn: 'BSN (alleen bij wettelijke noodzaak)',
  },
  dossier: {
    tabs: { overzicht: 'Overzicht', consulten: 'Consulten', tijd: 'Tijdsregistratie', rapportages: 'Rapportages', documenten: 'Documenten', capaciteiten: 'FML-capaciteiten', medisch: 'Medisch dossier', poortwachter: 'Poortwachter', vervanging: 'Vervanging' },
    born: 'Geboren', bsn: 'BSN', contact: 'Contact', trajectory: 'Traject', period: 'Periode',
  },
  consults: {
    new: 'Nieuw gespreksverslag', date: 'Datum', duration: 'Duur (minuten)', kind: 'Soort gesprek', summary: 'Verslag',
    saveDraft: 'Concept opslaan', sendToClient: 'Naar cliënt sturen', edit: 'Bewerken', delete: 'Verwijderen',
    approve: 'Goedkeuren', dispute: 'Niet mee eens', disputeComment: 'Wat klopt er niet?', clientComment: 'Opmerking van de cliënt',
    revisions: (count: number) => `Versiegeschiedenis (${count})`, revisionBy: (at: string) => `versie van ${at}`,
    addendum: 'Aanvulling toevoegen', addenda: 'Aanvullingen', locked: 'Goedgekeurd en vastgelegd: corrigeren kan met een aanvulling.',
    none: 'Nog geen gespreksverslagen.',
  },
  activities: {
    new: 'Activiteit registreren', date: 'Datum', kind: 'Soort', minutes: 'Minuten', note: 'Notitie', totals: 'Totalen per maand',
    month: 'Maand', total: 'Totaal', count: 'Aantal', none: 'Nog geen registraties.', hours: (minutes: number) => `${Math.floor(minutes / 60)} u ${minutes % 60} min`,
  },
  reports: {
    new: 'Nieuwe rapportage', title: 'Titel', periodStart: 'Periode van', periodEnd: 'tot en met', text: 'Tekst voor de werkgever',
    consults: 'Goedgekeurde verslagen waarop de rapportage steunt', saveDraft: 'Concept opslaan', sendToClient: 'Ter goedkeuring naar cliënt',
    flagsTitle: 'Zinnen over de gezondheid', noFlags: 'Geen zinnen over de gezondheid gevonden.',
    flagCount: (count: number) => (count === 1 ? '1 zin om te herschrijven' : `${count} zinnen om te herschrijven`),
    flagField: { title: 'Titel', text: 'Tekst' } as Record<string, string>, flagTerms: 'Gevonden', flagExamples: 'Bijvoorbeeld',
    showSentence: 'Toon zin in de tekst', preview: 'Zo leest de werkgever het (gemarkeerd: herschrijven)',
    sendBlocked: 'Herschrijf eerst de gemarkeerde zinnen; daarna kan de rapportage naar de cliënt.',
    review: 'Controleer opnieuw',
    reviewText: 'Deze rapportage is verstuurd voordat de controle deze woorden kende. De werkgever ziet haar nu niet; stel zo nodig een nieuwe rapportage op.',
    approve: 'Inhoud goedkeuren', dispute: 'Niet mee eens', share: 'Delen met mijn werkgever', shareConfirm: 'Ik geef toestemming',
    none: 'Nog geen rapportages.', sharedOn: 'Gedeeld op', withdrawnOn: 'Ingetrokken op', shareAgain: 'Opnieuw delen met mijn werkgever',
    shareHistory: 'Gedeeld met de werkgever', standingNow: 'geldt nu',
  },
  documents: {
    upload: 'Document uploaden', file: 'Bestand (PDF, PNG, JPEG of Word, hoogstens 10 MB)', category: 'Soort document',
    progress: 'Uploaden', none: 'Nog geen documenten.', uploadedAt: 'Geüpload op', size: 'Grootte',
  },
  capacities: {
    title: 'FML-capaciteiten', intro: 'Wat de cliënt volgens de bedrijfsarts wel en niet kan, zonder medische toelichting. Zichtbaar zolang de cliënt toestemming geeft.',
    none: 'Er is nog geen FML.', rubriek: 'Rubriek', item: 'Item', level: 'Mate', quantification: 'Toelichting op de mate',
  },
  health: {
    title: 'Medisch dossier', attached: 'Bijlage', newFml: 'Nieuwe FML of BAR', format: 'Vorm', formatFml: 'FML (Functionele Mogelijkhedenlijst)', formatBar: 'BAR (Beschrijving Arbeidsbelastbaarheid en Re-integratie)',
    addCapacity: 'Beperking toevoegen', chooseItem: 'Kies een item', removeCapacity: 'Verwijderen', conclusion: 'Conclusie (voorblad)', explanation: 'Medische toelichting (alleen medisch dossier)',
    addSection: 'Sectie toevoegen', sectionTitle: 'Titel sectie', sectionText: 'Tekst sectie',
    newAd: 'Nieuw arbeidsdeskundig rapport', adQuestions: {
      ownWork: 'Is het eigen werk passend?', ownWorkAdjusted: 'Is het eigen werk passend met aanpassingen?',
      otherWorkSameEmployer: 'Is er ander passend werk bij deze werkgever?', workElsewhere: 'Is werk bij een andere werkgever (2e spoor) aan de orde?',
      schemes: 'Welke voorzieningen of regelingen zijn van toepassing?',
    } as Record<string, string>,
    adText: 'Toelichting', adPdf: 'Rapport als PDF (optioneel)',
    newNote: 'Nieuwe medische aantekening', noteText: 'Aantekening', firstSickDay: 'Eerste ziektedag',
    records: 'Onderzoeken en aantekeningen', documents: 'Documenten', none: 'Het medisch dossier is leeg.', by: 'Datum',
  },
  substitute: {
    title: 'Vervanging',
    intro: 'Bent u afwezig? Vraag een collega-coach om u te vervangen. De cliënt geeft eerst toestemming; pas dan kan de vervanger het procesdossier inzien, tot en met de laatste dag.',
    colleague: 'Vervangende coach', chooseColleague: 'Kies een collega', firstDay: 'Eerste dag', lastDay: 'Laatste dag (tot en met)',
    reason: 'Reden (de cliënt leest deze)', request: 'Vervanging aanvragen', requested: 'Aangevraagd: de cliënt wordt gevraagd om toestemming.',
    history: 'Aangevraagde vervangingen', none: 'Er is nog geen vervanging aangevraagd.', noColleagues: 'Er is geen andere actieve coach om u te vervangen.',
    by: (name: string) => `Vervanger: ${name}`,
    states: {
      awaiting_consent: 'Wacht op toestemming van de cliënt', planned: 'Gepland', current: 'Geldt nu', expired: 'Verlopen', withdrawn: 'Ingetrokken',
    } as Record<string, string>,
  },
  client: {
    title: 'Mijn dossier', personalData: 'Mijn gegevens', waitingForYou: 'Wacht op u', waiting: 'Wacht op uw goedkeuring', nothingWaiting: 'Er wacht niets op u.', consults: 'Mijn gespreksverslagen', reports: 'Mijn rapportages',
    consents: 'Mijn toestemmingen', accessLog: 'Wie heeft mijn dossier ingezien', health: 'Mijn medisch dossier',
    grantFml: 'Mijn coach mag mijn FML-capaciteiten zien', grant: 'Toestemming geven', withdraw: 'Intrekken', withdrawn: 'Ingetrokken op', granted: 'Gegeven op', standing: 'Geldt nu',
    withdrawConfirm: 'Deze toestemming intrekken? Dit gaat direct in en kan niet ongedaan worden gemaakt. Wilt u later weer delen, dan geeft u een nieuwe toestemming.',
    withdrawnSaved: 'Opgeslagen: uw toestemming is ingetrokken.', grantedSaved: 'Opgeslagen: uw toestemming is vastgelegd.',
    accessLogIntro: 'Wie uw dossier heeft bekeken of gewijzigd, per dag. Ook wie geen toegang kreeg staat erbij.',
    includeOwn: 'Ook wat ikzelf deed', includeClient: 'Ook wat de cliënt zelf deed', ownHidden: (count: number) => `${count} ${count === 1 ? 'regel' : 'regels'} over wat u zelf deed ${count === 1 ? 'is' : 'zijn'} verborgen.`,
    from: 'Van', to: 'Tot en met', filter: 'Filteren', who: 'Wie', when: 'Wanneer', what: 'Wat', role: 'Rol', outcome: 'Uitkomst',
    handoverAsk: (from: string, until: string) => `Uw coach is van ${from} tot en met ${until} afwezig. Mag een vervangend coach in die periode uw procesdossier inzien en bijhouden?`,
    handoverCapacities: 'De vervanger mag ook mijn FML-capaciteiten zien die ik mijn coach heb toegestaan te zien',
    handoverStates: {
      awaiting_consent: 'Wacht op uw toestemming', planned: 'Gepland', current: 'Geldt nu', expired: 'Verlopen', withdrawn: 'Ingetrokken',
    } as Record<string, string>,
    handoverPeriod: (from: string, until: string) => `Van ${from} tot en met ${until}`,
    shareExplain: 'Uw werkgever ziet dan alleen deze rapportage, zolang u de toestemming niet intrekt.',
  },
  employer: {
    title: 'Medewerkers in een traject', reportsTitle: 'Gedeelde rapportages', none: 'Geen medewerkers in een traject.', noReports: 'Er zijn geen gedeelde rapportages.',
    employee: 'Medewerker',
  },
  privacy: {
    title: 'Audittrail', verify: 'Keten controleren', intact: (count: number) => `De keten is intact (${count} gebeurtenissen).`,
    broken: (seq: number, problem: string) => `De keten is verbroken bij nummer ${seq}: ${problem}`, clientId: 'Cliënt-id', action: 'Handeling', outcome: 'Uitkomst',
    clientAccessLog: (name: string) => `Wie heeft het dossier van ${name} ingezien`,
    findClient: 'Zoek een cliënt op naam', chosenClient: 'Alleen gebeurtenissen over', otherClient: 'Andere cliënt of iedereen',
    any: 'Alle', relations: 'Relatieregister', year: 'Jaar', employer: 'Werkgever', clientName: 'Cliënt', service: 'Dienst',
  },
  management: {
    title: 'Managementinformatie', total: 'Totaal', hidden: 'verborgen', inHours: 'In uren', inTrajectories: 'Aantal trajecten',
    hiddenWhy: 'Verborgen: gaat over minder dan vijf cliënten, of zou met de totalen uit te rekenen zijn.',
    intro: 'Anonieme cijfers per kalenderjaar. Een cijfer over minder dan vijf cliënten wordt nooit getoond, en ook geen cijfer waarmee zo’n cijfer uit de totalen te berekenen is. Cliënten die bezwaar maakten tellen niet mee.',
  },
  admin: {
    users: 'Gebruikers', invite: 'Gebruiker uitnodigen', name: 'Naam', email: 'E-mailadres', roles: 'Rollen', organisation: 'Organisatie',
    disable: 'Blokkeren', enable: 'Deblokkeren', resetMfa: 'Tweestapsverificatie resetten', 
    organisations: 'Organisaties', newOrganisation: 'Organisatie toevoegen', kind: 'Soort', kinds: { bureau: 'Bureau', employer: 'Werkgever', occupational_health: 'Arbodienst' } as Record<string, string>,
    disabled: 'geblokkeerd', assignments: 'Toewijzingen', assign: 'Toewijzen', nobody: 'Niemand',
    // What saves at once is confirmed first and reported after (issue 13: "one click, no way back").
    confirmAddRole: (role: string, name: string) => `De rol ${role} toekennen aan ${name}? Dit wordt direct opgeslagen.`,
    confirmRemoveRole: (role: string, name: string) => `De rol ${role} afnemen van ${name}? ${name} verliest direct de toegang die bij deze rol hoort en wordt uitgelogd.`,
    confirmDisable: (name: string) => `${name} blokkeren? ${name} wordt direct uitgelogd en kan niet meer inloggen tot u het account deblokkeert.`,
    confirmResetMfa: (name: string) => `Tweestapsverificatie van ${name} resetten? ${name} moet die bij de volgende keer inloggen opnieuw instellen.`,
    confirmAssign: (role: string, client: string, name: string) => `${role} van ${client} wordt ${name}. Wie dit nu is, verliest direct de toegang tot dit dossier. Doorgaan?`,
    savedRoles: (name: string) => `Opgeslagen: de rollen van ${name} zijn gewijzigd.`,
    savedDisabled: (name: string) => `Opgeslagen: ${name} is geblokkeerd.`, savedEnabled: (name: string) => `Opgeslagen: ${name} is gedeblokkeerd.`,
    savedMfa: (name: string) => `Opgeslagen: de tweestapsverificatie van ${name} is gereset.`,
    savedAssignment: (role: string, client: string, name: string) => `Opgeslagen: ${role.toLowerCase()} van ${client} is nu ${name}.`,
  },
  /** The rights of the data subject (AVG art. 12–21). */
  rights: {
    myPrivacy: 'Mijn privacy', queue: 'Privacyverzoeken', nav: 'Verzoeken',
    intro: 'Hier vraagt u inzage, correctie, verwijdering, beperking of overdracht van uw gegevens, of maakt u bezwaar. Wij antwoorden binnen een maand.',
    kind: 'Soort verzoek', description: 'Toelichting (niet verplicht)', file: 'Verzoek indienen', myRequests: 'Uw verzoeken',
    kinds: { access: 'Inzage', rectification: 'Correctie', erasure: 'Verwijdering', restriction: 'Beperking', portability: 'Overdracht', objection: 'Bezwaar' } as Record<string, string>,
    statuses: { received: 'Ontvangen', in_progress: 'In behandeling', completed: 'Afgehandeld', rejected: 'Afgewezen' } as Record<string, string>,
    channels: { portal: 'via het portaal', letter: 'per brief', phone: 'telefonisch', email: 'per e-mail' } as Record<string, string>,
    methods: {
      portal_two_factor: 'Ingelogd met tweestapsverificatie', id_document: 'Identiteitsbewijs getoond', callback: 'Teruggebeld op bekend nummer',
      in_person: 'Persoonlijk bekend',
    } as Record<string, string>,
    urgency: { overdue: 'Te laat', due_this_week: 'Deze week', later: 'Op tijd', answered: 'Beantwoord' },
    status: 'Stand', received: 'Ontvangen', due: 'Uiterlijk antwoord', identity: 'Identiteit gecontroleerd', extension: 'Verlenging',
    extendedBy: (months: number) => `${months} maand${months === 1 ? '' : 'en'} verlengd`, answer: 'Antwoord',
    exports: 'Uw gegevens downloaden', exportIntro: 'Een ZIP-bestand met uw hele dossier: leesbaar (PDF) en machineleesbaar (JSON), met uw documenten. Het staat 7 dagen klaar.',
    makeExport: 'Export maken', progress: 'Voortgang', download: 'Downloaden', until: (day: string) => `beschikbaar tot ${day}`,
    exportStatuses: { queued: 'In de wachtrij', running: 'Wordt gemaakt', ready: 'Klaar', failed: 'Mislukt', expired: 'Verlopen' } as Record<string, string>,
    objections: 'Bezwaar', since: 'sinds',
    objectionKinds: {
      retentionAfterTrajectory: 'Ik maak bezwaar tegen het bewaren van mijn dossier na afloop van mijn traject',
      managementFigures: 'Ik maak bezwaar tegen het gebruik van mijn gegevens in (anonieme) managementcijfers',
    },
    restrictedBanner: (since: string) => `De verwerking van dit dossier is beperkt sinds ${since} (AVG art. 18): er kan niets worden toegevoegd of gewijzigd.`,
    lifted: (day: string) => `De beperking van de verwerking van uw dossier is op ${day} opgeheven.`,
    showAnswered: 'Ook beantwoorde verzoeken', identityMethod: 'Hoe is de identiteit gecontroleerd?', recordIdentity: 'Identiteitscontrole vastleggen',
    extendMonths: 'Verlengen met (maanden)', extendReason: 'Reden (de cliënt ziet deze)', extend: 'Termijn verlengen',
    releaseExport: 'Export vrijgeven', released: 'De export wordt gemaakt; de cliënt kan hem downloaden zodra hij klaar is.',
    eraseConfirm: 'Typ WISSEN om het dossier definitief te wissen', erase: 'Definitief wissen',
    restrict: 'Verwerking beperken', lift: 'Beperking opheffen', answerText: 'Antwoord aan de cliënt', complete: 'Afhandelen', reject: 'Afwijzen',
  },
};

export const t = nl;

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** 22 november 2026 */
export const formatDate = (iso: string | null | undefined) => (iso ? dateFormat.format(new Date(iso)) : '—');
/** 22 nov 2026, 14:05 */
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : '—');
/** november 2026 for 2026-11 */
export const formatMonth = (month: string) =>
  new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
/** An ISO timestamp as the value of an <input type="date">. */
export const toDateInput = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
/** Today as an Amsterdam calendar day, whatever the browser's time zone. */
export { today } from '@spoorboek/shared/calendarDay';
