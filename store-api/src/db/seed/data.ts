import type { ColourFamily } from '@shoebox/shared/contracts';
/**
 * The vocabulary of the demo shop: accounts, brands, categories, colours and the style
 * "descriptors" (a kind of shoe with its heel range, materials and occasions) that the
 * generator in generate.ts combines with model names into believable styles.
 */

export const demoStaff = [
  { email: 'owner@shoebox.test', name: 'Olivia Owner', role: 'owner', password: 'shoebox-owner-1' },
  { email: 'manager@shoebox.test', name: 'Marta Manager', role: 'manager', password: 'shoebox-manager-1' },
  {
    email: 'warehouse@shoebox.test',
    name: 'Wim Warehouse',
    role: 'warehouse',
    password: 'shoebox-warehouse-1',
  },
] as const;

export const demoCustomers = [
  { email: 'ana@example.com', name: 'Ana Silva', password: 'shopper-pass-1' },
  { email: 'bea@example.com', name: 'Beatriz Costa', password: 'shopper-pass-2' },
  { email: 'clara@example.com', name: 'Clara Jensen', password: 'shopper-pass-3' },
  { email: 'dora@example.com', name: 'Dora Novak', password: 'shopper-pass-4' },
] as const;

export type CategoryKey = 'pumps' | 'flats' | 'sandals' | 'boots' | 'sneakers' | 'loafers' | 'wedges';

/** The seven categories of domain.md, in shop-menu order, with their share of the 120 demo styles. */
export const demoCategories: ReadonlyArray<{
  key: CategoryKey;
  name: string;
  styles: number;
  /** Base price range in whole euros before the brand's tier. */
  euros: readonly [number, number];
  /** Typical weight of one pair in EU 38, grams. */
  grams: number;
  season: string;
}> = [
  { key: 'pumps', name: 'Pumps & heels', styles: 20, euros: [89, 229], grams: 640, season: 'all-season' },
  {
    key: 'flats',
    name: 'Flats & ballerinas',
    styles: 18,
    euros: [49, 149],
    grams: 540,
    season: 'all-season',
  },
  { key: 'sandals', name: 'Sandals', styles: 20, euros: [49, 189], grams: 540, season: 'spring-summer' },
  {
    key: 'boots',
    name: 'Boots & booties',
    styles: 22,
    euros: [119, 259],
    grams: 950,
    season: 'autumn-winter',
  },
  { key: 'sneakers', name: 'Sneakers', styles: 16, euros: [69, 159], grams: 780, season: 'all-season' },
  {
    key: 'loafers',
    name: 'Loafers & mules',
    styles: 14,
    euros: [79, 199],
    grams: 680,
    season: 'all-season',
  },
  { key: 'wedges', name: 'Wedges', styles: 10, euros: [69, 169], grams: 760, season: 'spring-summer' },
];

export const demoBrands: ReadonlyArray<{
  name: string;
  /** Price multiplier: own label below 1, premium brands above. */
  tier: number;
  categories: readonly CategoryKey[];
  /** Brands that run small print their own chart for the sizes where they differ. */
  sizeChart?: Record<string, { us: number; uk: number }>;
  runsSmall?: boolean;
}> = [
  {
    name: 'Shoebox Atelier',
    tier: 0.85,
    categories: ['pumps', 'flats', 'sandals', 'boots', 'sneakers', 'loafers', 'wedges'],
  },
  {
    name: 'Vela Milano',
    tier: 1.25,
    categories: ['pumps', 'sandals', 'loafers'],
    sizeChart: { '37': { us: 7, uk: 4 }, '38': { us: 8, uk: 5 }, '39': { us: 9, uk: 6 } },
    runsSmall: true,
  },
  { name: 'Marlowe & Finch', tier: 1.1, categories: ['boots', 'loafers', 'flats'] },
  { name: 'Nordlys', tier: 1, categories: ['boots', 'sneakers'] },
  { name: 'Casa Alba', tier: 0.95, categories: ['sandals', 'wedges', 'flats'] },
  { name: 'Rue Margot', tier: 1.15, categories: ['flats', 'pumps'] },
  { name: 'Solenne', tier: 1.05, categories: ['pumps', 'sandals', 'wedges'] },
  { name: 'Kestrel', tier: 0.9, categories: ['sneakers', 'boots'] },
  { name: 'Lumen Studio', tier: 1, categories: ['sneakers', 'flats', 'loafers'] },
  { name: 'Bramble & Oak', tier: 1.05, categories: ['boots', 'loafers'] },
];

export const demoColours: ReadonlyArray<{ name: string; family: ColourFamily; hex: string }> = [
  { name: 'Black', family: 'black', hex: '#1b1b1b' },
  { name: 'Nude', family: 'nude', hex: '#d8b598' },
  { name: 'Blush', family: 'pink', hex: '#e9b7b9' },
  { name: 'Camel', family: 'brown', hex: '#c19a6b' },
  { name: 'Cognac', family: 'brown', hex: '#9a4a2b' },
  { name: 'Chocolate', family: 'brown', hex: '#5a3a22' },
  { name: 'Burgundy', family: 'red', hex: '#7b1e31' },
  { name: 'Red', family: 'red', hex: '#c1121f' },
  { name: 'Navy', family: 'blue', hex: '#1f2a44' },
  { name: 'Denim', family: 'blue', hex: '#5b7fa6' },
  { name: 'Ivory', family: 'white', hex: '#f3ecdc' },
  { name: 'White', family: 'white', hex: '#ffffff' },
  { name: 'Grey', family: 'grey', hex: '#8d8d8d' },
  { name: 'Olive', family: 'green', hex: '#6b6b3a' },
  { name: 'Gold', family: 'metallic', hex: '#c9a227' },
  { name: 'Silver', family: 'metallic', hex: '#c0c0c8' },
  { name: 'Leopard', family: 'print', hex: '#b5835a' },
];

/** Which colours each category comes in; the first colour picked for a style is its lead colour. */
export const colourPools: Readonly<Record<CategoryKey, readonly string[]>> = {
  pumps: ['Black', 'Nude', 'Blush', 'Red', 'Navy', 'Burgundy', 'Leopard', 'Silver', 'Ivory'],
  flats: ['Black', 'Nude', 'Blush', 'Red', 'Navy', 'Camel', 'Ivory', 'Silver', 'Leopard', 'Olive'],
  sandals: ['Black', 'Nude', 'Camel', 'Cognac', 'Gold', 'Silver', 'White', 'Red', 'Blush', 'Olive'],
  boots: ['Black', 'Cognac', 'Chocolate', 'Camel', 'Burgundy', 'Grey', 'Olive', 'Navy'],
  sneakers: ['White', 'Black', 'Grey', 'Navy', 'Blush', 'Ivory', 'Olive', 'Silver', 'Denim'],
  loafers: ['Black', 'Cognac', 'Chocolate', 'Burgundy', 'Camel', 'Navy', 'Ivory', 'Leopard'],
  wedges: ['Nude', 'Camel', 'Black', 'White', 'Denim', 'Cognac', 'Blush', 'Gold'],
};

export interface Descriptor {
  label: string;
  heel: readonly [number, number];
  materials: readonly string[];
  occasions: readonly string[];
  /** Overrides the category's season tag. */
  season?: string;
  /** Extra grams over the category's weight (tall boots, platforms). */
  extraGrams?: number;
}

const leathers = ['Nappa leather', 'Suede', 'Patent leather', 'Calf leather'];

export const descriptors: Readonly<Record<CategoryKey, readonly Descriptor[]>> = {
  pumps: [
    { label: 'pointed-toe pump', heel: [75, 100], materials: leathers, occasions: ['work', 'evening'] },
    {
      label: 'stiletto pump',
      heel: [90, 110],
      materials: [...leathers, 'Satin'],
      occasions: ['evening', 'party'],
    },
    { label: 'slingback pump', heel: [70, 90], materials: leathers, occasions: ['work', 'wedding'] },
    { label: 'almond-toe pump', heel: [70, 90], materials: leathers, occasions: ['work'] },
    { label: 'block-heel pump', heel: [70, 85], materials: leathers, occasions: ['work', 'casual'] },
    { label: 'Mary Jane pump', heel: [70, 85], materials: leathers, occasions: ['party', 'work'] },
    {
      label: 'd’Orsay pump',
      heel: [80, 100],
      materials: ['Satin', 'Suede', 'Nappa leather'],
      occasions: ['wedding', 'evening'],
    },
    { label: 'ankle-strap pump', heel: [85, 105], materials: leathers, occasions: ['party', 'evening'] },
  ],
  flats: [
    { label: 'ballet flat', heel: [5, 10], materials: leathers, occasions: ['work', 'casual'] },
    { label: 'pointed flat', heel: [5, 15], materials: leathers, occasions: ['work'] },
    { label: 'Mary Jane flat', heel: [8, 15], materials: leathers, occasions: ['casual', 'weekend'] },
    {
      label: 'bow ballerina',
      heel: [5, 10],
      materials: ['Nappa leather', 'Satin', 'Suede'],
      occasions: ['party', 'casual'],
    },
    { label: 'slingback flat', heel: [8, 15], materials: leathers, occasions: ['work', 'travel'] },
    {
      label: 'square-toe ballerina',
      heel: [5, 12],
      materials: ['Nappa leather', 'Vegan leather'],
      occasions: ['casual', 'travel'],
    },
    {
      label: 'mesh ballerina',
      heel: [5, 10],
      materials: ['Technical mesh'],
      occasions: ['casual', 'weekend'],
      season: 'spring-summer',
    },
  ],
  sandals: [
    {
      label: 'flat slide',
      heel: [5, 15],
      materials: ['Calf leather', 'Suede', 'Raffia'],
      occasions: ['holiday', 'weekend'],
    },
    {
      label: 'strappy sandal',
      heel: [60, 90],
      materials: ['Metallic leather', 'Nappa leather', 'Suede'],
      occasions: ['evening', 'wedding'],
    },
    {
      label: 'block-heel sandal',
      heel: [50, 75],
      materials: ['Calf leather', 'Suede'],
      occasions: ['work', 'wedding'],
    },
    {
      label: 'toe-post sandal',
      heel: [5, 15],
      materials: ['Calf leather', 'Woven leather'],
      occasions: ['holiday'],
    },
    {
      label: 'fisherman sandal',
      heel: [10, 25],
      materials: ['Woven leather', 'Calf leather'],
      occasions: ['casual', 'weekend'],
    },
    {
      label: 'ankle-strap sandal',
      heel: [60, 85],
      materials: ['Nappa leather', 'Suede'],
      occasions: ['party', 'evening'],
    },
    {
      label: 'platform sandal',
      heel: [40, 70],
      materials: ['Calf leather', 'Suede', 'Raffia'],
      occasions: ['party', 'holiday'],
      extraGrams: 80,
    },
    {
      label: 'espadrille flat',
      heel: [10, 20],
      materials: ['Canvas', 'Suede'],
      occasions: ['holiday', 'weekend'],
    },
  ],
  boots: [
    {
      label: 'Chelsea boot',
      heel: [20, 35],
      materials: ['Calf leather', 'Suede', 'Grained leather'],
      occasions: ['casual', 'weekend'],
    },
    {
      label: 'block-heel ankle boot',
      heel: [45, 65],
      materials: ['Calf leather', 'Suede', 'Nubuck'],
      occasions: ['work', 'casual'],
    },
    {
      label: 'knee-high boot',
      heel: [30, 80],
      materials: ['Calf leather', 'Stretch suede'],
      occasions: ['work', 'evening'],
      extraGrams: 220,
    },
    {
      label: 'lace-up boot',
      heel: [30, 45],
      materials: ['Grained leather', 'Nubuck'],
      occasions: ['weekend', 'travel'],
      extraGrams: 80,
    },
    {
      label: 'stiletto bootie',
      heel: [80, 95],
      materials: ['Suede', 'Nappa leather'],
      occasions: ['evening', 'party'],
    },
    {
      label: 'western boot',
      heel: [40, 55],
      materials: ['Calf leather', 'Suede'],
      occasions: ['casual', 'weekend'],
      extraGrams: 120,
    },
    {
      label: 'sock boot',
      heel: [60, 85],
      materials: ['Stretch suede', 'Knit textile'],
      occasions: ['evening', 'work'],
    },
    {
      label: 'shearling-lined boot',
      heel: [20, 30],
      materials: ['Shearling-lined suede'],
      occasions: ['weekend', 'travel'],
      extraGrams: 160,
    },
  ],
  sneakers: [
    {
      label: 'court sneaker',
      heel: [20, 30],
      materials: ['Calf leather', 'Vegan leather'],
      occasions: ['casual', 'weekend'],
    },
    {
      label: 'platform sneaker',
      heel: [30, 35],
      materials: ['Calf leather', 'Canvas'],
      occasions: ['casual'],
      extraGrams: 80,
    },
    {
      label: 'retro runner',
      heel: [25, 35],
      materials: ['Suede', 'Technical mesh'],
      occasions: ['weekend', 'travel'],
    },
    {
      label: 'slip-on sneaker',
      heel: [20, 25],
      materials: ['Canvas', 'Knit textile'],
      occasions: ['casual', 'travel'],
    },
    { label: 'knit sneaker', heel: [20, 30], materials: ['Knit textile'], occasions: ['travel', 'weekend'] },
    {
      label: 'high-top sneaker',
      heel: [25, 35],
      materials: ['Canvas', 'Calf leather'],
      occasions: ['casual'],
      extraGrams: 60,
    },
  ],
  loafers: [
    {
      label: 'penny loafer',
      heel: [15, 25],
      materials: ['Calf leather', 'Patent leather', 'Suede'],
      occasions: ['work', 'casual'],
    },
    {
      label: 'chunky loafer',
      heel: [35, 50],
      materials: ['Calf leather', 'Patent leather'],
      occasions: ['work', 'weekend'],
      extraGrams: 90,
    },
    { label: 'horsebit loafer', heel: [15, 25], materials: ['Calf leather', 'Suede'], occasions: ['work'] },
    {
      label: 'backless loafer',
      heel: [15, 25],
      materials: ['Suede', 'Calf leather'],
      occasions: ['casual', 'travel'],
    },
    {
      label: 'block-heel mule',
      heel: [50, 65],
      materials: ['Nappa leather', 'Suede'],
      occasions: ['work', 'evening'],
    },
    {
      label: 'kitten-heel mule',
      heel: [30, 45],
      materials: ['Nappa leather', 'Satin'],
      occasions: ['evening', 'party'],
    },
    {
      label: 'slipper mule',
      heel: [10, 15],
      materials: ['Suede', 'Velvet'],
      occasions: ['casual', 'weekend'],
    },
  ],
  wedges: [
    {
      label: 'espadrille wedge',
      heel: [60, 90],
      materials: ['Canvas', 'Suede'],
      occasions: ['holiday', 'weekend'],
    },
    {
      label: 'cork wedge sandal',
      heel: [60, 85],
      materials: ['Calf leather', 'Suede'],
      occasions: ['holiday', 'casual'],
    },
    {
      label: 'wedge bootie',
      heel: [60, 80],
      materials: ['Suede', 'Calf leather'],
      occasions: ['work', 'casual'],
      season: 'autumn-winter',
      extraGrams: 120,
    },
    {
      label: 'platform wedge',
      heel: [80, 100],
      materials: ['Raffia', 'Calf leather'],
      occasions: ['party', 'holiday'],
      extraGrams: 80,
    },
    {
      label: 'slingback wedge',
      heel: [55, 75],
      materials: ['Nappa leather', 'Suede'],
      occasions: ['work', 'wedding'],
    },
  ],
};

/** Model names; a style is "<model> <descriptor>", e.g. "Mila pointed-toe pump". */
export const modelNames: readonly string[] = [
  'Mila Nora Ava Lena Ivy Elsa Clara Maya Zoe Iris Luna Ella Rosa Hanna Greta Sofia Alma Vera Ines',
  'Tessa Livia Freya Mara Nina Olga Pia Romy Sara Thea Una Wren Yara Zara Ada Bea Cleo Dora Edie',
  'Fleur Gia Hazel Isla Juno Kira Lola Mae Nell Opal Perla Quinn Rhea Stella Tilda Uma Viola Willa',
  'Xenia Yvette Zelie Amelie Bianca Celine Delphine Elodie Fabienne Giselle Helene Ilse Josie Katia',
  'Leonie Margot Noemi Odette Paloma Renata Simone Talia Ursula Valentina Winona Ximena Yolanda',
  'Zina Aurora Blanca Carmen Daria Esme Flora Gemma Hedda Ida Jade Kaia Lucia Marisol Nadia Ottilie',
  'Petra Agnes Brigitte Colette Dalia Eliza Frida Ginevra Harriet Ingrid Jolie Karin Liesel Maren',
  'Nanette Orla Philippa Rosalind Sigrid Tove Vivienne Annika Beatrix Camille Dagny',
]
  .join(' ')
  .split(' ');

/** One sentence on how the shoe is made or feels; picked per style. */
export const makingNotes = [
  'Cushioned leather insole and a grippy rubber sole.',
  'Fully leather-lined, with a padded heel counter.',
  'A memory-foam footbed keeps it comfortable from morning to evening.',
  'Hand-finished in Portugal by a family-run workshop.',
  'Made in Italy on a last with a little extra room at the toes.',
  'Made in Spain; the sole is stitched, not glued, so it can be resoled.',
  'A flexible sole and a soft, unstructured heel that needs no breaking in.',
  'Lightweight construction with a shock-absorbing heel cap.',
];

export const occasionPhrases: Readonly<Record<string, string>> = {
  work: 'the office',
  evening: 'evenings out',
  party: 'parties',
  wedding: 'weddings',
  casual: 'everyday errands',
  weekend: 'slow weekends',
  travel: 'city breaks',
  holiday: 'holidays',
};
