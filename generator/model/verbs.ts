/**
 * Words that name an action when they open a path's last segment (`/certificates/activate`,
 * `/runs/{id}/submit_tool_outputs`): such a segment is a method of its parent, not a resource.
 * Nouns that are also verbs in some APIs (`order`, `message`) are left out on purpose: a wrong
 * noun here turns a whole collection into a method. `report` is in: as a last segment it is the
 * action (`/transactions/{id}/report`), and its collection is `reports`, which no verb opens.
 */
export const ACTION_VERBS: ReadonlySet<string> = new Set(
  // CRUD words written into paths (`/keys/create`, `/changelog/list`)
  (
    'list get create update delete remove retrieve fetch find add set put patch replace upsert ' +
    // lifecycle
    'activate deactivate enable disable start stop restart pause resume cancel abort terminate finish complete ' +
    'close reopen open archive unarchive restore suspend unsuspend reset refresh reload retry rerun run execute ' +
    'invoke trigger launch schedule reschedule expire renew revoke rotate regenerate finalize void ' +
    // review and workflow
    'approve reject accept decline confirm verify validate check test submit publish unpublish release ' +
    'promote demote assign unassign attach detach link unlink lock unlock block unblock mute unmute pin unpin ' +
    'star unstar like unlike follow unfollow subscribe unsubscribe join leave invite kick ban unban mark flag dismiss ' +
    'acknowledge snooze hangup refer transfer forward reply resend send notify ping share unshare report ' +
    // sandbox and test-helper actions (Lithic's `/simulate/…`, Stripe's `…/shipping/deliver`)
    'simulate deliver ship fail reverse settle ' +
    // media edits (Luma's `/generations/video/reframe`)
    'modify reframe upscale extend edit ' +
    // data
    'search query count compact import export upload download sync generate preview render parse convert ' +
    'translate transcribe summarize estimate calculate evaluate compute analyze clone copy duplicate move merge ' +
    'split rename sort batch bulk apply undo redo capture refund charge authorize login logout register deregister ' +
    'signup signin signout sign encrypt decrypt resolve lookup'
  ).split(' '),
);
