import type { App, Receiver } from "@slack/bolt";

/**
 * A Bolt receiver fed by the console instead of by Slack: it hands the app the same bodies Slack
 * would send and waits until every listener has finished, so the console knows when a reply is done.
 */
export class ConsoleReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Delivers one body; resolves with whatever the listener passed to ack() (undefined for none). */
  async deliver(body: Record<string, unknown>): Promise<unknown> {
    if (!this.app) throw new Error("the console receiver was used before the app was created");
    let acked: unknown;
    await this.app.processEvent({
      body,
      ack: async (response?: unknown) => {
        acked = response;
      },
    });
    return acked;
  }
}
