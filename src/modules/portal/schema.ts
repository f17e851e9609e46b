// What the start page accepts: nothing of its own (`?lang=` is read for every page by the request context).
import { z } from 'zod';

export const homeQuery = z.object({});
