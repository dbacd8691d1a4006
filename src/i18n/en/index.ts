// The English catalog: one area per file, each with its Russian twin in ../ru/.
export const en = {};
