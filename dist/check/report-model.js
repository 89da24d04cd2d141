export const DRIFT_RESOURCES = ['vcpu', 'memoryGb', 'diskGb', 'networkMBps'];
