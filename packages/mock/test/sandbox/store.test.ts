import { describe, expect, it } from 'vitest';
import { type Credential, Store } from '../../src/sandbox/store.js';

const credential = (id: string): Credential => ({ resource: { id }, log: [] });
const slot = { leafUserId: 'u1', provider: 'Trimble' };

describe('the store', () => {
  it.each([
    { name: 'a seeded credential', seeded: true, own: false, sees: 'seed' },
    { name: 'its own credential', seeded: false, own: true, sees: 'own' },
    { name: 'its own credential over a seeded one', seeded: true, own: true, sees: 'own' },
    { name: 'nothing', seeded: false, own: false, sees: undefined },
  ])('a key with $name sees $sees', ({ seeded, own, sees }) => {
    const store = new Store();
    if (seeded) store.setSeed([{ ...slot, credential: credential('seed') }]);
    if (own) store.put('k', slot, credential('own'));
    expect(store.get('k', slot)?.resource.id).toBe(sees);
    expect(store.get('other', slot)?.resource.id).toBe(seeded ? 'seed' : undefined);
  });

  it('deleting a seeded credential hides it from that key only, until the key is reset', () => {
    const store = new Store();
    store.setSeed([{ ...slot, credential: credential('seed') }]);
    expect(store.delete('k', slot)).toBe(true);
    expect(store.get('k', slot)).toBeUndefined();
    expect(store.delete('k', slot)).toBe(false);
    expect(store.list('k')).toEqual([]);
    expect(store.get('other', slot)?.resource.id).toBe('seed');
    store.reset('k');
    expect(store.get('k', slot)?.resource.id).toBe('seed');
  });

  it("reset without a key drops every key's own state and keeps the seed", () => {
    const store = new Store();
    store.setSeed([{ ...slot, credential: credential('seed') }]);
    store.put('a', slot, credential('a'));
    store.put('b', { ...slot, leafUserId: 'u2' }, credential('b'));
    store.reset();
    expect(store.get('a', slot)?.resource.id).toBe('seed');
    expect(store.get('b', { ...slot, leafUserId: 'u2' })).toBeUndefined();
  });

  it('tells persistence about every change', () => {
    let changes = 0;
    const store = new Store(() => (changes += 1));
    store.put('k', slot, credential('x'));
    store.delete('k', slot);
    store.delete('k', slot);
    store.reset('k');
    expect(changes).toBe(3);
  });

  it('restores what snapshot() gave, tombstones included', () => {
    const store = new Store();
    store.setSeed([{ ...slot, credential: credential('seed') }]);
    store.delete('k', slot);
    store.put('k', { ...slot, provider: 'Other' }, credential('own'));
    const snapshot = Object.fromEntries(
      [...store.snapshot()].map(([key, entries]) => [key, Object.fromEntries(entries)]),
    );
    const restored = new Store();
    restored.setSeed([{ ...slot, credential: credential('seed') }]);
    restored.restore(JSON.parse(JSON.stringify(snapshot)));
    expect(restored.get('k', slot)).toBeUndefined();
    expect(restored.get('k', { ...slot, provider: 'Other' })?.resource.id).toBe('own');
    expect(restored.size).toBe(1);
  });
});
