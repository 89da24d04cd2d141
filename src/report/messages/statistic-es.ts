// The demand statistics as the Spanish report names them (method §3.1, §3.6): avg, max and
// pNN of the monitoring, and the figures an inventory export records or allocates.
const NAMES: Readonly<Record<string, string>> = {
  avg: 'promedio',
  max: 'máximo',
  installed: 'instalado',
  recorded: 'registrado',
  'recorded consumed': 'registrado (consumida)',
  'recorded active': 'registrado (activa)',
  'recorded in use': 'registrado (en uso)',
  provisioned: 'aprovisionado',
  allocated: 'asignado',
};

/** A statistic's Spanish name; a percentile (p95) keeps its name, which reads the same. */
export function statisticEs(statistic: string): string {
  return NAMES[statistic] ?? statistic;
}
