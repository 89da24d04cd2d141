// One row of the Assumptions sheet: a setting's key, its value (blank: not given), unit,
// source and what the cell accepts (Excel data validation).
export interface AssumptionEntry {
  key: string;
  label: string;
  value: string | number | null;
  unit: string;
  source: string;
  numFmt?: string;
  /** What the cell accepts: a list of texts, or numbers from min (to max). */
  accepts?: { list: string[] } | { min: number; max?: number; integer?: boolean };
}
