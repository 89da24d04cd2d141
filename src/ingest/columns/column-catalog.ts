// What each capplan column may be called in a client's file, in English and Spanish, and the
// unit family it holds (docs/inputs.md "Columns by meaning"). Keys are headers as headerKey()
// leaves them: lower case, no accents, punctuation as spaces, the unit taken out.
import type { UnitFamily } from './header-units.ts';

export interface ColumnSpec {
  column: string;
  /** Unit family of the values; null for text and counts (a header with a unit is then not this column). */
  family: UnitFamily | null;
  /** Also accepted: another family converted into `family` (network in Mbit/s → MB/s). */
  alsoBitrate?: boolean;
  /** Size of the column's unit in the family's base (disk_gb: 1024 MB). */
  scale: number;
  /** The unit assumed when the header names none, for the summary. */
  unitLabel?: string;
  keys: string[];
  /** Keys that mean this column only when the header states a unit of its family (`CPU MHz`). */
  withUnit?: string[];
}

export const INVENTORY_SPECS: ColumnSpec[] = [
  {
    column: 'name',
    family: null,
    scale: 1,
    keys: ['name', 'server', 'server name', 'servername', 'hostname', 'host name', 'host', 'computer name'].concat(
      ['computername', 'computer', 'nombre', 'servidor', 'nombre del servidor', 'nombre servidor', 'equipo'],
      ['nombre de equipo', 'nombre del equipo', 'nombre de host', 'maquina', 'nombre de servidor'],
    ),
  },
  {
    column: 'vm_name',
    family: null,
    scale: 1,
    keys: ['vm', 'vm name', 'vmname', 'nombre vm', 'nombre de vm', 'nombre de la vm', 'maquina virtual'],
  },
  { column: 'os', family: null, scale: 1, keys: ['os', 'operating system', 'os name', 'sistema operativo', 'so'] },
  {
    column: 'os_bits',
    family: null,
    scale: 1,
    keys: ['os bits', 'bits', 'architecture bits', 'arquitectura', 'architecture', 'bits so', 'bits del so'],
  },
  {
    column: 'sockets',
    family: null,
    scale: 1,
    keys: [
      'sockets',
      'cpu sockets',
      'processors',
      'physical cpus',
      '# cpu',
      'cpu',
      'cpus',
      '# cpus',
      'cpu count',
    ].concat(['procesadores', 'numero de procesadores', 'zocalos', 'sockets cpu', '# procesadores', 'num cpu']),
  },
  {
    column: 'cores_per_socket',
    family: null,
    scale: 1,
    keys: ['cores per socket', 'cores per cpu', 'cores socket', 'nucleos por procesador', 'nucleos por socket'].concat([
      'nucleos por cpu',
      'cores per processor',
    ]),
  },
  {
    column: 'cores',
    family: null,
    scale: 1,
    keys: ['cores', 'total cores', 'core count', 'nucleos', 'nucleos totales', 'total de nucleos', '# cores'].concat([
      'cpu cores',
      'numero de nucleos',
    ]),
  },
  {
    column: 'cpu_model',
    family: null,
    scale: 1,
    keys: ['cpu model', 'processor model', 'processor', 'modelo cpu', 'modelo de cpu', 'modelo procesador'].concat([
      'modelo de procesador',
      'procesador',
      'cpu type',
      'tipo de cpu',
      'modelo',
    ]),
  },
  {
    column: 'cpu_ghz',
    family: 'hz',
    scale: 1000,
    unitLabel: 'GHz',
    keys: ['cpu speed', 'clock speed', 'clock', 'velocidad cpu', 'velocidad de cpu', 'frecuencia', 'frecuencia cpu'],
    withUnit: ['cpu', 'speed', 'procesador', 'velocidad', 'processor', ''],
  },
  {
    column: 'memory_mb',
    family: 'bytes',
    scale: 1,
    unitLabel: 'MB',
    keys: ['memory', 'ram', 'memoria', 'mem', 'memoria ram', 'installed memory', 'memoria instalada'].concat([
      'physical memory',
      'memoria fisica',
      'total memory',
      'memory size',
    ]),
  },
  {
    column: 'disk_gb',
    family: 'bytes',
    scale: 1024,
    unitLabel: 'GB',
    keys: ['disk', 'disks', 'disco', 'discos', 'storage', 'almacenamiento', 'disk size', 'disk capacity'].concat([
      'capacidad disco',
      'capacidad de disco',
      'tamano disco',
      'tamano de disco',
      'espacio en disco',
      'disk total',
    ]),
  },
  {
    column: 'nics',
    family: null,
    scale: 1,
    keys: ['nics', '# nics', 'nic count', 'network adapters', 'network cards', 'tarjetas de red', 'nic'].concat([
      'interfaces de red',
      'adaptadores de red',
      'numero de nics',
      '# tarjetas de red',
      'tarjetas red',
    ]),
  },
  {
    column: 'nic_gbps',
    family: 'bitrate',
    scale: 1000,
    unitLabel: 'Gbps',
    keys: ['nic speed', 'velocidad de red', 'velocidad red', 'velocidad nic', 'link speed', 'nic speed gbps'],
    withUnit: ['nic', 'nics', 'network', 'red', 'tarjeta de red', 'tarjetas de red'],
  },
  {
    column: 'application',
    family: null,
    scale: 1,
    keys: ['application', 'app', 'role', 'workload', 'aplicacion', 'aplicaciones', 'funcion', 'rol', 'servicio'],
  },
  {
    column: 'special_hardware',
    family: null,
    scale: 1,
    keys: ['special hardware', 'hardware especial', 'hw especial', 'hardware'],
  },
  {
    column: 'ha_priority',
    family: null,
    scale: 1,
    keys: ['ha priority', 'priority', 'prioridad', 'prioridad ha', 'criticidad', 'criticality'],
  },
  // Placement rule columns (docs/placement.md); servers.csv does not write them.
  { column: 'anti_affinity', family: null, scale: 1, keys: ['anti affinity', 'antiafinidad', 'anti afinidad'] },
  { column: 'affinity', family: null, scale: 1, keys: ['affinity', 'afinidad'] },
  { column: 'pin_host', family: null, scale: 1, keys: ['pin host', 'pin', 'host fijo', 'fijar host'] },
];

export const MONITORING_SPECS: ColumnSpec[] = [
  {
    column: 'timestamp',
    family: null,
    scale: 1,
    keys: ['timestamp', 'time', 'datetime', 'date', 'date time', 'fecha', 'fecha y hora', 'fecha hora', 'hora'].concat([
      'marca de tiempo',
      'sample time',
      'time stamp',
    ]),
  },
  {
    column: 'server',
    family: null,
    scale: 1,
    keys: ['server', 'host', 'hostname', 'host name', 'server name', 'servidor', 'equipo', 'nombre', 'computer'].concat(
      ['machine', 'vm', 'node', 'nodo', 'maquina', 'nombre del servidor', 'name'],
    ),
  },
  {
    column: 'cpu_pct',
    family: 'pct',
    scale: 1,
    unitLabel: '%',
    keys: ['cpu', 'cpu usage', 'cpu utilization', 'cpu util', 'uso cpu', 'uso de cpu', 'processor time'].concat([
      'procesador',
      'cpu load',
      'carga cpu',
      'carga de cpu',
    ]),
  },
  {
    column: 'memory_used_mb',
    family: 'bytes',
    scale: 1,
    unitLabel: 'MB',
    keys: ['memory used', 'used memory', 'mem used', 'memoria usada', 'memoria utilizada', 'memoria en uso'].concat([
      'uso de memoria',
      'memory usage',
      'memory',
      'memoria',
      'ram used',
      'ram usada',
      'ram',
    ]),
  },
  {
    column: 'disk_used_gb',
    family: 'bytes',
    scale: 1024,
    unitLabel: 'GB',
    keys: ['disk used', 'used disk', 'disco usado', 'disco utilizado', 'disco en uso', 'storage used'].concat([
      'uso de disco',
      'disk usage',
      'disk',
      'disco',
    ]),
  },
  {
    column: 'network_mb_per_s',
    family: 'rate',
    alsoBitrate: true,
    scale: 1,
    unitLabel: 'MB/s',
    keys: ['network', 'net', 'red', 'network throughput', 'trafico de red', 'trafico red', 'throughput', 'network io'],
  },
  {
    column: 'iops',
    family: null,
    scale: 1,
    keys: ['iops', 'io s', 'disk iops', 'iops disco', 'e s', 'operaciones e s', 'io per s'],
  },
  {
    // CPU demand in MHz (method §3.7): `CPU MHz`, `CPU (MHz)`, `Uso CPU MHz`, `MHz`; in GHz × 1000.
    // The CPU % synonyms take no unit of this family, so a header with MHz in it lands here.
    column: 'cpu_mhz',
    family: 'hz',
    scale: 1,
    unitLabel: 'MHz',
    keys: ['cpu mhz', 'mhz', 'cpu demand mhz', 'cpu usage mhz', 'uso cpu mhz', 'uso de cpu mhz'],
    withUnit: ['', 'cpu', 'cpu usage', 'cpu demand', 'cpu used', 'uso cpu', 'uso de cpu', 'demanda cpu'].concat([
      'demanda de cpu',
      'procesador',
    ]),
  },
];
