/**
 * Words that carry no meaning for a question in any story: question words, the filler reporters type on
 * deadline, newsroom jargon and words every quantity shares. They are neither evidence for a topic nor
 * against it. Story words never go here; a desk adds its own filler as `kind: filler` in `vocabulary/`.
 */
export const stopwords: ReadonlySet<string> = new Set(
  `a an the of in on at to for from by with about into onto over under up down out off and or but nor so yet
  how many much what whats which who whom whose when where why is are was were be been being am do does did done
  doing have has had having can could would should will shall may might must i me my we our us you your he she it
  its they them their this that these those there here hi hey hello pls please plz thanks thx ty quick quickly q
  one just any anyone anybody know knows tell give got get gets need want looking look find figure figures number
  numbers num no nos latest current currently now today recent recently new newest updated update updates estimate
  estimated estimates estimation count counts counting tally tallies stat stats statistic statistics data
  official officially reported report reports reporting according say says said saying claim claims claimed
  think believe best real really actual actually approx approximately roughly around some far yet still
  whole entire again also exactly precise precisely verify check checking fact factcheck
  got sense ballpark rough idea guess it's that's there's how's what's level levels amount amounts sum ever
  till until til as per via side sides part regarding re story piece copy graf lede desk editor wire hed
  headline deadline asap urgent ok okay right correct record sourced source sources early late mid start
  beginning end last first final next announce announced announcement hold holds held run runs running go goes
  going make made put sit stand stands reach reached hit top topped pass passed surpass surpassed exceed
  exceeded cross crossed climb climbed rise rose grow grew big bigger size large larger high higher huge more
  less than most least remind reminder someone somebody anything something everything hear heard seen see saw
  note noted mention mentioned january jan february feb march mar april apr june jun july jul august aug
  september sept sep october oct november nov december dec sidebar explainer graphic chart factbox liveblog
  newsletter podcast dek nutgraf para draft article brief disclose disclosed barely rarely publish published
  suffer suffered suffering sustain sustained incur incurred endured summary rundown overview breakdown recap
  snapshot status info information details detail background context yesterday tonight morning evening
  all only just began begin begun started starting own his her hers if never then itself whatever etc sorry
  terms moment bn billion billions mn million millions thousand thousands news read reads reading newer older broadest broader broad widest narrowest measure measures
  two three four five six seven eight nine ten ran hour hours minute minutes incl including admit admits admitted s t don doesn didn isn aren wasn weren haven hasn`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Month words, for reading dates. */
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

/** Words that negate the concept after them: "dead, not wounded". */
export const negations: ReadonlySet<string> = new Set([
  "not",
  "excluding",
  "excl",
  "without",
  "minus",
  "except",
  "no",
  "nor",
]);

/** A name after these is where something happened ("deaths in Spain"), not whose figure it is. */
export const placePrepositions: ReadonlySet<string> = new Set([
  "in",
  "into",
  "inside",
  "across",
  "throughout",
  "within",
  "to",
  "for",
  "at",
]);
/** A name after these is who did it or what was hit ("injured by police"): never whose figure. */
export const agentPrepositions: ReadonlySet<string> = new Set(["by", "against", "onto"]);

/** Words after a source name that show the question asks what it says: "the ministry says", "police's count". */
export const attributionAfter: ReadonlySet<string> = new Set([
  ...["say", "says", "said", "saying", "claim", "claims", "claimed", "admit", "admits", "admitted"],
  ...["acknowledge", "acknowledged", "acknowledges", "official", "officially", "version", "itself"],
  ...["concede", "concedes", "conceded", "report", "reports", "reported", "put", "puts", "estimate"],
  ...["estimates", "figure", "figures", "count", "number", "numbers", "tally", "data", "reckon", "reckons"],
]);
/** Words before a source name that show the same: "according to the ministry", "per police". */
export const attributionBefore: ReadonlySet<string> = new Set(["according", "per", "official", "from"]);
/** Possessives that point back at a named source: "the governor … her province" means the source's side. */
export const ownSide: ReadonlySet<string> = new Set([
  "his",
  "her",
  "its",
  "their",
  "own",
  "itself",
  "themselves",
  "himself",
  "herself",
]);
