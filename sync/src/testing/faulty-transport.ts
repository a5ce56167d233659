import { DomainError, isDomainError } from '@shoebox/shared';
import type { Transport } from '../client/ports.ts';
import type { PullRequest, PushRequest } from '../protocol/wire.ts';
import type { Prng } from './prng.ts';

/** The server as the network sees it: a scope's requests in, answers or refusals out. */
export interface Endpoint {
  pull(body: unknown): Promise<unknown>;
  push(body: unknown): Promise<unknown>;
}

/** The server could not be reached, or its answer was lost on the way. */
export class Unreachable extends Error {
  constructor(what: string) {
    super(`unreachable: ${what}`);
    this.name = 'Unreachable';
  }
}

/** The device process died while its request was out (the request still reached the server). */
export class DeviceKilled extends Error {}

export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  /** The request reaches the server twice (a retrying proxy). */
  duplicate: number;
  /** A copy of the request is held in the network and delivered later, out of order. */
  delay: number;
  /** A pull is answered with an older answer (a late packet from an earlier request). */
  staleReply: number;
}

export const noFaults: FaultRates = {
  dropRequest: 0,
  dropResponse: 0,
  duplicate: 0,
  delay: 0,
  staleReply: 0,
};

/** Late deliveries shared by every device's transport, flushed by the simulation at random. */
export class Network {
  private readonly held: (() => Promise<unknown>)[] = [];

  hold(delivery: () => Promise<unknown>): void {
    this.held.push(delivery);
  }

  /** Delivers one held request, chosen at random (its answer goes nowhere). */
  async deliverOne(random: Prng): Promise<void> {
    if (this.held.length === 0) return;
    const [delivery] = this.held.splice(random.int(0, this.held.length - 1), 1);
    await delivery?.().catch(() => undefined);
  }

  async deliverAll(random: Prng): Promise<void> {
    while (this.held.length > 0) await this.deliverOne(random);
  }

  clear(): void {
    this.held.length = 0;
  }

  get size(): number {
    return this.held.length;
  }
}

/** Everything crosses as JSON, and a refusal as the plain error object problem+json carries. */
const overTheWire = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    return JSON.parse(JSON.stringify(await call()));
  } catch (error) {
    if (isDomainError(error)) throw DomainError.from(JSON.parse(JSON.stringify(error.toJSON())));
    throw error;
  }
};

/** A Transport that loses, repeats, delays and reorders, as the seeded PRNG decides. */
export class FaultyTransport implements Transport {
  offline = false;
  /** The next push reaches the server, and then the device dies before reading the answer. */
  killDuringNextPush = false;
  /** Set when that happened: the simulation then throws the client away and restarts it from disk. */
  killed = false;
  /** Answers to earlier pulls, which a stale reply replays. */
  readonly oldPullAnswers: unknown[] = [];

  constructor(
    private readonly endpoint: Endpoint,
    private readonly network: Network,
    private readonly random: Prng,
    public rates: FaultRates = noFaults,
  ) {}

  async push(request: PushRequest): Promise<unknown> {
    const body = JSON.parse(JSON.stringify(request));
    const send = () => overTheWire(() => this.endpoint.push(body));
    return this.exchange('push', send, (answer) => {
      if (this.killDuringNextPush) {
        this.killDuringNextPush = false;
        this.killed = true;
        throw new DeviceKilled('killed while its push was in flight');
      }
      return answer;
    });
  }

  async pull(request: PullRequest): Promise<unknown> {
    const body = JSON.parse(JSON.stringify(request));
    const send = () => overTheWire(() => this.endpoint.pull(body));
    return this.exchange('pull', send, (answer) => {
      const stale = this.oldPullAnswers.length > 0 && this.random.chance(this.rates.staleReply);
      const reply = stale ? this.random.pick(this.oldPullAnswers) : answer;
      this.oldPullAnswers.push(answer);
      if (this.oldPullAnswers.length > 5) this.oldPullAnswers.shift();
      return reply;
    });
  }

  private async exchange(what: string, send: () => Promise<unknown>, receive: (answer: unknown) => unknown) {
    if (this.offline) throw new Unreachable(`${what}: offline`);
    if (this.random.chance(this.rates.dropRequest)) throw new Unreachable(`${what}: request lost`);
    if (this.random.chance(this.rates.delay)) this.network.hold(send);
    const answer = await send();
    if (this.random.chance(this.rates.duplicate)) await send().catch(() => undefined);
    if (this.random.chance(this.rates.dropResponse)) throw new Unreachable(`${what}: answer lost`);
    return receive(answer);
  }
}
