/** Fixed word lists the seeder draws from. Fictional people and businesses; real US geography. */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Margaret',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Paul', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Timothy', 'Deborah', 'Ronald', 'Stephanie',
  'Jason', 'Rebecca', 'George', 'Sharon', 'Edward', 'Laura', 'Jeffrey', 'Cynthia', 'Ryan', 'Dorothy',
  'Jacob', 'Amy', 'Nicholas', 'Kathleen', 'Gary', 'Angela', 'Eric', 'Shirley', 'Jonathan', 'Emma',
  'Stephen', 'Brenda', 'Larry', 'Pamela', 'Justin', 'Nicole', 'Scott', 'Anna', 'Brandon', 'Samantha',
  'Benjamin', 'Katherine', 'Samuel', 'Christine', 'Gregory', 'Debra', 'Alexander', 'Rachel', 'Patrick', 'Carolyn',
  'Frank', 'Janet', 'Raymond', 'Maria', 'Jack', 'Olivia', 'Dennis', 'Heather', 'Jerry', 'Helen',
  'Tyler', 'Catherine', 'Aaron', 'Diane', 'Jose', 'Julie', 'Adam', 'Victoria', 'Nathan', 'Joyce',
  'Henry', 'Lauren', 'Zachary', 'Kelly', 'Douglas', 'Christina', 'Peter', 'Ruth', 'Kyle', 'Joan',
  'Noah', 'Virginia', 'Ethan', 'Judith', 'Jeremy', 'Evelyn', 'Christian', 'Hannah', 'Walter', 'Andrea',
  'Keith', 'Megan', 'Austin', 'Cheryl', 'Roger', 'Jacqueline', 'Terry', 'Madison', 'Sean', 'Sophia',
  'Priya', 'Wei', 'Hiroshi', 'Aisha', 'Mateo', 'Lucia', 'Omar', 'Fatima', 'Diego', 'Mei',
  'Andre', 'Keisha', 'Ravi', 'Ananya', 'Santiago', 'Valentina', 'Kwame', 'Amara', 'Chen', 'Yuki',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez',
  'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  "O'Brien", 'Okafor', 'Tanaka', 'Kowalski', 'Nakamura', 'Schmidt', 'Rossi', 'Novak', 'Larsen', 'Haddad',
  'Chowdhury', 'Mensah', 'Ivanova', 'Fitzgerald', 'McAllister', 'Delgado', 'Abernathy', 'Lindqvist', 'Park', 'Singh',
];

export const EMAIL_DOMAINS = [
  'gmail.com', 'gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'yahoo.com', 'outlook.com', 'icloud.com',
  'hotmail.com', 'proton.me', 'aol.com', 'fastmail.com', 'comcast.net', 'att.net',
];

/** [city, state, first three ZIP digits, area code] */
export const CITIES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['New York', 'NY', '100', '212'], ['Brooklyn', 'NY', '112', '718'], ['Buffalo', 'NY', '142', '716'],
  ['Los Angeles', 'CA', '900', '213'], ['San Francisco', 'CA', '941', '415'], ['San Diego', 'CA', '921', '619'],
  ['Oakland', 'CA', '946', '510'], ['Sacramento', 'CA', '958', '916'], ['Chicago', 'IL', '606', '312'],
  ['Evanston', 'IL', '602', '847'], ['Houston', 'TX', '770', '713'], ['Austin', 'TX', '787', '512'],
  ['Dallas', 'TX', '752', '214'], ['San Antonio', 'TX', '782', '210'], ['Phoenix', 'AZ', '850', '602'],
  ['Tucson', 'AZ', '857', '520'], ['Philadelphia', 'PA', '191', '215'], ['Pittsburgh', 'PA', '152', '412'],
  ['Jacksonville', 'FL', '322', '904'], ['Miami', 'FL', '331', '305'], ['Tampa', 'FL', '336', '813'],
  ['Orlando', 'FL', '328', '407'], ['Columbus', 'OH', '432', '614'], ['Cleveland', 'OH', '441', '216'],
  ['Cincinnati', 'OH', '452', '513'], ['Charlotte', 'NC', '282', '704'], ['Raleigh', 'NC', '276', '919'],
  ['Asheville', 'NC', '288', '828'], ['Indianapolis', 'IN', '462', '317'], ['Seattle', 'WA', '981', '206'],
  ['Spokane', 'WA', '992', '509'], ['Tacoma', 'WA', '984', '253'], ['Denver', 'CO', '802', '303'],
  ['Boulder', 'CO', '803', '303'], ['Washington', 'DC', '200', '202'], ['Boston', 'MA', '021', '617'],
  ['Cambridge', 'MA', '021', '617'], ['Worcester', 'MA', '016', '508'], ['Nashville', 'TN', '372', '615'],
  ['Memphis', 'TN', '381', '901'], ['Detroit', 'MI', '482', '313'], ['Ann Arbor', 'MI', '481', '734'],
  ['Grand Rapids', 'MI', '495', '616'], ['Portland', 'OR', '972', '503'], ['Eugene', 'OR', '974', '541'],
  ['Portland', 'ME', '041', '207'], ['Las Vegas', 'NV', '891', '702'], ['Reno', 'NV', '895', '775'],
  ['Louisville', 'KY', '402', '502'], ['Baltimore', 'MD', '212', '410'], ['Milwaukee', 'WI', '532', '414'],
  ['Madison', 'WI', '537', '608'], ['Albuquerque', 'NM', '871', '505'], ['Santa Fe', 'NM', '875', '505'],
  ['Kansas City', 'MO', '641', '816'], ['St. Louis', 'MO', '631', '314'], ['Atlanta', 'GA', '303', '404'],
  ['Savannah', 'GA', '314', '912'], ['Omaha', 'NE', '681', '402'], ['Minneapolis', 'MN', '554', '612'],
  ['St. Paul', 'MN', '551', '651'], ['New Orleans', 'LA', '701', '504'], ['Salt Lake City', 'UT', '841', '801'],
  ['Boise', 'ID', '837', '208'], ['Burlington', 'VT', '054', '802'], ['Providence', 'RI', '029', '401'],
  ['Hartford', 'CT', '061', '860'], ['New Haven', 'CT', '065', '203'], ['Newark', 'NJ', '071', '973'],
  ['Jersey City', 'NJ', '073', '201'], ['Wilmington', 'DE', '198', '302'], ['Richmond', 'VA', '232', '804'],
  ['Arlington', 'VA', '222', '703'], ['Charleston', 'SC', '294', '843'], ['Birmingham', 'AL', '352', '205'],
  ['Little Rock', 'AR', '722', '501'], ['Oklahoma City', 'OK', '731', '405'], ['Des Moines', 'IA', '503', '515'],
  ['Wichita', 'KS', '672', '316'], ['Fargo', 'ND', '581', '701'], ['Sioux Falls', 'SD', '571', '605'],
  ['Billings', 'MT', '591', '406'], ['Cheyenne', 'WY', '820', '307'], ['Anchorage', 'AK', '995', '907'],
  ['Honolulu', 'HI', '968', '808'], ['Manchester', 'NH', '031', '603'], ['Charleston', 'WV', '253', '304'],
  ['Jackson', 'MS', '392', '601'], ['San Juan', 'PR', '009', '787'],
];

/** Combined state + average local sales tax, in basis points (approximate; 0 where there is none). */
export const TAX_BPS: Readonly<Record<string, number>> = {
  NY: 852, CA: 882, IL: 882, TX: 820, AZ: 837, PA: 634, FL: 702, OH: 723, NC: 699, IN: 700, WA: 938,
  CO: 777, DC: 600, MA: 625, TN: 955, MI: 600, OR: 0, ME: 550, NV: 823, KY: 600, MD: 600, WI: 543,
  NM: 762, MO: 830, GA: 738, NE: 697, MN: 749, LA: 956, UT: 719, ID: 603, VT: 624, RI: 700, CT: 635,
  NJ: 660, DE: 0, VA: 577, SC: 746, AL: 929, AR: 945, OK: 899, IA: 694, KS: 869, ND: 696, SD: 611,
  MT: 0, WY: 544, AK: 0, HI: 444, NH: 0, WV: 655, MS: 706, PR: 1150,
};

export const STREET_NAMES = [
  'Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Sunset', 'Highland',
  'Church', 'Mill', 'River', 'Spring', 'Willow', 'Chestnut', 'Franklin', 'Lincoln', 'Jefferson', 'Madison',
  'Adams', 'Main', 'Broad', 'Market', 'Union', 'Prospect', 'Center', 'Ridge', 'Meadow', 'Forest',
  'Harbor', 'Orchard', 'Vine', 'Cherry', 'Walnut', 'Magnolia', 'Dogwood', 'Juniper', 'Aspen',
];
export const STREET_SUFFIXES = ['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Dr', 'Ct', 'Way', 'Pl', 'Ter'];
export const UNIT_PREFIXES = ['Apt', 'Unit', 'Suite', '#'];
export const OFFICE_PARKS = ['Floor 3', 'Suite 200', 'Suite 410', 'Floor 12', 'Building B', 'Attn: Mailroom'];

export const CUSTOMER_NOTES = [
  'Please leave the package at the side door.',
  "It's a gift, please don't include the receipt.",
  'Could you wrap this as a gift? Thank you!',
  'Ring the bell twice, the first one is broken.',
  'Leave with the building concierge if no one answers.',
  'Please ship together if possible.',
  'No rush, but I need it before the 20th.',
  'Happy birthday note please: "Love you, Mom!"',
  'Fragile! Please pack extra carefully.',
  'Please use recycled packaging if you can.',
  'Deliver to the back porch, dog is friendly.',
  'Second order this month, love your work!',
];

export const HOLD_REASONS = [
  'Address verification: ZIP does not match the city',
  'Fraud review: billing and shipping addresses differ',
  'Customer asked to change the shipping address',
  'Waiting on restock of one item',
  'Customer asked to combine with another order',
  'Custom engraving text to confirm with the customer',
  'Carrier pickup suspended for the holiday',
];

export const CANCEL_REASONS = [
  'Customer ordered by mistake',
  'Customer found a better price elsewhere',
  'Item out of stock',
  'Payment could not be collected',
  'Shipping address undeliverable',
  'Duplicate order',
  'Customer requested cancellation',
];

export const RETURN_REASONS = [
  'Arrived damaged',
  'Not as described',
  'Changed my mind',
  'Wrong size',
  'Received the wrong item',
  'Quality not as expected',
];

export const PAYMENT_FAILURES = ['card_declined', 'insufficient_funds', 'expired_card', 'authentication_required'];

export interface CatalogEntry {
  /** SKU middle part, 3 letters. */
  code: string;
  titles: readonly string[];
  variants: readonly string[];
  minCents: number;
  maxCents: number;
  digital?: boolean;
}

export interface StoreDef {
  name: string;
  prefix: string;
  seller: string;
  /** 5-digit GS1 company prefix used to build the store's EAN-13 barcodes. */
  gs1: string;
  /** Relative share of orders. */
  weight: number;
  catalog: readonly CatalogEntry[];
}

export const STORES: readonly StoreDef[] = [
  {
    name: 'Juniper Ceramics', prefix: 'JUN', seller: 'Maya Lindqvist', gs1: '41237', weight: 16,
    catalog: [
      { code: 'MUG', titles: ['Stoneware Mug', 'Tall Latte Mug', 'Speckled Camp Mug'], variants: ['Sea Glass', 'Oat', 'Charcoal', 'Terracotta'], minCents: 2400, maxCents: 3800 },
      { code: 'BWL', titles: ['Ramen Bowl', 'Nesting Bowl Set', 'Serving Bowl'], variants: ['Celadon', 'Ash', 'Cobalt'], minCents: 2800, maxCents: 9600 },
      { code: 'PLT', titles: ['Dinner Plate', 'Side Plate'], variants: ['Oat', 'Moss'], minCents: 2200, maxCents: 4200 },
      { code: 'VAS', titles: ['Bud Vase', 'Tall Vase'], variants: ['Sand', 'Ink'], minCents: 3400, maxCents: 12800 },
      { code: 'GLZ', titles: ['Glaze Recipe Book (PDF)', 'Wheel Throwing Video Course'], variants: ['Download'], minCents: 1200, maxCents: 4900, digital: true },
    ],
  },
  {
    name: 'Northwind Outfitters', prefix: 'NWO', seller: 'Caleb Okafor', gs1: '52108', weight: 18,
    catalog: [
      { code: 'JKT', titles: ['Packable Rain Shell', 'Fleece Jacket'], variants: ['S', 'M', 'L', 'XL'], minCents: 8900, maxCents: 18900 },
      { code: 'BAG', titles: ['Daypack 22L', 'Roll-top Dry Bag'], variants: ['Olive', 'Slate'], minCents: 4900, maxCents: 12900 },
      { code: 'SCK', titles: ['Merino Hiking Socks', 'Wool Crew Socks'], variants: ['M', 'L'], minCents: 1600, maxCents: 2600 },
      { code: 'HAT', titles: ['Waxed Canvas Cap', 'Knit Beanie'], variants: ['Rust', 'Navy', 'Forest'], minCents: 2400, maxCents: 3800 },
      { code: 'MAP', titles: ['Trail Map Bundle (Digital)'], variants: ['PNW', 'Rockies'], minCents: 900, maxCents: 1900, digital: true },
    ],
  },
  {
    name: 'Copper Kettle Coffee', prefix: 'CKC', seller: 'Rosa Delgado', gs1: '63391', weight: 17,
    catalog: [
      { code: 'BEA', titles: ['Ethiopia Guji Whole Bean', 'Colombia Huila Whole Bean', 'House Espresso Blend'], variants: ['12 oz', '2 lb'], minCents: 1600, maxCents: 4400 },
      { code: 'BRW', titles: ['Pour-over Dripper', 'Gooseneck Kettle', 'Cold Brew Jar'], variants: ['Copper', 'Matte Black'], minCents: 2400, maxCents: 8900 },
      { code: 'GRD', titles: ['Hand Burr Grinder'], variants: ['Steel'], minCents: 7900, maxCents: 12900 },
      { code: 'GDE', titles: ['Home Barista Guide (eBook)', 'Latte Art Masterclass'], variants: ['Download'], minCents: 900, maxCents: 3900, digital: true },
    ],
  },
  {
    name: 'Ink & Quill Stationery', prefix: 'INQ', seller: 'Theo Nakamura', gs1: '70452', weight: 12,
    catalog: [
      { code: 'NBK', titles: ['Dot Grid Notebook', 'Linen Journal', 'Pocket Notebook 3-pack'], variants: ['A5', 'B6', 'Pocket'], minCents: 1200, maxCents: 3400 },
      { code: 'PEN', titles: ['Brass Fountain Pen', 'Gel Pen Set'], variants: ['Fine', 'Medium'], minCents: 1400, maxCents: 8600 },
      { code: 'INK', titles: ['Bottled Ink 50ml'], variants: ['Midnight', 'Oxblood', 'Teal'], minCents: 1500, maxCents: 2200 },
      { code: 'PLN', titles: ['Printable Weekly Planner', 'Digital Habit Tracker'], variants: ['2026', 'Undated'], minCents: 600, maxCents: 1500, digital: true },
    ],
  },
  {
    name: 'Marigold Apothecary', prefix: 'MAR', seller: 'Aisha Haddad', gs1: '81264', weight: 14,
    catalog: [
      { code: 'SOP', titles: ['Cold Process Soap Bar', 'Oatmeal Soap Trio'], variants: ['Lavender', 'Cedar', 'Unscented'], minCents: 800, maxCents: 2600 },
      { code: 'CDL', titles: ['Soy Candle 8 oz', 'Travel Tin Candle'], variants: ['Fig', 'Sea Salt', 'Pine'], minCents: 1400, maxCents: 3600 },
      { code: 'BLM', titles: ['Lip Balm', 'Hand Salve'], variants: ['Mint', 'Honey'], minCents: 600, maxCents: 1800 },
      { code: 'OIL', titles: ['Bath Oil'], variants: ['Rose', 'Eucalyptus'], minCents: 2200, maxCents: 3200 },
      { code: 'RCP', titles: ['Soap Making Recipes (PDF)'], variants: ['Download'], minCents: 700, maxCents: 1400, digital: true },
    ],
  },
  {
    name: 'Tidewater Woodworks', prefix: 'TDW', seller: 'Jonah Fitzgerald', gs1: '90317', weight: 9,
    catalog: [
      { code: 'CBD', titles: ['End-grain Cutting Board', 'Walnut Serving Board'], variants: ['Small', 'Large'], minCents: 5900, maxCents: 18900 },
      { code: 'SPN', titles: ['Cherry Wood Spoon', 'Spatula Set'], variants: ['Cherry', 'Maple'], minCents: 1800, maxCents: 4800 },
      { code: 'BOX', titles: ['Keepsake Box', 'Watch Box'], variants: ['Walnut', 'Oak'], minCents: 6400, maxCents: 14900 },
      { code: 'PLS', titles: ['Cutting Board Plans (PDF)'], variants: ['Download'], minCents: 1200, maxCents: 2400, digital: true },
    ],
  },
  {
    name: 'Fernhill Plant Co.', prefix: 'FRN', seller: 'Priya Chowdhury', gs1: '34580', weight: 8,
    catalog: [
      { code: 'PLT', titles: ['Pothos in 4" Pot', 'Snake Plant 6"', 'Fiddle Leaf Fig 10"'], variants: ['Nursery Pot', 'Ceramic Pot'], minCents: 1800, maxCents: 8900 },
      { code: 'POT', titles: ['Terracotta Planter', 'Self-watering Planter'], variants: ['6"', '8"', '10"'], minCents: 1600, maxCents: 5400 },
      { code: 'SOI', titles: ['Aroid Soil Mix', 'Cactus Soil Mix'], variants: ['4 qt', '8 qt'], minCents: 1200, maxCents: 2800 },
      { code: 'CAR', titles: ['Plant Care Guide (eBook)'], variants: ['Download'], minCents: 500, maxCents: 900, digital: true },
    ],
  },
  {
    name: 'Bright Pixel Prints', prefix: 'BPP', seller: 'Mateo Rossi', gs1: '27719', weight: 6,
    catalog: [
      { code: 'PRT', titles: ['Giclée Art Print', 'Risograph Poster'], variants: ['8x10', '11x14', '18x24'], minCents: 2400, maxCents: 9800 },
      { code: 'CRD', titles: ['Greeting Card Set'], variants: ['Botanical', 'City'], minCents: 1400, maxCents: 2200 },
      { code: 'WLP', titles: ['Desktop Wallpaper Pack', 'Printable Wall Art'], variants: ['Download'], minCents: 400, maxCents: 1800, digital: true },
    ],
  },
];
