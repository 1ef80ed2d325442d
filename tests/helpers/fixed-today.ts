// Unit and slow tests run on 2098-06-30 (local time), so that “a date in the future” gives the
// same answer on any day: the fixtures' future dates are in 2099, and every real date of the
// bundled content (never later than the day it was written) lies before. Only Date is faked:
// timers and performance.now() run as usual.
import { vi } from 'vitest';

vi.useFakeTimers({ toFake: ['Date'], now: new Date(2098, 5, 30, 12) });
