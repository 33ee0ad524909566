/**
 * An interval literal as the three fields PostgreSQL stores (`interval_in`): months, days and
 * microseconds. `'1 hour'`, `'60 minutes'`, `'01:00:00'`, `'PT1H'` and `'@ 3600 secs'` are one value;
 * `'24 hours'` and `'1 day'` are not (PostgreSQL keeps days and time apart, and so does `=` on
 * `justify`-less output), so they stay different here too.
 */
export interface IntervalValue {
  readonly months: number;
  readonly days: number;
  readonly microseconds: number;
}

const microsecondsPer = { second: 1e6, minute: 60e6, hour: 3600e6, day: 86_400e6 } as const;

/** Units `interval_in` reads, by every spelling it accepts, in the field they land in. */
const units: Record<string, { field: 'months' | 'days' | 'microseconds'; factor: number }> = {};
const unit = (names: readonly string[], field: 'months' | 'days' | 'microseconds', factor: number) => {
  for (const name of names) units[name] = { field, factor };
};
unit(['microsecond', 'microseconds', 'us', 'usec', 'usecs', 'useconds'], 'microseconds', 1);
unit(['millisecond', 'milliseconds', 'ms', 'msec', 'msecs', 'mseconds'], 'microseconds', 1000);
unit(['second', 'seconds', 's', 'sec', 'secs'], 'microseconds', microsecondsPer.second);
unit(['minute', 'minutes', 'm', 'min', 'mins'], 'microseconds', microsecondsPer.minute);
unit(['hour', 'hours', 'h', 'hr', 'hrs'], 'microseconds', microsecondsPer.hour);
unit(['day', 'days', 'd'], 'days', 1);
unit(['week', 'weeks', 'w'], 'days', 7);
unit(['month', 'months', 'mon', 'mons'], 'months', 1);
unit(['year', 'years', 'y', 'yr', 'yrs'], 'months', 12);
unit(['decade', 'decades', 'dec', 'decs'], 'months', 120);
unit(['century', 'centuries', 'c', 'cent'], 'months', 1200);
unit(['millennium', 'millennia', 'mil', 'mils'], 'months', 12_000);

/** Parses PostgreSQL's interval input (postgres, postgres_verbose, sql_standard and ISO 8601 forms); undefined when it cannot. */
export function parseInterval(text: string): IntervalValue | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return undefined;
  if (input.startsWith('p')) return parseIso8601(input);
  const value = { months: 0, days: 0, microseconds: 0 };
  const tokens = input
    .replace(/^@\s*/, '')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/\s+/);
  let negate = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === 'ago') {
      negate = true;
      continue;
    }
    const time = /^([+-])?(\d+):(\d+)(?::(\d+(?:\.\d*)?))?$/.exec(token);
    if (time) {
      const sign = time[1] === '-' ? -1 : 1;
      value.microseconds += sign * (Number(time[2]) * microsecondsPer.hour + Number(time[3]) * microsecondsPer.minute + Math.round(Number(time[4] ?? 0) * 1e6));
      continue;
    }
    const yearMonth = /^([+-])?(\d+)-(\d+)$/.exec(token);
    if (yearMonth) {
      value.months += (yearMonth[1] === '-' ? -1 : 1) * (Number(yearMonth[2]) * 12 + Number(yearMonth[3]));
      continue;
    }
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) return undefined;
    const amount = Number(token);
    const next = tokens[index + 1];
    const named = next === undefined ? undefined : units[next];
    if (named) {
      index++;
      addAmount(value, amount, named.field, named.factor);
    } else if (next !== undefined && /^[+-]?\d+:/.test(next)) {
      addAmount(value, amount, 'days', 1); // sql_standard `3 04:05:06`: the number before a time is days
    } else if (next === undefined || next === 'ago') {
      addAmount(value, amount, 'microseconds', microsecondsPer.second); // a bare trailing number is seconds
    } else return undefined;
  }
  const sign = negate ? -1 : 1;
  return { months: sign * value.months, days: sign * value.days, microseconds: sign * value.microseconds };
}

/** As `interval_in` spills fractions down: a fraction of a month is 30 days, of a day 24 hours. */
function addAmount(
  value: { months: number; days: number; microseconds: number },
  amount: number,
  field: 'months' | 'days' | 'microseconds',
  factor: number,
): void {
  if (field === 'microseconds') {
    value.microseconds += Math.round(amount * factor);
    return;
  }
  const whole = Math.trunc(amount * factor);
  const rest = amount * factor - whole;
  if (field === 'months') {
    value.months += whole;
    addAmount(value, rest, 'days', 30);
  } else {
    value.days += whole;
    value.microseconds += Math.round(rest * microsecondsPer.day);
  }
}

function parseIso8601(input: string): IntervalValue | undefined {
  const match = /^p(?:([\d.]+)y)?(?:([\d.]+)m)?(?:([\d.]+)w)?(?:([\d.]+)d)?(?:t(?:([\d.]+)h)?(?:([\d.]+)m)?(?:([\d.]+)s)?)?$/.exec(input);
  if (!match || input === 'p' || input.endsWith('t')) return undefined;
  const value = { months: 0, days: 0, microseconds: 0 };
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  if (years) addAmount(value, Number(years), 'months', 12);
  if (months) addAmount(value, Number(months), 'months', 1);
  if (weeks) addAmount(value, Number(weeks), 'days', 7);
  if (days) addAmount(value, Number(days), 'days', 1);
  if (hours) addAmount(value, Number(hours), 'microseconds', microsecondsPer.hour);
  if (minutes) addAmount(value, Number(minutes), 'microseconds', microsecondsPer.minute);
  if (seconds) addAmount(value, Number(seconds), 'microseconds', microsecondsPer.second);
  return value;
}

/** The literal's comparable form, or the text unchanged when it is no interval PostgreSQL would read. */
export function canonicalInterval(text: string): string {
  const value = parseInterval(text);
  return value ? `${value.months} mons ${value.days} days ${value.microseconds} us` : text;
}
