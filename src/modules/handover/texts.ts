// Texts of the hand-over to specialist software, German and English.
import { messages } from '../../platform/i18n/index.js';

const de = {
  'alert.subject': 'Übergabe an {consumer} scheitert',
  'alert.body':
    'Die Übergabe des Antrags {submission} an {consumer} ist {attempts}-mal gescheitert ({error}). Rathaus versucht es weiter; bitte prüfen Sie den Empfänger.',
};

const en: typeof de = {
  'alert.subject': 'Hand-over to {consumer} is failing',
  'alert.body':
    'Handing application {submission} over to {consumer} has failed {attempts} times ({error}). Rathaus keeps trying; please check the recipient.',
};

export const handoverText = messages({ de, en });
