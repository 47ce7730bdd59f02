// Registry of store components (one per concern, each owning its tables and migrations).
import type { StoreComponent } from './migrations.js';
import { pinSnapshotsComponent } from './pin-snapshots.js';

export const STORE_COMPONENTS: readonly StoreComponent[] = [pinSnapshotsComponent];
