// A translation must have exactly the keys of the English original, each a string.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
