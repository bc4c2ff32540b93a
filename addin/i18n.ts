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
  'status.writeRefusedHint': {
    fr: "Cette modification n'est pas dans la convention, et ce que vous saisiriez ensuite ne pourrait plus être enregistré : votre copie diffère de celle des autres participants. Reprenez la version du serveur pour retrouver le texte que tous voient, puis continuez.",
    en: "This change is not in the convention, and what you typed next could not be stored: your copy differs from everyone else's. Reload the server's version to get back the text everyone sees, then carry on.",
  },
  'status.reload': { fr: 'Reprendre la version du serveur', en: "Reload the server's version" },
  'status.writeRefusedForms': {
    fr: 'Rien ne peut être ajouté, importé ni validé depuis cette copie : reprenez d’abord la version du serveur.',
    en: "Nothing can be added, imported or signed off from this copy: reload the server's version first.",
  },
  'status.reloadPending': {
    fr: 'Les modifications pas encore envoyées seront perdues.',
    en: 'Changes not sent yet will be lost.',
  },

  'presence.title': { fr: 'Qui est là', en: 'Who is here' },
  'presence.you': { fr: '(vous)', en: '(you)' },
  'presence.nowhere': { fr: 'Aucune section ouverte', en: 'No section open' },
  'presence.alone': { fr: 'Personne d’autre pour le moment.', en: 'Nobody else right now.' },
  'presence.presenting': { fr: 'présente', en: 'presenting' },
  'present.label': { fr: 'Présentation en Copil', en: 'Steering committee presentation' },
  'present.start': { fr: 'Présenter', en: 'Present' },
  'present.hint': {
    fr: 'Ceux qui vous suivent verront leur volet et leur vue aller à la section que vous présentez.',
    en: 'Those who follow you will see their pane and view move to the section you present.',
  },
  'present.you': { fr: 'Vous présentez : les autres peuvent vous suivre.', en: 'You are presenting: others can follow you.' },
  'present.stop': { fr: 'Arrêter de présenter', en: 'Stop presenting' },
  'present.other': { fr: '{name} présente ({where}).', en: '{name} is presenting ({where}).' },
  'present.following': { fr: 'Vous suivez {name} ({where}).', en: 'You are following {name} ({where}).' },
  'present.follow': { fr: 'Suivre {name}', en: 'Follow {name}' },
  'present.unfollow': { fr: 'Ne plus suivre {name}', en: 'Stop following {name}' },
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
  'tab.review': { fr: 'Revue', en: 'Review' },
  'tab.versions': { fr: 'Versions', en: 'Versions' },
  'tab.followup': { fr: 'Suivi', en: 'Follow-up' },
  'tab.readonly': {
    fr: 'Votre accès ({access}) ne permet pas de modifier la structure de la convention.',
    en: 'Your access ({access}) does not allow changing the convention’s structure.',
  },

  'versions.title': { fr: 'Versions et historique', en: 'Versions and history' },
  'versions.name': { fr: 'Nommer la version actuelle', en: 'Name the current version' },
  'versions.name.example': { fr: 'Version soumise au Copil du 12 mars', en: 'Version submitted to the 12 March steering committee' },
  'versions.save': { fr: 'Enregistrer la version', en: 'Save the version' },
  'versions.saving': { fr: 'Enregistrement…', en: 'Saving…' },
  'versions.saved': { fr: 'Version « {name} » enregistrée.', en: 'Version “{name}” saved.' },
  'versions.loading': { fr: 'Chargement des versions…', en: 'Loading versions…' },
  'versions.retry': { fr: 'Réessayer', en: 'Try again' },
  'versions.none': { fr: 'Aucune version nommée pour l’instant.', en: 'No named version yet.' },
  'versions.history': { fr: 'Historique', en: 'History' },
  'versions.by': { fr: '{name} ({party}), {date}', en: '{name} ({party}), {date}' },
  'versions.open': { fr: 'Ouvrir (lecture seule)', en: 'Open (read only)' },
  'versions.opening': { fr: 'Ouverture de la version…', en: 'Opening the version…' },
  'versions.readonly': { fr: 'Version « {name} » — lecture seule', en: 'Version “{name}” — read only' },
  'versions.contents': {
    fr: '{articles} articles, {axes} axes, {actions} actions, {indicators} indicateurs',
    en: '{articles} articles, {axes} axes, {actions} actions, {indicators} indicators',
  },
  'versions.openView': { fr: 'Lire le texte complet de cette version', en: 'Read the full text of this version' },
  'versions.close': { fr: 'Fermer', en: 'Close' },
  'versions.compareCurrent': { fr: 'Comparer avec le texte actuel', en: 'Compare with the current text' },
  'versions.compare': { fr: 'Comparer deux versions', en: 'Compare two versions' },
  'versions.compare.go': { fr: 'Comparer', en: 'Compare' },
  'versions.from': { fr: 'De', en: 'From' },
  'versions.to': { fr: 'À', en: 'To' },
  'versions.current': { fr: 'Texte actuel', en: 'Current text' },
  'versions.comparing': { fr: 'Comparaison en cours…', en: 'Comparing…' },
  'versions.diff': { fr: 'Ce qui a changé de « {from} » à « {to} »', en: 'What changed from “{from}” to “{to}”' },
  'versions.same': { fr: 'Aucune différence.', en: 'No difference.' },
  'versions.entities.one': { fr: '{n} élément modifié', en: '{n} item changed' },
  'versions.entities.other': { fr: '{n} éléments modifiés', en: '{n} items changed' },
  'versions.error': { fr: 'Le serveur a refusé : {message}', en: 'The server refused: {message}' },
  'http.unreachable': {
    fr: 'Le serveur Concerto ne répond pas : vérifiez votre connexion, puis réessayez.',
    en: 'The Concerto server does not answer: check your connection, then try again.',
  },
  'versions.event.status': { fr: 'Statut de la convention : {from} → {to}', en: 'Convention status: {from} → {to}' },
  'versions.event.amendment.propose': { fr: 'Avenant n° {n} proposé', en: 'Amendment no. {n} proposed' },
  'versions.event.amendment.validate': { fr: 'Avenant n° {n} validé', en: 'Amendment no. {n} agreed' },
  'versions.event.amendment.withdraw': { fr: 'Validation de l’avenant n° {n} retirée', en: 'Agreement to amendment no. {n} withdrawn' },
  'versions.event.amendment.reopen': { fr: 'Avenant n° {n} rouvert', en: 'Amendment no. {n} reopened' },
  'version.banner': { fr: 'Version « {name} » du {date} — lecture seule', en: 'Version “{name}” of {date} — read only' },
  'version.back': { fr: 'Revenir au texte en cours', en: 'Back to the current text' },
  'version.failed': { fr: 'Impossible d’ouvrir cette version : {message}', en: 'Could not open this version: {message}' },

  'chart.empty': { fr: 'Ni valeur de départ, ni cible, ni valeur mesurée.', en: 'No baseline, target or measured value.' },
  'chart.table': { fr: 'Valeurs de l’indicateur « {label} »', en: 'Values of indicator “{label}”' },
  'chart.year': { fr: 'Année', en: 'Year' },
  'chart.kind': { fr: 'Nature', en: 'Kind' },
  'chart.value': { fr: 'Valeur', en: 'Value' },
  'chart.baseline': { fr: 'Départ', en: 'Baseline' },
  'chart.values': { fr: 'Mesuré', en: 'Measured' },
  'chart.target': { fr: 'Cible', en: 'Target' },
  'chart.says.baseline': { fr: 'départ {value} en {year}', en: 'baseline {value} in {year}' },
  'chart.says.latest': { fr: 'dernière mesure {value} en {year}', en: 'latest {value} in {year}' },
  'chart.says.target': { fr: 'cible {value} en {year}', en: 'target {value} in {year}' },
  'chart.says.reached': { fr: 'cible atteinte', en: 'target reached' },
  'chart.up': { fr: 'objectif : à la hausse', en: 'aim: upwards' },
  'chart.down': { fr: 'objectif : à la baisse', en: 'aim: downwards' },
  'followup.charts': { fr: 'Indicateurs', en: 'Indicators' },
  'followup.pick': { fr: 'Indicateur à afficher', en: 'Indicator to show' },
  'followup.here': { fr: 'Ceux de la section où vous êtes', en: 'Those of the section you are in' },
  'followup.none': {
    fr: 'Ouvrez un objectif, une action ou un indicateur (onglet Plan), ou choisissez un indicateur ci-dessus.',
    en: 'Open an objective, an action or an indicator (Plan tab), or choose an indicator above.',
  },
  'annual.title': { fr: 'Revue annuelle des actions', en: 'Annual review of the actions' },
  'annual.year': { fr: 'Année', en: 'Year' },
  'annual.progress': { fr: '{done} / {total} actions renseignées', en: '{done} / {total} actions filled in' },
  'annual.readonly': { fr: 'Votre accès permet de lire la revue, pas de la modifier.', en: 'Your access lets you read the review, not change it.' },
  'annual.noPeriod': {
    fr: 'La convention n’a pas encore de dates de début et de fin : la revue annuelle en dépend.',
    en: 'The convention has no start and end dates yet: the annual review depends on them.',
  },
  'annual.error': { fr: 'La modification a été refusée : {message}', en: 'The change was refused: {message}' },
  'annual.objective': { fr: 'Axe {axis} · objectif {n}', en: 'Axis {axis} · objective {n}' },
  'annual.bilan': { fr: 'Bilan {year}', en: '{year} review' },
  'annual.approvedOn': { fr: 'Approuvé le {date}.', en: 'Approved on {date}.' },
  'annual.pending': { fr: 'À approuver.', en: 'To be approved.' },
  'annual.none': { fr: 'Pas encore de bilan pour cette année.', en: 'No review for this year yet.' },
  'annual.summary': { fr: 'Synthèse du bilan', en: 'Review summary' },
  'annual.approve': { fr: 'Approuver le bilan {year}', en: 'Approve the {year} review' },
  'annual.unset': { fr: 'À renseigner', en: 'To fill in' },
  'annual.comment': { fr: 'Explication (obligatoire)', en: 'Explanation (required)' },
  'annual.decision': { fr: 'Décision du comité de pilotage', en: 'Steering committee decision' },
  'annual.justify': {
    fr: 'Un abandon ou un report demande une explication et la réunion qui l’a décidé.',
    en: 'Abandoning or postponing needs an explanation and the meeting that decided it.',
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

  'review.part': { fr: 'Validation de la partie choisie', en: 'Sign-off of the chosen part' },
  'review.choose': {
    fr: 'Choisissez un article ou une fiche action dans la liste ci-dessous, le plan ou le document pour suivre sa validation.',
    en: 'Choose an article or an action sheet in the list below, the plan or the document to follow its sign-off.',
  },
  'review.notSigned': {
    fr: 'La validation se fait par article et par fiche action : choisissez-en un pour la suivre.',
    en: 'Sign-off is per article and per action sheet: choose one to follow it.',
  },
  'review.failed': {
    fr: 'La lecture de la revue a échoué ({message}). Le document n’est pas modifié ; rouvrez le volet pour réessayer.',
    en: 'Reading the review failed ({message}). The document is unchanged; reopen the pane to try again.',
  },
  'review.readonly': { fr: 'Votre accès est en lecture seule.', en: 'Your access is read-only.' },
  'review.editorOnly': { fr: 'Réservé aux accès « édition ».', en: 'For “edit” access only.' },
  'review.amendment': { fr: 'Avenant n° {n}', en: 'Amendment no. {n}' },
  'review.justNow': { fr: 'à l’instant', en: 'just now' },

  'conv.title': { fr: 'Étape de la convention', en: 'Convention step' },
  'conv.version.recorded': {
    fr: 'La version « {name} » est enregistrée automatiquement.',
    en: 'The version “{name}” is recorded automatically.',
  },
  'conv.frozen': {
    fr: 'Convention signée : son texte ne change plus que par avenant.',
    en: 'Signed convention: its text only changes through an amendment.',
  },
  'conv.reason': { fr: 'Motif du changement d’étape', en: 'Reason for the change of step' },
  'conv.reasonHint': { fr: 'Obligatoire pour revenir en arrière.', en: 'Required to step back.' },
  'conv.next': { fr: 'Passer à « {status} »', en: 'Move to “{status}”' },
  'conv.back': { fr: 'Revenir à « {status} »', en: 'Go back to “{status}”' },
  'conv.history': { fr: 'Historique des étapes', en: 'History of the steps' },

  'amendments.title': { fr: 'Avenants', en: 'Amendments' },
  'amendments.version': {
    fr: 'Quand toutes les parties l’ont validé, la version « {name} » est enregistrée automatiquement.',
    en: 'Once every party validated it, the version “{name}” is recorded automatically.',
  },
  'amendments.none': { fr: 'Aucun avenant pour l’instant.', en: 'No amendment yet.' },
  'amendments.affected': { fr: 'Parties modifiées : {parts}', en: 'Parts changed: {parts}' },
  'amendments.open': { fr: 'Ouvrir un avenant', en: 'Open an amendment' },
  'amendments.purpose': { fr: 'Objet de l’avenant', en: 'Purpose of the amendment' },
  'amendments.parts': { fr: 'Parties que l’avenant modifie', en: 'Parts the amendment changes' },
  'amendments.submit': { fr: 'Ouvrir l’avenant', en: 'Open the amendment' },

  'signoff.parties': { fr: 'Validation par signataire', en: 'Sign-off by signatory' },
  'signoff.validated': { fr: 'a validé', en: 'agreed' },
  'signoff.missing': { fr: 'en attente', en: 'pending' },
  'signoff.locked': { fr: 'Verrouillé', en: 'Locked' },
  'signoff.reason': { fr: 'Motif', en: 'Reason' },
  'signoff.reasonHint': { fr: 'Obligatoire pour rouvrir ; enregistré avec votre acte.', en: 'Required to reopen; recorded with your act.' },
  'signoff.propose': { fr: 'Proposer à la validation', en: 'Put up for sign-off' },
  'signoff.validate': { fr: 'Valider pour {party}', en: 'Agree for {party}' },
  'signoff.withdraw': { fr: 'Retirer ma validation', en: 'Withdraw my agreement' },
  'signoff.reopen': { fr: 'Rouvrir', en: 'Reopen' },
  'signoff.history': { fr: 'Historique de la validation', en: 'Sign-off history' },
  'signoff.noHistory': { fr: 'Aucun acte enregistré pour l’instant.', en: 'No act recorded yet.' },
  'signoff.did.propose': { fr: 'Proposé', en: 'Proposed' },
  'signoff.did.validate': { fr: 'Validé', en: 'Agreed' },
  'signoff.did.withdraw': { fr: 'Validation retirée', en: 'Agreement withdrawn' },
  'signoff.did.reopen': { fr: 'Rouvert', en: 'Reopened' },
  'signoff.void': { fr: 'sans effet', en: 'no effect' },

  'overview.title': { fr: 'Validation partie par partie', en: 'Sign-off, part by part' },
  'overview.articles': { fr: 'Articles', en: 'Articles' },
  'overview.actions': { fr: 'Fiches action', en: 'Action sheets' },
  'overview.empty': { fr: 'Aucun pour l’instant.', en: 'None yet.' },
  'overview.openThreads.one': { fr: '{n} discussion ouverte', en: '{n} open discussion' },
  'overview.openThreads.other': { fr: '{n} discussions ouvertes', en: '{n} open discussions' },

  'threads.title': { fr: 'Discussions', en: 'Discussions' },
  'threads.on': { fr: 'Sur : {part}', en: 'On: {part}' },
  'threads.choose': {
    fr: 'Choisissez un article, un axe, un objectif, une action ou un indicateur pour voir ses discussions.',
    en: 'Choose an article, an axis, an objective, an action or an indicator to see its discussions.',
  },
  'threads.none': { fr: 'Aucune discussion sur cette partie.', en: 'No discussion on this part.' },
  'threads.allOpen': { fr: 'Discussions ouvertes ({n})', en: 'Open discussions ({n})' },
  'threads.noneOpen': { fr: 'Aucune discussion ouverte.', en: 'No open discussion.' },
  'threads.open': { fr: 'Ouverte', en: 'Open' },
  'threads.resolved': { fr: 'Résolue', en: 'Resolved' },
  'threads.detached': { fr: 'Partie supprimée', en: 'Part deleted' },
  'threads.messages.one': { fr: '{n} message', en: '{n} message' },
  'threads.messages.other': { fr: '{n} messages', en: '{n} messages' },
  'threads.mentions.one': { fr: '{n} nouvelle mention de votre partie', en: '{n} new mention of your party' },
  'threads.mentions.other': { fr: '{n} nouvelles mentions de votre partie', en: '{n} new mentions of your party' },
  'threads.markSeen': { fr: 'Tout marquer comme lu', en: 'Mark all as read' },
  'threads.newLabel': { fr: 'Nouvelle discussion', en: 'New discussion' },
  'threads.newHint': {
    fr: 'Pour prévenir une partie, écrivez @ suivi de son sigle ou de son nom (@caf, @Département de la Sorlaine).',
    en: 'To notify a party, write @ followed by its short name or its name (@caf, @Département de la Sorlaine).',
  },
  'threads.quoteLabel': { fr: 'Passage commenté (facultatif)', en: 'Passage commented on (optional)' },
  'threads.quoteHint': { fr: 'Copiez les mots exacts de l’article.', en: 'Copy the exact words of the article.' },
  'threads.quoteMissing': {
    fr: 'Ce passage n’est pas dans le texte de l’article : copiez-le à nouveau, mot pour mot.',
    en: 'This passage is not in the article’s text: copy it again, word for word.',
  },
  'threads.quoteGone': { fr: '(passage supprimé depuis)', en: '(passage deleted since)' },
  'threads.start': { fr: 'Ouvrir la discussion', en: 'Start the discussion' },
  'threads.reply': { fr: 'Répondre', en: 'Reply' },
  'threads.replyLabel': { fr: 'Votre réponse', en: 'Your reply' },
  'threads.replyPlaceholder': { fr: 'Votre réponse…', en: 'Your reply…' },
  'threads.resolve': { fr: 'Marquer comme résolue', en: 'Mark as resolved' },
  'threads.reopen': { fr: 'Rouvrir la discussion', en: 'Reopen the discussion' },
  'threads.readonly': { fr: 'Votre accès permet de lire les discussions, pas d’y participer.', en: 'Your access lets you read the discussions, not take part.' },

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
  'add.error.locked': { fr: 'Cette partie est verrouillée : choisissez-en une autre.', en: 'This part is locked: choose another one.' },
  'add.locked': { fr: 'verrouillé', en: 'locked' },
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

  'tab.exchange': { fr: 'Fichiers', en: 'Files' },
  'export.title': { fr: 'Exporter', en: 'Export' },
  'export.intro': {
    fr: 'Téléchargez la convention pour la signature, l’archivage ou les partenaires sans Concerto.',
    en: 'Download the convention for signing, archiving or partners without Concerto.',
  },
  'export.docx': { fr: 'Word (.docx)', en: 'Word (.docx)' },
  'export.xlsx': { fr: 'Excel (.xlsx)', en: 'Excel (.xlsx)' },
  'export.pdf': { fr: 'PDF', en: 'PDF' },
  'export.json': { fr: 'Fichier Concerto (.json)', en: 'Concerto file (.json)' },
  'export.version': { fr: 'Version à exporter', en: 'Version to export' },
  'export.version.current': { fr: 'Le texte actuel', en: 'The current text' },
  'export.version.failed': { fr: 'Les versions nommées n’ont pas pu être chargées ({message}).', en: 'The named versions could not be loaded ({message}).' },
  'export.preparing': { fr: 'Préparation du fichier {format}…', en: 'Preparing the {format} file…' },
  'export.progress': { fr: 'Téléchargement : {done} Ko sur {total} Ko', en: 'Downloading: {done} KB of {total} KB' },
  'export.done': { fr: 'Fichier « {name} » téléchargé.', en: 'File “{name}” downloaded.' },
  'export.failed': { fr: 'L’export a échoué : {message}', en: 'The export failed: {message}' },
  'import.title': { fr: 'Importer un plan d’actions (.xlsx)', en: 'Import an action plan (.xlsx)' },
  'import.intro': {
    fr: 'Chaque ligne est vérifiée avant l’import ; rien n’est modifié tant que vous n’avez pas confirmé.',
    en: 'Every row is checked before the import; nothing changes until you confirm.',
  },
  'import.file': { fr: 'Classeur Excel à importer', en: 'Excel workbook to import' },
  'import.reading': { fr: 'Lecture et vérification du classeur…', en: 'Reading and checking the workbook…' },
  'import.mapping': { fr: 'Quelles colonnes correspondent à quoi ?', en: 'Which columns are which?' },
  'import.mapping.intro': {
    fr: 'Certaines colonnes de la feuille « {sheet} » n’ont pas été reconnues. Choisissez pour chacune le champ qu’elle contient.',
    en: 'Some columns of sheet “{sheet}” were not recognised. Choose the field each one holds.',
  },
  'import.mapping.ignore': { fr: 'Ignorer cette colonne', en: 'Ignore this column' },
  'import.mapping.apply': { fr: 'Vérifier avec ces colonnes', en: 'Check with these columns' },
  'import.summary': { fr: 'Ajouts : {added} · Modifications : {updated}', en: 'Additions: {added} · Changes: {updated}' },
  'import.blocking': { fr: 'À corriger dans le fichier avant l’import', en: 'To fix in the file before importing' },
  'import.checks': { fr: 'Points à vérifier (règles de la CTG)', en: 'Points to check (CTG rules)' },
  'import.nothing': { fr: 'Le classeur ne change rien à la convention.', en: 'The workbook changes nothing in the convention.' },
  'import.confirm': { fr: 'Confirmer l’import', en: 'Confirm the import' },
  'import.cancel': { fr: 'Abandonner', en: 'Discard' },
  'import.applied': { fr: 'Import appliqué en une seule modification.', en: 'Import applied as one change.' },
  'import.undo': { fr: 'Annuler l’import', en: 'Undo the import' },
  'import.undone': { fr: 'L’import a été annulé.', en: 'The import was undone.' },
  'import.failed': { fr: 'L’import a échoué : {message}', en: 'The import failed: {message}' },
  'import.locked': { fr: 'Refusé : ces lignes touchent une partie verrouillée', en: 'Refused: these rows touch a locked part' },
  'import.locked.add': { fr: 'Ajout de « {what} »', en: 'Adding “{what}”' },
  'import.unavailable': {
    fr: 'L’import n’est pas disponible : le volet n’est relié à aucune convention. Rechargez le volet, puis recommencez.',
    en: 'Importing is not available: the pane is not linked to a convention. Reload the pane, then try again.',
  },
  'import.readonly': {
    fr: 'Votre accès ({access}) ne permet pas d’importer un plan d’actions.',
    en: 'Your access ({access}) does not allow importing an action plan.',
  },
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
