import { retryDelayMs } from './retry-backoff';

const settings = { retryBaseMs: 1000, retryCapMs: 3_600_000 };
const almostOne = () => 0.999_999_9;

describe('retry backoff (exponential, full jitter)', () => {
  it('the longest wait doubles with each failed attempt, from the base: 1 s, 2 s, 4 s, 8 s …', () => {
    // given a random draw just under 1, the wait is just under its ceiling
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, settings, almostOne))).toEqual([999, 1999, 3999, 7999, 15999]);
  });

  it('is capped: from the 13th failure on (1 s × 2^12 = 4,096 s > 3,600 s) the ceiling is the cap, also after thousands of failures', () => {
    expect(retryDelayMs(12, settings, almostOne)).toBe(2_047_999);
    expect(retryDelayMs(13, settings, almostOne)).toBe(3_599_999);
    expect(retryDelayMs(5000, settings, almostOne)).toBe(3_599_999);
  });

  it('the jitter is the whole range: a draw of 0 retries at once, a draw of 0.5 waits half the ceiling', () => {
    expect(retryDelayMs(3, settings, () => 0)).toBe(0);
    expect(retryDelayMs(3, settings, () => 0.5)).toBe(2000);
  });

  it('with real randomness the waits spread over [0, ceiling): never above, and about half of it on average', () => {
    // given 20,000 draws for the 4th attempt (ceiling 8 s)
    const waits = Array.from({ length: 20_000 }, () => retryDelayMs(4, settings));
    // then
    expect(Math.max(...waits)).toBeLessThan(8000);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
    const mean = waits.reduce((sum, w) => sum + w, 0) / waits.length;
    // the mean of U[0, 8000) is 4000 with a standard error of 8000 / √12 / √20,000 ≈ 16 ms
    expect(Math.abs(mean - 4000)).toBeLessThan(150);
    // and not bunched at the ceiling: a quarter of them in each quarter of the range, give or take
    expect(waits.filter((w) => w < 2000).length / waits.length).toBeGreaterThan(0.22);
  });
});
