// The part of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
  };
  type Stats = {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    max: number;
  };
  type Result = {
    latency: Stats;
    requests: Stats & { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  type Run = PromiseLike<Result> & {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
    ): Run;
  };
  function autocannon(options: Options): Run;
  export = autocannon;
}
