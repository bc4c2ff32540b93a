// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { BrowserHost } from '../host/browser/browser-host.ts';
import { conventionFixture } from '../host/contract.ts';
import { HostBinding } from './binding.ts';

it('reports a failing host and catches up on the next round, losing nothing', async () => {
  const { model, action } = conventionFixture();
  const container = document.createElement('div');
  document.body.append(container);
  const host = new BrowserHost(container, { editable: true, year: 2026 });
  const errors: unknown[] = [];
  const binding = new HostBinding(model, host, { pollMs: 0, onError: (e) => errors.push(e) });
  await binding.start();
  const write = host.write.bind(host);
  host.write = async () => {
    throw new Error('Office occupé');
  };
  model.update('action', action, { title: 'Titre venu du modèle' });
  await binding.settled();
  expect(errors).toHaveLength(1);
  host.write = write;
  const description = container.querySelector(`[data-tag="ctg:action:${action}:description"]`) as HTMLElement;
  description.textContent = 'Tapé pendant la panne.';
  description.dispatchEvent(new Event('input', { bubbles: true }));
  await binding.settled();
  expect(model.read('action', action).description).toBe('Tapé pendant la panne.');
  expect(container.querySelector(`[data-tag="ctg:action:${action}:title"]`)?.textContent).toBe('Titre venu du modèle');
  binding.dispose();
});

it('read-only: what is typed in the host is put back to the model’s value', async () => {
  const { model, action } = conventionFixture();
  const container = document.createElement('div');
  document.body.append(container);
  const host = new BrowserHost(container, { editable: true, year: 2026 });
  const binding = new HostBinding(model, host, { pollMs: 0, readOnly: true });
  await binding.start();
  const title = container.querySelector(`[data-tag="ctg:action:${action}:title"]`) as HTMLElement;
  title.textContent = 'Tapé sans droit';
  title.dispatchEvent(new Event('input', { bubbles: true }));
  await binding.settled();
  expect(model.read('action', action).title).toBe('Créer un multi-accueil');
  expect(title.textContent).toBe('Créer un multi-accueil');
  binding.dispose();
});

it('a change to a just-added entity, arriving before its fields were read, is not undone', async () => {
  const { model, objective } = conventionFixture();
  const container = document.createElement('div');
  document.body.append(container);
  const host = new BrowserHost(container, { editable: true, year: 2026 });
  const binding = new HostBinding(model, host, { pollMs: 0 });
  await binding.start();
  const added = model.add('action', { code: '1.1.2', title: 'Relais petite enfance', description: 'Première version.' }, { parent: objective });
  await binding.settled();
  model.update('action', added, { description: 'Version revue par la Caf.' });
  await binding.settled();
  expect(model.read('action', added).description).toBe('Version revue par la Caf.');
  expect(container.querySelector(`[data-tag="ctg:action:${added}:description"]`)?.textContent).toBe('Version revue par la Caf.');
  binding.dispose();
});
