// Reading CSV as a stream of records, each with the line it starts on and the bytes read.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { unguardFormula } from '../../../lib/csvFormula.ts';
import { notCsv } from '../../../lib/csvProblem.ts';
import { AppError } from '../../../lib/errors.ts';

export type CsvRecord = { cells: string[]; line: number; bytes: number };

/** Records of a CSV stream, one at a time (the parser holds back while we write a batch). */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    // A row with too few or too many cells is rejected with its line, not the whole file.
    relax_column_count: true,
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let nextLine = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number; empty_lines: number };
    }>) {
      // `info.lines` is where the record ends; a quoted cell may span lines.
      const line = Math.max(nextLine, info.lines - countNewlines(record));
      nextLine = info.lines + 1;
      // A cell a spreadsheet export guarded with a leading quote ("'=Acme") is its text again.
      yield { cells: record.map(unguardFormula), line, bytes: info.bytes };
    }
  } catch (error) {
    // Why, in the reader's words: csv-parse's code and the line it stopped on.
    if (error instanceof CsvError) throw notCsv(error);
    throw error;
  } finally {
    input.unpipe(parser);
    parser.destroy();
    input.destroy();
  }
}

function countNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (const ch of cell) if (ch === '\n') count++;
  return count;
}

/** A stored file as a stream in small pieces, so the parser never holds all its rows. */
export function bufferStream(buffer: Buffer, pieceSize = 64 * 1024): Readable {
  function* pieces() {
    for (let at = 0; at < buffer.length; at += pieceSize) yield buffer.subarray(at, at + pieceSize);
  }
  return Readable.from(pieces());
}

/** The header of an uploaded file; refuses what is empty or plainly not text. */
export async function readHeader(buffer: Buffer): Promise<string[]> {
  if (buffer.subarray(0, 8192).includes(0)) {
    throw new AppError('import.invalid_file', { key: 'intake.problem.binaryFile' });
  }
  for await (const record of csvRecords(bufferStream(buffer))) {
    return checkedHeader(record.cells);
  }
  throw new AppError('import.invalid_file', { key: 'intake.problem.emptyCsv' });
}

export function checkedHeader(cells: string[]): string[] {
  const header = cells.map((c) => c.trim());
  if (header.every((c) => c === '')) {
    throw new AppError('import.invalid_file', { key: 'intake.problem.noHeader' });
  }
  return header;
}
