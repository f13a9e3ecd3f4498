import { describe, expect, it } from "vitest";
import { addressesReader, opensDependent } from "../../src/enrich/extractive/select-neutral.js";

// Issue 15, point 2 outside English: openers that point back at the sentence before.
describe("opensDependent", () => {
  it.each([
    ["Ale wynik jest taki sam.", "pl", true],
    ["Więc zaczęłam od nowa.", "pl", true],
    ["To było dla mnie trudne.", "pl", true],
    ["Oni niestety mieli rację.", "pl", true],
    ["Dlatego warto zapytać o wizyty na NFZ.", "pl", true],
    ["Natomiast koszty sądowe to 600 zł.", "pl", true],
    ["Specjalizuje się w pomocy osobom transpłciowym.", "pl", true],
    ["Najczęściej składa się z dwóch etapów.", "pl", true],
    // A demonstrative among the first words points back too (the "Historia transpłciości" post).
    ["Jak do tej pory nie został omówiony w całości życiorys z Grabskim.", "pl", true],
    ["Spowodowane to było wypieraniem transpłciości oraz lękiem.", "pl", true],
    ["Tranzycja medyczna to proces dopasowania ciała.", "pl", false],
    ["Przed pierwszą wizytą warto ustalić terminy.", "pl", false],
    ["Maar het resultaat is hetzelfde.", "nl", true],
    ["De gemeente Utrecht heeft de stalling geopend.", "nl", false],
    ["Deshalb haben wir den Cache verschoben.", "de", true],
    ["Ale wynik jest taki sam.", "fr", false],
  ])("%s (%s) → %s", (text, language, expected) => {
    expect(opensDependent(text, language)).toBe(expected);
  });
});

// A sentence addressed to the reader is a letter, not what the article says.
describe("addressesReader", () => {
  it.each([
    ["Pozwolę sobie napisać kilka słów do Was drogie osoby oraz do rodziców.", "pl", true],
    ["Przed pierwszą wizytą warto ustalić terminy.", "pl", false],
    ["Dit is jouw kans om de stalling te gebruiken.", "nl", true],
    ["De gemeente Utrecht heeft de stalling geopend.", "nl", false],
  ])("%s (%s) → %s", (text, language, expected) => {
    expect(addressesReader(text, language)).toBe(expected);
  });
});
