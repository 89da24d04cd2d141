// plan.md's "Placement rules and licences" section in Spanish, the same shape as rules-en.ts.
import type { RulesMessages } from './rules-en.ts';

export const rulesEs: RulesMessages = {
  title: 'Reglas de ubicación y licencias',
  antiAffinity: 'antiafinidad',
  affinity: 'afinidad',
  pin: (host) => `fijada → ${host}`,
  hostGroup: (name, licence) => `grupo de nodos ${name} (${licence})`,
  head: ['Regla', 'Indicada en', 'VM (nodo)', 'Operación normal'],
  checked: 'El verificador de la ubicación comprueba cada regla en operación normal.',
  notAllPlaced: 'no todas ubicadas',
  held: 'se cumple',
  broken: '**no se cumple**',
  breaksTitle: 'Reinicios que rompen una regla',
  haCapacityOnly: 'Los reinicios de HA solo respetan la capacidad, como hace VMware HA por omisión.',
  enforceHint:
    ' Configure `placement.enforceRulesOnFailover: true` para mantener la antiafinidad en los reinicios ' +
    '(puede necesitar más nodos).',
  breaksHead: ['Caído', 'VM', 'Se reinicia en', 'Rompe'],
  breaks: (rule, group, beside, others) =>
    `${rule === 'anti-affinity' ? 'antiafinidad' : rule === 'affinity' ? 'afinidad' : rule} ${group}: ` +
    `${beside ? 'junto a' : 'separada de'} ${others}`,
  licencesTitle: 'Licencias por grupo de nodos',
  licencesHead: [
    'Grupo de nodos',
    'VM',
    'Nodos',
    'Núcleos',
    'Licencias',
    'Sin el grupo: nodos',
    'Núcleos',
    'Licencias',
    'Ahorro',
  ],
  group: (name, dedicated) => `${name} (${dedicated ? 'nodos dedicados' : 'todos los nodos licenciados'})`,
  save: (amount) => `los grupos de nodos ahorran **${amount}**`,
  costMore: (amount) => `dedicar nodos costaría ${amount} más`,
  total: (w) =>
    `Hardware + licencias: **${w.total}** con ${w.hosts} nodos; un solo clúster con todos los nodos licenciados: ` +
    `${w.without} con ${w.withoutHosts} nodos (${w.hardware} de hardware + ${w.licences} de licencias)`,
};
