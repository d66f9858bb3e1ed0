/**
 * A working calendar: Monday to Friday, less the organisation's holidays. Days are numbered from
 * `origin` (day 0 is the first working day on or after it), so scheduling is integer arithmetic.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly dates: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly before: string[] = [];
  /** Non-working dates already placed, for each direction (weekends recur in every plan). */
  private readonly snapped = { 1: new Map<string, number>(), [-1]: new Map<string, number>() };

  constructor(
    readonly origin: string,
    holidays: Iterable<string> = [],
  ) {
    this.holidays = new Set(holidays);
    let cursor = WorkingCalendar.parse(origin);
    while (!this.isWorkingDate(cursor)) cursor = WorkingCalendar.step(cursor, 1);
    this.push(cursor);
  }

  private static parse(date: string): Date {
    return new Date(`${date}T00:00:00Z`);
  }

  private static step(date: Date, days: number): Date {
    return new Date(date.getTime() + days * 86_400_000);
  }

  private static format(date: Date): string {
    return date.toISOString().slice(0, 10);
  }

  private isWorkingDate(date: Date): boolean {
    const day = date.getUTCDay();
    return day !== 0 && day !== 6 && !this.holidays.has(WorkingCalendar.format(date));
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDate(WorkingCalendar.parse(date));
  }

  private push(date: Date) {
    const text = WorkingCalendar.format(date);
    this.index.set(text, this.dates.length);
    this.dates.push(text);
  }

  private extendForward(to: number) {
    if (this.dates.length > to) return;
    let cursor = WorkingCalendar.parse(this.dates[this.dates.length - 1] as string);
    while (this.dates.length <= to) {
      cursor = WorkingCalendar.step(cursor, 1);
      if (this.isWorkingDate(cursor)) this.push(cursor);
    }
  }

  private extendBack(to: number) {
    // Day -1, -2, … are kept in `before` (before[0] is day -1).
    if (this.before.length >= -to) return;
    let cursor = WorkingCalendar.parse(this.before.at(-1) ?? (this.dates[0] as string));
    while (this.before.length < -to) {
      cursor = WorkingCalendar.step(cursor, -1);
      if (this.isWorkingDate(cursor)) {
        const text = WorkingCalendar.format(cursor);
        this.before.push(text);
        this.index.set(text, -this.before.length);
      }
    }
  }

  /** The date of working day `n` (negative: before the origin). */
  dateOf(n: number): string {
    if (n >= 0) {
      this.extendForward(n);
      return this.dates[n] as string;
    }
    this.extendBack(n);
    return this.before[-n - 1] as string;
  }

  /**
   * The working day number of `date`; a non-working date counts as the next working day
   * (`direction` 1) or the previous one (-1).
   */
  dayOf(date: string, direction: 1 | -1 = 1): number {
    const known = this.index.get(date) ?? this.snapped[direction].get(date);
    if (known !== undefined) return known;
    let cursor = WorkingCalendar.parse(date);
    while (!this.isWorkingDate(cursor)) cursor = WorkingCalendar.step(cursor, direction);
    const target = WorkingCalendar.format(cursor);
    // Walk the numbering out to the target.
    if (target >= (this.dates[0] as string)) {
      while ((this.dates[this.dates.length - 1] as string) < target)
        this.extendForward(this.dates.length + 64);
    } else {
      while ((this.before.at(-1) ?? (this.dates[0] as string)) > target)
        this.extendBack(-this.before.length - 64);
    }
    const found = this.index.get(target);
    if (found === undefined) throw new Error(`calendar could not place ${date}`);
    this.snapped[direction].set(date, found);
    return found;
  }

  /** Working days from `a` to `b` (positive when b is later). */
  between(a: string, b: string): number {
    return this.dayOf(b) - this.dayOf(a);
  }
}
