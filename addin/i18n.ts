// The add-in's words, French first with English beside each entry, and the remembered language choice.
import type { Label } from '../shared/index.ts';

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One entry per message; `{name}` placeholders are filled by `t`. Plural pairs end in `.one` / `.other`. */
export const MESSAGES = {
  'app.name': { fr: 'Concerto', en: 'Concerto' },
  'app.tagline': { fr: 'Convention territoriale globale', en: 'Global territorial agreement (CTG)' },
  'lang.label': { fr: 'Langue', en: 'Language' },
  'lang.fr': { fr: 'Français', en: 'Français' },
  'lang.en': { fr: 'English', en: 'English' },

  'join.title': { fr: 'Rejoindre une convention', en: 'Join a convention' },
  'join.intro': {
    fr: "Collez le lien d'accès que vous avez reçu : il contient l'adresse du serveur et votre jeton personnel.",
    en: 'Paste the access link you received: it holds the server address and your personal token.',
  },
  'join.link': { fr: "Lien d'accès ou jeton", en: 'Access link or token' },
  'join.link.hint': { fr: 'Le lien commence par https:// et contient « token= ».', en: 'The link starts with https:// and contains “token=”.' },
  'join.server': { fr: 'Adresse du serveur Concerto', en: 'Concerto server address' },
  'join.server.hint': {
    fr: 'Utile seulement si vous collez un jeton seul. Exemple : https://concerto.caf.fr',
    en: 'Only needed when you paste a bare token. Example: https://concerto.caf.fr',
  },
  'join.submit': { fr: 'Rejoindre la convention', en: 'Join the convention' },
  'join.error.empty': { fr: "Collez le lien d'accès ou le jeton que vous avez reçu.", en: 'Paste the access link or token you received.' },
  'join.error.link': {
    fr: "Ce lien n'est pas un lien d'accès Concerto : il doit contenir /view/ suivi de l'identifiant de la convention, et un jeton (token=…). Copiez-le à nouveau en entier.",
    en: 'This is not a Concerto access link: it must contain /view/ followed by the convention id, and a token (token=…). Copy it again in full.',
  },
  'join.error.token': {
    fr: "Ce jeton est illisible : vérifiez qu'il a été copié en entier, ou demandez un nouveau lien d'accès.",
    en: 'This token cannot be read: check it was copied in full, or ask for a new access link.',
  },
  'join.error.notLink': {
    fr: "Ce texte n'est ni un lien d'accès ni un jeton Concerto. Collez le lien reçu par courriel (https://…).",
    en: 'This is neither a Concerto access link nor a token. Paste the link you received by email (https://…).',
  },
  'join.error.expired': {
    fr: "Ce lien a expiré le {date} : demandez un nouveau lien d'accès.",
    en: 'This link expired on {date}: ask for a new access link.',
  },
  'join.error.mismatch': {
    fr: 'Ce jeton est destiné à une autre convention (« {claim} ») que celle du lien (« {link} ») : demandez un nouveau lien.',
    en: 'This token is for another convention (“{claim}”) than the link’s (“{link}”): ask for a new link.',
  },
  'join.error.server': {
    fr: "Indiquez l'adresse du serveur : un jeton seul ne la contient pas.",
    en: 'Enter the server address: a bare token does not contain it.',
  },
  'join.error.serverInvalid': {
    fr: "L'adresse du serveur doit commencer par https:// (ou http:// sur un poste de test).",
    en: 'The server address must start with https:// (or http:// on a test machine).',
  },

  'access.edit': { fr: 'Édition', en: 'Editing' },
  'access.comment': { fr: 'Commentaire', en: 'Commenting' },
  'access.view': { fr: 'Lecture seule', en: 'Read only' },
  'status.untitled': { fr: 'Convention sans titre', en: 'Untitled convention' },
  'status.identity': { fr: 'Vous êtes {name} ({party})', en: 'You are {name} ({party})' },
  'status.access': { fr: 'Accès : {access}', en: 'Access: {access}' },
  'status.connecting': { fr: 'Connexion…', en: 'Connecting…' },
  'status.syncing': { fr: 'Synchronisation', en: 'Syncing' },
  'status.connected': { fr: 'Connecté', en: 'Connected' },
  'status.offline': { fr: 'Hors ligne', en: 'Offline' },
  'status.refused': { fr: 'Accès refusé', en: 'Access refused' },
  'status.pending.one': { fr: "{n} modification en attente d'envoi", en: '{n} change waiting to be sent' },
  'status.pending.other': { fr: "{n} modifications en attente d'envoi", en: '{n} changes waiting to be sent' },
  'status.offlineHint': {
    fr: 'Vos modifications sont gardées sur cet appareil et seront envoyées dès le retour de la connexion.',
    en: 'Your changes are kept on this device and will be sent as soon as the connection is back.',
  },
  'status.refusedHint': {
    fr: "Demandez un nouveau lien d'accès à la personne qui coordonne la convention.",
    en: 'Ask the person coordinating the convention for a new access link.',
  },
  'status.rejoin': { fr: 'Saisir un autre lien', en: 'Enter another link' },

  'presence.title': { fr: 'Qui est là', en: 'Who is here' },
  'presence.you': { fr: '(vous)', en: '(you)' },
  'presence.nowhere': { fr: 'Aucune section ouverte', en: 'No section open' },
  'presence.alone': { fr: 'Personne d’autre pour le moment.', en: 'Nobody else right now.' },
  'where.article': { fr: 'Article {n}', en: 'Article {n}' },
  'where.annex': { fr: 'Annexe {n}', en: 'Annex {n}' },
  'where.axis': { fr: 'Axe {n}', en: 'Axis {n}' },
  'where.objective': { fr: 'Objectif {n}', en: 'Objective {n}' },
  'where.action': { fr: 'Action {n}', en: 'Action {n}' },
  'where.indicator': { fr: 'Indicateur « {label} »', en: 'Indicator “{label}”' },
  'where.diagnosticSection': { fr: 'Diagnostic : {label}', en: 'Diagnostic: {label}' },
  'where.signatory': { fr: 'Signataire : {label}', en: 'Signatory: {label}' },
  'where.convention': { fr: 'Préambule et visas', en: 'Preamble and recitals' },
  'where.territory': { fr: 'Territoire', en: 'Territory' },
  'where.deleted': { fr: 'Un élément supprimé', en: 'A deleted item' },
  'where.other': { fr: 'Ailleurs dans la convention', en: 'Elsewhere in the convention' },

  'tabs.label': { fr: 'Volets de la convention', en: 'Convention panels' },
  'tab.plan': { fr: 'Plan', en: 'Plan' },
  'tab.checks': { fr: 'Vérifications', en: 'Checks' },
  'tab.add': { fr: 'Ajouter', en: 'Add' },
  'tab.readonly': {
    fr: 'Votre accès ({access}) ne permet pas de modifier la structure de la convention.',
    en: 'Your access ({access}) does not allow changing the convention’s structure.',
  },

  'nav.title': { fr: "Axes, objectifs et actions", en: 'Axes, objectives and actions' },
  'nav.empty': { fr: "Aucun axe pour l'instant.", en: 'No axis yet.' },
  'nav.emptyEdit': { fr: 'Ajoutez le premier axe depuis l’onglet « Ajouter ».', en: 'Add the first axis from the “Add” tab.' },
  'nav.expand': { fr: 'Déplier {name}', en: 'Expand {name}' },
  'nav.collapse': { fr: 'Replier {name}', en: 'Collapse {name}' },
  'nav.axis': { fr: 'Axe {n}', en: 'Axis {n}' },
  'nav.untitled': { fr: 'Sans titre', en: 'Untitled' },
  'nav.noAction': { fr: 'Aucune action', en: 'No action' },
  'nav.noObjective': { fr: 'Aucun objectif', en: 'No objective' },

  'findings.errors.one': { fr: '{n} erreur', en: '{n} error' },
  'findings.errors.other': { fr: '{n} erreurs', en: '{n} errors' },
  'findings.warnings.one': { fr: '{n} avertissement', en: '{n} warning' },
  'findings.warnings.other': { fr: '{n} avertissements', en: '{n} warnings' },
  'findings.errorsTitle': { fr: 'Erreurs à corriger', en: 'Errors to fix' },
  'findings.warningsTitle': { fr: 'Points à vérifier', en: 'Points to check' },
  'findings.none': {
    fr: 'Aucun point à corriger : la convention respecte toutes les règles vérifiées.',
    en: 'Nothing to fix: the convention meets every rule checked.',
  },
  'findings.failed': {
    fr: 'La vérification a échoué ({message}). Le document n’est pas modifié ; rouvrez le volet pour relancer la vérification.',
    en: 'Checking failed ({message}). The document is unchanged; reopen the pane to check again.',
  },
  'findings.go': { fr: 'Afficher dans le document', en: 'Show in the document' },
  'severity.error': { fr: 'Erreur', en: 'Error' },
  'severity.warning': { fr: 'Avertissement', en: 'Warning' },

  'add.title': { fr: 'Ajouter au plan d’actions', en: 'Add to the action plan' },
  'add.kind': { fr: 'Que voulez-vous ajouter ?', en: 'What do you want to add?' },
  'add.kind.axis': { fr: 'Un axe', en: 'An axis' },
  'add.kind.objective': { fr: 'Un objectif', en: 'An objective' },
  'add.kind.action': { fr: 'Une action', en: 'An action' },
  'add.kind.indicator': { fr: 'Un indicateur', en: 'An indicator' },
  'add.choose': { fr: 'Choisissez…', en: 'Choose…' },
  'add.field.axisNumber': { fr: "Numéro de l'axe", en: 'Axis number' },
  'add.field.objectiveNumber': { fr: "Numéro de l'objectif", en: 'Objective number' },
  'add.field.title': { fr: 'Intitulé', en: 'Title' },
  'add.field.axis': { fr: 'Axe', en: 'Axis' },
  'add.field.objective': { fr: 'Objectif', en: 'Objective' },
  'add.field.code': { fr: "Code de l'action", en: 'Action code' },
  'add.field.code.first': {
    fr: "Choisissez d'abord l'objectif : le code suivant vous sera proposé.",
    en: 'Choose the objective first: the next code will be suggested.',
  },
  'add.field.proposed': { fr: 'Proposé : {value}', en: 'Suggested: {value}' },
  'add.field.pilot': { fr: 'Pilote (un signataire)', en: 'Pilot (a signatory)' },
  'add.field.label': { fr: "Libellé de l'indicateur", en: 'Indicator label' },
  'add.field.kind': { fr: "Type d'indicateur", en: 'Indicator type' },
  'add.field.unit': { fr: 'Unité', en: 'Unit' },
  'add.field.unit.hint': { fr: 'Par exemple : places, familles, %', en: 'For example: places, families, %' },
  'add.field.baseline': { fr: 'Situation de départ', en: 'Baseline' },
  'add.field.target': { fr: 'Cible', en: 'Target' },
  'add.field.value': { fr: 'Valeur', en: 'Value' },
  'add.field.year': { fr: 'Année', en: 'Year' },
  'add.submit.axis': { fr: "Ajouter l'axe", en: 'Add the axis' },
  'add.submit.objective': { fr: "Ajouter l'objectif", en: 'Add the objective' },
  'add.submit.action': { fr: "Ajouter l'action", en: 'Add the action' },
  'add.submit.indicator': { fr: "Ajouter l'indicateur", en: 'Add the indicator' },
  'add.error.required': { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  'add.error.number': { fr: 'Saisissez un nombre, par exemple 12 ou 12,5.', en: 'Enter a number, for example 12 or 12.5.' },
  'add.error.integer': { fr: 'Saisissez un nombre entier positif.', en: 'Enter a positive whole number.' },
  'add.error.year': { fr: 'Saisissez une année sur quatre chiffres, par exemple 2026.', en: 'Enter a four-digit year, for example 2026.' },
  'add.error.axisTaken': { fr: "Le numéro {value} est déjà celui d'un autre axe.", en: 'Number {value} is already used by another axis.' },
  'add.error.objectiveTaken': { fr: "Le numéro {value} est déjà celui d'un autre objectif.", en: 'Number {value} is already used by another objective.' },
  'add.error.codeTaken': { fr: 'Le code {value} est déjà utilisé par une autre action.', en: 'Code {value} is already used by another action.' },
  'add.error.noAxis': { fr: "Il n'y a pas encore d'axe : ajoutez d'abord un axe.", en: 'There is no axis yet: add an axis first.' },
  'add.error.noObjective': { fr: "Il n'y a pas encore d'objectif : ajoutez d'abord un objectif.", en: 'There is no objective yet: add an objective first.' },
  'add.error.noSignatory': {
    fr: "La convention n'a pas encore de signataire : ajoutez les signataires avant de choisir un pilote.",
    en: 'The convention has no signatory yet: add the signatories before choosing a pilot.',
  },
  'add.error.gone': { fr: 'Cet élément vient d’être supprimé par quelqu’un d’autre : choisissez-en un autre.', en: 'Someone just deleted this item: choose another one.' },
  'add.error.model': { fr: "L'ajout a été refusé : {message} Vos saisies sont conservées.", en: 'The addition was refused: {message} Your entries are kept.' },
  'add.error.unexpected': {
    fr: "L'ajout a échoué de façon inattendue ({message}). Vos saisies sont conservées : réessayez.",
    en: 'The addition failed unexpectedly ({message}). Your entries are kept: try again.',
  },
  'add.error.form': { fr: 'Corrigez les champs signalés ci-dessous.', en: 'Fix the fields marked below.' },
  'add.done.axis': { fr: "L'axe {value} a été ajouté.", en: 'Axis {value} was added.' },
  'add.done.objective': { fr: "L'objectif {value} a été ajouté.", en: 'Objective {value} was added.' },
  'add.done.action': { fr: "L'action {value} a été ajoutée.", en: 'Action {value} was added.' },
  'add.done.indicator': { fr: "L'indicateur « {value} » a été ajouté.", en: 'Indicator “{value}” was added.' },
  'add.show': { fr: 'Voir dans le document', en: 'Show in the document' },

  'notice.select': {
    fr: "Impossible d'afficher cet élément dans le document ({message}). Vérifiez que le document est ouvert, puis réessayez.",
    en: 'Could not show this item in the document ({message}). Check the document is open, then try again.',
  },
  'notice.mark': {
    fr: 'Impossible de signaler les points à corriger dans le document ({message}). La liste des vérifications reste à jour ici.',
    en: 'Could not mark the points to fix in the document ({message}). The list of checks here stays up to date.',
  },
  'notice.dismiss': { fr: 'Fermer ce message', en: 'Close this message' },
} as const satisfies Record<string, Label>;

export type MessageKey = keyof typeof MESSAGES;
export type Params = Readonly<Record<string, string | number>>;
/** Keys that come as a `.one` / `.other` pair. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** The message in `lang`, with `{name}` placeholders replaced (unknown placeholders are left visible). */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const text: string = MESSAGES[key][lang];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A counted message: « 1 erreur », « 0 erreur », « 3 erreurs » (French counts 0 and 1 as singular). */
export function tn(lang: Lang, key: PluralKey, n: number, params?: Params): string {
  const form = new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other';
  return t(lang, `${key}.${form}` as MessageKey, { ...params, n });
}

/** Picks the text of a bilingual value (vocabulary labels, findings, model errors). */
export function pick(lang: Lang, text: { readonly fr: string; readonly en: string }): string {
  return text[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Where the language choice is remembered: the pane's storage (Office document settings or localStorage). */
export interface LangStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const LANG_KEY = 'concerto.lang';

export function loadLang(store: LangStore): Lang | null {
  const stored = store.get(LANG_KEY);
  return isLang(stored) ? stored : null;
}

export function saveLang(store: LangStore, lang: Lang): void {
  store.set(LANG_KEY, lang);
}
