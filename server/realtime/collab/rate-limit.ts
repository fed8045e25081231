// A token bucket per socket: bursts (pasting, reconnecting) pass, a sustained
// flood does not. Refused messages are answered, never silently dropped, so an
// honest client knows to slow down and resync.
export interface RateLimit {
  /** Tokens available at once. */
  burst: number;
  /** Tokens added per second. */
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  take(cost = 1): boolean {
    const at = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((at - this.last) / 1000) * this.limit.perSecond);
    this.last = at;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
