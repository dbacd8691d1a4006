// Your Slack link: which Slack member is linked to you (proven from Slack), starting a link
// (a one-time code to type in Slack as `/steward link <code>`), and unlinking; for an admin,
// disconnecting the workspace from its Slack team.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';

export type SlackLink = Schemas['SlackLink'];
export type SlackLinkCode = Schemas['SlackLinkCode'];

const slackLinkKey = ['me', 'slack-link'] as const;
/** The notification preferences read `slackMemberId` too: refreshed with the link. */
const preferencesKey = ['notificationPreferences'] as const;

/**
 * The link, asked again every few seconds while a code waits to be typed in Slack (the link is
 * made there, not here), and whenever the window comes back into focus.
 */
export function useSlackLink() {
  return useQuery({
    queryKey: slackLinkKey,
    queryFn: () => call(api.GET('/api/v1/me/slack-link')),
    refetchInterval: (query) =>
      query.state.data?.pendingUntil && !query.state.data.linked ? 3000 : false,
    refetchOnWindowFocus: 'always',
  });
}

export function useStartSlackLink() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/me/slack-link')),
    onSuccess: () => void queries.invalidateQueries({ queryKey: slackLinkKey }),
  });
}

export function useUnlinkSlack() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/me/slack-link')),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: slackLinkKey });
      void queries.invalidateQueries({ queryKey: preferencesKey });
    },
  });
}

/** An admin's: forgets the workspace's Slack team with every person's link. */
export function useDisconnectSlackTeam() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/slack-team')),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: slackLinkKey });
      void queries.invalidateQueries({ queryKey: preferencesKey });
    },
  });
}
