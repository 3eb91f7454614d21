// Phone numbers as articles print them, which the flag detector's patterns (built for chat) miss: "1800 472 318",
// "03457 48 49 50", "(02) 8527 3877". Digit groups split by single spaces, opening with a bracketed area code,
// a 0 or four digits or more; "1 000 000" (a grouped count) opens with one digit and stays.
const contactNumber =
  /(?<![\d,.])(?:\(\d{2,4}\)\s?\d{3,5}(?: \d{2,5})+|(?:0\d{2,5}|[1-9]\d{3,4})(?: \d{2,5}){2,})(?!\d|[.,]\d|\s?%)/g;

/** The text with printed phone numbers turned to spaces, so that offsets still hold. */
export function blankContactNumbers(text: string): string {
  return text.replace(contactNumber, (m) => " ".repeat(m.length));
}
