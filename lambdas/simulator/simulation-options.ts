import type { CommandCenterView, DesktopPush } from '../domain/ports';
import type { RoutingEvent } from '../domain/routing/events';
import type { Router } from '../domain/use-cases/router';
import type { EmulatedVoice } from './voice/emulated-voice';

export interface Progress {
  readonly virtualSeconds: number;
  readonly routed: number;
  readonly waiting: number;
  readonly arrived: number;
}

export interface SimulationOptions {
  /** Virtual seconds per real second; omit to run as fast as the machine allows. */
  readonly speed?: number;
  readonly onProgress?: (p: Progress) => void;
  /** Every routing event, as it is published (the Command Center follows the run through this). */
  readonly onEvent?: (e: RoutingEvent, now: number) => void;
  /** A live run (`npm start -- --live`): real time, reps played by people beside the simulated ones. */
  readonly live?: LiveOptions;
  /** The local center's push channel and read model, wired into the run's router. */
  readonly desktops?: DesktopPush;
  readonly commandCenter?: CommandCenterView;
  /** Called once the router is ready, so the local HTTP API and push channel can serve it (and the softphone). */
  readonly onReady?: (router: Router, voice?: EmulatedVoice) => void;
  /**
   * Voice through the Connect emulator (`npm start`): calls are handed off, targeted, connected and ended through
   * Connect's API and events with the deployed handlers, instead of the router's accept and complete.
   */
  readonly connect?: boolean;
}

export interface LiveOptions {
  /** Reps played by people in the workspace: the simulation never logs them in, answers or finishes for them. */
  readonly humanReps: ReadonlySet<string>;
  /** The run ends when this is aborted. */
  readonly stop: AbortSignal;
}
