// What the Postfach tells others: a citizen opened an item for the first time (when it reached them, the start
// of a deadline it sets), and a citizen answered into a case. Both in the transaction that records them.
import { domainEvent } from '../../platform/events.js';
import type { MailboxItem } from './repo.js';

export const mailboxFirstRead = domainEvent<{ item: MailboxItem }>('mailbox.first-read');
export const mailboxReplied = domainEvent<{ item: MailboxItem }>('mailbox.replied');
