/**
 * The newsroom's vocabulary: each concept with the words and phrases reporters use for it, abbreviations and
 * synonyms included. Phrases are matched on stemmed words, longest first, so "north korean" wins over "korean"
 * and "killed or wounded" over "killed". Concepts are what the matcher compares; see extract-slots.ts.
 */
const phraseLists: Readonly<Record<string, string>> = {
  // Who.
  russia: "russia|russian|ru|rus|rf|moscow|kremlin|putin|putins|russkie|rusia|rossiya|russ|russki|ruski",
  ukraine: "ukraine|ukrainian|ua|ukr|kyiv|kiev|zsu|afu|zelensky side",
  northkorea:
    "north korea|north korean|n korea|n korean|nk|nko|dprk|pyongyang|korean|kim jong un|kim|" + "norks|korea",
  civilian:
    "ordinary ukrainian|ordinary citizen|civilian population|non military|noncombatants|" +
    "civilian|civ|civvy|civvie|noncombatant|non combatant|ordinary people|" +
    "people killed in strike",
  usa: "united states|u s|usa|america|american|washington|biden|us government|yank",
  soviet: "soviet|ussr|soviet union",
  othersubject:
    "trump|macron|starmer|scholz|xi|erdogan|modi|orban|eu|europe|european|germany|german|" +
    "britain|uk|france|french|poland|polish|belarus|belarusian|iran|iranian|china|chinese|" +
    "wagner|chechen|israel|gaza|turkey|japan|south korea|south korean|canada|nato member|" +
    "allies|western",
  // What.
  killed:
    "killed|kill|dead|died|die|dying|death|fatality|fatal|kia|killed in action|body count|slain|perished|fallen|war dead|lives|life|lives lost|lost their lives|deceased|toll of dead|men killed|been killed|were killed|death toll|death count|dead count|fatality count|fatality toll",
  wounded: "wounded|injured|injury|wia|hurt|wounded in action|injure|maimed|wounds",
  casualties:
    "casualty|loss|losses|toll|killed and wounded|killed or wounded|dead and wounded|dead or wounded|dead and injured|killed and injured|killed or injured|kia and wia|kia wia|kia or wia|deaths and injuries|dead or injured|attrition|bleeding|human cost|manpower losses|cas|cass|casualites|cas figure|cas count|k w|k and w|k plus w|kw|k and w",
  /** "Lost" alone is casualties; beside "lives" or "dead" it is deaths, beside "tanks" equipment. */
  lost: "lost|lose|losing|bled|take out|taken out|took out|taking out|wiped out|eliminated|neutralised|neutralized",
  captured: "captured|capture|seized|seize|took control of|taken|take control|fell|overran",
  survived:
    "survived|survivor|survive|made it out|lived|came back alive|made it through|made it|still alive|walked away",
  village: "village|settlement|hamlet|villages",
  vovchansk: "vovchansk|vovchansk unit",
  children: "child|children|kid|kids|minor|minors|boy and girl",
  pastwars:
    "past wars|previous wars|all russian and soviet wars|soviet wars|wars since|since world war ii|since ww2|since wwii|all its wars|earlier wars|all wars",
  /** Growth against a baseline: "gains since 2022", "how much more land". */
  increase: "increase|increased|gain|gains|gained|more|grown|grew|added|expanded|expansion|extra|up by",
  missing: "missing|unaccounted|mia|unaccounted for|missing in action|captured or missing",
  irrecoverable:
    "permanently out of action|permanently|out of action for good|" +
    "killed or permanently incapacitated|irrecoverable|irreversible|permanently incapacitated|" +
    "unrecoverable|irretrievable",
  deployed:
    "deployed|deploy|deployment|sent|send|sending|dispatched|fighting|stationed|on the ground|boots on the ground|in theatre|in theater|serving|fight|come|came|arrived|arrive|coming to fight|come to fight",
  trained: "reservist|reserve|reserves|trained|training",
  launched:
    "launched|launch|fired|fire|sent over|attacked with|wave|throw|threw|thrown|hurled|hurl|lobbed|sent at|fired at|aimed at",
  shotdown: "shot down|downed|intercepted|intercept|air defence|air defense|destroyed by air defence",
  jammed: "jammed|jam|jamming|electronic warfare|ew|suppressed|spoofed",
  destroyed: "destroyed|destroy|knocked out|wrecked|write off|written off",
  aid: "aid|assistance|funding|money|support|help|dollar|spent|given|gave|sent to ukraine",
  ratio:
    "ratio|for every|to one|to 1|times more|exchange rate|kill ratio|casualty ratio|multiple of|times more than|times as many|times higher|times bigger|times larger|times as big|x times",
  share: "percent|percentage|share|proportion|fraction|half",
  returned:
    "back on duty|back to service|back in service|back to duty|return to duty|returned to duty|back to the fight|go back|recovered and returned|returned to the front|returned|return|back to the front|back in action|rejoined|went back|go back to the front|went back to the front|return to the front|back to the front line|back at the front|going back to the front",
  length: "length|long|km|kilometre|kilometer|mile|stretch|stretche|span",
  territory:
    "territorial|land grab|ukrainian land|square kilometre|" +
    "percent of ukraine|territory|land|occupied|occupation|control|controlled|ground gained|" +
    "gain|gained|captured territory|square km|advance",
  // What, for equipment and events.
  tank: "tank|mbt|main battle tank|armor|armour",
  ifv: "ifv|infantry fighting vehicle|bmp|bmd",
  afv: "afv|armored fighting vehicle|armoured fighting vehicle|armored vehicle|armoured vehicle|" + "apc|btr",
  artillery: "artillery|self propelled|self propelled artillery|spg|howitzer|gun|sp artillery",
  drone: "drone|shahed|uav|decoy|geran|kamikaze drone|loitering munition|drones and decoy",
  equipment: "equipment|hardware|vehicle|materiel|kit|weapon|weaponry|ammo|munitions",
  otherthing:
    "worker|laborer|labourer|contractor|mercenary|volunteer|wagner fighter|ammunition|shell|artillery shell|round|drone production|aircraft|plane|jet|helicopter|heli|ship|vessel|boat|warship|submarine|missile|truck|radar|air defence system|patriot|himars|f16|f 16|atacms|satellite|bridge|rocket system|mlrs|general|officer|commander|pilot|refugee|prisoner|pow|captive|deserter|desertion|conscript|journalist|medic|doctor|hospital|school|gdp|economy|inflation|ruble|oil|gas|sanction|population|budget deficit|town|city|region|oblast|electricity|power plant|energy|grain|refinery|refineries|oil depot|depot|airfield|airbase",
  frontline: "front line|frontline|front|contact line|line of contact",
  // When.
  perday:
    "per day|a day|each day|every day|daily|day|in one day|in a single day|24 hour|24h|" +
    "daily rate|per diem",
  permonth:
    "per month|a month|each month|every month|monthly|in one month|in a month|single month|in a single month|a single month|one month|each month now",
  peryear: "per year|a year|each year|yearly|annual|annually|full year|calendar year|annual total|whole year",
  /** One attack or one night, as opposed to a running total. */
  event:
    "overnight|last night|one night|in one night|single night|attack|strike|raid|barrage|" +
    "salvo|that night|june attack|june 2025 attack",
  // Where.
  kursk: "kursk|kursk region|kursk oblast|kursk incursion|kursk offensive|kursk operation",
  kharkiv: "kharkiv|kharkov",
  otherplace:
    "donetsk|bakhmut|avdiivka|pokrovsk|crimea|zaporizhzhia|zaporizhia|sumy|kherson|mariupol|" +
    "luhansk|donbas|donbass|belgorod|odesa|odessa|chasiv yar|toretsk|lviv|dnipro|" +
    "mykolaiv",
  // Aid parts.
  military:
    "military aid|military assistance|weapon aid|arm|arms|security assistance|military part|military portion|military package|mil aid|mil assistance|mil package|mil support|military support",
  budget:
    "budget support|budget|direct budget|budgetary|economic aid|financial aid|" +
    "direct budget support|non military",
  total:
    "combined|added up|all together|all told|in all|total|overall|in total|altogether|cumulative|so far|to date|since 2022|since the war began|since the start|since the invasion|whole war|entire war|put together",
  latestpackage:
    "aid package|assistance package|package|latest package|new package|last package|" +
    "january package|biden package|final package|6 billion|6bn",
  // History used for comparison.
  civilwar: "civil war|american civil war",
  worldwar:
    "20th century war|twentieth century war|world war|ww1|ww2|wwi|wwii|world war i|" +
    "world war ii|world war 1|world war 2|all us wars|all american wars|major wars",
  koreanwar: "korean war|korea war",
  vietnam: "vietnam|vietnam war|viet nam",
  afghanistan: "afghanistan|afghan|afghan war|soviet afghan war",
  history: "historical|history|since ww2|since world war ii|past wars|previous wars",
  // People, counted.
  troops:
    "troop|soldier|servicemen|serviceman|servicemember|service member|personnel|military|army|force|men|infantry|fighter|combatant|manpower|guy|boy|battalion|unit|conscript soldier|mobik|orc|mil",
  /** Comparison words: a ratio only when nothing else says what is counted. */
  compare: "compare|compared|comparison|versus|vs|relative to",
};

export const conceptPhrases: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(Object.entries(phraseLists).map(([concept, list]) => [concept, list.split("|")])),
);

/**
 * Words that carry no meaning for the question: question words, filler reporters type on deadline, and words
 * every topic shares. They are neither evidence for a topic nor against it.
 */
export const stopwords: ReadonlySet<string> = new Set(
  `a an the of in on at to for from by with about into onto over under up down out off and or but nor so yet
  how many much what whats which who whom whose when where why is are was were be been being am do does did done
  doing have has had having can could would should will shall may might must i me my we our us you your he she it
  its they them their this that these those there here hi hey hello pls please plz thanks thx ty quick quickly q
  one just any anyone anybody know knows tell give got get gets need want looking look find figure figures number
  numbers num no nos latest current currently now today recent recently new newest updated update updates estimate
  estimated estimates estimation count counts counting tally total totals stat stats statistic statistics data
  official officially reported report reports reporting according say says said saying claim claims claimed
  think believe best real really actual actually approx approximately roughly around about some so far yet still
  far whole entire since war conflict invasion full scale full-scale fullscale campaign special operation smo
  again also exactly precise precisely confirmed confirm verify check checking fact factcheck do we have our own
  do you know anyone got sense ballpark rough idea guess what's it's that's there's how's people person persons
  level levels amount amounts sum far been ever till until til as per via side sides on their part regarding re
  story piece copy graf lede desk editor wire hed headline deadline asap urgent need ok okay right correct
  figure for the record sourced source sources early late mid start beginning end last first final next
  announce announced announcement hold holds held run runs running go goes going make made put sit stand stands
  reach reached hit top topped pass passed surpass surpassed exceed exceeded cross crossed climb climbed rise rose
  grow grew big bigger size large larger high higher huge more less than most least remind reminder someone
  somebody anybody anything something everything hear heard seen see saw note noted mention mentioned said
  january jan february feb march mar april apr june jun july jul august aug september sept sep october oct
  november nov december dec week weeks sidebar explainer graphic chart factbox liveblog newsletter podcast hed dek lede nutgraf para draft piece
  article brief disclose disclosed barely rarely publish published suffer suffered suffering sustain sustained incur incurred endured summary rundown overview breakdown recap snapshot status info
  information details detail background context day's yesterday tonight morning evening were was has have had`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Question words that name a date: months, and the words around them. */
export const monthNumbers: Readonly<Record<string, number>> = Object.freeze({
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
});
