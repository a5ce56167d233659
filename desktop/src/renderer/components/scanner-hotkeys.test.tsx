import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type KeyboardEvent, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useScannerHotkeys } from './scanner-hotkeys.ts';

afterEach(cleanup);

/** An always-focused scan input with box hotkeys 1-2, as the pack station has. */
function Bench() {
  const [log, setLog] = useState<string[]>([]);
  const hotkeys = useScannerHotkeys({
    1: () => setLog((l) => [...l, 'box 1']),
    2: () => setLog((l) => [...l, 'box 2']),
  });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (hotkeys(e)) return;
    if (e.key === 'Enter') {
      const code = e.currentTarget.value;
      e.currentTarget.value = '';
      setLog((l) => [...l, `scan ${code}`]);
    }
  };
  return (
    <>
      <input aria-label="scan" onKeyDown={onKeyDown} />
      <output aria-label="log">{log.join(', ')}</output>
    </>
  );
}

describe('hotkeys beside a scanner input', () => {
  it('runs a lone key as a hotkey, and keeps a scanned code that starts with the same key whole', async () => {
    const user = userEvent.setup();
    render(<Bench />);
    const input = screen.getByLabelText('scan');
    await user.click(input);
    await user.keyboard('2');
    await waitFor(() => expect(screen.getByLabelText('log').textContent).toBe('box 2'));
    await user.keyboard('2345678901234{Enter}');
    await waitFor(() => expect(screen.getByLabelText('log').textContent).toBe('box 2, scan 2345678901234'));
    // A key typed after the field has text is part of the code, never a hotkey.
    await user.keyboard('84001{Enter}');
    expect(screen.getByLabelText('log').textContent).toBe('box 2, scan 2345678901234, scan 84001');
  });
});
