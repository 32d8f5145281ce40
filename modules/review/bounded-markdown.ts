import { table } from "./references";

/**
 * Markdown that must fit a limit whatever it lists: the review's summary is posted as one
 * pull-request comment, and a comment holds at most 65,536 characters. Tables list what config and
 * code bring (environments, violations, exceptions), so they shrink to fit: fewer rows, shorter
 * cells, each cut said where it is cut and where the whole is.
 */

/** A table whose rows may be cut; `rest` says where all of them are. */
export interface BoundedTable {
  readonly header: string[];
  readonly rows: unknown[][];
  /** Where the rows left out are, e.g. `review/findings.json`. */
  readonly rest: string;
}

/** Blocks folded under a one-line summary the reader opens (`<details>`). */
export interface Folded {
  /** The report's own words, never a value from config or code. */
  readonly folded: string;
  readonly blocks: readonly BoundedBlock[];
}

/** A paragraph or heading of the report's own Markdown, a table, or a folded group. */
export type BoundedBlock = string | BoundedTable | Folded;

interface Fit {
  readonly rows: number;
  readonly cell: number;
}

/** Tried in order until the text fits: first everything, then ever fewer rows and shorter cells. */
const FITS: readonly Fit[] = [
  { rows: Infinity, cell: Infinity },
  { rows: Infinity, cell: 400 },
  ...[200, 100, 50, 25, 10, 5, 2, 0].map((rows) => ({ rows, cell: 160 })),
];

/** At most `length` characters of a value's text (whole code points), with `…` when cut. */
function shortened(value: unknown, length: number): unknown {
  if (length === Infinity) return value;
  const characters = Array.from(String(value ?? ""));
  return characters.length <= length ? value : `${characters.slice(0, length - 1).join("")}…`;
}

function renderBlock(block: BoundedBlock, fit: Fit): string {
  if (typeof block === "string") return block;
  if ("folded" in block) {
    // GitHub renders Markdown inside <details> only after a blank line.
    return [`<details><summary>${block.folded}</summary>`, ...block.blocks.map((b) => renderBlock(b, fit)), "</details>"].join("\n\n");
  }
  const shown = block.rows.slice(0, fit.rows).map((row) => row.map((cell) => shortened(cell, fit.cell)));
  const left = block.rows.length - shown.length;
  const cut = shown.some((row, i) => row.some((cell, j) => cell !== block.rows[i][j]));
  const notes = [
    ...(left > 0 ? [`${left} more row(s) not shown here`] : []),
    ...(cut ? ["long cells shortened (…)"] : []),
  ];
  return [
    ...(shown.length > 0 ? [table(block.header, shown)] : []),
    ...(notes.length > 0 ? [`_${notes.join("; ")}: every row in full is in \`${block.rest}\`._`] : []),
  ].join("\n\n");
}

/**
 * The blocks as Markdown of at most `limit` characters: whole when they fit, else with the fewest
 * cuts that make them fit. Throws when even empty tables do not fit: the report's own words are
 * then too long, a bug, never a consequence of config.
 */
export function renderWithin(blocks: readonly BoundedBlock[], limit: number): string {
  for (const fit of FITS) {
    const text = blocks.map((b) => renderBlock(b, fit)).join("\n\n") + "\n";
    if (text.length <= limit) return text;
  }
  throw new Error(`the review's own text exceeds ${limit} characters with every table emptied`);
}
