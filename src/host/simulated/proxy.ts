/**
 * The base of every simulated API object: `load` queues a read that fills the object's
 * properties at `sync`; reading a property before that throws PropertyNotLoaded, as in
 * Office. Writes are queued calls that change the state at `sync`.
 */
import { SimulatedOfficeError } from './errors';
import type { SimulatedRequestContext } from './context';
import type { SimState } from './state';

export type LoadSpec = string | string[] | { select?: string; expand?: string };

/** A planned read: run at sync against the state, then delivered to the proxies. */
export type LoadPlan = (state: SimState) => { response: Record<string, unknown> | null; deliver: () => void };

export function notLoaded(property: string): SimulatedOfficeError {
  return new SimulatedOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** A collection's load paths under `items/`, for each item (empty when only `items` was asked for). */
export function itemLoadPaths(paths: readonly string[][]): string[][] {
  return paths.filter((p) => p[0] === 'items').map((p) => p.slice(1)).filter((p) => p.length > 0);
}

/**
 * A collection's `load('items/…')`: each item it holds in `state` loads what was asked under
 * `items/` (or `defaults` when only `items` was), the responses go back as `items`, and the
 * items are kept (`keep`) for `.items` once the sync delivers.
 */
export function planItemsLoad<T extends SimObject>(paths: readonly string[][], defaults: string[][], itemsIn: (state: SimState) => T[], keep: (items: T[]) => void): LoadPlan {
  const itemPaths = itemLoadPaths(paths);
  return (state) => {
    const items = itemsIn(state);
    const results = items.map((item) => item.planLoad(itemPaths.length > 0 ? itemPaths : defaults)(state));
    return {
      response: { items: results.map((r) => r.response) },
      deliver: () => {
        keep(items);
        for (const r of results) r.deliver();
      },
    };
  };
}

export function parseLoadSpec(spec: LoadSpec | undefined): string[][] | undefined {
  if (spec === undefined) return undefined;
  const text = Array.isArray(spec) ? spec.join(',') : typeof spec === 'string' ? spec : [spec.select, spec.expand].filter(Boolean).join(',');
  const paths = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.split(/[/.]/));
  return paths.length > 0 ? paths : undefined;
}

export abstract class SimObject {
  private readonly loadedValues = new Map<string, unknown>();
  private nullFlag: boolean | undefined;

  constructor(readonly context: SimulatedRequestContext) {}

  /** The scalar properties `load` can fetch. */
  protected abstract readonly scalarNames: readonly string[];
  /** Reads a scalar from the state at sync (only called when the object exists). */
  protected abstract readScalar(name: string, state: SimState): unknown;
  /** False for a missing `...OrNullObject`; throws ItemNotFound for a missing plain object. */
  protected abstract exists(state: SimState): boolean;
  /** Names the object in requests and error locations. */
  abstract describe(): string;

  /** Navigation properties that can be loaded through, e.g. `protection` on a worksheet. */
  protected navigation(_name: string): SimObject | undefined {
    return undefined;
  }

  /** The navigation property `name` (public for the wire handler, which names the load's parts). */
  child(name: string): SimObject | undefined {
    return this.navigation(name);
  }

  /** What a bare `load()` fetches: every scalar. */
  defaultLoadPaths(): string[][] {
    return this.scalarNames.map((n) => [n]);
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw notLoaded('isNullObject');
    return this.nullFlag;
  }

  load(spec?: LoadSpec): this {
    // A bare load() fetches every scalar, as Office does (the adapter never relies on it).
    const paths = parseLoadSpec(spec) ?? this.scalarNames.map((n) => [n]);
    const plan = this.planLoad(paths);
    this.context.enqueue({
      request: { load: this.describe(), select: paths.map((p) => p.join('/')) },
      location: `${this.describe()}.load`,
      run: (state) => plan(state),
    });
    return this;
  }

  /** Builds the read for these property paths without queueing it (collections use it for items). */
  planLoad(paths: readonly string[][]): LoadPlan {
    const scalars: string[] = [];
    const nested = new Map<string, string[][]>();
    for (const path of paths) {
      const [head, ...rest] = path;
      if (head === undefined) continue;
      if (rest.length === 0 && this.scalarNames.includes(head)) {
        scalars.push(head);
        continue;
      }
      if (this.navigation(head) === undefined) {
        throw new SimulatedOfficeError('InvalidArgument', `The property '${path.join('/')}' does not exist on ${this.describe()}.`);
      }
      const list = nested.get(head) ?? [];
      if (rest.length > 0) list.push(rest);
      nested.set(head, list);
    }
    const childPlans = [...nested].map(([name, rest]) => {
      const child = this.navigation(name)!;
      return { name, plan: child.planLoad(rest.length > 0 ? rest : child.scalarNames.map((n) => [n])) };
    });
    return (state) => {
      const exists = this.exists(state);
      const response: Record<string, unknown> = {};
      for (const name of scalars) response[name] = exists ? this.readScalar(name, state) : null;
      const delivered = exists ? childPlans.map(({ name, plan }) => ({ name, result: plan(state) })) : [];
      for (const { name, result } of delivered) response[name] = result.response;
      return {
        // A null object reads as null, as on Office's wire.
        response: exists ? response : null,
        deliver: () => {
          this.nullFlag = !exists;
          for (const name of scalars) this.loadedValues.set(name, response[name]);
          for (const { result } of delivered) result.deliver();
        },
      };
    };
  }

  /** A loaded property's value; throws PropertyNotLoaded when it was not loaded and synced. */
  protected loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw notLoaded(name);
    return this.loadedValues.get(name) as T;
  }

  /** Marks the object as synced after its own write created it (e.g. `worksheets.add`). */
  protected markLoaded(name: string, value: unknown): void {
    this.loadedValues.set(name, value);
  }

  /** Queues a write; `apply` runs at sync and may throw an Office error. */
  protected queueWrite(method: string, data: unknown, apply: (state: SimState) => void): void {
    const location = `${this.describe()}.${method}`;
    this.context.enqueue({
      request: { call: location, data },
      location,
      run: (state) => {
        apply(state);
      },
    });
  }
}

/** The value of a method's result (`getCellProperties`), readable after sync. */
export class SimClientResult<T> {
  private result: { value: T } | undefined;

  get value(): T {
    if (!this.result) throw notLoaded('value');
    return this.result.value;
  }

  set(value: T): void {
    this.result = { value };
  }
}
