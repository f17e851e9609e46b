// Renders the fields of a step from the definition, with the values typed so far and the errors at each field.
import { formatMoney, type Lang } from '../../../platform/i18n/index.js';
import { Checkbox, RadioGroup, SelectField, TextArea, TextField } from '../../../platform/ui/components.js';
import type { AddressField, Field, FileField, GroupField, LocationField, ScalarField } from '../definition.js';
import { addressLine } from '../present.js';
import { bankOf } from '../banks.js';
import type { TownGeo } from '../../../platform/db/tables.js';
import { PlaceMap } from '../../../platform/geo/map.js';
import { evaluate, holds, type Answers, type Rates } from '../expressions.js';
import type { FormsTextKey, FormsTranslate } from '../texts.js';
import type { FieldError, StepErrors } from '../validate.js';

export type Values = Record<string, string | string[] | undefined>;
export type FieldContext = {
  lang: Lang;
  t: FormsTranslate;
  values: Values;
  errors: StepErrors;
  answers: Answers;
  prefilled: Set<string>;
  rates: Rates;
  geo?: TownGeo;
};

export function errorText(error: FieldError | undefined, t: FormsTranslate, lang: Lang): string | undefined {
  if (!error) return undefined;
  if (error.code === 'rule') return error.message?.[lang];
  if (error.code === 'unknownStreet' && error.limit) return t('error.unknownStreetSuggest', { limit: error.limit });
  return t(`error.${error.code}` as FormsTextKey, { limit: error.limit ?? '' });
}

function labelOf(field: ScalarField, context: FieldContext): string {
  const optional = field.required === false ? ` ${context.t('optional')}` : '';
  return field.label[context.lang].includes(context.t('optional')) ? field.label[context.lang] : `${field.label[context.lang]}${optional}`;
}

function Scalar({ field, name, context }: { field: ScalarField; name: string; context: FieldContext }) {
  const { lang, t } = context;
  const raw = context.values[name];
  const value = Array.isArray(raw) ? raw : (raw ?? '');
  const error = errorText(context.errors[name], t, lang);
  const label = labelOf(field, context);
  const hint = field.hint?.[lang];
  const single = Array.isArray(value) ? (value[0] ?? '') : value;
  switch (field.type) {
    case 'textarea':
      return <TextArea name={name} label={label} value={single} hint={hint} error={error} rows={5} />;
    case 'choice': {
      const options = field.options.map((option) => ({ value: option.value, label: option.label[lang] }));
      if (field.style === 'select')
        return <SelectField name={name} label={label} value={single} error={error} options={[{ value: '', label: '–' }, ...options]} />;
      if (field.style === 'radio') return <RadioGroup name={name} legend={label} value={single} error={error} options={options} />;
      const chosen = Array.isArray(value) ? value : [value];
      return (
        <fieldset class={['field', error && 'field--error']}>
          <legend safe>{label}</legend>
          {error && (
            <p class="error-message" id={`f-${name}-error`} safe>
              {error}
            </p>
          )}
          {options.map((option, index) => (
            <div class="choice">
              <input
                type="checkbox"
                id={index === 0 ? `f-${name}` : `f-${name}-${index}`}
                name={name}
                value={option.value}
                checked={chosen.includes(option.value)}
              />
              <label for={index === 0 ? `f-${name}` : `f-${name}-${index}`} safe>
                {option.label}
              </label>
            </div>
          ))}
        </fieldset>
      );
    }
    case 'yesno':
      return (
        <RadioGroup
          name={name}
          legend={label}
          value={single}
          error={error}
          options={[
            { value: 'yes', label: t('yes') },
            { value: 'no', label: t('no') },
          ]}
        />
      );
    case 'consent':
      return <Checkbox name={name} label={label} checked={single === 'yes'} error={error} />;
    case 'iban': {
      const bank = typeof single === 'string' ? bankOf(single) : undefined;
      const known = bank ? context.t('iban.bank', { bank: bank.name, bic: bank.bic }) : undefined;
      return (
        <TextField
          name={name}
          label={label}
          value={single}
          hint={[hint, known].filter(Boolean).join(' · ') || undefined}
          error={error}
          autocomplete="off"
        />
      );
    }
    default: {
      const type = field.type === 'date' ? 'date' : field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text';
      const inputmode = field.type === 'number' || field.type === 'money' ? 'numeric' : undefined;
      const autocomplete =
        field.prefill === 'given_name'
          ? 'given-name'
          : field.prefill === 'family_name'
            ? 'family-name'
            : field.prefill === 'email'
              ? 'email'
              : field.prefill === 'street_address'
                ? 'street-address'
                : field.prefill === 'name'
                  ? 'name'
                  : undefined;
      return (
        <TextField
          name={name}
          label={label}
          value={single}
          hint={hint}
          error={error}
          type={type}
          inputmode={inputmode}
          autocomplete={autocomplete}
        />
      );
    }
  }
}

/** Identity data from the account: read-only, with its source and how to correct it. */
function PrefilledValue({ label, value, context }: { label: string; value: string; context: FieldContext }) {
  return (
    <div class="field prefilled">
      <p class="label" safe>
        {label}
      </p>
      <p class="value" safe>
        {value}
      </p>
      <p class="hint" safe>
        {context.t('prefilled')}
      </p>
    </div>
  );
}

function Group({ field, context }: { field: GroupField; context: FieldContext }) {
  const { lang, t } = context;
  const count = Math.max(field.min, countItems(field.name, context.values));
  const error = errorText(context.errors[field.name], t, lang);
  return (
    <div class="repeat-group" id={`f-${field.name}`}>
      <h2 safe>{field.label[lang]}</h2>
      {error && (
        <p class="error-message" safe>
          {error}
        </p>
      )}
      {Array.from({ length: count }, (_, index) => {
        const item = Object.fromEntries(
          field.fields.map((inner) => [inner.name, context.values[`${field.name}.${index}.${inner.name}`]]),
        ) as Answers;
        return (
          <fieldset class="repeat-item">
            <legend safe>{`${field.itemLabel[lang]} ${index + 1}`}</legend>
            {field.fields
              .filter((inner) => holds(inner.visibleIf, { ...context.answers, ...item }))
              .map((inner) => (
                <Scalar field={inner} name={`${field.name}.${index}.${inner.name}`} context={context} />
              ))}
            {count > field.min && (
              <button type="submit" class="button button--secondary" name="action" value={`remove:${field.name}:${index}`} safe>
                {t('button.remove', { item: field.itemLabel[lang], number: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      {count < field.max && (
        <button type="submit" class="button button--secondary" name="action" value={`add:${field.name}`} safe>
          {t('button.add', { item: field.itemLabel[lang] })}
        </button>
      )}
    </div>
  );
}

export function countItems(name: string, values: Values): number {
  const indexes = Object.keys(values)
    .map((key) => new RegExp(`^${name}\\.(\\d+)\\.`).exec(key)?.[1])
    .filter(Boolean)
    .map(Number);
  return indexes.length ? Math.max(...indexes) + 1 : 0;
}

function FileInput({ field, context }: { field: FileField; context: FieldContext }) {
  const { lang, t } = context;
  const files = Array.isArray(context.answers[field.name]) ? (context.answers[field.name] as Answers[]) : [];
  const error = errorText(context.errors[field.name], t, lang);
  const hintId = `f-${field.name}-hint`;
  return (
    <div class={['field', error && 'field--error']}>
      <label for={`f-${field.name}`} safe>
        {field.label[lang]}
      </label>
      <p class="hint" id={hintId} safe>
        {[
          field.hint?.[lang],
          field.accept.map((type) => type.split('/')[1]!.toUpperCase()).join(', '),
          `≤ ${Math.round(field.maxBytes / 1024 / 1024)} MB`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {error && (
        <p class="error-message" id={`f-${field.name}-error`} safe>
          {error}
        </p>
      )}
      {files.length > 0 && (
        <ul class="file-list" aria-label={t('file.uploaded')}>
          {files.map((file, index) => (
            <li>
              <span safe>{`${String(file.name)} (${Math.ceil(Number(file.size) / 1024)} KB)`}</span>{' '}
              <button type="submit" class="link-button" name="action" value={`removefile:${field.name}:${index}`} safe>
                {t('file.remove', { name: String(file.name) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length < field.maxFiles && (
        <input
          type="file"
          id={`f-${field.name}`}
          name={field.name}
          accept={field.accept.join(',')}
          multiple={field.maxFiles - files.length > 1}
          aria-describedby={[hintId, error ? `f-${field.name}-error` : ''].filter(Boolean).join(' ')}
        />
      )}
    </div>
  );
}

function LocationInput({ field, context }: { field: LocationField; context: FieldContext }) {
  const { lang, t } = context;
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
  const coordinates = one(context.values[`${field.name}.coordinates`]);
  const place = (context.answers[field.name] as Answers[] | undefined)?.[0];
  const approximate = !coordinates && place?.precision === 'street';
  const [lat, lng] = approximate ? [Number(place.lat), Number(place.lng)] : coordinates.split(/\s*[;, ]\s*/).map(Number);
  return (
    <fieldset class="field location">
      <legend safe>{field.label[lang]}</legend>
      <TextField
        name={field.name}
        label={t('location.address')}
        value={one(context.values[field.name])}
        hint={field.hint?.[lang]}
        error={errorText(context.errors[field.name], t, lang)}
        autocomplete="street-address"
      />
      <TextField
        name={`${field.name}.coordinates`}
        label={t('location.coordinates')}
        hint={`${t('location.coordinatesHint')} ${t('location.pickHint')}`}
        value={coordinates}
        width="short"
        error={errorText(context.errors[`${field.name}.coordinates`], t, lang)}
      />
      {approximate && (
        <p class="hint" safe>
          {t('location.approximate')}
        </p>
      )}
      <PlaceMap
        geo={context.geo}
        focus={Number.isFinite(lat) && Number.isFinite(lng) ? { lat: lat!, lng: lng! } : undefined}
        label={t('location.mapLabel')}
        pickFor={`${field.name}.coordinates`}
      />
    </fieldset>
  );
}

/** Street and number (with suggestions from the street directory while typing), postcode and town. A local
 * address only asks for the street: postcode and town come from the directory. */
function AddressInput({ field, context }: { field: AddressField; context: FieldContext }) {
  const { lang, t } = context;
  const one = (key: string) => {
    const value = context.values[`${field.name}.${key}`];
    return (Array.isArray(value) ? value[0] : value) ?? '';
  };
  const error = errorText(context.errors[field.name], t, lang);
  if (context.prefilled.has(field.name)) {
    const address = (context.answers[field.name] as Answers[] | undefined)?.[0] ?? {};
    return <PrefilledValue label={field.label[lang]} value={addressLine(address)} context={context} />;
  }
  const listId = `f-${field.name}-streets`;
  return (
    <fieldset class={['field', 'address', error && 'field--error']}>
      <legend safe>{field.label[lang]}</legend>
      <TextField
        name={`${field.name}.street`}
        label={t('address.street')}
        value={one('street')}
        hint={field.local ? t('address.localHint') : field.hint?.[lang]}
        error={error}
        autocomplete="street-address"
        list={listId}
        suggest="/api/strassen"
      />
      <datalist id={listId}></datalist>
      {!field.local && (
        <TextField
          name={`${field.name}.postalCode`}
          label={t('address.postalCode')}
          value={one('postalCode')}
          autocomplete="postal-code"
          inputmode="numeric"
          width="short"
        />
      )}
      {!field.local && (
        <TextField name={`${field.name}.city`} label={t('address.city')} value={one('city')} autocomplete="address-level2" />
      )}
    </fieldset>
  );
}

/** Fields with a condition carry it as data, so app.js can show and hide them as answers change. */
export function FieldView({ field, context }: { field: Field; context: FieldContext }) {
  if (!field.visibleIf) return <FieldBody field={field} context={context} />;
  return (
    <div class="conditional" data-visible-if={JSON.stringify(field.visibleIf)}>
      <FieldBody field={field} context={context} />
    </div>
  );
}

function FieldBody({ field, context }: { field: Field; context: FieldContext }) {
  if (field.type === 'file') return <FileInput field={field} context={context} />;
  if (field.type === 'location') return <LocationInput field={field} context={context} />;
  if (field.type === 'info')
    return (
      <p class="info" safe>
        {field.text[context.lang]}
      </p>
    );
  if (field.type === 'computed') {
    const amount = evaluate(field.expression, context.answers, context.rates);
    return (
      <p class="computed" role="status">
        <strong safe>{`${field.label[context.lang]}: `}</strong>
        <span safe>{field.format === 'money' ? formatMoney(context.lang, amount) : String(amount)}</span>
      </p>
    );
  }
  if (field.type === 'group') return <Group field={field} context={context} />;
  if (field.type === 'address') return <AddressInput field={field} context={context} />;
  if (context.prefilled.has(field.name))
    return <PrefilledValue label={field.label[context.lang]} value={String(context.answers[field.name] ?? '')} context={context} />;
  return <Scalar field={field} name={field.name} context={context} />;
}
