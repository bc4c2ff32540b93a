// The names the server gives the named versions it records by itself — at the signature, and when every signatory
// validated an avenant — for the pane to say so. Version names are data shared by every party: in French, as the
// convention is.
export const SIGNED_VERSION = 'Convention signée';
export const amendmentVersion = (n: number): string => `Avenant n° ${n} signé`;
