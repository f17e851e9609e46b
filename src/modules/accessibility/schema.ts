// What the accessibility pages accept. The feedback is checked by feedback.ts (which says what is missing and
// keeps what was typed); the statement form's fields are read one by one by the editor route.
import { z } from 'zod';

const text = z.string().catch('').default('');

export const feedbackBody = z.object({ page: text, description: text, email: text });
