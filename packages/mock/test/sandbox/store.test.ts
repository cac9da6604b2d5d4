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

  it('counts every change in its version', () => {
    const store = new Store();
    store.put('k', slot, credential('x'));
    store.delete('k', slot);
    store.delete('k', slot);
    store.reset('k');
    expect(store.version).toBe(3);
  });

  it('goes back to a snapshot, whatever changed since (a write that failed)', () => {
    const store = new Store();
    store.setSeed([{ ...slot, credential: credential('seed') }]);
    store.put('a', slot, credential('a1'));
    const kept = store.snapshot();
    store.put('a', slot, credential('a2'));
    store.delete('a', slot);
    store.put('b', slot, credential('b'));
    store.reset();
    store.put('c', slot, credential('c'));
    store.restore(kept);
    expect(store.get('a', slot)?.resource.id).toBe('a1');
    expect(store.get('b', slot)?.resource.id).toBe('seed');
    expect(store.get('c', slot)?.resource.id).toBe('seed');
    expect(store.size).toBe(1);
    store.put('a', slot, credential('a3'));
    expect(kept.get('a')?.get(`${slot.leafUserId}\n${slot.provider}`)?.resource.id).toBe('a1');
  });

  it('gives a snapshot later changes do not reach', () => {
    const store = new Store();
    store.put('a', slot, credential('before'));
    const snapshot = store.snapshot();
    store.put('a', slot, credential('after'));
    store.put('a', { ...slot, provider: 'Other' }, credential('new'));
    expect([...snapshot.get('a')!.values()].map((entry) => entry?.resource.id)).toEqual(['before']);
  });

  it('restores what snapshot() gave, tombstones included', () => {
    const store = new Store();
    store.setSeed([{ ...slot, credential: credential('seed') }]);
    store.delete('k', slot);
    store.put('k', { ...slot, provider: 'Other' }, credential('own'));
    const restored = new Store();
    restored.setSeed([{ ...slot, credential: credential('seed') }]);
    restored.restore(store.snapshot());
    expect(restored.get('k', slot)).toBeUndefined();
    expect(restored.get('k', { ...slot, provider: 'Other' })?.resource.id).toBe('own');
    expect(restored.size).toBe(1);
  });
});
