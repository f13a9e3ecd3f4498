// Month names as CMSs write them in a date: glibc's and CLDR's abbreviations and full names in
// German, French, Spanish, Dutch, Italian and Portuguese (and English's), lower case and without
// accents ("Mär" is "mar", "févr." is "fevr"), as a locale's strftime("%a, %d %b %Y") writes a
// pubDate ("Di, 03 Jan 2023", "mar., 03 janv. 2023", "Seg, 24 Set 2018" at UOL).
const MONTHS = [
  "jan january januar janner jaen janv janvier ene enero januari gen gennaio janeiro",
  "feb february februar fevr fev fevrier febrero februari febbraio fevereiro",
  "mar march marz maerz mrz mars marzo mrt maart marco",
  "apr april avr avril abr abril aprile",
  "may mai mayo mei mag maggio maio",
  "jun june juni juin junio giu giugno junho",
  "jul july juli juil juillet julio lug luglio julho",
  "aug august aout ago agosto augustus",
  "sep sept september septembre septiembre set settembre setembro",
  "oct october okt oktober octobre octubre ott ottobre out outubro",
  "nov november novembre noviembre novembro",
  "dec december dez dezember decembre dic diciembre dicembre dezembro",
];

const MONTH_OF = new Map(
  MONTHS.flatMap((names, month) => names.split(" ").map((name) => [name, month] as const)),
);

// Weekday names in the same languages, by language (Portuguese's "segunda-feira" is "segunda");
// a weekday is dropped, as RFC 822 readers ignore it.
const WEEKDAYS = new Set(
  [
    "sun mon tue tues wed thu thur thurs fri sat",
    "sunday monday tuesday wednesday thursday friday saturday",
    "so mo di mi do fr sa sonntag montag dienstag mittwoch donnerstag freitag samstag",
    "dim lun mar mer jeu ven sam dimanche lundi mardi mercredi jeudi vendredi samedi",
    "dom lun mar mie jue vie sab domingo lunes martes miercoles jueves viernes sabado",
    "zo ma di wo do vr za zondag maandag dinsdag woensdag donderdag vrijdag zaterdag",
    "dom lun mar mer gio ven sab domenica lunedi martedi mercoledi giovedi venerdi sabato",
    "dom seg ter qua qui sex sab domingo segunda terca quarta quinta sexta sabado",
  ].flatMap((names) => names.split(" ")),
);

const ENGLISH = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

const MAX_DATE_CHARS = 100;
const WEEKDAY = String.raw`^(?:(?<weekday>[\p{L}-]+)\.?,?\s+)?`;
const TIME = String.raw`(?<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+)?)`;
// [weekday[.][,]] day[.|er] [de] month[.][,] [de] year [[,] [-|à|um|om|alle|às|a las] time [zone]]
// ("Vendredi, 13 Mars, 2020 - 12:22" is Drupal's in French; "3 de enero de 2023" Spanish).
const DATE = new RegExp(
  [
    WEEKDAY,
    String.raw`(?<day>\d{1,2})(?:\.|er)?\s+(?:de\s+)?(?<month>\p{L}+)\.?,?\s+(?:de\s+)?(?<year>\d{4})`,
    String.raw`(?:,?\s+(?:(?:-|à|um|om|alle|às|a las)\s+)?${TIME})?$`,
  ].join(""),
  "u",
);
// [weekday[.][,]] month[.] day[st|nd|rd|th][,] year [[,] [-|at|@] time [zone]]: the US order
// ("Monday, March 3, 2025 - 10:00" is Drupal's, which Date.parse refused for its dash).
const MONTH_FIRST = new RegExp(
  [
    WEEKDAY,
    String.raw`(?<month>\p{L}+)\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})`,
    String.raw`(?:,?\s+(?:(?:-|at|@)\s+)?${TIME})?$`,
  ].join(""),
  "u",
);
// month[.][,] [de] year: an archive's date, or a CMS's that writes no day ("Mär 2023", "março de
// 2023").
const MONTH_YEAR = /^([\p{L}]+)\.?,?\s+(?:de\s+)?(\d{4})$/u;

/**
 * A day-month-year date (or month-day-year) whose month (and weekday, if any) is named in one of
 * the languages above, written as RFC 822 in English ("Di, 03 Mär 2023 10:00:00 +0100" → "03 Mar 2023 10:00:00
 * +0100"), and a month-year date as its first day ("Mär 2023" → "1 Mar 2023"); any other text
 * unchanged. Only names are mapped: the rest is read as before. Undefined for a name that is no
 * month before a year ("Spring 2023"), which Date.parse would read as 1 January.
 */
export function translateDateNames(text: string): string | undefined {
  // No date is longer; a longer text is not read for one.
  if (text.length > MAX_DATE_CHARS) return text;
  const monthYear = text.match(MONTH_YEAR);
  if (monthYear) return firstOfMonth(monthYear[1] ?? "", monthYear[2] ?? "");
  const parts = (text.match(DATE) ?? text.match(MONTH_FIRST))?.groups;
  if (!parts) return text;
  const { weekday, day, month: monthName, year, time } = parts;
  const month = MONTH_OF.get(plainName(monthName ?? ""));
  if (month === undefined) return text;
  if (weekday !== undefined && !WEEKDAYS.has(plainName(weekday).replace(/-feira$/, ""))) {
    return text;
  }
  return `${day} ${ENGLISH[month]} ${year}${time === undefined ? "" : ` ${time}`}`;
}

// A month without a day is its first day, as other feed readers take it: Date.parse read a name
// it did not know as no month at all ("Mär 2023" was 1 January), and a date unknown would make an
// old post new.
function firstOfMonth(monthName: string, year: string): string | undefined {
  const month = MONTH_OF.get(plainName(monthName));
  return month === undefined ? undefined : `1 ${ENGLISH[month]} ${year}`;
}

// Lower case, without accents: "Mär" → "mar", "Févr" → "fevr", "Sáb" → "sab".
function plainName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
