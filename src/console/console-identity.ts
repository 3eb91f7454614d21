/** The pretend workspace the console runs in. */
export const CONSOLE = {
  teamId: "T0CONSOLE",
  appId: "A0CONSOLE",
  botUserId: "U0TALLY",
  botId: "B0TALLY",
  userId: "U0YOU",
  userName: "you",
  channelId: "C0NEWSROOM",
  channelName: "newsroom",
  dmChannelId: "D0TALLY",
  /** Never contacted: the Web API client's fetch is answered in-process. */
  apiBase: "https://slack.console.invalid/api/",
  responseBase: "https://hooks.console.invalid/response/",
} as const;
