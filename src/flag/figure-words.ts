import type { Unit } from "../claims/schema.ts";

/**
 * The vocabulary that decides whether a number is a claim about the war or newsroom logistics.
 * Lower-case, singular and plural both listed: lookups are exact, so keep them here and fast.
 */

/** Nouns that make a number a countable claim, with the unit they imply. */
export const claimNouns: ReadonlyMap<string, Unit> = new Map<string, Unit>([
  ...words(
    "people",
    `soldier soldiers troop troops man men personnel casualty casualties killed dead death deaths wounded injured
     injuries injury fatalities fatality lives life loss losses civilian civilians prisoner prisoners pows pow
     captives captive fighter fighters mercenary mercenaries conscript conscripts recruit recruits reservist
     reservists infantry servicemen serviceman servicemembers combatants refugees children kids russians
     ukrainians koreans kia wia mia bodies missing irrecoverable deserters volunteers convicts occupiers invaders
     marines paratroopers sailors pilots officers generals residents victims evacuees displaced dying died
     battalions brigades families households patients medics doctors women hostages detainees`,
  ),
  ...words(
    "vehicles",
    `tank tanks vehicle vehicles apcs apc ifvs ifv afvs afv armour armor artillery guns howitzers aircraft planes
     jets helicopters ships boats warships vessels`,
  ),
  ...words("drones", "drone drones uavs uav shaheds shahed decoys"),
  ...words("km", "km kilometres kilometers sq"),
]);

/**
 * Weapon systems counted by name: "3 Patriots", "31 Abrams arrived", "2 Patriot launchers". A plural noun
 * after the name is what is counted instead: "2 HIMARS explainers" counts explainers.
 */
export const weaponNames: ReadonlySet<string> = new Set(
  split(`patriot patriots himars atacms abrams leopard leopards bradley bradleys challenger challengers marder
     marders stryker strykers javelin javelins stinger stingers nlaw nlaws gripen gripens iskander iskanders
     kinzhal kinzhals kalibr kalibrs lancet lancets bayraktar bayraktars caesar caesars gepard gepards nasams
     iris-t tomahawk tomahawks taurus scalp scalps shadow shadows`),
);

/** Other countable things of the war: figures, but in no unit the index knows. */
export const otherClaimNouns: ReadonlySet<string> = new Set(
  split(`missiles missile rockets rocket shells shell rounds mines bombs strikes attacks villages settlements towns
     miles sorties weapons munitions systems units launchers airstrikes interceptors squadrons batteries
     refineries depots airfields airports bridges substations buildings homes houses schools hospitals
     apartments cities oblasts regions hromadas plants stations facilities reactors generators transformers
     gw mw gigawatts megawatts`),
);

/** Words between a number and its noun that do not end the search ("38,000 *Russian* soldiers"). */
export const nounModifiers: ReadonlySet<string> = new Set(
  split(`russian ukrainian north korean nk ru ua enemy more additional new extra other of the their its our his her
     armoured armored fighting infantry self-propelled artillery military civilian soviet us american british
     chinese iranian foreign elite regular combat active frontline front-line kursk kharkiv donetsk bakhmut
     total confirmed estimated reported visually further plus or and destroyed damaged abandoned captured
     burned burnt wrecked downed square power nuclear thermal oil gas energy ammunition`),
);

/** Nouns that make a number logistics, not a claim: words, photos, minutes, views … */
export const logisticsNouns: ReadonlySet<string> = new Set(
  split(`word words wds char chars character characters photo photos pics pic pictures picture images image graphics
     graphic video videos clips clip source sources quote quotes reporter reporters editor editors writer writers
     minute minutes mins min hour hours hrs hr h second seconds secs sec day days week weeks month months year years
     yrs graf grafs paragraph paragraphs paras para line lines page pages pp slide slides tab tabs edits draft
     drafts version versions story stories piece pieces item items link links tweet tweets posts email emails
     message messages calls interview interviews takes inch inches col cols column columns points pt
     px mb gb kb views pageview pageviews reader readers unique uniques clicks subscriber subscribers
     follower followers likes retweet retweets shares impression impressions visits session
     sessions download downloads listens plays signup signups comments replies upvote
     upvotes times things reason reasons ways question questions option options bullet bullets
     chart charts map maps box boxes sidebar sidebars sentence sentences pizza pizzas salad salads coffee coffees
     seat seats slot slots shift shifts desk desks o'clock oclock ticket
     tickets file files doc docs folder folders row rows cell cells sheet sheets tweaks fixes notes note stars
     sentences corrections errors typos bugs tests members staff staffers colleagues interns freelancers
     apologies thanks congrats kudos cheers hugs`),
);

/** Verbs that, right before a small number, make it a claim: "shot down 28", "killed 300". */
export const claimVerbs: ReadonlySet<string> = new Set(
  split(`killed kill kills lost lose loses losing deployed deploy sent send sending downed destroyed destroy shot
     jammed intercepted launched fired captured wounded injured evacuated buried exchanged freed returned suffered
     reached surpassed passed topped exceeded exceeding hit hits totalled totaled totals estimated estimate
     stands stood risen rose rises rise climbed climbs increased jumped jumps grew reaching rising climbing trained mobilised mobilized recruited`),
);

/** Words naming the war, its parties or what it counts, but no verb and not "people" (which counts readers too). */
export const warContext: ReadonlySet<string> = new Set([
  ...[...claimNouns.keys()].filter((w) => w !== "people"),
  ...otherClaimNouns,
  ...split(`toll tally figure figures count total russia russia's ukraine ukraine's moscow kyiv kremlin nk korea
     korean kursk front war army armies forces military casualty rate aid package budget-support mark milestone
     irrecoverable daily arms`),
]);

/**
 * Words that make a clause about the war, so that a bare number ≥ 1,000 in it is a claim.
 * Checked against every word of the clause.
 */
export const claimContext: ReadonlySet<string> = new Set([...warContext, "people", ...claimVerbs]);

/**
 * Words after a number that say what happened to the things an earlier figure counted: "63 drones … and
 * 28 were shot down", "12 destroyed".
 */
export const outcomeWords: ReadonlySet<string> = new Set(
  split(`killed wounded injured dead died hurt destroyed downed shot intercepted captured damaged jammed evacuated
     abandoned freed exchanged swapped surrendered`),
);

/** Time nouns: logistics after a small number ("3 days"), an adverb after "the" ("1,340 the day before"). */
export const durationNouns: ReadonlySet<string> = new Set(
  split(`day days week weeks month months year years yrs night nights hour hours hrs minute minutes mins`),
);

/** A clause with these words counts an audience: "2,000 people read the explainer" is not a claim. */
export const audienceWords: ReadonlySet<string> = new Set(
  split(`read viewed watched clicked opened visited subscribed signed attended listened shared liked followed
     readers viewers listeners followers audience subscribers newsletter mailing list webinar meeting`),
);

/** A word right before a number that makes it a label, not an amount: "page 12", "slot 3", "ext. 4412". */
export const labelWords: ReadonlySet<string> = new Set(
  split(`page pages p pp pg para paragraph graf slot item line row rows column col cell tab sheet step section sec
     chapter ch episode ep season version ver v build release rev revision take phase part fig table
     exhibit appendix option no nr ticket issue bug pr story room floor desk channel studio platform
     gate seat bus route zone level grade week day entry test slide frame cam camera mic ext extension tel phone
     box unit chrome ios android node python firefox safari windows macos iphone pixel firmware model class
     group team batch queue position priority tier stage vol volume round lane terminal flight apt suite
     question q footnote point rule article clause verse track exit junction highway id ids cms slug ref
     reference order invoice account acct code pin passcode password meeting zoom`),
);

/** Clauses with these words use % for progress or certainty, not a claim: "90% done", "100% sure". */
export const percentLogistics: ReadonlySet<string> = new Set(
  split(`done complete completed finished through sure certain agree agreed confident battery charged charge
     chance progress ready zoom brightness volume opacity discount off sale loaded uploaded downloaded cpu memory
     disk ctr width height quality uptime capacity full open newsletter readers click clicks clickthrough
     engagement subscribers visitors users viewers listeners followers conversion bounce traffic audience
     pageviews views speed playback size font
     resolution`),
);

/** Money in a clause with these words is the newsroom's spending, not a claim: "$1,200 for the fixer". */
export const newsroomSpending: ReadonlySet<string> = new Set(
  split(`fixer fixers taxi taxis cab cabs uber hotel hotels flight flights airfare expenses expense expensed
     invoice invoices invoiced diem fee fees lunch dinner breakfast travel visa insurance subscription licence
     license freelance freelancer freelancers stringer stringers salary translator translators rental reimburse
     reimbursed receipt receipts`),
);

/** Money in a clause without these words is expenses ("$45 taxi"), unless it is large. */
export const moneyContext: ReadonlySet<string> = new Set(
  split(`aid package military weapons budget support assistance loan loans sanctions funding funds assets frozen
     congress tranche pledged pledge billion million bn ukraine russia kyiv`),
);

/** Words after a number that make it a time of day: "3 pm", "0800 GMT", "10 o'clock". */
export const timeWords: ReadonlySet<string> = new Set(
  split(
    `am pm a.m. p.m. gmt bst utc cet cest eet eest et est edt pt pst pdt msk o'clock oclock hrs kyiv-time`,
  ),
);

/** Months, for dates such as "Jan 7", "June 12-14" and "7 January". */
export const monthWords: ReadonlySet<string> = new Set(
  split(`jan january feb february mar march apr april may jun june jul july aug august sep sept september oct
     october nov november dec december`),
);

/** Idioms around "a million": "a million things to do" is not a figure. */
export const idiomNouns: ReadonlySet<string> = new Set(
  split(`things times reasons ways questions thanks emails messages miles ideas bucks dollars-worth years`),
);

function split(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

function words(unit: Unit, list: string): Array<[string, Unit]> {
  return split(list).map((w) => [w, unit]);
}
