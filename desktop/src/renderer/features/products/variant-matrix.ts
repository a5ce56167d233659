/** The variant matrix: every colour x size x width asked for, marked new or already there. */
import type { Width } from '@shoebox/shared';

export interface MatrixChoice {
  colourIds: string[];
  sizes: number[];
  widths: Width[];
}
export interface MatrixCell {
  colourId: string;
  sizeEu: number;
  width: Width;
  exists: boolean;
}

const key = (colourId: string, sizeEu: number, width: string) => `${colourId}|${sizeEu}|${width}`;

export function matrixPreview(
  choice: MatrixChoice,
  existing: ReadonlyArray<{ colourId: string; sizeEu: number; width: string }>,
): { cells: MatrixCell[]; newCount: number; existingCount: number } {
  const have = new Set(existing.map((v) => key(v.colourId, v.sizeEu, v.width)));
  const sizes = [...choice.sizes].sort((a, b) => a - b);
  const cells = choice.colourIds.flatMap((colourId) =>
    choice.widths.flatMap((width) =>
      sizes.map((sizeEu) => ({ colourId, sizeEu, width, exists: have.has(key(colourId, sizeEu, width)) })),
    ),
  );
  const existingCount = cells.filter((c) => c.exists).length;
  return { cells, newCount: cells.length - existingCount, existingCount };
}
