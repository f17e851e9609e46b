// The page shown for every error: a clear message in the visitor's language and a way back, never a stack trace.
import type { RequestContext } from '../http/context.js';
import { Page } from './layout.js';

export function ErrorPage(props: { ctx: RequestContext; title: string; text: string; backHref?: string }) {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={props.title}>
      <h1 safe>{props.title}</h1>
      <p safe>{props.text}</p>
      <p>
        {props.backHref ? (
          <a href={props.backHref} safe>
            {ctx.t('error.back')}
          </a>
        ) : (
          <a href="/" safe>
            {ctx.t('error.home')}
          </a>
        )}
      </p>
    </Page>
  );
}
