// Domain events: how modules react to each other. The module where something happens declares the event with its
// payload type (its events.ts) and publishes it inside the transaction that makes the change; a module that reacts
// declares its subscription in its manifest (`Module.subscribes`). Nothing registers itself at run time: the bus
// of an app is built once from the manifests, and `describe()` lists who reacts to what (logged at start-up).
//
// Delivery: a subscriber runs in the publisher's transaction (it commits or rolls back with the change), or, when
// declared `durable`, through the job queue: the job is written in the publishing transaction (an outbox), so the
// reaction survives a crash after the commit and is retried until it succeeds. A durable payload must be JSON.
import type { Db } from './db/database.js';
import { enqueue, type JobHandler } from './jobs/queue.js';

/** A named event with a typed payload; `payload` is never set, it only carries the type. */
export type DomainEvent<P> = { readonly name: string; readonly payload?: P };

export function domainEvent<P>(name: string): DomainEvent<P> {
  return { name };
}

export type Subscription = {
  event: DomainEvent<unknown>;
  /** What the reaction does, in a few words (shown in the start-up listing and docs/architecture.md). */
  does: string;
  durable: boolean;
  handle: (db: Db, payload: unknown) => Promise<void>;
};

export function subscribe<P>(
  event: DomainEvent<P>,
  does: string,
  handle: (db: Db, payload: P) => Promise<void>,
  options: { durable?: boolean } = {},
): Subscription {
  return { event, does, durable: options.durable ?? false, handle: handle as Subscription['handle'] };
}

export const EVENT_DELIVERY_JOB = 'events.deliver';

type Declared = { module: string; subscription: Subscription };

export class EventBus {
  private readonly byEvent = new Map<string, Declared[]>();

  /** Takes a module's declared subscriptions (once, at start-up). */
  declare(module: string, subscriptions: Subscription[]): void {
    for (const subscription of subscriptions) {
      const list = this.byEvent.get(subscription.event.name) ?? [];
      if (list.some((other) => other.module === module))
        throw new Error(`${module} subscribes to ${subscription.event.name} twice: one reaction per module and event`);
      list.push({ module, subscription });
      this.byEvent.set(subscription.event.name, list);
    }
  }

  /** Runs the immediate subscribers in `db` (the publisher's transaction) and queues the durable ones in it. */
  async publish<P>(db: Db, event: DomainEvent<P>, payload: P): Promise<void> {
    const subscribers = this.byEvent.get(event.name) ?? [];
    for (const { module, subscription } of subscribers) {
      if (subscription.durable)
        await enqueue(db, { name: EVENT_DELIVERY_JOB, payload: { event: event.name, module, payload: payload as never } });
      else await subscription.handle(db, payload);
    }
  }

  /** The job that delivers a durable event to its subscriber. */
  deliveryJob(db: Db): JobHandler {
    return async (job) => {
      const subscriber = this.byEvent.get(String(job.event))?.find((entry) => entry.module === job.module);
      if (subscriber?.subscription.durable) await subscriber.subscription.handle(db, job.payload);
    };
  }

  /** Who reacts to what: one line per subscription, by event. */
  describe(): string[] {
    return [...this.byEvent.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([name, list]) =>
        list.map(({ module, subscription }) => `${name} → ${module}: ${subscription.does}${subscription.durable ? ' (job)' : ''}`),
      );
  }
}
