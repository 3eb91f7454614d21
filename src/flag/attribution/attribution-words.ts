/**
 * Attribution phrasing in newsroom English: who counts as a body that speaks, who does not, and which words
 * label a line without naming anyone. No story's names: those come from `sources/` (see source-names.ts).
 */

function split(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

/** Bodies that speak for themselves: "officials say", "the ministry said", "police estimate". */
export const authoritative =
  split(`officials official ministry ministries military government govt intelligence
  intel report study tank analysts analyst mayor governor spokesman spokeswoman spokesperson spokespeople staff army
  command commander commanders president minister ministers secretary chief agency agencies mission monitors
  observers experts researchers institute statement paper survey police prosecutors prosecutor authorities
  administration office navy defence defense officers generals envoy ambassador diplomat diplomats department
  bureau council committee parliament court tribunal judge judges coroner coroners hospital hospitals medics
  paramedics rescuers firefighters coastguard organisers organizers union unions campaigners charity charities
  ngo ngos organisation organization organisations organizations group commission regulator pollster pollsters
  census registrar inspectors sheriff guild association federation chamber ministry's spokesman's government's authorities' police's`);

/** Subjects whose saying so sources nothing: "we said", "the draft says", "someone reckons". */
export const unsourcedSubjects =
  split(`i we you someone somebody anyone anybody people everyone everybody folks
  twitter x telegram reddit rumour rumours rumor rumors reports sources source draft graf para paragraph lede hed
  dek chart graphic doc story piece copy sheet spreadsheet tracker embed box sidebar caption editor editors desk boss
  colleague friend guy mate reader readers wiki wikipedia google chatgpt commenter commenters internet nobody one
  who which that what i'd i'm we'd we're you'd`);

/** What happened somewhere: "the count from the Kherson shelling" is from an event, not from someone. */
export const eventNouns =
  split(`strike strikes attack attacks shelling bombing bombings blast blasts explosion
  raid raids fire fires flood floods flooding quake earthquake storm crash collapse outbreak protest protests march
  rally riots clashes unrest disaster landslide eruption shooting stampede`);

export const countWords = split("toll tally total totals count figure figures number numbers");
export const pronouns = split("he she they it");
/** After these a say verb is a noun: "my notes", "the estimate", "their claims". */
export const determiners = split("my our your his her their its the a an this that these those");
/** "Rosstat data: …", "Levada figures: …": a name before one of these labels a line as that name's. */
export const dataNouns = split("data figures numbers stats statistics estimate estimates count tally poll");

/** Capitalised words that start a sentence or a label without naming anyone. */
export const notNames =
  split(`the a an this that these those it i so and but then also now just still per yes no
  ok okay fyi breaking update lede hed dek draft note reminder edit headline question q re ps nb tldr context
  correction important urgent todo summary total totals figures numbers latest today yesterday overnight background
  quick btw heads hmm new fact check caption chart graphic map box sidebar slug timeline when if our my your their
  his her its we you they he she what which who how why where is are was were do does did has have had can could
  should would will may might must let here there hey hi thanks thx pls please sorry key main top rough final raw
  big overall combined updated current old provisional preliminary revised working ballpark best worst`);

/** Words that label a line with its document, format or beat rather than with who said it. */
export const topicLabels =
  split(`script scripts pod podcast transcript vo voiceover intro outro tease teaser promo
  bulletin package pkg rundown newsletter explainer liveblog blog push alert alerts graphics graphic visuals video
  radio tv social copy notes energy power grid economy economics markets oil gas sanctions diplomacy talks weather
  humanitarian politics health crime courts climate sport business`);

/** Colleagues' first names are not sources: "Dave said use 800,000". */
export const firstNames =
  split(`dave david sam sarah tom tim john jon james jim mike michael chris anna emma kate
  katie laura lucy ben dan daniel matt matthew alex alice amy andy rachel rob robert steve jess jessica joe josh mark
  paul peter pete nick nicola olivia rosie ruth simon sophie will jack harry charlie george ella grace hannah holly
  jane jen jenny liz lisa maria mary nina tara zoe omar ali priya raj`);

export const sayVerbs =
  "says|said|say|saying|reports|reported|reporting|estimates|estimated|estimate|claims|claimed|claim|puts|put|stated|states|announced|announces|told|tells|confirmed|confirms|confirm|reckons|reckoned|believes|counted|counts|tallied|wrote|writes|tweeted|posted|assessed|assesses|assess|acknowledged|acknowledges|admitted|admits|noted|notes|revealed|reveals|disclosed|calculated|calculates|thinks|think|reckon|believe|has it at|have it at|lists|listed|logged|logs|tracks|tracked|records|recorded|documents|documented|verified|verifies|geolocated|quotes|quoted|published|publishes|updated|registered|registers|projects|projected|forecasts|forecast|warned|warns|sees|expects|predicts|predicted";
