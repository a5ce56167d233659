import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleLabel, sampleSlip } from './fixtures.ts';
import {
  escapeField,
  renderLabelBatchPdf,
  renderLabelPdf,
  renderLabelZpl,
  renderPackingSlipPdf,
} from './index.ts';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shoebox-docs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

/** Renders every page at 300 dpi like a printer would and decodes the barcodes zbarimg finds. */
async function decodeBarcodes(pdf: Buffer, name: string): Promise<string[]> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  await run('pdftoppm', ['-png', '-r', '300', file, join(dir, name)]);
  const pngs = (await readdir(dir)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
  const found: string[] = [];
  for (const png of pngs) {
    const { stdout } = await run('zbarimg', ['-q', '--raw', join(dir, png)]).catch(() => ({ stdout: '' }));
    found.push(...stdout.split('\n').filter(Boolean));
  }
  return found;
}

describe('shipping label PDF', () => {
  it('prints the names in any European script with the embedded font', async () => {
    const pdf = await renderLabelPdf(
      sampleLabel({ to: { ...sampleLabel().to, name: 'Ærøskøbing Ålesund' } }),
    );
    const text = await pdfText(pdf, 'names');
    expect(text).toContain('Łódź');
    expect(text).toContain('Ærøskøbing Ålesund');
    expect(text).toContain('Lagerstraße 4');
    expect(text).toContain('SB-7K3M9QX2');
    expect(pdf.includes(Buffer.from('DejaVuSans'))).toBe(true);
  });

  it('has a Code 128 barcode that decodes to exactly the tracking number at 300 dpi', async () => {
    const pdf = await renderLabelPdf(sampleLabel({ trackingNumber: 'SBH000424242' }));
    expect(await decodeBarcodes(pdf, 'single')).toEqual(['SBH000424242']);
  });

  it('is 4 x 6 inches', async () => {
    const file = join(dir, 'size.pdf');
    await writeFile(file, await renderLabelPdf(sampleLabel()));
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(/Page size:\s+288 x 432 pts/);
  });
});

describe('label batch PDF', () => {
  it('has one page per label, in order, each barcode decoding to its own number', async () => {
    const numbers = ['SBH000000017', 'SBH000000025', 'SBH000000033'];
    const names = ['Łucja Żak', 'Ærø Hansen', 'Ödön Szűcs'];
    const pdf = await renderLabelBatchPdf(
      numbers.map((trackingNumber, i) =>
        sampleLabel({ trackingNumber, to: { ...sampleLabel().to, name: names[i] as string } }),
      ),
    );
    expect(await decodeBarcodes(pdf, 'batch')).toEqual(numbers);
    const text = await pdfText(pdf, 'batch-text');
    const at = names.map((n) => text.indexOf(n));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('shipping label ZPL', () => {
  it('holds a ^BC Code 128 command with the same tracking number', () => {
    const zpl = renderLabelZpl(sampleLabel({ trackingNumber: 'SBH000424242' }));
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl).toMatch(/\^BCN,\d+,Y,N,N\^FDSBH000424242\^FS/);
    expect(zpl).toContain('^CI28');
    expect(zpl).toContain('Łódź');
  });

  it('escapes control characters in field data so an address cannot inject commands', () => {
    const zpl = renderLabelZpl(sampleLabel({ to: { ...sampleLabel().to, line1: 'Evil ^XZ~JR street_1' } }));
    expect(zpl).toContain('Evil _5EXZ_7EJR street_5F1');
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(escapeField('a^b')).toBe('a_5Eb');
  });
});

describe('packing slip PDF', () => {
  it('lists the lines with their sizes and the recipient, and carries the return QR code', async () => {
    const slip = sampleSlip();
    const pdf = await renderPackingSlipPdf(slip);
    const text = await pdfText(pdf, 'slip');
    expect(text).toContain('Ærøskøbing');
    expect(text).toContain('MILA-NUDE-38');
    expect(text).toMatch(/EU 38\.5/);
    expect(text).toContain('3 items');
    expect(await decodeBarcodes(pdf, 'slip')).toEqual([slip.returnUrl]);
  });

  it('takes Letter paper when asked', async () => {
    const file = join(dir, 'letter.pdf');
    await writeFile(file, await renderPackingSlipPdf(sampleSlip({ paper: 'LETTER' })));
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(/Page size:\s+612 x 792 pts/);
  });
});
