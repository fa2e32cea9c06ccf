/**
 * Everything the emulator knows, without HTTP: configuration, the clock, the partitioned state, the transition
 * registry, faults, the request history and the models. The HTTP server, the admin API and the in-process
 * helper all work on one `EmulatorContext`.
 */
import { Clock } from "./util";
import { EmulatorState } from "./models/state";
import { TransitionRegistry } from "./lifecycle";
import { FaultInjector } from "./faults";
import { RequestHistory } from "./history";
import { ModelRegistry } from "./models/registry";

export interface EmulatorConfig {
  /** Region name reported to clients (`HW_REGION_NAME`). */
  readonly region: string;
  /** Access key → secret key. */
  readonly credentials: Map<string, string>;
  /** When set, `X-Auth-Token` equal to it authenticates a request. */
  readonly authToken?: string;
  /** Availability zones of the region, used for the AZ APIs and auto-selection. */
  readonly availabilityZones: readonly string[];
  /** Project id handed to clients by default. */
  readonly projectId: string;
  /** Per-start secret every admin route but `GET /health` requires (`X-Emulator-Admin-Token`). */
  readonly adminToken: string;
}

export class EmulatorContext {
  readonly clock = new Clock();
  readonly state = new EmulatorState();
  readonly transitions: TransitionRegistry;
  readonly faults = new FaultInjector();
  readonly history = new RequestHistory();
  readonly models: ModelRegistry;
  /** Called after any state change (persistence hooks in here). */
  onChange: () => void = () => {};

  constructor(
    readonly config: EmulatorConfig,
    delayScale: number,
  ) {
    this.transitions = new TransitionRegistry(delayScale);
    this.models = new ModelRegistry(this);
  }

  changed(): void {
    this.onChange();
  }
}
