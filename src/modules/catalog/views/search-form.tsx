// The search box used on the catalog pages; suggestions while typing come from app.js when JavaScript runs.
import type { CatalogTranslate } from '../texts.js';

export function SearchForm({ t, query }: { t: CatalogTranslate; query?: string }) {
  return (
    <form method="get" action="/leistungen/suche" role="search" class="search-form">
      <div class="field">
        <label for="f-q" safe>
          {t('search.label')}
        </label>
        <p class="hint" id="f-q-hint" safe>
          {t('search.hint')}
        </p>
        <div class="search-row">
          <input
            id="f-q"
            name="q"
            type="search"
            value={query ?? ''}
            aria-describedby="f-q-hint"
            autocomplete="off"
            list="catalog-suggestions"
            data-suggest="/leistungen/suche/vorschlaege"
            maxlength="200"
          />
          <datalist id="catalog-suggestions"></datalist>
          <button type="submit" class="button button--primary" safe>
            {t('search.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
