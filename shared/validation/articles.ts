// The text: required articles, their numbering 1..n, required annexes and the annexes the articles cite.
import type { AnnexKind, ArticleKind } from '../vocabulary.ts';
import { ANNEX_KINDS, ARTICLE_KINDS } from '../vocabulary.ts';
import type { Rule } from './context.ts';
import { type Finding, finding } from './finding.ts';
import { articleName, cap } from './labels.ts';

/** The plan may be its own article or sit in `champs`, so `plan_actions` is not required (ctg-domain.md §4). */
const REQUIRED_ARTICLES: readonly ArticleKind[] = ['objet', 'champs', 'engagements', 'pilotage', 'suivi_evaluation', 'duree_revision'];
const REQUIRED_ANNEXES: readonly AnnexKind[] = ['diagnostic', 'plan_actions'];
/** « annexe 3 », « annexe n° 3 », « Annexe n°3 ». */
const ANNEX_CITATION = /annexe\s+(n°\s*)?(\d+)/gi;

export const articleKinds: Rule = (ctx) => {
  const present = new Set(ctx.snapshot.articles.map((a) => a.kind));
  const findings: Finding[] = [];
  for (const kind of REQUIRED_ARTICLES) {
    if (present.has(kind)) continue;
    const label = ARTICLE_KINDS.labels[kind];
    findings.push(
      finding('article-kind-missing', { kind: 'convention', id: ctx.conventionId }, {
        fr: `Il manque l'article « ${label.fr} » : ajoutez un article de ce type.`,
        en: `The “${label.en}” article is missing: add an article of this kind.`,
      }),
    );
  }
  return findings;
};

/** Numbers run 1..n: each later article reusing a number is a duplicate; numbers missing from 1..d are a gap. */
export const articleNumbers: Rule = (ctx) => {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const article of ctx.snapshot.articles) {
    if (!seen.has(article.number)) {
      seen.add(article.number);
      continue;
    }
    const name = articleName(article);
    findings.push(
      finding('article-number-duplicate', { kind: 'article', id: article.id }, {
        fr: `${cap(name.fr)} porte le même numéro qu'un autre article : renumérotez les articles de 1 à ${ctx.snapshot.articles.length}.`,
        en: `${cap(name.en)} has the same number as another article: renumber the articles from 1 to ${ctx.snapshot.articles.length}.`,
      }),
    );
  }
  const missing: number[] = [];
  for (let n = 1; n <= seen.size; n++) if (!seen.has(n)) missing.push(n);
  if (missing.length > 0) {
    const list = missing.join(', ');
    findings.push(
      finding('article-number-gap', { kind: 'convention', id: ctx.conventionId }, {
        fr: `La numérotation des articles a un trou (${missing.length > 1 ? 'numéros manquants' : 'numéro manquant'} : ${list}) : renumérotez les articles de 1 à ${seen.size} sans trou.`,
        en: `The article numbering has a gap (missing: ${list}): renumber the articles from 1 to ${seen.size} without gaps.`,
      }),
    );
  }
  return findings;
};

export const annexKinds: Rule = (ctx) => {
  const present = new Set(ctx.snapshot.annexes.map((a) => a.kind));
  const findings: Finding[] = [];
  for (const kind of REQUIRED_ANNEXES) {
    if (present.has(kind)) continue;
    const label = ANNEX_KINDS.labels[kind];
    findings.push(
      finding('annex-kind-missing', { kind: 'convention', id: ctx.conventionId }, {
        fr: `Il manque l'annexe « ${label.fr} » : ajoutez une annexe de ce type.`,
        en: `The “${label.en}” annex is missing: add an annex of this kind.`,
      }),
    );
  }
  return findings;
};

/** One finding per article and cited number that no annex carries. */
export const annexCitations: Rule = (ctx) => {
  const numbers = new Set(ctx.snapshot.annexes.map((a) => a.number));
  const findings: Finding[] = [];
  for (const article of ctx.snapshot.articles) {
    const reported = new Set<number>();
    for (const match of article.body.matchAll(ANNEX_CITATION)) {
      const cited = Number(match[2]);
      if (numbers.has(cited) || reported.has(cited)) continue;
      reported.add(cited);
      const name = articleName(article);
      findings.push(
        finding('annex-citation-unknown', { kind: 'article', id: article.id }, {
          fr: `${cap(name.fr)} cite l'annexe ${cited}, qui n'existe pas : ajoutez cette annexe ou corrigez la référence.`,
          en: `${cap(name.en)} cites annex ${cited}, which does not exist: add that annex or correct the reference.`,
        }),
      );
    }
  }
  return findings;
};
