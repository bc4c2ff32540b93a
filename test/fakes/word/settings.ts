// The fake document settings (`context.document.settings`, WordApi 1.4): values stored as JSON, per key.
import { ClientObject, type FakeRequestContext } from './context.ts';
import { ErrorCodes, FakeOfficeError } from './errors.ts';
import type { WordState } from './state.ts';

export class SettingProxy extends ClientObject<{ key: string; value: unknown }> {
  protected readonly scalars = ['key', 'value'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
    key: string,
    orNull: boolean,
  ) {
    super(
      context,
      () => {
        if (state.settings.has(key)) return { key, value: structuredClone(state.settings.get(key)) };
        if (orNull) return null;
        throw new FakeOfficeError(ErrorCodes.itemNotFound, `No setting '${key}'.`, { errorLocation: 'SettingCollection.getItem' });
      },
      'Setting',
    );
  }

  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }

  protected read(setting: { key: string; value: unknown }, name: string): unknown {
    return name === 'key' ? setting.key : setting.value;
  }

  delete(): void {
    this.queue((setting) => this.state.settings.delete(setting.key));
  }
}

export class SettingCollectionProxy extends ClientObject<Map<string, unknown>> {
  protected readonly scalars = [] as const;

  constructor(
    context: FakeRequestContext,
    private readonly state: WordState,
  ) {
    super(context, () => state.settings, 'SettingCollection');
  }

  protected read(): unknown {
    return undefined;
  }

  /** Creates or replaces a setting (values are stored as JSON, as Word does). */
  add(key: string, value: unknown): SettingProxy {
    const json = JSON.parse(JSON.stringify(value)) as unknown;
    this.queue((settings) => settings.set(key, json));
    return new SettingProxy(this.context, this.state, key, false);
  }

  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, this.state, key, false);
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, this.state, key, true);
  }
}
