import { Button, Dialog } from '@mui/material';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBurstDetector, type ScanEvent, useScanner } from './use-scanner.ts';

describe('burst detection', () => {
  /** Feeds `keys` with these gaps before each (ms); returns what Enter at the end decided. */
  const feed = (detector: ReturnType<typeof createBurstDetector>, keys: string[], gaps: number[]) => {
    let at = 1000;
    keys.forEach((key, i) => {
      at += gaps[i] ?? gaps.at(-1)!;
      detector.key(key, at);
    });
    return detector.key('Enter', at + (gaps.at(-1) ?? 0));
  };
  const typeAll = (detector: ReturnType<typeof createBurstDetector>, code: string, gapMs: number) =>
    feed(detector, [...code], [gapMs]);

  it('calls a fast burst ending in Enter a scan, and slow typing a typed code', () => {
    const detector = createBurstDetector({ maxGapMs: 50, minLength: 4 });
    expect(typeAll(detector, '4006381333931', 8)).toBe('scanner');
    expect(typeAll(detector, '4006381333931', 180)).toBe('keyboard');
    expect(typeAll(detector, '12', 5)).toBe('keyboard');
  });

  it('one pause in a burst makes it typed, and the next code starts afresh', () => {
    const detector = createBurstDetector({ maxGapMs: 50 });
    expect(feed(detector, [...'40063'], [5, 5, 5, 5, 400, 5])).toBe('keyboard');
    expect(typeAll(detector, '4006381333931', 5)).toBe('scanner');
  });

  it('ignores keys that type nothing (Shift) when timing', () => {
    const detector = createBurstDetector();
    expect(feed(detector, ['Shift', ...'SKU-1'], [500, 5])).toBe('scanner');
  });
});

function ScanScreen({ onScan }: { onScan(s: ScanEvent): void }) {
  const scanner = useScanner({ onScan });
  const [open, setOpen] = useState(false);
  return (
    <div>
      <input aria-label="Scan" ref={scanner.ref} onKeyDown={scanner.onKeyDown} onBlur={scanner.onBlur} />
      <Button onClick={() => setOpen(true)}>Details</Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <input aria-label="Note" />
        <Button onClick={() => setOpen(false)}>Close</Button>
      </Dialog>
    </div>
  );
}

afterEach(cleanup);

describe('useScanner', () => {
  it('focuses its input, submits on Enter and clears it for the next code', async () => {
    const onScan = vi.fn();
    const user = userEvent.setup();
    render(<ScanScreen onScan={onScan} />);
    const input = screen.getByLabelText('Scan') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await user.keyboard('4006381333931{Enter}');
    expect(onScan).toHaveBeenCalledWith(expect.objectContaining({ code: '4006381333931' }));
    expect(input.value).toBe('');
    await user.keyboard('{Enter}');
    expect(onScan).toHaveBeenCalledTimes(1);
  });

  it('takes focus back when it wanders off, but leaves an open dialog alone and regains it after', async () => {
    const user = userEvent.setup();
    render(<ScanScreen onScan={() => {}} />);
    const input = screen.getByLabelText('Scan');
    act(() => input.blur());
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(document.activeElement).toBe(input);

    await user.click(screen.getByRole('button', { name: 'Details' }));
    const note = await screen.findByLabelText('Note');
    await user.click(note);
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(document.activeElement).toBe(note);

    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(input), { timeout: 1000 });
  });
});
