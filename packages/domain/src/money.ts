import * as z from "zod";

/** ISO 4217 currency code, e.g. EUR. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as EUR")
  .refine(
    (code) => {
      try {
        new Intl.NumberFormat("en", { style: "currency", currency: code });
        return true;
      } catch {
        return false;
      }
    },
    { message: "Unknown currency code" },
  );

/** Money is stored as whole minor units (cents); at most a trillion of them. */
export const minorUnits = z
  .number()
  .int("Amounts are whole minor units")
  .min(0, "Amounts cannot be negative")
  .max(1e15, "Amount is too large");

/** How many decimals a currency's minor unit has (EUR 2, JPY 0, BHD 3). */
export function currencyMinorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Converts a typed amount in major units (12.5) to minor units (1250), rounding half away. */
export function toMinorUnits(major: number, currency: string): number {
  const factor = 10 ** currencyMinorDigits(currency);
  return Math.sign(major) * Math.round(Math.abs(major) * factor);
}

export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyMinorDigits(currency);
}

export function formatMoney(minor: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
    fromMinorUnits(minor, currency),
  );
}
