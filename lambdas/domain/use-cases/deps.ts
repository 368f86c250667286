import type { CompiledConfig } from '../config/compiled-config';
import type {
  Clock,
  CommandCenterView,
  DesktopPresence,
  DesktopPush,
  EventSink,
  IdGenerator,
  RecordingLocator,
  RoutingStore,
  SetAsideStore,
  TelephonyPort,
  TimerPort,
} from '../ports';
import type { CandidateCache } from './candidate-cache';

/** Supplies the current configuration; cached so a routing call does not reload it. */
export interface ConfigProvider {
  get(): Promise<CompiledConfig>;
}

/** The ports every use case works through; the composition roots (Lambda, simulator, tests) wire them. */
export interface RouterDeps {
  readonly store: RoutingStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventSink;
  readonly timers: TimerPort;
  readonly config: ConfigProvider;
  /** Amazon Connect, for voice; absent where the router runs without telephony (simulations, digital only). */
  readonly telephony?: TelephonyPort;
  /** Cached candidates for pushes; absent means every push queries the availability index. */
  readonly candidates?: CandidateCache;
  /**
   * Who delivers what a commit caused. `inline` (the default: local runs, tests): the writer publishes, schedules
   * and runs follow-ups right after its commit. `outbox` (AWS): only the table's stream dispatcher does, at least
   * once, from the outbox entry the commit carried; a crash after the commit then loses nothing.
   */
  readonly delivery?: 'inline' | 'outbox';
  /** The recordings bucket, searched before a voicemail is reported missing; absent: the event is the only way. */
  readonly recordings?: RecordingLocator;
  /** Reps' desktops, told of every committed change that concerns them; absent where nobody is signed in. */
  readonly desktops?: DesktopPush;
  /** Who has a workspace open (the push channel's connections); absent where none is tracked. */
  readonly desktopPresence?: DesktopPresence;
  /**
   * Where the stream's delivery keeps entries it could not deliver (semantics §10); absent (local drains, tests),
   * a failure is thrown and the drain tries the entry again.
   */
  readonly setAside?: SetAsideStore;
  /** The Command Center read model, for supervisors' pages; absent where none is kept. */
  readonly commandCenter?: CommandCenterView;
}
