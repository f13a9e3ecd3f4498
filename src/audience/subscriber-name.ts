import { dropLineControls } from "../shared/control-characters.js";

// A name longer than this is not one (a cell of something else, or a hostile file).
const MAX_NAME = 200;

/**
 * A subscriber's name as it is kept: one line of text with its spaces collapsed (it is printed by
 * `subscribers list` and greets the subscriber in every email, where an ESC or a line break would
 * act instead of reading); empty for no name; `{ problem }` when it is too long to be one.
 */
export function subscriberName(raw: string): { name: string } | { problem: string } {
  const name = dropLineControls(raw).replace(/\s+/g, " ").trim();
  return name.length > MAX_NAME
    ? { problem: `the name is longer than ${MAX_NAME} characters` }
    : { name };
}
