/**
 * The mails, in Dutch. They say *that* something waits and link to the app; they never carry dossier content
 * (AVG art. 5 lid 1 onder f, art. 32: mail is not a secure channel for special-category data), nor a name.
 */
import { publicLink } from './outbox';

export interface MailContent {
  kind: string;
  subject: string;
  text: string;
}

const SIGNATURE = '\n\nMet vriendelijke groet,\nSpoorboek\n\nDit bericht is automatisch verstuurd; u kunt er niet op antwoorden.';

export function invitationMail(token: string, validDays: number): MailContent {
  return {
    kind: 'invitation',
    subject: 'Uw uitnodiging voor Spoorboek',
    text: 'Goedendag,\n\nEr is een account voor u aangemaakt in Spoorboek. Kies via de link hieronder uw wachtwoord:\n\n' +
      `${publicLink(`/uitnodiging#token=${token}`)}\n\n` +
      `De link werkt één keer en is ${validDays} dagen geldig. Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.` +
      SIGNATURE,
  };
}

export function passwordResetMail(token: string, validMinutes: number): MailContent {
  return {
    kind: 'password_reset',
    subject: 'Wachtwoord opnieuw instellen',
    text: 'Goedendag,\n\nU heeft gevraagd uw wachtwoord voor Spoorboek opnieuw in te stellen. Dat kan via deze link:\n\n' +
      `${publicLink(`/wachtwoord-herstellen#token=${token}`)}\n\n` +
      `De link werkt één keer en is ${validMinutes} minuten geldig. Heeft u dit niet gevraagd? Dan hoeft u niets te doen; ` +
      'uw wachtwoord blijft zoals het was.' + SIGNATURE,
  };
}

/** "Something waits for you": the kind of thing and a link, nothing of its content. */
export function notificationMail(kind: string, sentence: string, path: string): MailContent {
  return {
    kind,
    subject: sentence,
    text: `Goedendag,\n\n${sentence}. Log in om het te bekijken:\n\n${publicLink(path)}` + SIGNATURE,
  };
}
