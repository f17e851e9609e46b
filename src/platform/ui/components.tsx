// The small design system: form fields with label, hint and error; error summary; alerts; cards; tables; pagination.
// Every component renders plain HTML that works without JavaScript; /styleguide shows each of them.
import { escapeHtml, type PropsWithChildren } from '@kitajs/html';
import type { FieldErrors } from '../http/errors.js';
import type { Translate } from '../i18n/index.js';

type FieldProps = {
  name: string;
  /** Only where one page has several fields of the same name (e.g. one form per workflow step). */
  id?: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'tel' | 'search';
  autocomplete?: string;
  inputmode?: 'numeric' | 'text' | 'email' | 'tel';
  required?: boolean;
  width?: 'short' | 'full';
  /** The id of a <datalist>, and the JSON endpoint app.js fills it from while typing. */
  list?: string;
  suggest?: string;
};

/** Label, hint and error message around one control; the control gets `aria-describedby` from `describedBy`. */
function Field(props: PropsWithChildren<{ name: string; id?: string; label: string; hint?: string; error?: string }>) {
  const id = props.id ?? `f-${props.name}`;
  return (
    <div class={['field', props.error && 'field--error']}>
      <label for={id} safe>
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="error-message" id={`${id}-error`} safe>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

function describedBy(props: { name: string; id?: string; hint?: string; error?: string }): string | undefined {
  const id = props.id ?? `f-${props.name}`;
  return [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField(props: FieldProps) {
  return (
    <Field {...props}>
      <input
        id={props.id ?? `f-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        class={props.width === 'short' ? 'input--short' : undefined}
        list={props.list}
        data-suggest={props.suggest}
      />
    </Field>
  );
}

type Option = { value: string; label: string };

/** One file to upload (imports); the form must be multipart with the CSRF token in its action. */
export function FileField(props: { name: string; label: string; accept: string; hint?: string; error?: string; multiple?: boolean }) {
  return (
    <Field {...props}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </Field>
  );
}

/** Multi-line text; for lists, one entry per line (the hint says so). */
export function TextArea(props: { name: string; label: string; value?: string; hint?: string; error?: string; rows?: number }) {
  return (
    <Field {...props}>
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={String(props.rows ?? 4)}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        safe
      >
        {props.value ?? ''}
      </textarea>
    </Field>
  );
}

/** Several checkboxes under one legend; each posts as `name.value=yes`, so plain form parsing reads them. */
export function CheckboxGroup(props: { name: string; legend: string; options: Option[]; checked: string[]; error?: string }) {
  return (
    <fieldset class={['field', props.error && 'field--error']}>
      <legend safe>{props.legend}</legend>
      {props.error && (
        <p class="error-message" id={`f-${props.name}-error`} safe>
          {props.error}
        </p>
      )}
      {props.options.map((option) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`f-${props.name}-${option.value}`}
            name={`${props.name}.${option.value}`}
            value="yes"
            checked={props.checked.includes(option.value)}
          />
          <label for={`f-${props.name}-${option.value}`} safe>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function SelectField(props: { name: string; label: string; options: Option[]; value?: string; error?: string; hint?: string }) {
  return (
    <Field {...props}>
      <select
        id={`f-${props.name}`}
        name={props.name}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value} safe>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function RadioGroup(props: { name: string; legend: string; options: Option[]; value?: string; error?: string }) {
  return (
    <fieldset class={['field', props.error && 'field--error']}>
      <legend safe>{props.legend}</legend>
      {props.error && (
        <p class="error-message" id={`f-${props.name}-error`} safe>
          {props.error}
        </p>
      )}
      {props.options.map((option, index) => (
        <div class="choice">
          <input
            type="radio"
            id={`f-${props.name}-${index}`}
            name={props.name}
            value={option.value}
            checked={option.value === props.value}
          />
          <label for={`f-${props.name}-${index}`} safe>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox(props: { name: string; label: string; checked?: boolean; error?: string }) {
  return (
    <div class={['field', 'choice', props.error && 'field--error']}>
      {props.error && (
        <p class="error-message" id={`f-${props.name}-error`} safe>
          {props.error}
        </p>
      )}
      <input type="checkbox" id={`f-${props.name}`} name={props.name} value="yes" checked={props.checked} />
      <label for={`f-${props.name}`} safe>
        {props.label}
      </label>
    </div>
  );
}

/** The list of problems at the top of a form; each links to its field, and it takes focus via the `autofocus`-free tabindex. */
export function ErrorSummary(props: { errors: FieldErrors | undefined; t: Translate }) {
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return '';
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" safe>
        {props.t('error.summary')}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`} safe>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Alert(props: PropsWithChildren<{ kind: 'info' | 'success' | 'warning' | 'error'; text?: string }>) {
  const role = props.kind === 'error' || props.kind === 'warning' ? 'alert' : 'status';
  return (
    <div class={`alert alert--${props.kind}`} role={role}>
      {props.text ? <p safe>{props.text}</p> : props.children}
    </div>
  );
}

export function Card(props: PropsWithChildren<{ title: string; href: string; description?: string; level?: 2 | 3; lang?: string }>) {
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <li class="card" lang={props.lang}>
      <tag of={Heading}>
        <a href={props.href} safe>
          {props.title}
        </a>
      </tag>
      {props.description && <p safe>{props.description}</p>}
      {props.children}
    </li>
  );
}

/** `shortcut`: a key app.js maps to this button (shown in its accessible name's description by the page). */
export function Button(props: {
  label: string;
  kind?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
  shortcut?: string;
}) {
  return (
    <button
      type="submit"
      class={`button button--${props.kind ?? 'primary'}`}
      name={props.name}
      value={props.value}
      data-shortcut={props.shortcut}
      aria-keyshortcuts={props.shortcut}
      safe
    >
      {props.label}
    </button>
  );
}

/** A form posting to our own server with its CSRF token. */
/** `check`: an endpoint app.js posts the form's answers to when a field changes, for inline validation. */
export function Form(
  props: PropsWithChildren<{ action: string; csrf: string; method?: 'post' | 'get'; multipart?: boolean; check?: string }>,
) {
  return (
    <form
      method={props.method ?? 'post'}
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      novalidate
      data-check={props.check}
    >
      {props.method !== 'get' && <input type="hidden" name="_csrf" value={props.csrf} />}
      {props.children}
    </form>
  );
}

export function DataTable(props: { caption: string; head: string[]; rows: string[][]; empty: string }) {
  if (props.rows.length === 0)
    return (
      <p class="empty" safe>
        {props.empty}
      </p>
    );
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption safe>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((label) => (
              <th scope="col" safe>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td safe>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Wide tables scroll sideways on phones; the region is focusable so keyboard users can scroll it too. */
export function TableScroll(props: PropsWithChildren<{ label: string }>) {
  return (
    <div class="table-wrap" tabindex="0" role="region" aria-label={props.label}>
      {props.children}
    </div>
  );
}

export function Pagination(props: { page: number; hasNext: boolean; href: (page: number) => string; t: Translate }) {
  if (props.page <= 1 && !props.hasNext) return '';
  return (
    <nav class="pagination" aria-label={props.t('pagination.label')}>
      {props.page > 1 && (
        <a href={props.href(props.page - 1)} rel="prev" safe>
          {props.t('pagination.prev')}
        </a>
      )}
      <span aria-current="page" safe>
        {props.t('pagination.page', { page: props.page })}
      </span>
      {props.hasNext && (
        <a href={props.href(props.page + 1)} rel="next" safe>
          {props.t('pagination.next')}
        </a>
      )}
    </nav>
  );
}

/** Paging through a list that grows by position, not page number: back to the start (the newest), on to the next
 * (older) entries; `alphabetical` for lists by name. */
export function KeysetPagination(props: { newest?: string; older?: string; t: Translate; alphabetical?: boolean }) {
  if (!props.newest && !props.older) return '';
  const [first, next] = props.alphabetical
    ? (['pagination.first', 'pagination.more'] as const)
    : (['pagination.newest', 'pagination.older'] as const);
  return (
    <nav class="pagination" aria-label={props.t('pagination.label')}>
      {props.newest && (
        <a href={props.newest} rel="first" safe>
          {props.t(first)}
        </a>
      )}
      {props.older && (
        <a href={props.older} rel="next" safe>
          {props.t(next)}
        </a>
      )}
    </nav>
  );
}

/** Multi-line text from a trusted template, escaped and split into paragraphs. */
export function Paragraphs(props: { text: string }) {
  return props.text
    .split(/\n{2,}/)
    .map((paragraph) => <p>{escapeHtml(paragraph).replace(/\n/g, '<br />')}</p>)
    .join('');
}
