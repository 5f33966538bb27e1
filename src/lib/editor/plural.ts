/** A count in the editor's (English) messages: "1 feature", "2 features". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
