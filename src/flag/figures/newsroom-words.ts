/**
 * Language mechanics that tell a newsroom's own numbers (words, pages, minutes, expenses, times) from the
 * news. No story's words: what stories count lives in data (`vocabulary/`, topics), see flag-vocabulary.ts.
 * Lower-case, singular and plural both listed: lookups are exact, so keep them here and fast.
 */

function split(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

/** Nouns that make a number logistics, not a claim: words, photos, minutes, views … */
export const logisticsNouns =
  split(`word words wds char chars character characters photo photos pics pic pictures
  picture images image graphics graphic video videos clips clip source sources quote quotes reporter reporters
  editor editors writer writers minute minutes mins min hour hours hrs hr h second seconds secs sec day days week
  weeks month months year years yrs graf grafs paragraph paragraphs paras para line lines page pages pp slide
  slides tab tabs edits draft drafts version versions story stories piece pieces item items link links tweet
  tweets posts email emails message messages calls interview interviews takes inch inches col cols column columns
  points pt px mb gb kb views pageview pageviews reader readers unique uniques clicks subscriber subscribers
  follower followers likes retweet retweets shares impression impressions visits session sessions download
  downloads listens plays signup signups comments replies upvote upvotes times things reason reasons ways question
  questions option options bullet bullets chart charts map maps box boxes sidebar sidebars sentence sentences
  pizza pizzas salad salads coffee coffees slot slots shift shifts desk desks o'clock oclock ticket
  tickets file files doc docs folder folders row rows cell cells sheet sheets tweaks fixes notes note stars
  corrections errors typos bugs tests members staff staffers colleagues interns freelancers apologies thanks
  congrats kudos cheers hugs`);

/** Verbs of a number's size that, right before a small number, make it a claim: "reached 300", "rose 12". */
export const countingVerbs =
  split(`reached surpassed passed topped exceeded exceeding hit hits totalled totaled
  totals estimated estimate stands stood risen rose rises rise climbed climbs increased jumped jumps grew reaching
  rising climbing`);

/** Words between a number and its noun in any story: "38,000 *more* soldiers", "12 *new* cases". */
export const numberModifiers =
  split(`more additional new extra other of the their its our his her total confirmed
  estimated reported plus or and further`);

/** Time nouns: logistics after a small number ("3 days"), an adverb after "the" ("1,340 the day before"). */
export const durationNouns = split(
  "day days week weeks month months year years yrs night nights hour hours hrs minute minutes mins",
);

/** Durations that, written with grouped digits, count time that passed: "1,026 days" of a war. */
export const longDurations = split("days weeks months nights");

/** A clause with these words counts an audience: "2,000 people read the explainer" is not a claim. */
export const audienceWords =
  split(`read viewed watched clicked opened visited subscribed signed attended listened
  shared liked followed readers viewers listeners followers audience subscribers newsletter mailing list webinar
  meeting`);

/** A word right before a number that makes it a label, not an amount: "page 12", "slot 3", "ext. 4412". */
export const labelWords =
  split(`page pages p pp pg para paragraph graf slot item line row rows column col cell tab
  sheet step section sec chapter ch episode ep season version ver v build release rev revision take phase part fig
  table exhibit appendix option no nr ticket issue bug pr story room floor desk channel studio platform gate seat
  bus route zone level grade week day entry test slide frame cam camera mic ext extension tel phone box unit chrome
  ios android node python firefox safari windows macos iphone pixel firmware model class group team batch queue
  position priority tier stage vol volume round lane terminal flight apt suite question q footnote point rule
  article clause verse track exit junction highway id ids cms slug ref reference order invoice account acct code
  pin passcode password meeting zoom`);

/** Clauses with these words use % for progress or certainty, not a claim: "90% done", "100% sure". */
export const percentLogistics =
  split(`done complete completed finished through sure certain agree agreed confident
  battery charged charge chance progress ready zoom brightness volume opacity discount off sale loaded uploaded
  downloaded cpu memory disk ctr width height quality uptime capacity full open newsletter readers click clicks
  clickthrough engagement subscribers visitors users viewers listeners followers conversion bounce traffic
  audience pageviews views speed playback size font resolution`);

/** Money in a clause with these words is the newsroom's spending, not a claim: "$1,200 for the fixer". */
export const newsroomSpending =
  split(`fixer fixers taxi taxis cab cabs uber hotel hotels flight flights airfare
  expenses expense expensed invoice invoices invoiced diem fee fees lunch dinner breakfast travel visa insurance
  subscription licence license freelance freelancer freelancers stringer stringers salary translator translators
  rental reimburse reimbursed receipt receipts`);

/** Words after a number that make it a time of day: "3 pm", "0800 GMT", "10 o'clock". */
export const timeWords = split(
  "am pm a.m. p.m. gmt bst utc cet cest eet eest et est edt pt pst pdt msk o'clock oclock hrs",
);

/** Months, for dates such as "Jan 7", "June 12-14" and "7 January". */
export const monthWords =
  split(`jan january feb february mar march apr april may jun june jul july aug august sep
  sept september oct october nov november dec december`);

/** Idioms around "a million": "a million things to do" is not a figure. */
export const idiomNouns = split(
  "things times reasons ways questions thanks emails messages miles ideas bucks dollars-worth years",
);
