// The modules of this installation, in the order their routes are registered.
import type { Module } from '../platform/module.js';
import { accessibility } from './accessibility/index.js';
import { cases } from './cases/index.js';
import { catalog } from './catalog/index.js';
import { forms } from './forms/index.js';
import { handover } from './handover/index.js';
import { mailbox } from './mailbox/index.js';
import { notices } from './notices/index.js';
import { payments } from './payments/index.js';
import { portal } from './portal/index.js';
import { reports } from './reports/index.js';

export const modules: Module[] = [portal, catalog, mailbox, notices, payments, cases, handover, forms, reports, accessibility];
