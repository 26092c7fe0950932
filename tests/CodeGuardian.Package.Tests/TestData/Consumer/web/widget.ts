export interface Widget {
  id: number;
}

/* TODO: ts task tag in a block comment */
export const label: string = `TODO: ts text inside a template literal`;
