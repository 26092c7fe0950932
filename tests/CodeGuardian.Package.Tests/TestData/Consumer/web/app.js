// TODO: js task tag in a comment
const note = "TODO: js text inside a string";
export function show() {
  return note.length;
}
