// The editor form per entry kind. Every field keeps what was typed when the form comes back with errors.
import type { FieldErrors } from '../../../platform/http/errors.js';
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextArea, TextField } from '../../../platform/ui/components.js';
import type { Lang } from '../../../platform/i18n/index.js';
import { BUSINESS_SITUATIONS, LIFE_SITUATIONS, type EntryKind } from '../constants.js';
import type { CatalogTranslate, CatalogTextKey } from '../texts.js';

type Values = Record<string, string>;
type FieldsProps = { values: Values; errors: FieldErrors; t: CatalogTranslate; lang: Lang };

function fields({ values, errors, t }: FieldsProps) {
  const text = (name: string, extra: { hint?: string; type?: 'email' | 'tel'; width?: 'short' } = {}) => (
    <TextField name={name} label={t(`field.${name}` as CatalogTextKey)} value={values[name]} error={errors[name]} {...extra} />
  );
  const area = (name: string, hint?: string, rows = 4) => (
    <TextArea name={name} label={t(`field.${name}` as CatalogTextKey)} value={values[name]} error={errors[name]} hint={hint} rows={rows} />
  );
  const check = (name: string) => (
    <Checkbox name={name} label={t(`field.${name}` as CatalogTextKey)} checked={values[name] === 'yes'} error={errors[name]} />
  );
  return { text, area, check };
}

/** The English version: every text a citizen reads on the English pages; empty fields are shown in German there. */
function English({ t, children }: { t: CatalogTranslate; children: JSX.Element | JSX.Element[] }) {
  return (
    <fieldset class="field">
      <legend safe>{t('field.english')}</legend>
      <p class="hint" safe>
        {t('field.englishHint')}
      </p>
      {children}
    </fieldset>
  );
}

function ServiceFields(props: FieldsProps) {
  const { values, errors, t, lang } = props;
  const { text, area, check } = fields(props);
  const checkedIn = (name: string) =>
    Object.keys(values)
      .filter((key) => key.startsWith(`${name}.`) && values[key] === 'yes')
      .map((key) => key.slice(name.length + 1));
  return (
    <>
      {text('name')}
      {area('summary', undefined, 3)}
      {area('description', undefined, 8)}
      {area('plainLanguage')}
      {text('leikaKey', { width: 'short' })}
      {text('ozgId', { width: 'short' })}
      <SelectField
        name="ozgType"
        label={t('field.ozgType')}
        value={values.ozgType}
        error={errors.ozgType}
        options={[{ value: '', label: t('field.ozgTypeNone') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `Typ ${n}` }))]}
      />
      <CheckboxGroup
        name="lifeSituations"
        legend={t('field.lifeSituations')}
        options={LIFE_SITUATIONS.map((s) => ({ value: s.slug, label: s[lang] }))}
        checked={checkedIn('lifeSituations')}
        error={errors.lifeSituations}
      />
      <CheckboxGroup
        name="businessSituations"
        legend={t('field.businessSituations')}
        options={BUSINESS_SITUATIONS.map((s) => ({ value: s.slug, label: s[lang] }))}
        checked={checkedIn('businessSituations')}
        error={errors.businessSituations}
      />
      {area('prerequisites', t('field.linesHint'))}
      {area('documents', t('field.linesHint'))}
      <RadioGroup
        name="costsKind"
        legend={t('field.costsKind')}
        value={values.costsKind || 'free'}
        error={errors.costsKind}
        options={[
          { value: 'free', label: t('costs.free') },
          { value: 'fixed', label: t('costs.kindFixed') },
          { value: 'range', label: t('costs.kindRange') },
          { value: 'formula', label: t('costs.kindFormula') },
        ]}
      />
      {text('costsAmount', { width: 'short' })}
      {text('costsMin', { width: 'short' })}
      {text('costsMax', { width: 'short' })}
      {area('costsText', undefined, 2)}
      {text('deadlines')}
      {text('processingTime')}
      {area('steps', t('field.linesHint'))}
      {area('legalBases', t('field.linksHint'))}
      {text('onlineUrl')}
      {text('onlineLabel')}
      {area('forms', t('field.linksHint'), 2)}
      {check('bookable')}
      {area('notes')}
      {area('legalRemedy', undefined, 3)}
      {text('keywords', { hint: t('field.keywordsHint') })}
      {text('languages', { hint: t('field.languagesHint'), width: 'short' })}
      {area('responsibilities', t('field.responsibilitiesHint'))}
      {text('elsewhereName')}
      {text('elsewhereUrl')}
      {text('elsewhereNote')}
      <English t={t}>
        {text('enName')}
        {area('enSummary', undefined, 2)}
        {area('enDescription')}
        {area('enPlainLanguage')}
        {area('enPrerequisites', t('field.linesHint'))}
        {area('enDocuments', t('field.linesHint'))}
        {area('enCostsText', undefined, 2)}
        {text('enDeadlines')}
        {text('enProcessingTime')}
        {area('enSteps', t('field.linesHint'))}
        {area('enNotes')}
        {area('enLegalRemedy', undefined, 3)}
        {text('enElsewhereNote')}
      </English>
    </>
  );
}

function OfficeFields(props: FieldsProps) {
  const { t } = props;
  const { text, area, check } = fields(props);
  return (
    <>
      {text('name')}
      {area('description', undefined, 3)}
      {text('street')}
      {text('postalCode', { width: 'short' })}
      {text('city')}
      {text('latitude', { width: 'short' })}
      {text('longitude', { width: 'short' })}
      {check('stepFree')}
      {check('parking')}
      {area('accessibilityNote', undefined, 2)}
      {area('hours', t('field.hoursHint'), 6)}
      {area('exceptions', t('field.exceptionsHint'), 3)}
      {check('closedOnHolidays')}
      {text('phone', { type: 'tel' })}
      {text('email', { type: 'email' })}
      {text('contactFormUrl')}
      <English t={t}>
        {text('enName')}
        {area('enDescription', undefined, 3)}
        {area('enAccessibilityNote', undefined, 2)}
        {area('enExceptionNotes', t('field.enExceptionNotesHint'), 2)}
      </English>
    </>
  );
}

function ContactFields(props: FieldsProps) {
  const { text } = fields(props);
  return (
    <>
      {text('name')}
      {text('role')}
      {text('office', { width: 'short' })}
      {text('phone', { type: 'tel' })}
      {text('email', { type: 'email' })}
      {text('room', { width: 'short' })}
      <English t={props.t}>{text('enRole')}</English>
    </>
  );
}

export function ContentFields(props: FieldsProps & { kind: EntryKind }) {
  if (props.kind === 'service') return <ServiceFields {...props} />;
  if (props.kind === 'office') return <OfficeFields {...props} />;
  return <ContactFields {...props} />;
}

export function SettingsFields(
  props: FieldsProps & { units: { id: string; name: string }[]; staff: { id: string; display_name: string }[]; withSlug: boolean },
) {
  const { values, errors, t } = props;
  return (
    <>
      {props.withSlug && (
        <TextField name="slug" label={t('field.slug')} hint={t('field.slugHint')} value={values.slug} error={errors.slug} />
      )}
      <SelectField
        name="unitId"
        label={t('field.unit')}
        value={values.unitId}
        error={errors.unitId}
        options={props.units.map((unit) => ({ value: unit.id, label: unit.name }))}
      />
      <SelectField
        name="ownerUserId"
        label={t('field.owner')}
        value={values.ownerUserId}
        error={errors.ownerUserId}
        options={[{ value: '', label: '–' }, ...props.staff.map((person) => ({ value: person.id, label: person.display_name }))]}
      />
      <TextField
        name="reviewMonths"
        label={t('field.reviewMonths')}
        value={values.reviewMonths || '12'}
        error={errors.reviewMonths}
        type="number"
        width="short"
      />
    </>
  );
}
