// The addresses of the back office's case pages, one vocabulary for the inbox's views: the tabs, the filters
// and every link in a mail are built from these names, and the inbox refuses a name it does not know.
export const CASES = '/bo/vorgaenge';

export const INBOX_VIEWS = ['new', 'mine', 'unit', 'due', 'overdue', 'waiting', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
/** The inbox's views plus the lead's list of escalated cases. */
export type CaseListView = InboxView | 'escalated';
export const CASE_LIST_VIEWS: readonly CaseListView[] = [...INBOX_VIEWS, 'escalated'];

export const inboxPath = (view: CaseListView) => `${CASES}?ansicht=${view}`;
export const casePath = (id: string) => `${CASES}/${id}`;
