import prettyBytes from 'pretty-bytes';

export interface Greeting {
  name: string;
  excited?: boolean;
}

export const greet = (g: Greeting): string => `Hello, ${g.name}${g.excited ? '!' : '.'}`;

export enum Step {
  One = 1,
  Five = 5,
}

export default function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A size as people read it, by the npm package pretty-bytes (pure ES module, built into miniprogram_npm). */
export const size = (bytes: number): string => prettyBytes(bytes);
