// Editors maintain the search synonyms: the words people type mapped to the words the catalog uses.
import type { FastifyInstance } from 'fastify';
import type { RequestContext } from '../../platform/http/context.js';
import { audit, type Deps } from '../../platform/http/deps.js';
import { textForm } from '../../platform/http/forms.js';
import { routes } from '../../platform/http/route.js';
import { setFlash } from '../../platform/http/request-context.js';
import { Button, ErrorSummary, Form, TextField } from '../../platform/ui/components.js';
import { Page } from '../../platform/ui/layout.js';
import { sendHtml } from '../../platform/ui/render.js';
import { catalogPolicy } from './policy.js';
import { deleteSynonym, listSynonyms, upsertSynonym } from './repo.js';
import { catalogChanged } from './search-cache.js';
import { tokenize } from '../../platform/db/text-search.js';
import { catalogText, type CatalogTranslate } from './texts.js';

type Props = {
  ctx: RequestContext;
  t: CatalogTranslate;
  synonyms: { term: string; expansion: string }[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
};

function SynonymsView({ ctx, t, synonyms, values = {}, errors }: Props) {
  return (
    <Page
      ctx={ctx}
      title={t('syn.title')}
      crumbs={[{ label: ctx.t('site.backoffice'), href: '/bo' }, { label: t('bo.title'), href: '/bo/katalog' }, { label: t('syn.title') }]}
    >
      <h1 safe>{t('syn.title')}</h1>
      <p class="lead" safe>
        {t('syn.lead')}
      </p>
      <ErrorSummary errors={errors} t={ctx.t} />
      <Form action="/bo/katalog/synonyme" csrf={ctx.csrfToken()}>
        <TextField name="term" label={t('syn.term')} value={values.term} error={errors?.term} width="short" />
        <TextField name="expansion" label={t('syn.expansion')} value={values.expansion} error={errors?.expansion} />
        <Button label={t('syn.add')} />
      </Form>
      {synonyms.length === 0 ? (
        <p safe>{t('syn.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-label={t('syn.title')} tabindex="0">
          <table>
            <caption class="visually-hidden" safe>
              {t('syn.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('syn.term')}
                </th>
                <th scope="col" safe>
                  {t('syn.expansion')}
                </th>
                <th scope="col">
                  <span class="visually-hidden" safe>
                    {t('syn.remove')}
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {synonyms.map((row) => (
                <tr>
                  <th scope="row" safe>
                    {row.term}
                  </th>
                  <td safe>{row.expansion}</td>
                  <td>
                    <Form action="/bo/katalog/synonyme/entfernen" csrf={ctx.csrfToken()}>
                      <input type="hidden" name="term" value={row.term} />
                      <button type="submit" class="button button--secondary" aria-label={`${t('syn.remove')}: ${row.term}`} safe>
                        {t('syn.remove')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

export function registerSynonymPages(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const render = async (ctx: RequestContext, extra: Partial<Props> = {}) => (
    <SynonymsView ctx={ctx} t={catalogText(ctx.lang)} synonyms={await listSynonyms(db, ctx.tenant.id)} {...extra} />
  );

  route.get('/bo/katalog/synonyme', { access: catalogPolicy.work }, async ({ request, reply }) =>
    sendHtml(reply, await render(request.ctx)),
  );

  route.post('/bo/katalog/synonyme', { access: catalogPolicy.editSynonyms, body: textForm }, async ({ request, reply, body: values }) => {
    const { ctx } = request;
    const t = catalogText(ctx.lang);
    const term = tokenize(values.term ?? '');
    const expansion = (values.expansion ?? '').trim();
    const errors: Record<string, string> = {};
    if (term.length !== 1 || term[0]!.length > 60) errors.term = t('invalid.format');
    if (tokenize(expansion).length === 0 || expansion.length > 200) errors.expansion = t('invalid.required');
    if (Object.keys(errors).length > 0) return sendHtml(reply, await render(ctx, { values, errors }), 400);
    await db.transaction().execute(async (trx) => {
      await upsertSynonym(trx, ctx.tenant.id, term[0]!, expansion);
      await audit(trx, ctx, 'catalog.synonym_saved', { type: 'catalog_synonym', summary: { term: term[0], expansion } });
    });
    catalogChanged(ctx.tenant.id);
    setFlash(reply, t('syn.saved'));
    return reply.redirect('/bo/katalog/synonyme', 303);
  });

  route.post('/bo/katalog/synonyme/entfernen', { access: catalogPolicy.editSynonyms, body: textForm }, async ({ request, reply, body }) => {
    const { ctx } = request;
    const term = body.term ?? '';
    await db.transaction().execute(async (trx) => {
      await deleteSynonym(trx, ctx.tenant.id, term);
      await audit(trx, ctx, 'catalog.synonym_removed', { type: 'catalog_synonym', summary: { term } });
    });
    catalogChanged(ctx.tenant.id);
    setFlash(reply, catalogText(ctx.lang)('syn.removed'));
    return reply.redirect('/bo/katalog/synonyme', 303);
  });
}
