// Views of the staff and unit administration.
import type { RequestContext } from '../http/context.js';
import type { FieldErrors } from '../http/errors.js';
import { Button, DataTable, ErrorSummary, Form, SelectField, TextField, TableScroll } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { staffRoles } from './roles.js';

type Unit = { id: string; name: string; short_name: string | null; parent_id: string | null };
type Staff = { id: string; display_name: string; email: string | null; totp_enabled: boolean };

const adminCrumb = (ctx: RequestContext) => ({ label: ctx.t('admin.title'), href: '/bo' });

export function UsersView(props: { ctx: RequestContext; users: Staff[]; values?: Record<string, string>; errors?: FieldErrors }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('admin.users')} crumbs={[adminCrumb(ctx), { label: t('admin.users') }]}>
      <h1 safe>{t('admin.users')}</h1>
      <TableScroll label={t('admin.users')}>
        <table>
          <caption safe>{t('admin.users')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('admin.name')}
              </th>
              <th scope="col" safe>
                {t('admin.email')}
              </th>
              <th scope="col" safe>
                {t('admin.twoFactor')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((user) => (
              <tr>
                <td>
                  <a href={`/admin/benutzer/${user.id}`} safe>
                    {user.display_name}
                  </a>
                </td>
                <td safe>{user.email ?? ''}</td>
                <td safe>{user.totp_enabled ? t('admin.yes') : t('admin.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 safe>{t('admin.addUser')}</h2>
      <ErrorSummary errors={props.errors} t={t} />
      <Form action="/admin/benutzer" csrf={ctx.csrfToken()}>
        <TextField
          name="display_name"
          label={t('admin.name')}
          value={props.values?.display_name}
          error={props.errors?.display_name}
          autocomplete="off"
          required
        />
        <TextField
          name="email"
          type="email"
          label={t('admin.email')}
          value={props.values?.email}
          error={props.errors?.email}
          autocomplete="off"
          required
        />
        <Button label={t('admin.save')} />
      </Form>
    </Page>
  );
}

export function UserView(props: {
  ctx: RequestContext;
  user: Staff;
  memberships: { unit_name: string; role: string }[];
  units: Unit[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { ctx, user } = props;
  const t = ctx.t;
  return (
    <Page
      ctx={ctx}
      title={user.display_name}
      crumbs={[adminCrumb(ctx), { label: t('admin.users'), href: '/admin/benutzer' }, { label: user.display_name }]}
    >
      <h1 safe>{user.display_name}</h1>
      <DataTable
        caption={t('admin.memberships')}
        head={[t('admin.unit'), t('admin.role')]}
        rows={props.memberships.map((m) => [m.unit_name, t(`role.${m.role}` as 'role.clerk')])}
        empty={t('admin.empty')}
      />
      <h2 safe>{t('admin.addMembership')}</h2>
      <ErrorSummary errors={props.errors} t={t} />
      <Form action={`/admin/benutzer/${user.id}/zuordnungen`} csrf={ctx.csrfToken()}>
        <SelectField
          name="unit_id"
          label={t('admin.unit')}
          value={props.values?.unit_id}
          error={props.errors?.unit_id}
          options={props.units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          name="role"
          label={t('admin.role')}
          value={props.values?.role}
          error={props.errors?.role}
          options={staffRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <Button label={t('admin.save')} />
      </Form>
    </Page>
  );
}

function UnitTree(props: { units: Unit[]; parentId: string | null }) {
  const children = props.units.filter((unit) => unit.parent_id === props.parentId);
  if (children.length === 0) return '';
  return (
    <ul>
      {children.map((unit) => (
        <li>
          <span safe>{unit.short_name ? `${unit.name} (${unit.short_name})` : unit.name}</span>
          <UnitTree units={props.units} parentId={unit.id} />
        </li>
      ))}
    </ul>
  );
}

export function UnitsView(props: { ctx: RequestContext; units: Unit[]; values?: Record<string, string>; errors?: FieldErrors }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('admin.units')} crumbs={[adminCrumb(ctx), { label: t('admin.units') }]}>
      <h1 safe>{t('admin.units')}</h1>
      <UnitTree units={props.units} parentId={null} />
      <h2 safe>{t('admin.addUnit')}</h2>
      <ErrorSummary errors={props.errors} t={t} />
      <Form action="/admin/einheiten" csrf={ctx.csrfToken()}>
        <TextField name="name" label={t('admin.name')} value={props.values?.name} error={props.errors?.name} required />
        <TextField
          name="short_name"
          label={t('admin.shortName')}
          value={props.values?.short_name}
          error={props.errors?.short_name}
          width="short"
        />
        <SelectField
          name="parent_id"
          label={t('admin.parent')}
          value={props.values?.parent_id}
          error={props.errors?.parent_id}
          options={[{ value: '', label: t('admin.none') }, ...props.units.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <Button label={t('admin.save')} />
      </Form>
    </Page>
  );
}
