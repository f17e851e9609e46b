// The citizen's Postfach (/postfach): list with unread state and search, one item with attachments, reply with
// a document, deletion from the citizen's view, and the e-mail notification setting. Only the owner sees an
// item; anyone else gets 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/http/context.js';
import type { Deps } from '../../platform/http/deps.js';
import type { Db } from '../../platform/db/database.js';
import { NotFound } from '../../platform/http/errors.js';
import { setFlash } from '../../platform/http/request-context.js';
import { routes } from '../../platform/http/route.js';
import { readFormWithFile } from '../../platform/http/upload.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { sendStoredFile } from '../../platform/storage/download.js';
import {
  documentTypes,
  FileInfected,
  FileTooLarge,
  FileTypeNotAllowed,
  findStoredFile,
  storeUpload,
} from '../../platform/storage/storage.js';
import { ScannerUnavailable } from '../../platform/storage/virus-scan.js';
import { Button, Checkbox, ErrorSummary, FileField, Form, Paragraphs, TextArea, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { deleteForCitizen, findOwnItem, listItems, markRead, notifiesByEmail, saveSetting, type MailboxItem } from './repo.js';
import { mailboxPolicy } from './policy.js';
import { mailboxFirstRead, mailboxReplied } from './events.js';
import { attachmentParams, itemParams, listQuery, settingsBody } from './schema.js';
import { reply as replyTo } from './service.js';
import type { Attachment } from './tables.js';
import { mailboxText, type MailboxTranslate } from './texts.js';

const REPLY_MAX_BYTES = 10 * 1024 * 1024;
type Citizen = RequestContext & { actor: { kind: 'citizen'; userId: string; name: string } };

function citizenOf(request: FastifyRequest): Citizen {
  if (request.ctx.actor.kind !== 'citizen') throw new NotFound('mailbox');
  return request.ctx as Citizen;
}

function crumbs(t: MailboxTranslate, last?: string) {
  return [{ label: t('title'), href: last ? '/postfach' : undefined }, ...(last ? [{ label: last }] : [])];
}

function ListView({ ctx, items, search, notify }: { ctx: Citizen; items: MailboxItem[]; search: string; notify: boolean }) {
  const t = mailboxText(ctx.lang);
  return (
    <Page ctx={ctx} title={t('title')} crumbs={crumbs(t)}>
      <h1 safe>{t('title')}</h1>
      <p safe>{t('intro')}</p>
      <form method="get" action="/postfach" role="search">
        <TextField name="q" label={t('search')} type="search" value={search} />
        <Button label={t('searchSubmit')} kind="secondary" />
      </form>
      {items.length === 0 ? (
        <p safe>{search ? t('noHits') : t('empty')}</p>
      ) : (
        <ul class="mailbox">
          {items.map((item) => {
            const unread = item.direction === 'to_citizen' && !item.read_at;
            return (
              <li class={unread ? 'mailbox-item mailbox-item--unread' : 'mailbox-item'}>
                <a href={`/postfach/${item.id}`} lang={townLetter(ctx, item)}>
                  {unread ? <strong safe>{item.subject}</strong> : <span safe>{item.subject}</span>}
                </a>
                <span
                  safe
                >{` · ${t(`kind.${item.kind}`)} · ${item.direction === 'from_citizen' ? t('you') : item.sender_label} · ${formatDateTime(ctx.lang, item.created_at)}${unread ? ` · ${t('unread')}` : ''}`}</span>
              </li>
            );
          })}
        </ul>
      )}
      <h2 safe>{t('settings')}</h2>
      <Form action="/postfach/einstellungen" csrf={ctx.csrfToken()}>
        <Checkbox name="notify" label={t('settingsNotify')} checked={notify} />
        <Button label={t('settingsSave')} kind="secondary" />
      </Form>
    </Page>
  );
}

/** The town writes its letters in German: on an English page they are marked as German (and said so once). */
const townLetter = (ctx: Citizen, item: MailboxItem) => (ctx.lang === 'en' && item.direction === 'to_citizen' ? 'de' : undefined);

function ItemView({ ctx, item, error, text }: { ctx: Citizen; item: MailboxItem; error?: string; text?: string }) {
  const t = mailboxText(ctx.lang);
  const attachments = item.attachments as Attachment[];
  return (
    <Page ctx={ctx} title={item.subject} crumbs={crumbs(t, item.subject)}>
      <ErrorSummary errors={error ? { reply: error } : undefined} t={ctx.t} />
      <h1 lang={townLetter(ctx, item)} safe>
        {item.subject}
      </h1>
      {townLetter(ctx, item) && (
        <p class="hint" safe>
          {t('germanLetter')}
        </p>
      )}
      <dl class="facts">
        <dt safe>{t('from')}</dt>
        <dd safe>{item.direction === 'from_citizen' ? t('you') : item.sender_label}</dd>
        <dt safe>{t('date')}</dt>
        <dd safe>{formatDateTime(ctx.lang, item.created_at)}</dd>
      </dl>
      <div lang={townLetter(ctx, item)}>
        <Paragraphs text={item.body} />
      </div>
      {attachments.length > 0 && (
        <section aria-labelledby="attachments">
          <h2 id="attachments" safe>
            {t('attachments')}
          </h2>
          <ul>
            {attachments.map((file, index) => (
              <li>
                <a href={`/postfach/${item.id}/anhang/${index}`} safe>{`${file.name} (${Math.ceil(file.size / 1024)} KB)`}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.direction === 'to_citizen' && item.case_id && (
        <section aria-labelledby="reply">
          <h2 id="reply" safe>
            {t('reply')}
          </h2>
          <Form action={`/postfach/${item.id}/antworten`} csrf={ctx.csrfToken()} multipart>
            <TextArea name="reply" label={t('replyText')} value={text} error={error} rows={5} />
            <FileField name="document" label={t('replyFile')} accept="application/pdf,image/jpeg,image/png" />
            <Button label={t('replySubmit')} />
          </Form>
        </section>
      )}
      <Form action={`/postfach/${item.id}/loeschen`} csrf={ctx.csrfToken()}>
        {item.kind === 'notice' && (
          <p class="hint" safe>
            {t('deleteHint')}
          </p>
        )}
        <Button label={t('delete')} kind="danger" />
      </Form>
    </Page>
  );
}

export function registerMailboxPages(app: FastifyInstance, deps: Deps) {
  const route = routes(app, deps.db);
  const access = mailboxPolicy.ownMailbox;
  /** `db`: the route's own (in a changing route its transaction, the only connection the embedded database has). */
  const ownItem = async (db: Db, request: FastifyRequest, id: string) => {
    const ctx = citizenOf(request);
    const item = await findOwnItem(db, ctx.tenant.id, ctx.actor.userId, id);
    if (!item) throw new NotFound('mailbox item');
    return { ctx, item };
  };

  route.get('/postfach', { access, query: listQuery }, async ({ request, reply, query, db }) => {
    const ctx = citizenOf(request);
    const search = query.q;
    const [items, notify] = await Promise.all([
      listItems(db, ctx.tenant.id, ctx.actor.userId, search || undefined),
      notifiesByEmail(db, ctx.tenant.id, ctx.actor.userId),
    ]);
    return sendHtml(reply, <ListView ctx={ctx} items={items} search={search} notify={notify} />);
  });

  route.get('/postfach/:id', { access, params: itemParams, changes: true }, async ({ request, reply, params, db }) => {
    const { ctx, item } = await ownItem(db, request, params.id);
    // The first opening is when the item reached the citizen (the start of a deadline it sets): audited, once.
    const first = item.direction === 'to_citizen' ? await markRead(db, ctx.tenant.id, item.id) : undefined;
    if (first) {
      await recordAudit(db, {
        tenantId: ctx.tenant.id,
        actorId: ctx.actor.userId,
        actorLabel: `citizen:${ctx.actor.userId}`,
        action: 'mailbox.first-read',
        objectType: first.case_kind ?? 'mailbox',
        objectId: first.case_id ?? first.id,
        summary: { item: first.id },
      });
      await deps.events.publish(db, mailboxFirstRead, { item: first });
    }
    return sendHtml(reply, <ItemView ctx={ctx} item={item} />);
  });

  route.get('/postfach/:id/anhang/:index', { access, params: attachmentParams }, async ({ request, reply, params, db }) => {
    const { ctx, item } = await ownItem(db, request, params.id);
    const attachment = (item.attachments as Attachment[])[params.index];
    const file = attachment ? await findStoredFile(db, ctx.tenant.id, attachment.file) : undefined;
    if (!file) throw new NotFound('attachment');
    return sendStoredFile(reply, deps.store, file, file.media_type === 'application/pdf' ? 'inline' : 'attachment');
  });

  route.post(
    '/postfach/:id/antworten',
    { access, params: itemParams, config: { multipart: true } },
    async ({ request, reply, params, db }) => {
      const { ctx, item } = await ownItem(db, request, params.id);
      const t = mailboxText(ctx.lang);
      const upload = await readFormWithFile(request, REPLY_MAX_BYTES);
      const text = (upload.fields.reply ?? '').trim();
      const refuse = (error: string, status = 400) => sendHtml(reply, <ItemView ctx={ctx} item={item} error={error} text={text} />, status);
      if (upload.tooLarge) return refuse(t('fileRefused'), 413);
      if (!text && !upload.file) return refuse(t('replyEmpty'));
      if (text.length > 4000) return refuse(t('replyTooLong'));
      const attachments: Attachment[] = [];
      if (upload.file) {
        try {
          const stored = await storeUpload(
            { db, store: deps.store, maxBytes: REPLY_MAX_BYTES, scanner: deps.scanner },
            { tenantId: ctx.tenant.id, bytes: upload.file, originalName: upload.fileName ?? 'Unterlage', allowed: documentTypes },
          );
          attachments.push({ file: stored.id, name: stored.original_name, size: Number(stored.size_bytes), type: stored.media_type });
        } catch (error) {
          if (
            error instanceof FileTooLarge ||
            error instanceof FileTypeNotAllowed ||
            error instanceof FileInfected ||
            error instanceof ScannerUnavailable
          )
            return refuse(t('fileRefused'));
          throw error;
        }
      }
      await replyTo(db, item, text, attachments, ctx.actor.name, (trx, sent) => deps.events.publish(trx, mailboxReplied, { item: sent }));
      setFlash(reply, t('replySent'));
      return reply.redirect('/postfach', 303);
    },
  );

  route.post('/postfach/:id/loeschen', { access, params: itemParams, changes: true }, async ({ request, reply, params, db }) => {
    const { ctx, item } = await ownItem(db, request, params.id);
    await deleteForCitizen(db, ctx.tenant.id, ctx.actor.userId, item.id);
    await recordAudit(db, {
      tenantId: ctx.tenant.id,
      actorId: ctx.actor.userId,
      actorLabel: `citizen:${ctx.actor.userId}`,
      action: 'mailbox.deleted',
      objectType: item.case_kind ?? 'mailbox',
      objectId: item.case_id ?? item.id,
      summary: { item: item.id },
    });
    setFlash(reply, mailboxText(ctx.lang)('deleted'));
    return reply.redirect('/postfach', 303);
  });

  route.post('/postfach/einstellungen', { access, body: settingsBody, changes: true }, async ({ request, reply, body, db }) => {
    const ctx = citizenOf(request);
    await saveSetting(db, ctx.tenant.id, ctx.actor.userId, body.notify === 'yes');
    setFlash(reply, mailboxText(ctx.lang)('settingsSaved'));
    return reply.redirect('/postfach', 303);
  });
}
