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
