// Unit tests run on 2026-06-30 (local time), so that “a date in the future” gives the same
// answer on any day. Only Date is faked: timers and performance.now() run as usual.
import { vi } from 'vitest';

vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 5, 30, 12) });
