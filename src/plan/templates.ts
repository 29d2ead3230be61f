import { join } from 'node:path';
import { ShipkitError } from '../errors.js';
import { isDirectory } from '../fs/list.js';
import { type BuiltInTemplate, createHandlebars, loadTemplate, type Render } from '../render/handlebars.js';
import { BUILT_IN_TEMPLATES } from '../render/templates.generated.js';

/** Plan documents: templates/plan/*.hbs, each replaceable by `<overrideDir>/<name>.hbs`. */

export type TemplateName = 'plan.md' | 'task-doc.md' | 'task-test.ts' | 'verify-week.mjs' | 'workflow.yml';
export type { Render };

export interface TemplateSet {
  get(name: TemplateName): Render;
  /** Where each template came from (the built-in's name or the override's path). */
  sources: Record<string, string>;
}

export async function loadTemplates(overrideDir?: string): Promise<TemplateSet> {
  if (overrideDir && !isDirectory(overrideDir)) {
    throw new ShipkitError('the templates directory does not exist', {
      location: { file: overrideDir },
      hint: 'Point --templates (or plan.templates) at a directory of .hbs files, or leave it out to use the built-in templates.',
    });
  }
  const hb = createHandlebars();
  const sources: Record<string, string> = {};
  const compiled = new Map<string, Render>();
  const names = Object.keys(BUILT_IN_TEMPLATES).filter((k) => k.startsWith('plan/')) as BuiltInTemplate[];
  for (const key of names) {
    const name = key.slice('plan/'.length);
    const override = overrideDir ? { path: join(overrideDir, `${name}.hbs`), optional: true } : undefined;
    const { render, source } = await loadTemplate(key, override, hb);
    sources[name] = source;
    compiled.set(name, render);
  }
  return { get: (name) => compiled.get(name) as Render, sources };
}
