// Code books the filter bar and the charts need: CAMEO roots, quad classes
// and PLOVER types (names as in data/cameo.txt).

export const ROOTS = [
  ['01', 'public statement'], ['02', 'appeal'], ['03', 'intent to cooperate'],
  ['04', 'consultation'], ['05', 'diplomatic cooperation'], ['06', 'material cooperation'],
  ['07', 'give aid'], ['08', 'give way'], ['09', 'investigation'], ['10', 'demand'],
  ['11', 'disapproval'], ['12', 'rejection'], ['13', 'threat'], ['14', 'protest'],
  ['15', 'show of force'], ['16', 'cut back relations'], ['17', 'coercion'],
  ['18', 'assault'], ['19', 'armed combat'], ['20', 'mass violence'],
];
export const ROOT_NAME = Object.fromEntries(ROOTS);

export const QUADS = {
  1: { name: 'verbal cooperation', color: '#2f9e44' },
  2: { name: 'material cooperation', color: '#1c7ed6' },
  3: { name: 'verbal conflict', color: '#f08c00' },
  4: { name: 'material conflict', color: '#e03131' },
};

export function quadOfRoot(root) {
  const r = Number(root);
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return 0;
}

export const PLOVER = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];
// PLOVER types ordered from cooperation to conflict, each with the quad it mostly falls in.
const PLOVER_QUAD = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 2, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 1, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 4, SANCTION: 3, MOBILIZE: 4,
  COERCE: 4, ASSAULT: 4,
};

// Shades within each quad's hue, so that series of one quad read as a family.
const SHADES = {
  1: ['#2b8a3e', '#40c057', '#69db7c', '#8ce99a', '#b2f2bb', '#087f5b', '#20c997'],
  2: ['#1864ab', '#339af0', '#74c0fc', '#a5d8ff'],
  3: ['#e67700', '#fab005', '#ffd43b', '#d9480f', '#ff922b'],
  4: ['#c92a2a', '#fa5252', '#ff8787', '#862e9c', '#be4bdb', '#a61e4d', '#f06595'],
  0: ['#868e96', '#adb5bd', '#495057'],
};

// A stable colour for a timeline/network series key under a grouping.
export function seriesColor(by, key) {
  if (by === 'quad') return (QUADS[key] || { color: '#868e96' }).color;
  let quad = 0, index = 0;
  if (by === 'root') {
    quad = quadOfRoot(key);
    index = ROOTS.filter(([r]) => quadOfRoot(r) === quad).findIndex(([r]) => r === key);
  } else if (by === 'plover') {
    quad = PLOVER_QUAD[key] || 0;
    index = PLOVER.filter((p) => PLOVER_QUAD[p] === quad).indexOf(key);
  }
  const shades = SHADES[quad];
  return shades[Math.max(0, index) % shades.length];
}

export function seriesLabel(by, key) {
  if (by === 'root') return ROOT_NAME[key] ? `${key} ${ROOT_NAME[key]}` : key;
  if (by === 'quad') return QUADS[key] ? `${key} ${QUADS[key].name}` : key;
  return key;
}
