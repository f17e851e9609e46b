// Editorial pages: the list of entries, the edit page with its review step, and the version history with diffs.
import type { RequestContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { Alert, Button, ErrorSummary, Form, KeysetPagination, TextArea } from '../../../platform/ui/components.js';
import { Page } from '../../../platform/ui/layout.js';
import { ENTRY_KINDS, type EntryKind, type RevisionStatus } from '../constants.js';
import type { FieldChange } from '../diff.js';
import type { EntryListItem, EntryRow } from '../repo.js';
import type { CatalogTextKey, CatalogTranslate } from '../texts.js';
import { ContentFields, SettingsFields } from './editor-form.js';

const crumbsFor = (ctx: RequestContext, t: CatalogTranslate, last?: string) => [
  { label: ctx.t('site.backoffice'), href: '/bo' },
  ...(last ? [{ label: t('bo.title'), href: '/bo/katalog' }, { label: last }] : [{ label: t('bo.title') }]),
];

export function publicPath(entry: Pick<EntryRow, 'kind' | 'slug'>): string | undefined {
  return entry.kind === 'service' ? `/leistungen/${entry.slug}` : entry.kind === 'office' ? `/behoerden/${entry.slug}` : undefined;
}

function stateLabel(t: CatalogTranslate, entry: EntryListItem): string {
  if (entry.open_status) return t(`status.${entry.open_status}` as CatalogTextKey);
  return entry.published_version ? t('status.none') : t('status.unpublished');
}

/** `waiting`: the entries in review this person may decide on; `canCreate`: whether they edit any unit. */
export function EntriesView(props: {
  ctx: RequestContext;
  t: CatalogTranslate;
  entries: EntryListItem[];
  kind?: EntryKind;
  /** Links to the start of the list and to the next page, when there is one. */
  paging: { first?: string; next?: string };
  waiting: number;
  canCreate: boolean;
  units: Map<string, string>;
}) {
  const { ctx, t, entries } = props;
  return (
    <Page ctx={ctx} title={t('bo.title')} crumbs={crumbsFor(ctx, t)}>
      <h1 safe>{t('bo.title')}</h1>
      {props.canCreate && (
        <p class="actions">
          {ENTRY_KINDS.map((kind) => (
            <a class="button button--secondary" href={`/bo/katalog/neu?art=${kind}`} safe>
              {t('bo.new', { kind: t(`kind.${kind}`) })}
            </a>
          ))}
        </p>
      )}
      <p>
        <a href="/bo/katalog?status=review" safe>
          {t('bo.reviewQueue', { count: props.waiting })}
        </a>{' '}
        ·{' '}
        <a href="/bo/katalog/aktualitaet" safe>
          {t('bo.freshness')}
        </a>{' '}
        ·{' '}
        <a href="/bo/katalog/austausch" safe>
          {t('bo.exchange')}
        </a>{' '}
        ·{' '}
        <a href="/bo/katalog/synonyme" safe>
          {t('syn.title')}
        </a>
      </p>
      <nav aria-label={t('bo.filterKind')}>
        <ul class="letter-nav">
          <li>
            <a href="/bo/katalog" aria-current={props.kind ? undefined : 'page'} safe>
              {t('bo.all')}
            </a>
          </li>
          {ENTRY_KINDS.map((kind) => (
            <li>
              <a href={`/bo/katalog?art=${kind}`} aria-current={props.kind === kind ? 'page' : undefined} safe>
                {t(`kind.${kind}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {entries.length === 0 ? (
        <p safe>{t('bo.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-label={t('bo.title')} tabindex="0">
          <table>
            <caption class="visually-hidden" safe>
              {t('bo.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('bo.name')}
                </th>
                <th scope="col" safe>
                  {t('bo.filterKind')}
                </th>
                <th scope="col" safe>
                  {t('bo.state')}
                </th>
                <th scope="col" safe>
                  {t('bo.unit')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr>
                  <td>
                    <a href={`/bo/katalog/${entry.id}`} safe>
                      {entry.name}
                    </a>
                  </td>
                  <td safe>{t(`kind.${entry.kind}`)}</td>
                  <td safe>{stateLabel(t, entry)}</td>
                  <td safe>{props.units.get(entry.unit_id ?? '') ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPagination t={ctx.t} newest={props.paging.first} older={props.paging.next} alphabetical />
    </Page>
  );
}

type EditProps = {
  ctx: RequestContext;
  t: CatalogTranslate;
  kind: EntryKind;
  entry?: EntryRow;
  status?: RevisionStatus;
  comment?: string | null;
  values: Record<string, string>;
  errors?: FieldErrors;
  canEdit: boolean;
  canReview: boolean;
  units: { id: string; name: string }[];
  staff: { id: string; display_name: string }[];
};

function ReviewForm({ ctx, t, entry, errors }: { ctx: RequestContext; t: CatalogTranslate; entry: EntryRow; errors?: FieldErrors }) {
  return (
    <section aria-labelledby="review">
      <h2 id="review" safe>
        {t('status.review')}
      </h2>
      <Form action={`/bo/katalog/${entry.id}/entscheidung`} csrf={ctx.csrfToken()}>
        <TextArea name="comment" label={t('bo.comment')} error={errors?.comment} rows={2} />
        <Button label={t('bo.approve')} name="decision" value="approve" />
        <Button label={t('bo.reject')} name="decision" value="reject" kind="secondary" />
      </Form>
    </section>
  );
}

export function EditView(props: EditProps) {
  const { ctx, t, kind, entry, values } = props;
  const errors = props.errors ?? {};
  const title = entry ? t('bo.edit', { name: entry.name }) : t('bo.create', { kind: t(`kind.${kind}`) });
  const action = entry ? `/bo/katalog/${entry.id}` : `/bo/katalog/neu?art=${kind}`;
  const path = entry?.published_version ? publicPath(entry) : undefined;
  return (
    <Page ctx={ctx} title={title} crumbs={crumbsFor(ctx, t, entry?.name ?? t(`kind.${kind}`))}>
      <h1 safe>{title}</h1>
      <ErrorSummary errors={props.errors} t={ctx.t} />
      {!props.canEdit && !props.canReview && <Alert kind="info" text={t('bo.readOnly')} />}
      {props.status === 'review' && <Alert kind="info" text={t('bo.waitingReview')} />}
      {props.status === 'rejected' && props.comment && <Alert kind="warning" text={t('bo.rejectedNote', { comment: props.comment })} />}
      {entry && (
        <p>
          <a href={`/bo/katalog/${entry.id}/verlauf`} safe>
            {t('bo.history')}
          </a>
          {path && (
            <>
              {' '}
              ·{' '}
              <a href={path} safe>
                {t('bo.viewPublic')}
              </a>
            </>
          )}
        </p>
      )}
      {props.canReview && entry && props.status === 'review' && <ReviewForm ctx={ctx} t={t} entry={entry} errors={errors} />}
      <Form action={action} csrf={ctx.csrfToken()}>
        <fieldset disabled={!props.canEdit}>
          <legend class="visually-hidden" safe>
            {title}
          </legend>
          <SettingsFields values={values} errors={errors} t={t} lang={ctx.lang} units={props.units} staff={props.staff} withSlug={!entry} />
          <ContentFields kind={kind} values={values} errors={errors} t={t} lang={ctx.lang} />
          {props.canEdit && (
            <>
              <Button label={t('bo.saveDraft')} name="action" value="save" kind="secondary" />
              <Button label={t('bo.submit')} name="action" value="submit" />
            </>
          )}
        </fieldset>
      </Form>
      {entry?.published_version && (props.canEdit || props.canReview) && (
        <Form action={`/bo/katalog/${entry.id}/geprueft`} csrf={ctx.csrfToken()}>
          <Button label={t('bo.confirmReviewed')} kind="secondary" />
        </Form>
      )}
    </Page>
  );
}

export type HistoryItem = {
  version: number;
  decidedAt: Date | null;
  author: string | null;
  reviewer: string | null;
  comment: string | null;
  changes: FieldChange[] | undefined;
};

export function HistoryView({ ctx, t, entry, items }: { ctx: RequestContext; t: CatalogTranslate; entry: EntryRow; items: HistoryItem[] }) {
  return (
    <Page ctx={ctx} title={`${t('bo.history')}: ${entry.name}`} crumbs={crumbsFor(ctx, t, entry.name)}>
      <h1 safe>{`${t('bo.history')}: ${entry.name}`}</h1>
      <p>
        <a href={`/bo/katalog/${entry.id}`} safe>
          {t('bo.edit', { name: entry.name })}
        </a>
      </p>
      {items.length === 0 && <p safe>{t('bo.noHistory')}</p>}
      {items.map((item) => (
        <section class="version">
          <h2 safe>{t('bo.version', { version: item.version })}</h2>
          <p safe>
            {t('bo.versionBy', {
              date: item.decidedAt ? formatDateTime(ctx.lang, item.decidedAt) : '–',
              author: item.author ?? 'System',
              reviewer: item.reviewer ?? 'System',
            })}
          </p>
          {item.comment && <p safe>{item.comment}</p>}
          {!item.changes ? (
            <p safe>{t('bo.firstVersion')}</p>
          ) : item.changes.length === 0 ? (
            <p safe>{t('bo.noChanges')}</p>
          ) : (
            <div class="table-scroll" role="region" aria-label={t('bo.version', { version: item.version })} tabindex="0">
              <table class="diff">
                <caption class="visually-hidden" safe>
                  {t('bo.version', { version: item.version })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" safe>
                      {t('bo.diffField')}
                    </th>
                    <th scope="col" safe>
                      {t('bo.diffBefore')}
                    </th>
                    <th scope="col" safe>
                      {t('bo.diffAfter')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {item.changes.map((change) => (
                    <tr>
                      <th scope="row" safe>
                        {change.field}
                      </th>
                      <td>
                        <del safe>{change.before}</del>
                      </td>
                      <td>
                        <ins safe>{change.after}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Page>
  );
}
