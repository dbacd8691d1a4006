// The `stopword` package ships no types; Steward reads two of its lists (Snowball's English and
// Russian stop words), each an array of lower-case words.
declare module 'stopword' {
  export const eng: string[];
  export const rus: string[];
}
